/**
 * Workbook.insertWorksheetsFromBase64 (ExcelApi 1.13), faked: the base64 package is read with the
 * project's reader (the browser's inflater, so the bundle needs no Node) and the chosen worksheets
 * are added at the end with their cells (values, number formats, merges), in the source workbook's
 * order. A name already used gets " (2)", " (3)" … as Excel names a copied sheet. Returns the new
 * sheets' ids in that order. Charts, like Excel on the web, are not carried (the fake has none to carry).
 */
import { readXlsxWith } from '../../../src/xlsx/read/readXlsx';
import { webInflate } from '../../../src/xlsx/zip/webCodec';
import { addSheetFromSpec } from './build';
import { fail } from './errors';
import type { FakeWorkbook } from './model';

export interface InsertOptions {
  sheetNamesToInsert?: string[];
  positionType?: string;
}

function bytesOf(base64: string): Uint8Array {
  let bin: string;
  try {
    bin = atob(base64);
  } catch {
    fail('InvalidArgument', 'The argument is invalid or missing or has an incorrect format (base64File).', 'Workbook.insertWorksheetsFromBase64');
  }
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function copyName(wb: FakeWorkbook, name: string): string {
  if (!wb.sheet(name)) return name;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = name.slice(0, 31 - suffix.length) + suffix;
    if (!wb.sheet(candidate)) return candidate;
  }
}

export async function insertFromPackage(wb: FakeWorkbook, base64: string, options: InsertOptions = {}): Promise<string[]> {
  if (options.positionType !== undefined && options.positionType !== 'End') fail('InvalidArgument', `positionType ${options.positionType} is not faked`, 'Workbook.insertWorksheetsFromBase64');
  let sheets;
  try {
    sheets = (await readXlsxWith(bytesOf(base64), webInflate)).sheets;
  } catch (e) {
    fail('InvalidArgument', `The argument is invalid or missing or has an incorrect format (base64File: ${(e as Error).message}).`, 'Workbook.insertWorksheetsFromBase64');
  }
  const wanted = options.sheetNamesToInsert?.length ? new Set(options.sheetNamesToInsert.map((n) => n.toLowerCase())) : null;
  const chosen = sheets.filter((s) => !wanted || wanted.has(s.name.toLowerCase()));
  if (wanted && chosen.length !== wanted.size) fail('ItemNotFound', 'a worksheet to insert is not in the source workbook', 'Workbook.insertWorksheetsFromBase64');
  return chosen.map((raw) => addSheetFromSpec(wb, { name: copyName(wb, raw.name), top: raw.top, left: raw.left, values: raw.values, numberFormats: raw.numberFormats, merges: raw.merges, hidden: raw.hidden }).id);
}
