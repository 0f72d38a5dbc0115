/**
 * 総括: the headline figures (KPI mean, 数値目標 mean, 公約 全体) and the goal table in the form of
 * seed 001 — per 基本目標 its 施策数, 指標総数 and KPI mean, the grades, the COVID flags and its
 * 数値目標 apart — and the chart of the means per goal beside the headline figures, so the sheet
 * prints on one page.
 */
import type { GroupSummary, TargetSummary } from '../../rules/goalSummary';
import { boldCell, cellValue, emboldened } from './cell';
import { countColumn, fraction, goalLabel, percentColumn, type SectionContext } from './context';
import type { DraftChart, DraftSheet, DraftTable } from './draft';
import { groupFigureCells, groupFigureColumns } from './groupFigures';
import type { ColumnSpec, SummaryCell } from './types';

function headlineTable(c: SectionContext): DraftTable {
  const { t, figures, review } = c;
  const rows: SummaryCell[][] = [];
  const kpis = figures.summary.total;
  if (kpis.kpis) {
    rows.push([t('summary.headline.kpiMean'), boldCell(fraction(kpis.meanAchievement)), kpis.kpis]);
    rows.push([t('summary.headline.kpiMeanExCovid'), fraction(kpis.meanAchievementExCovid), kpis.kpis - kpis.covidSuspended]);
  }
  const targets = kpis.goalTargets;
  if (targets.count) rows.push([t('summary.headline.goalTargetMean'), boldCell(fraction(targets.meanAchievement)), targets.count]);
  const pledges = review.pledges;
  if (pledges.overall !== null) rows.push([t('summary.headline.pledgeOverall'), boldCell(fraction(pledges.overall), c.overallPct), pledges.measures.length]);
  return {
    name: 'PR_Headline',
    caption: t('summary.caption.headline'),
    columns: [
      { header: t('summary.col.item'), format: null, kind: 'text', maxWidth: 40 },
      percentColumn(c, t('summary.col.value')),
      countColumn(t('summary.col.count')),
    ],
    rows,
    emptyText: t('summary.none'),
  };
}

function figureCells(c: SectionContext, k: GroupSummary, measureCount: number, g: TargetSummary): SummaryCell[] {
  return [measureCount, ...groupFigureCells(c, k), g.count, fraction(g.meanAchievement)];
}

export function goalColumns(c: SectionContext, first: ColumnSpec[]): ColumnSpec[] {
  const t = c.t;
  return [...first, countColumn(t('summary.col.measureCount')), ...groupFigureColumns(c), countColumn(t('summary.col.goalTargetCount')), percentColumn(c, t('summary.col.goalTargetMean'))];
}

/** the column of the KPI mean in goalColumns, after `first` columns */
export const GOAL_MEAN_COLUMN = 3;

function goalTable(c: SectionContext): DraftTable {
  const { figures, t } = c;
  const rows: SummaryCell[][] = figures.summary.goals.map((g) => [goalLabel(c, g.goal), ...figureCells(c, g, g.measureCount, g.goalTargets)]);
  if (rows.length) {
    const total = figures.summary.total;
    rows.push([boldCell(t('summary.total')), ...figureCells(c, total, total.measureCount, total.goalTargets).map(emboldened)]);
  }
  return {
    name: 'PR_Goals',
    caption: t('summary.caption.goals'),
    columns: goalColumns(c, [{ header: t('summary.col.goal'), format: null, kind: 'text', maxWidth: 20 }]),
    rows,
    dataBar: { column: GOAL_MEAN_COLUMN, max: c.scaleMax },
    emptyText: t('summary.none'),
  };
}

/** mean achievement per goal: KPIs, KPIs without コロナ中止, and the 数値目標, each where it has values */
function goalChart(c: SectionContext, goals: DraftTable): DraftChart | undefined {
  const n = c.figures.summary.goals.length;
  if (!n) return undefined;
  const valueColumns = [GOAL_MEAN_COLUMN, GOAL_MEAN_COLUMN + 1, goals.columns.length - 1].filter((col) => goals.rows.slice(0, n).some((r) => typeof cellValue(r[col]) === 'number'));
  if (!valueColumns.length) return undefined;
  return {
    title: c.t('summary.chartTitle'),
    table: goals.name,
    categoryColumn: 0,
    valueColumns,
    rowCount: n,
    axis: { min: 0, max: c.scaleMax, majorUnit: 0.2 },
    labelFormat: c.pct,
    width: 470,
    height: 190,
    beside: 'PR_Headline',
  };
}

export function overviewSheet(c: SectionContext): DraftSheet {
  const goals = goalTable(c);
  return { key: 'overview', heading: c.t('summary.heading.overview'), part: 'kpi', tables: [headlineTable(c), goals], chart: goalChart(c, goals) };
}
