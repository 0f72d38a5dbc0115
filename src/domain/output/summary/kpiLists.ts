/**
 * The row lists of the plan: 数値目標 in the form of seed 001 (one column per fiscal year of
 * actuals, the trend beside them), every KPI the same way, and the figures per 施策. Rows are
 * in goal order, and a goal's rows form a group the page breaks keep together.
 */
import { eraLabel } from '../../cells/fiscalYear';
import { gradeIconThresholds } from '../../plan/outputPresentation';
import type { ReviewedKpi } from '../../review';
import { codeColumn, countColumn, goalLabel, measureLabel, numberColumn, percentColumn, textColumn, type SectionContext } from './context';
import { groupStarts, type DraftSheet, type DraftTable } from './draft';
import { gradeCells, gradeColumns, groupFigureCells, groupFigureColumns } from './groupFigures';
import { listColumn, listContext, listRows, yearText, type ListColumn, type ListContext } from './listCells';

/** a goal or measure number to sort by: rows without one last */
function orderKey(x: number | null): number {
  return x === null ? Number.MAX_SAFE_INTEGER : x;
}

function byPlanOrder(a: ReviewedKpi, b: ReviewedKpi): number {
  return orderKey(a.row.goal) - orderKey(b.row.goal) || orderKey(a.row.measure) - orderKey(b.row.measure);
}

/** goal, then measure; the sheet order within (a stable sort) */
function inPlanOrder(rows: readonly ReviewedKpi[]): ReviewedKpi[] {
  return [...rows].sort(byPlanOrder);
}

/** every fiscal year with an actual in these rows, ascending */
function actualYears(rows: readonly ReviewedKpi[]): number[] {
  const years = new Set<number>();
  for (const k of rows) for (const a of k.row.actuals) years.add(a.year);
  return [...years].sort((a, b) => a - b);
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

function goalOfRow(k: ReviewedKpi): number | null {
  return k.row.goal;
}

interface ListColumns {
  columns: ListColumn[];
  context: ListContext;
  /** index of the 達成率 column */
  achievement: number;
}

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
  const ofYear = (key: 'summary.col.baselineOf' | 'summary.col.targetOf', y: number) => t(key, { year: yearText(c, y)! });
  const cols: ListColumn[] = [...lead, listColumn(textColumn(t('summary.col.unit'), 10), 'unit')];
  const baselineCol = cols.length;
  cols.push(listColumn(numberColumn(baseYear === null ? t('summary.col.baseline') : ofYear('summary.col.baselineOf', baseYear)), 'baseline'));
  years.forEach((y, i) => cols.push(listColumn(numberColumn(t('summary.col.yearActual', { year: c.lang === 'ja' ? eraLabel(y) : y })), 'actual', i)));
  cols.push(listColumn(numberColumn(targetYear === null ? t('summary.col.target') : ofYear('summary.col.targetOf', targetYear)), 'target'));
  const achievement = cols.length;
  cols.push(listColumn(percentColumn(c, t('summary.col.achievement')), 'achievement'));
  // 001's table of 数値目標 has no 基準比進捗率 or COVID flag; 計画比 stays for its running totals
  if (form === 'kpi') cols.push(listColumn(percentColumn(c, t('summary.col.progress')), 'progress'));
  cols.push(listColumn(percentColumn(c, t('summary.col.pace')), 'pace'), listColumn(codeColumn(t('summary.col.grade')), 'grade'));
  // 評価根拠, when a 累計 KPI was graded by its pace
  if (anyPace) cols.push(listColumn(codeColumn(t('summary.col.gradeBasis')), 'gradeBasis'));
  if (form === 'kpi') cols.push(listColumn(codeColumn(t('summary.col.covid')), 'covid'));
  cols.push(listColumn({ header: t('summary.col.trend'), format: null, kind: 'code', sparkline: { from: baselineCol, to: baselineCol + years.length } }, 'trend'));
  if (anyExcluded) cols.push(listColumn(codeColumn(t('summary.col.excluded')), 'excluded'));
  cols.push(...tail);
  return { columns: cols, context: listContext(c, years, baseYear, targetYear), achievement };
}

function location(c: SectionContext): ListColumn {
  return listColumn(textColumn(c.t('summary.col.location'), 18), 'location');
}

/** the goal's number alone: the rows are grouped by goal, the label would repeat on every row */
function goalColumn(c: SectionContext): ListColumn {
  return listColumn(codeColumn(c.t('summary.col.goalShort')), 'goal');
}

function measureColumn(c: SectionContext): ListColumn {
  return listColumn(codeColumn(c.t('summary.col.measure')), 'measure');
}

function listTable(c: SectionContext, name: string, rows: readonly ReviewedKpi[], cols: ListColumns): DraftTable {
  return {
    name,
    caption: null,
    columns: cols.columns.map((x) => x.spec),
    rows: listRows(cols.context, cols.columns, rows),
    iconSet: { column: cols.achievement, thresholds: gradeIconThresholds(c.review.settings.grades) },
    groupStarts: groupStarts(rows, goalOfRow),
    emptyText: c.t('summary.none'),
  };
}

/** 数値目標 (seed 001): per 基本目標, each target with its yearly actuals */
export function goalTargetsSheet(c: SectionContext): DraftSheet {
  const rows = inPlanOrder(c.figures.goalTargetRows);
  const t = c.t;
  const lead = [goalColumn(c), listColumn(textColumn(t('summary.col.indicator'), 28), 'indicator')];
  const cols = listColumns(c, rows, lead, [listColumn(textColumn(t('summary.col.notes'), 30), 'notes'), location(c)], 'goalTarget');
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
  // the city numbers its measures through the whole plan (①–⑲): the goal column is needed only
  // where a measure number recurs under another goal
  const lead = [...(measureRecursUnderGoals(rows) ? [goalColumn(c)] : []), measureColumn(c), listColumn(textColumn(t('summary.col.project'), 22), 'project'), listColumn(textColumn(t('summary.col.indicator'), 24), 'indicator')];
  const cols = listColumns(c, rows, lead, [location(c)]);
  return { key: 'kpis', heading: t('summary.heading.kpis'), part: 'kpi', tables: [listTable(c, 'PR_KPIs', rows, cols)] };
}

/**
 * A sheet of some KPI rows, one table: what each row is (種別, 目標, 施策, 事業, 指標), the
 * sheet's own columns, and where the row is (所在).
 */
function kpiRowsSheet(c: SectionContext, key: 'revisions' | 'exclusions', table: string, rows: ReviewedKpi[], own: ListColumn[]): DraftSheet {
  const t = c.t;
  const cols: ListColumn[] = [
    listColumn(codeColumn(t('summary.col.kind')), 'kind'),
    goalColumn(c),
    measureColumn(c),
    listColumn(textColumn(t('summary.col.project'), 24), 'project'),
    listColumn(textColumn(t('summary.col.indicator'), 26), 'indicator'),
    ...own,
    location(c),
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
        rows: listRows(listContext(c, [], null, null), cols, rows),
        groupStarts: groupStarts(rows, goalOfRow),
        emptyText: t('summary.none'),
      },
    ],
  };
}

/** 見直し: the rows the mid-term revision changed, their mark (変更区分) and the target before and after */
export function revisionsSheet(c: SectionContext): DraftSheet {
  const t = c.t;
  const rows = inPlanOrder(c.review.kpis.filter((k) => c.figures.facts(k).revision));
  return kpiRowsSheet(c, 'revisions', 'PR_Revisions', rows, [
    listColumn(textColumn(t('summary.col.revision'), 16), 'revision'),
    listColumn(numberColumn(t('summary.col.originalTarget')), 'originalTarget'),
    listColumn(numberColumn(t('summary.col.target')), 'plainTarget'),
    listColumn(percentColumn(c, t('summary.col.originalAchievement')), 'originalAchievement'),
    listColumn(percentColumn(c, t('summary.col.achievement')), 'achievement'),
  ]);
}

/** 対象外: the rows staff left out of the figures (評価対象), with their reason (備考) */
export function exclusionsSheet(c: SectionContext): DraftSheet {
  const t = c.t;
  const rows = inPlanOrder(c.review.kpis.filter((k) => c.figures.facts(k).excluded));
  return kpiRowsSheet(c, 'exclusions', 'PR_Exclusions', rows, [
    listColumn(percentColumn(c, t('summary.col.achievement')), 'achievement'),
    listColumn(textColumn(t('summary.col.reason'), 48), 'notes'),
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
          codeColumn(t('summary.col.direction')),
          textColumn(t('summary.col.directionTitle'), 36),
          countColumn(t('summary.col.measureCount')),
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
          textColumn(t('summary.col.department'), 24),
          ...gradeColumns(c),
          countColumn(t('summary.col.dWithoutNotes')),
          countColumn(t('summary.col.excludedCount')),
          countColumn(t('summary.col.errors')),
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
        columns: [textColumn(t('summary.col.goal'), 12), textColumn(t('summary.col.measure'), 12), ...groupFigureColumns(c)],
        rows: measures.map((m) => [goalLabel(c, m.goal), measureLabel(c, m.measure), ...groupFigureCells(c, m)]),
        dataBar: { column: 3, max: c.scaleMax },
        groupStarts: groupStarts(measures, (m) => m.goal),
        emptyText: t('summary.none'),
      },
    ],
  };
}
