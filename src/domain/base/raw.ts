/**
 * What an adapter hands to the domain (src/excel reading through Office.js, src/xlsx reading a
 * file): plain values with their positions. Rows and columns are zero-based and absolute on the
 * worksheet.
 */
export type RawValue = string | number | boolean | null | undefined | Date | RawError;

export interface RawError {
  error: string;
}

export interface CellRect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface RawSheet {
  name: string;
  /** absolute row and column of values[0][0] */
  top: number;
  left: number;
  values: RawValue[][];
  /** number formats, same shape as values where known (used to read 0.939 shown as 93.9%) */
  numberFormats?: (string | null | undefined)[][];
  /** merged areas, absolute */
  merges?: CellRect[];
  hidden?: boolean;
}

export function isRawError(v: RawValue): v is RawError {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && typeof (v as RawError).error === 'string';
}

/** The value at an absolute position, or null outside the read area. */
export function rawAt(sheet: RawSheet, row: number, col: number): RawValue {
  const r = sheet.values[row - sheet.top];
  if (!r) return null;
  const v = r[col - sheet.left];
  return v === undefined ? null : v;
}

export function sheetBottom(sheet: RawSheet): number {
  return sheet.top + sheet.values.length - 1;
}

export function sheetRight(sheet: RawSheet): number {
  let w = 0;
  for (const r of sheet.values) if (r.length > w) w = r.length;
  return sheet.left + w - 1;
}
