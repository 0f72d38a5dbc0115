/**
 * The cells of the KPI lists (KPI一覧, 数値目標, 見直し, 対象外): each column names what it
 * shows of its row, and one module-level function makes every list's cells.
 *
 * Columns used to carry a closure per column, made afresh for each summary and called for each
 * row. V8 keeps the code it optimised for a closure only while one of its closures lives, so in
 * a process that reviews again and again (the task pane, a batch, the bench) those closures ran
 * unoptimised again, and were compiled again, in every other review.
 */
import { eraLabel } from '../../cells/fiscalYear';
import { circledNumber } from '../../cells/ordinals';
import { keepShape } from '../../base/keptShapes';
import type { ReviewedKpi } from '../../review';
import { formattedCell } from './cell';
import { covidLabel, fraction, NUM, type SectionContext } from './context';
import { trendText } from './trend';
import type { ColumnSpec, SummaryCell } from './types';

/** what a list column shows of its KPI row */
export type ListCellKind =
  | 'kind'
  | 'goal'
  | 'measure'
  | 'project'
  | 'indicator'
  | 'unit'
  | 'baseline'
  | 'actual'
  | 'target'
  | 'plainTarget'
  | 'achievement'
  | 'progress'
  | 'pace'
  | 'grade'
  | 'gradeBasis'
  | 'covid'
  | 'trend'
  | 'excluded'
  | 'notes'
  | 'location'
  | 'revision'
  | 'originalTarget'
  | 'originalAchievement';

/** A list column: its spec and what its cells show; `year`, for an 'actual' column, is the index of its fiscal year (else -1). */
export interface ListColumn {
  spec: ColumnSpec;
  of: ListCellKind;
  year: number;
}

export function listColumn(spec: ColumnSpec, of: ListCellKind, year = -1): ListColumn {
  return { spec, of, year };
}

/**
 * A row's baseline, then its actual of each of `years` (null where it has none; the first when
 * a year comes twice), made once per row for the year columns and the trend beside them.
 */
class RowSeries {
  private readonly index: Map<number, number>;
  private last: ReviewedKpi | null = null;
  private series: (number | null)[] = [];

  constructor(private readonly years: readonly number[]) {
    keepShape(this);
    this.index = new Map(years.map((y, i) => [y, i + 1]));
  }

  of(k: ReviewedKpi): (number | null)[] {
    if (k === this.last) return this.series;
    this.last = k;
    const series = new Array<number | null>(this.years.length + 1).fill(null);
    series[0] = k.row.baseline;
    const actuals = k.row.actuals;
    for (let a = actuals.length - 1; a >= 0; a--) {
      const i = this.index.get(actuals[a].year);
      if (i !== undefined) series[i] = actuals[a].value;
    }
    return (this.series = series);
  }
}

/** What a list's cells need besides their row: the summary's context, the rows' years, and the baseline and target years in the headers. */
export interface ListContext {
  c: SectionContext;
  series: RowSeries;
  baseYear: number | null;
  targetYear: number | null;
}

/** `years`: the fiscal years of the actual columns, ascending; `baseYear` and `targetYear`: the years the headers name (null: none) */
export function listContext(c: SectionContext, years: readonly number[], baseYear: number | null, targetYear: number | null): ListContext {
  return { c, series: new RowSeries(years), baseYear, targetYear };
}

/** the cells of each row, column by column */
export function listRows(x: ListContext, columns: readonly ListColumn[], rows: readonly ReviewedKpi[]): SummaryCell[][] {
  const out = new Array<SummaryCell[]>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const cells = new Array<SummaryCell>(columns.length);
    for (let j = 0; j < columns.length; j++) cells[j] = listCell(x, columns[j], rows[i]);
    out[i] = cells;
  }
  return out;
}

export function yearText(c: SectionContext, year: number | null): string | null {
  if (year === null) return null;
  return c.t('summary.fiscalYear', { year: c.lang === 'ja' ? eraLabel(year) : year });
}

/** the value, with its own year after it when that is not the header's */
function valueWithYear(c: SectionContext, v: number | null, year: number | null, common: number | null): SummaryCell {
  return v === null || year === null || year === common ? v : formattedCell(v, `${NUM}"(${yearText(c, year)})"`);
}

function gradeBasisText(c: SectionContext, basis: 'pace' | 'achievement' | null): string | null {
  return basis === null ? null : c.t(basis === 'pace' ? 'summary.gradeBasis.pace' : 'summary.gradeBasis.achievement');
}

function listCell(x: ListContext, col: ListColumn, k: ReviewedKpi): SummaryCell {
  const { c } = x;
  const row = k.row;
  switch (col.of) {
    case 'kind':
      return c.t(c.figures.facts(k).kind === 'kpi' ? 'summary.kind.kpi' : 'summary.kind.goalTarget');
    case 'goal':
      return row.goal === null ? null : String(row.goal);
    case 'measure':
      return row.measure === null ? null : c.lang === 'ja' ? circledNumber(row.measure) : String(row.measure);
    case 'project':
      return row.project || null;
    case 'indicator':
      return row.indicator;
    case 'unit':
      return row.unit || null;
    case 'baseline':
      return valueWithYear(c, row.baseline, row.baselineYear, x.baseYear);
    case 'actual':
      return x.series.of(k)[col.year + 1];
    case 'target':
      return valueWithYear(c, row.target, row.targetYear, x.targetYear);
    case 'plainTarget':
      return row.target;
    case 'achievement':
      return fraction(k.result.achievement);
    case 'progress':
      return fraction(k.result.progress);
    case 'pace':
      return fraction(k.result.pace);
    case 'grade':
      return k.result.grade;
    case 'gradeBasis':
      return gradeBasisText(c, c.figures.facts(k).gradeBasis);
    case 'covid':
      return covidLabel(c, k.result.covid);
    case 'trend':
      return trendText(x.series.of(k));
    case 'excluded':
      return c.figures.facts(k).excluded ? c.t('summary.excludedMark') : null;
    case 'notes':
      return row.notes || null;
    case 'location':
      return c.t('summary.rowRef', { sheet: row.sheet, row: row.row + 1 });
    case 'revision':
      return c.figures.facts(k).revision!.kind || null;
    case 'originalTarget':
      return c.figures.facts(k).revision!.originalTarget;
    case 'originalAchievement':
      return fraction(c.figures.facts(k).revision!.originalAchievement);
  }
}
