/** Addresses Office.js returns: "Sheet1!A1:B2, 'My sheet'!C3:D4" → zero-based rectangles. */
import { parseCellAddress } from '../domain/base/address';
import type { CellRect } from '../domain/base/raw';
import { MAX_COLUMNS, MAX_ROWS } from './excelGrid';

function colOnly(s: string): number | null {
  const m = /^\$?([A-Za-z]{1,3})$/.exec(s);
  if (!m) return null;
  let c = 0;
  for (const ch of m[1].toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  return c - 1;
}

function rowOnly(s: string): number | null {
  const m = /^\$?(\d{1,7})$/.exec(s);
  return m ? Number(m[1]) - 1 : null;
}

/** "B3:D9", "B3", "A:C", "2:4" → rectangle (null when unreadable) */
export function parseLocalRange(local: string): CellRect | null {
  const [a, b = a] = local.trim().split(':');
  const p = parseCellAddress(a);
  const q = parseCellAddress(b);
  if (p && q) return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
  const c1 = colOnly(a);
  const c2 = colOnly(b);
  if (c1 !== null && c2 !== null) return { top: 0, left: Math.min(c1, c2), bottom: MAX_ROWS - 1, right: Math.max(c1, c2) };
  const r1 = rowOnly(a);
  const r2 = rowOnly(b);
  if (r1 !== null && r2 !== null) return { top: Math.min(r1, r2), left: 0, bottom: Math.max(r1, r2), right: MAX_COLUMNS - 1 };
  return null;
}

/** Splits a (multi-area) address into its areas, honouring quoted sheet names with commas or !. */
export function splitAreas(address: string): { sheet: string | null; local: string }[] {
  const out: { sheet: string | null; local: string }[] = [];
  let i = 0;
  const n = address.length;
  while (i < n) {
    while (i < n && (address[i] === ' ' || address[i] === ',')) i++;
    if (i >= n) break;
    let sheet: string | null = null;
    if (address[i] === "'") {
      let name = '';
      i++;
      while (i < n) {
        if (address[i] === "'" && address[i + 1] === "'") {
          name += "'";
          i += 2;
        } else if (address[i] === "'") {
          i++;
          break;
        } else name += address[i++];
      }
      sheet = name;
      if (address[i] === '!') i++;
    } else {
      const bang = address.indexOf('!', i);
      const comma = address.indexOf(',', i);
      if (bang >= 0 && (comma < 0 || bang < comma)) {
        sheet = address.slice(i, bang);
        i = bang + 1;
      }
    }
    let end = address.indexOf(',', i);
    if (end < 0) end = n;
    out.push({ sheet, local: address.slice(i, end).trim() });
    i = end + 1;
  }
  return out;
}

export function parseAreas(address: string | null | undefined): CellRect[] {
  if (!address) return [];
  const out: CellRect[] = [];
  for (const a of splitAreas(address)) {
    const r = parseLocalRange(a.local);
    if (r) out.push(r);
  }
  return out;
}
