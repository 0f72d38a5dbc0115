/**
 * 取り込み's option to insert the departments' sheets themselves into the open workbook, as data:
 * which of our earlier inserted sheets a new import replaces, and the name of each sheet it
 * inserts. A department is its file's name (政策推進課.xlsx and 政策推進課.xlsm are one), so
 * importing the same department again replaces its sheets instead of adding copies. Only sheets we
 * inserted (the Excel adapter marks them with the key) are ever replaced; every other sheet keeps
 * its name, and an inserted sheet that would clash gets `name (2)` (31 characters at most).
 */
import { freeSheetName } from '../output/templates';

/** the longest key kept (a worksheet custom property's value holds 255 characters) */
const MAX_KEY = 200;

/** A department's key: its file name without the extension, case and width folded. */
export function departmentKey(file: string): string {
  const dot = file.lastIndexOf('.');
  const stem = (dot > 0 ? file.slice(0, dot) : file).normalize('NFKC').trim().toLowerCase();
  return stem.slice(0, MAX_KEY);
}

/** a sheet of the open workbook: its name, and the department key when we inserted it */
export interface ExistingSheet {
  name: string;
  insertedKey: string | null;
}

/** a file whose sheets are inserted: its (distinct) name and the sheets taken from it */
export interface InsertSource {
  file: string;
  sheets: readonly string[];
}

export interface InsertedSheetName {
  /** the sheet's name in the imported file */
  source: string;
  /** its name in the open workbook */
  name: string;
}

export interface InsertFilePlan {
  file: string;
  key: string;
  sheets: InsertedSheetName[];
  /** every sheet keeps its own name: the summary may link to it inside the workbook */
  namesKept: boolean;
}

export interface InsertPlan {
  /** our earlier inserted sheets of the same departments, deleted before inserting */
  replace: string[];
  files: InsertFilePlan[];
}

/** Our inserted sheets that the import of `files` replaces (or, when not inserting, leaves out of the review). */
export function supersededSheets(existing: readonly ExistingSheet[], files: readonly string[]): string[] {
  const keys = new Set(files.map(departmentKey));
  return existing.filter((s) => s.insertedKey !== null && keys.has(s.insertedKey)).map((s) => s.name);
}

export function planInsert(existing: readonly ExistingSheet[], sources: readonly InsertSource[]): InsertPlan {
  const replace = supersededSheets(
    existing,
    sources.map((s) => s.file),
  );
  const replaced = new Set(replace);
  const taken = existing.filter((s) => !replaced.has(s.name)).map((s) => s.name);
  const files = sources.map((src): InsertFilePlan => {
    const sheets = src.sheets.map((source) => {
      const name = freeSheetName(source, taken);
      taken.push(name);
      return { source, name };
    });
    return { file: src.file, key: departmentKey(src.file), sheets, namesKept: sheets.every((s) => s.name === s.source) };
  });
  return { replace, files };
}
