/**
 * 取り込み (import) of the departments' workbooks into the open workbook, as data: which chosen
 * files are read (size limits per file and in total, .xlsx-like names, the same file twice),
 * and what each read file holds once reviewed with the open workbook (sheets, counts, problems,
 * whether its sheets may be inserted). Pure: the pane reads the bytes, the Excel adapter writes.
 */
import { hasErrors, type Issue } from '../base/issues';
import { fileCounts } from '../output/fileCounts';
import type { FileReview } from '../review';

/** a file larger than this is not read (the pane holds its bytes and its sheets in memory) */
export const MAX_IMPORT_FILE_BYTES = 20 * 1024 * 1024;
/** all chosen files together */
export const MAX_IMPORT_TOTAL_BYTES = 200 * 1024 * 1024;

export interface ImportLimits {
  fileBytes: number;
  totalBytes: number;
}

export const IMPORT_LIMITS: ImportLimits = { fileBytes: MAX_IMPORT_FILE_BYTES, totalBytes: MAX_IMPORT_TOTAL_BYTES };

export interface ChosenFile {
  name: string;
  size: number;
}

/** why a chosen file is not read */
export type ImportRefusal = 'notWorkbook' | 'empty' | 'tooLarge' | 'totalTooLarge' | 'duplicate';

export type PlannedFile = { name: string; size: number; read: true } | { name: string; size: number; read: false; refusal: ImportRefusal; other?: string };

const WORKBOOK_NAME = /\.(xlsx|xlsm|xltx|xltm)$/i;

/**
 * Which files to read, in the order chosen. The same name and size twice is one file; files are
 * taken while the total stays within the limit (later ones are refused, not the earlier).
 */
export function planImport(files: readonly ChosenFile[], limits: ImportLimits = IMPORT_LIMITS): PlannedFile[] {
  const seen = new Map<string, string>();
  let total = 0;
  return files.map((f): PlannedFile => {
    const refuse = (refusal: ImportRefusal, other?: string): PlannedFile => ({ name: f.name, size: f.size, read: false, refusal, ...(other ? { other } : {}) });
    if (!WORKBOOK_NAME.test(f.name)) return refuse('notWorkbook');
    if (f.size === 0) return refuse('empty');
    if (f.size > limits.fileBytes) return refuse('tooLarge');
    const key = `${f.name.toLowerCase()}|${f.size}`;
    const other = seen.get(key);
    if (other !== undefined) return refuse('duplicate', other);
    if (total + f.size > limits.totalBytes) return refuse('totalTooLarge');
    seen.set(key, f.name);
    total += f.size;
    return { name: f.name, size: f.size, read: true };
  });
}

/** one line of the per-file list */
export interface ImportedFileFacts {
  file: string;
  kpiSheets: string[];
  pledgeSheets: string[];
  otherSheets: string[];
  kpiCount: number;
  activityCount: number;
  errors: number;
  warnings: number;
  issues: Issue[];
  /** no errors and at least one KPI or pledge sheet: its sheets may be inserted */
  insertable: boolean;
}

export function importedFileFacts(fr: FileReview): ImportedFileFacts {
  let errors = 0;
  let warnings = 0;
  for (const i of fr.issues) {
    if (i.severity === 'error') errors++;
    else if (i.severity === 'warning') warnings++;
  }
  return {
    file: fr.file,
    ...fileCounts(fr),
    otherSheets: fr.otherSheets,
    errors,
    warnings,
    issues: fr.issues,
    insertable: !hasErrors(fr.issues) && fr.sheets.length > 0,
  };
}

/**
 * Files with the same name (from two folders) get distinct names for the review and the
 * summary's references: 課.xlsx, 課 (2).xlsx. `taken` are names already in use (the open workbook).
 */
export function distinctFileNames(names: readonly string[], taken: readonly string[] = []): string[] {
  const used = new Set(taken.map((n) => n.toLowerCase()));
  return names.map((name) => {
    const dot = name.lastIndexOf('.');
    const stem = dot > 0 ? name.slice(0, dot) : name;
    const ext = dot > 0 ? name.slice(dot) : '';
    let out = name;
    for (let n = 2; used.has(out.toLowerCase()); n++) out = `${stem} (${n})${ext}`;
    used.add(out.toLowerCase());
    return out;
  });
}
