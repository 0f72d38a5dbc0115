/** A1-style addresses. Columns and rows are zero-based in code, one-based on screen. */
import type { CellRect } from './raw';

export function columnLetters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function cellAddress(row: number, col: number): string {
  return columnLetters(col) + String(row + 1);
}

export function rangeAddress(top: number, left: number, bottom: number, right: number): string {
  const a = cellAddress(top, left);
  return top === bottom && left === right ? a : a + ':' + cellAddress(bottom, right);
}

/** Sheet names that need quoting in a reference ('政策推進課'!A1 is always safe). */
export function quoteSheetName(name: string): string {
  return "'" + name.replace(/'/g, "''") + "'";
}

/**
 * The one A1 parser: "AB12", "$AB$12" → zero-based {row, col}; a column alone ("AB") gives
 * row -1. Lenient and allocation-light, for scanning sheet XML: no trimming, any number of
 * letters. null when `ref` is not a reference.
 */
export function parseCellRef(ref: string): { row: number; col: number } | null {
  const at = newA1Scan();
  return scanA1(ref, 0, ref.length, at) ? at : null;
}

/** What scanA1 found: zero-based row (-1 without digits) and column, and how many letters and digits. */
export interface A1Scan {
  row: number;
  col: number;
  letters: number;
  digits: number;
}

export function newA1Scan(): A1Scan {
  return { row: -1, col: -1, letters: 0, digits: 0 };
}

/**
 * parseCellRef's column for the reference from `from` to `to` of `text`, without cutting it
 * out (a sheet's text holds millions); -1 when it is not a reference. `at` is scratch.
 */
export function cellColumnIn(text: string, from: number, to: number, at: A1Scan): number {
  return scanA1(text, from, to, at) ? at.col : -1;
}

/** Parses "B12" or "$B$12" (as typed: spaces around allowed, at most 3 letters and 7 digits) into zero-based row/col. */
export function parseCellAddress(a1: string): { row: number; col: number } | null {
  const t = a1.trim();
  const p = newA1Scan();
  if (!scanA1(t, 0, t.length, p) || p.letters > 3 || p.digits < 1 || p.digits > 7) return null;
  return { row: p.row, col: p.col };
}

/** "B3:D9" or "B3" → zero-based rectangle (corners in either order); null when not a range. */
export function parseRangeRef(ref: string): CellRect | null {
  const [a, b] = ref.split(':');
  const p = parseCellAddress(a);
  const q = b ? parseCellAddress(b) : p;
  if (!p || !q) return null;
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

/** Scans `ref` from `from` to `to` into `at`; false when it is not a reference. */
function scanA1(ref: string, from: number, to: number, at: A1Scan): boolean {
  let i = from;
  let col = 0;
  let letters = 0;
  while (i < to) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else if (c !== 36 || letters > 0) break; // '$' only before the letters
    if (c !== 36) letters++;
    i++;
  }
  if (letters === 0) return false;
  let row = 0;
  let digits = 0;
  for (; i < to; i++) {
    const c = ref.charCodeAt(i);
    if (c === 36 && digits === 0) continue; // '$' before the digits
    if (c < 48 || c > 57) return false;
    row = row * 10 + (c - 48);
    digits++;
  }
  at.row = digits ? row - 1 : -1;
  at.col = col - 1;
  at.letters = letters;
  at.digits = digits;
  return true;
}
