/**
 * The row lists of the plan: 数値目標 in the form of seed 001 (one column per fiscal year of
 * actuals, the trend beside them), every KPI the same way, and the figures per 施策. Rows are
 * in goal order, and a goal's rows form a group the page breaks keep together.
 */
import { eraLabel } from '../../cells/fiscalYear';
import { circledNumber } from '../../cells/ordinals';
import { gradeIconThresholds } from '../../plan/outputPresentation';
import type { ReviewedKpi } from '../../review';
import { COUNT, covidLabel, fraction, goalLabel, measureLabel, NUM, type SectionContext } from './context';
import { groupStarts, type DraftSheet, type DraftTable } from './draft';
import { gradeCells, gradeColumns, groupFigureCells, groupFigureColumns } from './groupFigures';
import { trendText } from './trend';
import type { ColumnSpec, SummaryCell } from './types';
import { formattedCell } from './cell';
import { keepShape } from '../../base/keptShapes';

function gradeBasisText(c: SectionContext, basis: 'pace' | 'achievement' | null): string | null {
  return basis === null ? null : c.t(basis === 'pace' ? 'summary.gradeBasis.pace' : 'summary.gradeBasis.achievement');
}

/** a goal or measure number to sort by: rows without one last */
function orderKey(x: number | null): number {
  return x === null ? Number.MAX_SAFE_INTEGER : x;
}

/** goal, then measure; the sheet order within (a stable sort) */
function inPlanOrder(rows: readonly ReviewedKpi[]): ReviewedKpi[] {
  return [...rows].sort((a, b) => orderKey(a.row.goal) - orderKey(b.row.goal) || orderKey(a.row.measure) - orderKey(b.row.measure));
}

/** every fiscal year with an actual in these rows, ascending */
function actualYears(rows: readonly ReviewedKpi[]): number[] {
  const years = new Set<number>();
  for (const k of rows) for (const a of k.row.actuals) years.add(a.year);
  return [...years].sort((a, b) => a - b);
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

function yearText(c: SectionContext, year: number | null): string | null {
  if (year === null) return null;
  return c.t('summary.fiscalYear', { year: c.lang === 'ja' ? eraLabel(year) : year });
}

/** the value, with its own year after it when that is not the header's */
function valueWithYear(c: SectionContext, v: number | null, year: number | null, common: number | null): SummaryCell {
  return v === null || year === null || year === common ? v : formattedCell(v, `${NUM}"(${yearText(c, year)})"`);
}

interface ListColumns {
  columns: ColumnSpec[];
  cells(k: ReviewedKpi): SummaryCell[];
  /** index of the 達成率 column */
  achievement: number;
}

/** the baseline or target year most rows have (the later one on a tie), or null when no row has one */
function commonYear(rows: readonly ReviewedKpi[], field: 'baselineYear' | 'targetYear'): number | null {
  const counts = new Map<number, number>();
  for (const k of rows) {
    const y = k.row[field];
    if (y !== null) counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  let best: number | null = null;
  for (const [y, n] of counts) if (best === null || n > counts.get(best)! || (n === counts.get(best)! && y > best)) best = y;
  return best;
}

type ListColumn = { spec: ColumnSpec; cell: (k: ReviewedKpi) => SummaryCell };

/**
 * The columns of a list of rows: `lead` columns first, then 単位, the baseline, one column per
 * fiscal year, the target, the computed values, the trend, 評価対象 when a row is left out, and
 * `tail` (revisions have a sheet of their own: 見直し). The years of baseline and
 * target are in their headers, as 001 writes H26基準 and H31目標 (the year most rows have); a row
 * with another year shows it after its value, through the cell's number format.
 */
function listColumns(c: SectionContext, rows: readonly ReviewedKpi[], lead: ListColumn[], tail: ListColumn[], form: 'kpi' | 'goalTarget' = 'kpi'): ListColumns {
  const t = c.t;
  const years = actualYears(rows);
  const anyExcluded = rows.some((k) => c.figures.facts(k).excluded);
  const anyPace = rows.some((k) => c.figures.facts(k).gradeBasis === 'pace');
  const baseYear = commonYear(rows, 'baselineYear');
  const targetYear = commonYear(rows, 'targetYear');
  const code = (header: string): ColumnSpec => ({ header, format: '@', kind: 'code' });
  const num = (header: string): ColumnSpec => ({ header, format: NUM, kind: 'number' });
  const pct = (header: string): ColumnSpec => ({ header, format: c.pct, kind: 'number' });
  const ofYear = (key: 'summary.col.baselineOf' | 'summary.col.targetOf', y: number) => t(key, { year: yearText(c, y)! });
  const cols: ListColumn[] = [
    ...lead,
    { spec: { header: t('summary.col.unit'), format: '@', kind: 'text', maxWidth: 10 }, cell: (k) => k.row.unit || null },
  ];
  const baselineCol = cols.length;
  cols.push({ spec: num(baseYear === null ? t('summary.col.baseline') : ofYear('summary.col.baselineOf', baseYear)), cell: (k) => valueWithYear(c, k.row.baseline, k.row.baselineYear, baseYear) });
  const series = new RowSeries(years);
  years.forEach((y, i) => {
    cols.push({ spec: num(t('summary.col.yearActual', { year: c.lang === 'ja' ? eraLabel(y) : y })), cell: (k) => series.of(k)[i + 1] });
  });
  cols.push({ spec: num(targetYear === null ? t('summary.col.target') : ofYear('summary.col.targetOf', targetYear)), cell: (k) => valueWithYear(c, k.row.target, k.row.targetYear, targetYear) });
  const achievement = cols.length;
  cols.push(
    { spec: pct(t('summary.col.achievement')), cell: (k) => fraction(k.result.achievement) },
    // 001's table of 数値目標 has no 基準比進捗率 or COVID flag; 計画比 stays for its running totals
    ...(form === 'kpi' ? [{ spec: pct(t('summary.col.progress')), cell: (k: ReviewedKpi) => fraction(k.result.progress) }] : []),
    { spec: pct(t('summary.col.pace')), cell: (k) => fraction(k.result.pace) },
    { spec: code(t('summary.col.grade')), cell: (k) => k.result.grade },
    // 評価根拠, when a 累計 KPI was graded by its pace
    ...(anyPace ? [{ spec: code(t('summary.col.gradeBasis')), cell: (k: ReviewedKpi) => gradeBasisText(c, c.figures.facts(k).gradeBasis) }] : []),
    ...(form === 'kpi' ? [{ spec: code(t('summary.col.covid')), cell: (k: ReviewedKpi) => covidLabel(c, k.result.covid) }] : []),
    {
      spec: { header: t('summary.col.trend'), format: null, kind: 'code', sparkline: { from: baselineCol, to: baselineCol + years.length } },
      cell: (k) => trendText(series.of(k)),
    },
  );
  if (anyExcluded) cols.push({ spec: code(t('summary.col.excluded')), cell: (k) => (c.figures.facts(k).excluded ? t('summary.excludedMark') : null) });
  cols.push(...tail);
  return { columns: cols.map((x) => x.spec), cells: (k) => cols.map((x) => x.cell(k)), achievement };
}

function location(c: SectionContext) {
  return { spec: { header: c.t('summary.col.location'), format: '@', kind: 'text', maxWidth: 18 } as ColumnSpec, cell: (k: ReviewedKpi) => c.t('summary.rowRef', { sheet: k.row.sheet, row: k.row.row + 1 }) };
}

/** the goal's number alone: the rows are grouped by goal, the label would repeat on every row */
function goalColumn(c: SectionContext): ListColumn {
  return { spec: { header: c.t('summary.col.goalShort'), format: '@', kind: 'code' }, cell: (k) => (k.row.goal === null ? null : String(k.row.goal)) };
}

function listTable(c: SectionContext, name: string, rows: readonly ReviewedKpi[], cols: ListColumns): DraftTable {
  return {
    name,
    caption: null,
    columns: cols.columns,
    rows: rows.map(cols.cells),
    iconSet: { column: cols.achievement, thresholds: gradeIconThresholds(c.review.settings.grades) },
    groupStarts: groupStarts(rows, (k) => k.row.goal),
    emptyText: c.t('summary.none'),
  };
}

/** 数値目標 (seed 001): per 基本目標, each target with its yearly actuals */
export function goalTargetsSheet(c: SectionContext): DraftSheet {
  const rows = inPlanOrder(c.figures.goalTargetRows);
  const t = c.t;
  const notes = { spec: { header: t('summary.col.notes'), format: '@', kind: 'text', maxWidth: 30 } as ColumnSpec, cell: (k: ReviewedKpi) => k.row.notes || null };
  const cols = listColumns(c, rows, [goalColumn(c), { spec: { header: t('summary.col.indicator'), format: '@', kind: 'text', maxWidth: 28 }, cell: (k) => k.row.indicator }], [notes, location(c)], 'goalTarget');
  return { key: 'goalTargets', heading: t('summary.heading.goalTargets'), part: 'kpi', tables: [listTable(c, 'PR_GoalTargets', rows, cols)] };
}

function measureRecursUnderGoals(rows: readonly ReviewedKpi[]): boolean {
  const goalOf = new Map<number, number | null>();
  for (const { row } of rows) {
    if (row.measure === null) continue;
    const seen = goalOf.get(row.measure);
    if (seen === undefined) goalOf.set(row.measure, row.goal);
    else if (seen !== row.goal) return true;
  }
  return false;
}

/** KPI一覧: every KPI with its yearly actuals, computed values and trend */
export function kpiListSheet(c: SectionContext): DraftSheet {
  const rows = inPlanOrder(c.figures.kpiRows);
  const t = c.t;
  const text = (header: string, maxWidth: number, v: (k: ReviewedKpi) => string | null) => ({ spec: { header, format: '@', kind: 'text', maxWidth } as ColumnSpec, cell: (k: ReviewedKpi) => v(k) });
  // the city numbers its measures through the whole plan (①–⑲): the goal column is needed only
  // where a measure number recurs under another goal
  const measuresRecur = measureRecursUnderGoals(rows);
  const cols = listColumns(
    c,
    rows,
    [
      ...(measuresRecur ? [goalColumn(c)] : []),
      { spec: { header: t('summary.col.measure'), format: '@', kind: 'code' }, cell: (k) => (k.row.measure === null ? null : c.lang === 'ja' ? circledNumber(k.row.measure) : String(k.row.measure)) },
      text(t('summary.col.project'), 22, (k) => k.row.project || null),
      text(t('summary.col.indicator'), 24, (k) => k.row.indicator),
    ],
    [location(c)],
  );
  return { key: 'kpis', heading: t('summary.heading.kpis'), part: 'kpi', tables: [listTable(c, 'PR_KPIs', rows, cols)] };
}

/**
 * A sheet of some KPI rows, one table: what each row is (種別, 目標, 施策, 事業, 指標), the
 * sheet's own columns, and where the row is (所在).
 */
function kpiRowsSheet(c: SectionContext, key: 'revisions' | 'exclusions', table: string, rows: ReviewedKpi[], own: ListColumn[]): DraftSheet {
  const t = c.t;
  const text = (header: string, maxWidth: number): ColumnSpec => ({ header, format: '@', kind: 'text', maxWidth });
  const code = (header: string): ColumnSpec => ({ header, format: '@', kind: 'code' });
  const cols: ListColumn[] = [
    { spec: code(t('summary.col.kind')), cell: (k) => (t(c.figures.facts(k).kind === 'kpi' ? 'summary.kind.kpi' : 'summary.kind.goalTarget')) },
    { spec: code(t('summary.col.goalShort')), cell: (k) => (k.row.goal === null ? null : String(k.row.goal)) },
    { spec: code(t('summary.col.measure')), cell: (k) => (k.row.measure === null ? null : c.lang === 'ja' ? circledNumber(k.row.measure) : String(k.row.measure)) },
    { spec: text(t('summary.col.project'), 24), cell: (k) => k.row.project || null },
    { spec: text(t('summary.col.indicator'), 26), cell: (k) => k.row.indicator },
    ...own,
    { spec: text(t('summary.col.location'), 18), cell: (k) => t('summary.rowRef', { sheet: k.row.sheet, row: k.row.row + 1 }) },
  ];
  return {
    key,
    heading: t(key === 'revisions' ? 'summary.heading.revisions' : 'summary.heading.exclusions'),
    part: 'kpi',
    tables: [
      {
        name: table,
        caption: null,
        columns: cols.map((x) => x.spec),
        rows: rows.map((k) => cols.map((x) => x.cell(k))),
        groupStarts: groupStarts(rows, (k) => k.row.goal),
        emptyText: t('summary.none'),
      },
    ],
  };
}

/** 見直し: the rows the mid-term revision changed, their mark (変更区分) and the target before and after */
export function revisionsSheet(c: SectionContext): DraftSheet {
  const t = c.t;
  const rows = inPlanOrder(c.review.kpis.filter((k) => c.figures.facts(k).revision));
  const revision = (k: ReviewedKpi) => c.figures.facts(k).revision!;
  return kpiRowsSheet(c, 'revisions', 'PR_Revisions', rows, [
    { spec: { header: t('summary.col.revision'), format: '@', kind: 'text', maxWidth: 16 }, cell: (k) => revision(k).kind || null },
    { spec: { header: t('summary.col.originalTarget'), format: NUM, kind: 'number' }, cell: (k) => revision(k).originalTarget },
    { spec: { header: t('summary.col.target'), format: NUM, kind: 'number' }, cell: (k) => k.row.target },
    { spec: { header: t('summary.col.originalAchievement'), format: c.pct, kind: 'number' }, cell: (k) => fraction(revision(k).originalAchievement) },
    { spec: { header: t('summary.col.achievement'), format: c.pct, kind: 'number' }, cell: (k) => fraction(k.result.achievement) },
  ]);
}

/** 対象外: the rows staff left out of the figures (評価対象), with their reason (備考) */
export function exclusionsSheet(c: SectionContext): DraftSheet {
  const t = c.t;
  const rows = inPlanOrder(c.review.kpis.filter((k) => c.figures.facts(k).excluded));
  return kpiRowsSheet(c, 'exclusions', 'PR_Exclusions', rows, [
    { spec: { header: t('summary.col.achievement'), format: c.pct, kind: 'number' }, cell: (k) => fraction(k.result.achievement) },
    { spec: { header: t('summary.col.reason'), format: '@', kind: 'text', maxWidth: 48 }, cell: (k) => k.row.notes || null },
  ]);
}

/** 基本的方向別: KPI figures per 基本的方向 (1-1 …), grouped by goal */
export function directionsSheet(c: SectionContext): DraftSheet {
  const t = c.t;
  const directions = c.figures.summary.directions;
  return {
    key: 'directions',
    heading: t('summary.heading.directions'),
    part: 'kpi',
    tables: [
      {
        name: 'PR_Directions',
        caption: null,
        columns: [
          { header: t('summary.col.direction'), format: '@', kind: 'code' },
          { header: t('summary.col.directionTitle'), format: '@', kind: 'text', maxWidth: 36 },
          { header: t('summary.col.measureCount'), format: COUNT, kind: 'number' },
          ...groupFigureColumns(c),
        ],
        rows: directions.map((d) => [d.direction, d.title || null, d.measureCount, ...groupFigureCells(c, d)]),
        dataBar: { column: 4, max: c.scaleMax },
        groupStarts: groupStarts(directions, (d) => d.goal),
        emptyText: t('summary.none'),
      },
    ],
  };
}

/** 担当課別: each department's KPIs (a KPI naming several counts under each), mean, grades, D without 備考, rows left out, errors */
export function departmentsSheet(c: SectionContext): DraftSheet {
  const t = c.t;
  const n = (header: string): ColumnSpec => ({ header, format: COUNT, kind: 'number' });
  const departments = c.figures.departments;
  return {
    key: 'departments',
    heading: t('summary.heading.departments'),
    part: 'kpi',
    tables: [
      {
        name: 'PR_Departments',
        caption: null,
        columns: [
          { header: t('summary.col.department'), format: '@', kind: 'text', maxWidth: 24 },
          ...gradeColumns(c),
          n(t('summary.col.dWithoutNotes')),
          n(t('summary.col.excludedCount')),
          n(t('summary.col.errors')),
        ],
        rows: departments.map((d) => [d.department ?? t('summary.noDepartment'), ...gradeCells(d), d.dWithoutNotes, d.excluded, d.errors]),
        dataBar: { column: 2, max: c.scaleMax },
        emptyText: t('summary.none'),
      },
    ],
  };
}

/** 施策別: KPI figures per 施策, grouped by goal */
export function measuresSheet(c: SectionContext): DraftSheet {
  const t = c.t;
  const measures = c.figures.summary.measures;
  return {
    key: 'measures',
    heading: t('summary.heading.measures'),
    part: 'kpi',
    tables: [
      {
        name: 'PR_Measures',
        caption: null,
        columns: [{ header: t('summary.col.goal'), format: '@', kind: 'text', maxWidth: 12 }, { header: t('summary.col.measure'), format: '@', kind: 'text', maxWidth: 12 }, ...groupFigureColumns(c)],
        rows: measures.map((m) => [goalLabel(c, m.goal), measureLabel(c, m.measure), ...groupFigureCells(c, m)]),
        dataBar: { column: 3, max: c.scaleMax },
        groupStarts: groupStarts(measures, (m) => m.goal),
        emptyText: t('summary.none'),
      },
    ],
  };
}
