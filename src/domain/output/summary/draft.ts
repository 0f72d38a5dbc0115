/** A sheet of the summary as a section writes it, before layout gives it rows, widths and pages. */
import type { ChartData, ColumnSpec, SummaryCell, SummarySheetKey, SummaryTable } from './types';

export interface DraftTable {
  name: string;
  caption: string | null;
  columns: ColumnSpec[];
  rows: SummaryCell[][];
  dataBar?: SummaryTable['dataBar'];
  iconSet?: SummaryTable['iconSet'];
  /** rows that start a group kept on one page where it fits */
  groupStarts?: number[];
  emptyText: string;
}

export interface DraftChart extends ChartData {
  /** size in points */
  width: number;
  height: number;
  /** stands right of this table (else under the table it charts) */
  beside?: string;
}

export interface DraftSheet {
  key: SummarySheetKey;
  /** the heading of the sheet (after the plan's name on KPI sheets) */
  heading: string;
  /** KPI sheets name the plan, the year of the actuals and the cap; pledge sheets do not */
  part: 'kpi' | 'pledge' | 'review';
  tables: DraftTable[];
  chart?: DraftChart;
}

/** indexes where `key` changes from the row before: the starts of groups of equal keys */
export function groupStarts<T>(items: readonly T[], key: (t: T) => unknown): number[] {
  const out: number[] = [];
  let last: unknown = undefined;
  for (let i = 0; i < items.length; i++) {
    const k = key(items[i]);
    if (i === 0 || k !== last) out.push(i);
    last = k;
  }
  return out;
}
