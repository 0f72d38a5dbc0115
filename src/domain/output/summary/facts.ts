/**
 * What the summary reads of the evaluation (issue 8): the figures per goal, 基本的方向, 施策 and
 * department as rules/goalSummary and rules/departmentSummary give them (KPI rows only, the basic
 * goals' 数値目標 apart, rows left out by staff in no mean and no count), the rows of each kind,
 * and per row what the evaluation decided beyond its values: its kind, 対象外, the mid-term
 * revision and what gave its grade.
 */
import type { GradeBasis, KpiKind } from '../../model/kpi';
import type { Review, ReviewedKpi } from '../../review';
import { summarizeKpis, type KpiSummary } from '../../rules/goalSummary';
import type { DepartmentSummary } from '../../rules/departmentSummary';
import { reviewDepartments } from '../departments';
import { revisionOf, type ReportRevision } from '../report';

export interface KpiFacts {
  /** a KPI, or a basic goal's 数値目標 */
  kind: KpiKind;
  /** marked 対象外 by staff: shown, but left out of every mean and count */
  excluded: boolean;
  /** the mid-term revision, when the row carries one (変更区分 or 変更前目標値) */
  revision: ReportRevision | null;
  /** what gave the grade: 達成率, or 計画比 for a 累計 KPI before its target year */
  gradeBasis: GradeBasis | null;
}

export interface PlanFigures {
  summary: KpiSummary;
  departments: DepartmentSummary[];
  /** the KPI rows, those left out included (they are listed, marked 対象外) */
  kpiRows: ReviewedKpi[];
  /** the basic goals' 数値目標 */
  goalTargetRows: ReviewedKpi[];
  /** a row's facts, made when asked (a map of them would hold one entry per row of a 100,000-row plan) */
  facts: (k: ReviewedKpi) => KpiFacts;
  /** some row is a revision / left out: the sheets 見直し and 対象外 appear */
  anyRevision: boolean;
  anyExcluded: boolean;
}

function facts(k: ReviewedKpi): KpiFacts {
  return { kind: k.row.kind, excluded: k.row.excluded, revision: revisionOf(k.row, k.result), gradeBasis: k.result.gradeBasis };
}

export function planFigures(review: Review): PlanFigures {
  const kpiRows: ReviewedKpi[] = [];
  const goalTargetRows: ReviewedKpi[] = [];
  let anyRevision = false;
  let anyExcluded = false;
  for (const k of review.kpis) {
    const f = facts(k);
    anyRevision ||= f.revision !== null;
    anyExcluded ||= f.excluded;
    (f.kind === 'kpi' ? kpiRows : goalTargetRows).push(k);
  }
  return { summary: summarizeKpis(review.kpis), departments: reviewDepartments(review), kpiRows, goalTargetRows, facts, anyRevision, anyExcluded };
}
