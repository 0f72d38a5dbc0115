// Every change the extractor makes to what the OCR text says is recorded here and written to
// seeds/data/corrections.csv, so a reviewer can check each one against the source line.

export interface Correction {
  file: string;
  line: number;
  found: string;
  corrected: string;
  reason: string;
}

export class CorrectionLog {
  readonly entries: Correction[] = [];

  add(file: string, line: number, found: string, corrected: string, reason: string): void {
    this.entries.push({ file, line, found, corrected, reason });
  }
}
