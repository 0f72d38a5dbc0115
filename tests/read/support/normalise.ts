/**
 * RawSheets in a form two readers can be compared in: every non-blank cell by position with a
 * JSON-safe value, the percent/date kind of each kept number format, merged areas as a sorted
 * list. Blank cells, '' and trailing nulls are the same thing to the domain (rawAt reads all
 * three as blank), so they are dropped here.
 */
import type { RawSheet, RawValue } from '../../../src/domain/base/raw';
import { isDateFormat, isPercentFormat } from '../../../src/domain/cells/numberCell';

export type NormalValue = string | number | boolean | { error: string } | { date: string } | { nan: true };

export interface NormalSheet {
  name: string;
  hidden: boolean;
  /** "row,col" → value */
  cells: Record<string, NormalValue>;
  /** "row,col" → 'percent' | 'date' */
  formats: Record<string, 'percent' | 'date'>;
  /** "top,left:bottom,right", areas of more than one cell, sorted */
  merges: string[];
}

export function normalValue(v: RawValue): NormalValue | null {
  if (v === null || v === undefined || v === '') return null;
  if (v instanceof Date) return { date: Number.isNaN(v.getTime()) ? 'invalid' : v.toISOString() };
  // Excel has no negative zero: -0 is stored as 0
  if (typeof v === 'number') return Number.isNaN(v) ? { nan: true } : v === 0 ? 0 : v;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'object' && typeof (v as { error?: unknown }).error === 'string') return { error: (v as { error: string }).error };
  return String(v);
}

export function normaliseSheet(s: RawSheet): NormalSheet {
  const cells: Record<string, NormalValue> = {};
  const formats: Record<string, 'percent' | 'date'> = {};
  s.values.forEach((line, i) => {
    (line ?? []).forEach((v, j) => {
      const n = normalValue(v);
      if (n !== null) cells[`${s.top + i},${s.left + j}`] = n;
    });
  });
  (s.numberFormats ?? []).forEach((line, i) => {
    (line ?? []).forEach((f, j) => {
      const kind = isPercentFormat(f) ? 'percent' : isDateFormat(f) ? 'date' : null;
      if (kind) formats[`${s.top + i},${s.left + j}`] = kind;
    });
  });
  const merges = (s.merges ?? [])
    .filter((m) => m.bottom > m.top || m.right > m.left)
    .map((m) => `${m.top},${m.left}:${m.bottom},${m.right}`)
    .sort();
  return { name: s.name, hidden: !!s.hidden, cells, formats, merges: [...new Set(merges)] };
}
