/** A1 addresses for the fake: zero-based inclusive rectangles, sheet-qualified parsing. */
import { fail } from './errors';

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function colLetters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function colNumber(letters: string): number {
  let c = 0;
  for (const ch of letters.toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  return c - 1;
}

export function cellA1(row: number, col: number): string {
  return colLetters(col) + (row + 1);
}

/** "A1:B2" (or "A:A" for whole columns, "1:1" for whole rows, "A1" for one cell) */
export function rectA1(r: Rect): string {
  const wholeRows = r.top === 0 && r.bottom === MAX_ROWS - 1;
  const wholeCols = r.left === 0 && r.right === MAX_COLS - 1;
  if (wholeRows && !wholeCols) return `${colLetters(r.left)}:${colLetters(r.right)}`;
  if (wholeCols && !wholeRows) return `${r.top + 1}:${r.bottom + 1}`;
  if (r.top === r.bottom && r.left === r.right) return cellA1(r.top, r.left);
  return `${cellA1(r.top, r.left)}:${cellA1(r.bottom, r.right)}`;
}

/** Excel quotes a sheet name in an address unless it is plain letters, digits and _ (not starting with a digit). */
export function quoteSheet(name: string): string {
  if (/^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[RrCc]\d*$/.test(name)) return name;
  return `'${name.replace(/'/g, "''")}'`;
}

export function qualified(sheet: string, r: Rect): string {
  return `${quoteSheet(sheet)}!${rectA1(r)}`;
}

/** Splits "'My Sheet'!A1:B2" into sheet and local part (sheet undefined when absent). */
export function splitSheet(address: string): { sheet?: string; local: string } {
  const a = address.trim();
  if (a.startsWith("'")) {
    let i = 1;
    let name = '';
    while (i < a.length) {
      if (a[i] === "'") {
        if (a[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += a[i++];
    }
    if (a[i + 1] !== '!') fail('InvalidArgument', `bad address ${address}`);
    return { sheet: name, local: a.slice(i + 2) };
  }
  const bang = a.lastIndexOf('!');
  return bang >= 0 ? { sheet: a.slice(0, bang), local: a.slice(bang + 1) } : { local: a };
}

function part(p: string): { row?: number; col?: number } | null {
  const m = /^\$?([A-Za-z]{0,3})\$?(\d{0,7})$/.exec(p.trim());
  if (!m || (!m[1] && !m[2])) return null;
  return { col: m[1] ? colNumber(m[1]) : undefined, row: m[2] ? Number(m[2]) - 1 : undefined };
}

/** "B3", "B3:D9", "A:C", "2:4" → rectangle */
export function parseRect(local: string): Rect {
  const [a, b] = local.split(':');
  const p = part(a);
  const q = b === undefined ? p : part(b);
  if (!p || !q) fail('InvalidArgument', `The argument is invalid or missing or has an incorrect format: ${local}`);
  const top = Math.min(p.row ?? 0, q.row ?? 0);
  const bottom = p.row === undefined || q.row === undefined ? MAX_ROWS - 1 : Math.max(p.row, q.row);
  const left = Math.min(p.col ?? 0, q.col ?? 0);
  const right = p.col === undefined || q.col === undefined ? MAX_COLS - 1 : Math.max(p.col, q.col);
  if (bottom >= MAX_ROWS || right >= MAX_COLS || top < 0 || left < 0) fail('InvalidArgument', `address out of the grid: ${local}`);
  return { top, left, bottom, right };
}

export function contains(r: Rect, row: number, col: number): boolean {
  return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

export function inside(inner: Rect, outer: Rect): boolean {
  return inner.top >= outer.top && inner.bottom <= outer.bottom && inner.left >= outer.left && inner.right <= outer.right;
}

/** a minus b: up to four rectangles */
export function subtract(a: Rect, b: Rect): Rect[] {
  if (!intersects(a, b)) return [a];
  const out: Rect[] = [];
  if (a.top < b.top) out.push({ top: a.top, left: a.left, bottom: b.top - 1, right: a.right });
  if (a.bottom > b.bottom) out.push({ top: b.bottom + 1, left: a.left, bottom: a.bottom, right: a.right });
  const top = Math.max(a.top, b.top);
  const bottom = Math.min(a.bottom, b.bottom);
  if (a.left < b.left) out.push({ top, left: a.left, bottom, right: b.left - 1 });
  if (a.right > b.right) out.push({ top, left: b.right + 1, bottom, right: a.right });
  return out;
}

export function rows(r: Rect): number {
  return r.bottom - r.top + 1;
}

export function cols(r: Rect): number {
  return r.right - r.left + 1;
}
