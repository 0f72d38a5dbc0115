import { ReadError } from './readError';

/**
 * What the reader needs from a package: the names of its parts and each part's inflated
 * bytes, in chunks, so a part is never held whole and reading can stop early. The zip archive
 * provides it (checks and limits included); nothing here depends on Node.
 */
export interface PackageSource {
  /** part names as stored (directories excluded) */
  names(): readonly string[];
  /** the inflated content of a part, in order; stopping early cancels the inflation */
  chunks(name: string): AsyncIterable<Uint8Array>;
  /** checks the parts not read to their end (checksums), refusing a damaged package */
  verify?(): Promise<void>;
}

/**
 * Finds part names the way OPC compares them: case-insensitively. Entries written with
 * Windows separators (`xl\\workbook.xml`, by some zip tools) are found under `/` names.
 */
export class PartNames {
  private readonly byLower = new Map<string, string>();
  /** every part name with `/` separators */
  readonly all: string[] = [];

  constructor(source: PackageSource) {
    for (const n of source.names()) {
      const name = n.replace(/\\/g, '/');
      const key = name.toLowerCase();
      // two parts whose names differ only in case are the same part to OPC: which one counts is ambiguous
      if (this.byLower.has(key)) throw new ReadError('read.duplicateEntry', { part: name });
      this.all.push(name);
      this.byLower.set(key, n);
    }
  }

  /** the stored name of `part` (package-relative, no leading slash), or null */
  find(part: string): string | null {
    return this.byLower.get(part.replace(/^\//, '').toLowerCase()) ?? null;
  }
}
