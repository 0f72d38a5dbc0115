/**
 * A group's KPI figures, the same columns wherever a table has a row per group (基本目標 on 総括,
 * 施策 on 施策別, 方向性, 担当課): the KPI count, the mean 達成率 with and without the COVID-hit
 * KPIs, the count per grade, the COVID flags, and the KPIs left out when there are any.
 */
import type { GroupSummary } from '../../rules/goalSummary';
import { countColumn, fraction, percentColumn, showsExcluded, type SectionContext } from './context';
import type { ColumnSpec, SummaryCell } from './types';

type GradedGroup = Pick<GroupSummary, 'kpis' | 'meanAchievement' | 'meanAchievementExCovid' | 'grades'>;

/** the KPI count, the mean 達成率 with and without the COVID-hit KPIs, and the count per grade (担当課 too) */
export function gradeColumns(c: SectionContext): ColumnSpec[] {
  const t = c.t;
  return [countColumn(t('summary.col.kpiCount')), percentColumn(c, t('summary.col.meanAchievement')), percentColumn(c, t('summary.col.meanAchievementExCovid')), countColumn('A'), countColumn('B'), countColumn('C'), countColumn('D'), countColumn(t('summary.col.noGrade'))];
}

export function gradeCells(g: GradedGroup): SummaryCell[] {
  return [g.kpis, fraction(g.meanAchievement), fraction(g.meanAchievementExCovid), g.grades.A, g.grades.B, g.grades.C, g.grades.D, g.grades.none];
}

export function groupFigureColumns(c: SectionContext): ColumnSpec[] {
  const t = c.t;
  return [...gradeColumns(c), countColumn(t('summary.col.covidSuspended')), countColumn(t('summary.col.covidReview')), ...(showsExcluded(c) ? [countColumn(t('summary.col.excludedCount'))] : [])];
}

export function groupFigureCells(c: SectionContext, g: GroupSummary): SummaryCell[] {
  return [...gradeCells(g), g.covidSuspended, g.covidReview, ...(showsExcluded(c) ? [g.excluded] : [])];
}
