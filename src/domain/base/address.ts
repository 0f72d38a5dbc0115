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
  return scanA1(ref);
}

/** Parses "B12" or "$B$12" (as typed: spaces around allowed, at most 3 letters and 7 digits) into zero-based row/col. */
export function parseCellAddress(a1: string): { row: number; col: number } | null {
  const p = scanA1(a1.trim());
  if (!p || p.letters > 3 || p.digits < 1 || p.digits > 7) return null;
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

function scanA1(ref: string): { row: number; col: number; letters: number; digits: number } | null {
  let i = 0;
  let col = 0;
  let letters = 0;
  while (i < ref.length) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else if (c !== 36 || letters > 0) break; // '$' only before the letters
    if (c !== 36) letters++;
    i++;
  }
  if (letters === 0) return null;
  let row = 0;
  let digits = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c === 36 && digits === 0) continue; // '$' before the digits
    if (c < 48 || c > 57) return null;
    row = row * 10 + (c - 48);
    digits++;
  }
  return { row: digits ? row - 1 : -1, col: col - 1, letters, digits };
}
