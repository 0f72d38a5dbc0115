/**
 * Where the output columns go: existing ones stay where the department's table has them;
 * missing ones are created to the right of everything used in the table's rows, so they
 * can only land on empty cells. A merged cell in the way blocks the sheet.
 */
import { rangeAddress } from '../base/address';
import { makeIssue, type Issue } from '../base/issues';
import type { PlannedColumn } from './plan';
import type { RawSheet } from '../base/raw';

export const MAX_COL = 16383;

export interface OutputSpec<K extends string> {
  order: readonly K[];
  headers: Record<K, string>;
  formats: Record<K, string>;
  widths: Record<K, number>;
}

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v === '');
}

export function placeOutputColumns<K extends string>(
  sheet: RawSheet,
  headerRow: number,
  lastRow: number,
  existing: Partial<Record<K, number>>,
  spec: OutputSpec<K>,
): { columns: PlannedColumn[]; issues: Issue[] } {
  const missing = spec.order.filter((k) => existing[k] === undefined);
  const columns: PlannedColumn[] = [];
  const issues: Issue[] = [];
  let next = -1;
  if (missing.length) {
    let right = -1;
    for (let r = headerRow; r <= lastRow; r++) {
      const line = sheet.values[r - sheet.top];
      if (!line) continue;
      for (let c = line.length - 1; c >= 0; c--) {
        if (!isBlank(line[c])) {
          if (sheet.left + c > right) right = sheet.left + c;
          break;
        }
      }
    }
    for (const m of sheet.merges ?? []) {
      if (m.bottom >= headerRow && m.top <= lastRow && m.right > right) right = m.right;
    }
    next = right + 1;
    if (next + missing.length - 1 > MAX_COL) {
      issues.push(makeIssue({ severity: 'error', code: 'sheet.tooWide', sheet: sheet.name, row: headerRow, col: Math.min(next, MAX_COL) }));
      return { columns, issues };
    }
  }
  for (const k of spec.order) {
    const at = existing[k];
    const created = at === undefined;
    const col = created ? next++ : at;
    columns.push({ key: k, col, header: spec.headers[k], numberFormat: spec.formats[k], created, width: spec.widths[k] });
  }
  // created columns sit right of every used cell of these rows, so they only land on empty
  // cells (tests/properties/writePlan.test.ts checks this on thousands of generated sheets)
  return { columns, issues };
}

/** Merged cells over output cells would make the write fail or spill: the sheet is refused instead. */
export function mergesOverOutputs(sheet: RawSheet, columns: readonly PlannedColumn[], first: number, last: number): Issue[] {
  if (last < first) return [];
  for (const m of sheet.merges ?? []) {
    if (m.bottom < first || m.top > last) continue;
    for (const c of columns) {
      if (c.col >= m.left && c.col <= m.right) {
        const merged = rangeAddress(m.top, m.left, m.bottom, m.right);
        return [makeIssue({ severity: 'error', code: 'sheet.outputBlocked', sheet: sheet.name, row: Math.max(m.top, first), col: c.col, header: c.header, params: { found: c.header, other: merged } })];
      }
    }
  }
  return [];
}
