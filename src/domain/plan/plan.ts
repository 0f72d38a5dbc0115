/**
 * The write plan: every cell the review writes, as rectangular blocks with number formats.
 * It only ever addresses output columns (and their header cells), so tests can prove that
 * no input cell is touched; adapters apply it as it is (src/excel with Office.js in the task pane,
 * the package patcher in src/xlsx/patch on the command line).
 */

import type { PageSetupPlan } from './pageSetup';
import { mapped } from '../base/lists';

/** null is an empty cell */
export type PlanValue = string | number | null;

export interface RangeWrite {
  top: number;
  left: number;
  values: PlanValue[][];
  /** number format per column of the block */
  numberFormats: string[];
  role: 'header' | 'data';
}

export type ConditionalFormatPlan =
  | {
      kind: 'iconSet';
      top: number;
      left: number;
      bottom: number;
      right: number;
      /** lower bounds of the middle and top icon, in stored units (0.5 = 50%) */
      thresholds: [number, number];
    }
  | {
      kind: 'textEquals';
      top: number;
      left: number;
      bottom: number;
      right: number;
      text: string;
      fill: string;
      fontColor: string;
    };

export interface PlannedColumn {
  key: string;
  col: number;
  header: string;
  numberFormat: string;
  /** the column did not exist and the review creates it (header cell included in writes) */
  created: boolean;
  width: number;
}

export interface SheetPlan {
  /** how the sheet prints when it has no page setup of its own */
  pageSetup: PageSetupPlan;
  sheet: string;
  kind: 'kpi' | 'pledge';
  headerRow: number;
  firstDataRow: number;
  lastDataRow: number;
  columns: PlannedColumn[];
  writes: RangeWrite[];
  conditionalFormats: ConditionalFormatPlan[];
}

export interface WritePlan {
  sheets: SheetPlan[];
}

export const OUTPUT_HEADER_FILL = '#DDEBF7';
export const OUTPUT_DATA_FILL = '#F3F8FC';

/** Splits sorted column numbers into runs of neighbours: [3,4,5,9] → [[3,4,5],[9]]. */
export function runs(sorted: readonly number[]): number[][] {
  const out: number[][] = [];
  for (const c of sorted) {
    const last = out[out.length - 1];
    if (last && last[last.length - 1] === c - 1) last.push(c);
    else out.push([c]);
  }
  return out;
}

/**
 * Blocks for the data rows: one per run of consecutive rows × run of neighbouring columns.
 * `rows[i]` is the sheet row of `values[i]` (one value per planned column, in `columns`
 * order), ascending. Rows that are not reviewed rows (blank lines, notes) are left alone.
 */
export function dataWrites(columns: readonly PlannedColumn[], rows: readonly number[], values: readonly PlanValue[][]): RangeWrite[] {
  const order = mapped(columns, (c, i) => ({ c, i })).sort((a, b) => a.c.col - b.c.col);
  const colRuns = runs(order.map((o) => o.c.col));
  const writes: RangeWrite[] = [];
  let start = 0;
  while (start < rows.length) {
    let end = start;
    while (end + 1 < rows.length && rows[end + 1] === rows[end] + 1) end++;
    let k = 0;
    for (const run of colRuns) {
      const idx = order.slice(k, k + run.length).map((o) => o.i);
      k += run.length;
      const identity = idx.length === columns.length && idx.every((v, j) => v === j);
      const block: PlanValue[][] = identity && start === 0 && end === rows.length - 1 ? (values as PlanValue[][]) : new Array(end - start + 1);
      if (block !== values) {
        for (let r = start; r <= end; r++) block[r - start] = identity ? values[r] : idx.map((j) => values[r][j]);
      }
      writes.push({ top: rows[start], left: run[0], values: block, numberFormats: idx.map((j) => columns[j].numberFormat), role: 'data' });
    }
    start = end + 1;
  }
  return writes;
}

export function headerWrites(columns: readonly PlannedColumn[], headerRow: number): RangeWrite[] {
  const created = columns.filter((c) => c.created).sort((a, b) => a.col - b.col);
  const writes: RangeWrite[] = [];
  for (const run of runs(created.map((c) => c.col))) {
    const cols = created.filter((c) => run.includes(c.col));
    writes.push({ top: headerRow, left: run[0], values: [cols.map((c) => c.header)], numberFormats: cols.map(() => '@'), role: 'header' });
  }
  return writes;
}
