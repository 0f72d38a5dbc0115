/** A sheet of the summary as a section writes it, before layout gives it rows, widths and pages. */
import type { ChartData, ColumnSpec, SummaryCell, SummarySheetKey, SummaryTable, SummaryValue } from './types';

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
  let last: unknown = Symbol('none');
  items.forEach((it, i) => {
    const k = key(it);
    if (i === 0 || k !== last) out.push(i);
    last = k;
  });
  return out;
}

/** plain values a list shares at most; past it, cells are kept as made */
const SHARED_VALUES = 4096;
const SHORT_TEXT = 12;
/** values of a column looked at before it may stop sharing: when fewer than half repeat, it does */
const SAMPLE = 500;
const BLANK: SummaryCell = Object.freeze({ v: null });

/**
 * For a long list: a cell of a value alone (no link, format or bold) becomes one frozen cell per
 * value, shared by every row that shows it (blanks, codes, units, grades, the 120% cap), so a
 * 100,000-row list does not hold a million cells that say the same. Longer text (names, notes)
 * rarely repeats and is kept as made, and so are the values of a column (`col`) whose first
 * SAMPLE values mostly did not repeat (actuals, targets): looking them up would cost more than
 * it saves.
 */
export function cellSharer(): (cell: SummaryCell, col: number) => SummaryCell {
  const shared = new Map<SummaryValue, SummaryCell>();
  const looked: number[] = [];
  const repeated: number[] = [];
  return (cell, col) => {
    if (cell.link !== undefined || cell.format !== undefined || cell.bold !== undefined) return cell;
    const v = cell.v;
    if (v === null) return BLANK;
    if (typeof v === 'string' && v.length > SHORT_TEXT) return cell;
    const n = (looked[col] = (looked[col] ?? 0) + 1);
    if (n > SAMPLE && (repeated[col] ?? 0) * 2 < SAMPLE) return cell;
    let one = shared.get(v);
    if (one !== undefined) {
      if (n <= SAMPLE) repeated[col] = (repeated[col] ?? 0) + 1;
      return one;
    }
    if (shared.size >= SHARED_VALUES) return cell;
    shared.set(v, (one = Object.freeze({ v })));
    return one;
  };
}
