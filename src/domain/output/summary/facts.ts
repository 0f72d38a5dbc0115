/**
 * What the summary needs to know about each KPI row beyond its computed values — KPI or 数値目標,
 * left out of the figures or not, revised target — and the figures per goal, 基本的方向, 施策 and
 * department, KPI rows and 数値目標 apart as seed 001 reports them.
 *
 * The shapes are those of the evaluation rules (issue 8: rules/goalSummary's goal, direction and
 * target figures, rules/departmentSummary); until the review carries them, a row without a 施策 is
 * a 数値目標, no row is left out or revised, and there are no 基本的方向 or department figures.
 * The summary's sheets read only this file's shapes, so the evaluation's fields slot in here.
 */
import type { FileReview, Review, ReviewedKpi } from '../../review';
import { summarizeKpis, type GradeCounts, type GroupSummary as RuleGroup } from '../../rules/goalSummary';

export interface GroupSummary extends RuleGroup {
  /** rows of the group left out (評価対象 = 対象外) */
  excluded: number;
}

/** the basic goals' 数値目標 of a group: 基本目標における数値目標の達成状況 */
export interface TargetSummary {
  count: number;
  meanAchievement: number | null;
  meanAchievementExCovid: number | null;
}

export interface GoalFigures extends GroupSummary {
  goal: number | null;
  /** 施策数: the measures its KPIs belong to */
  measureCount: number;
  goalTargets: TargetSummary;
}

export interface DirectionFigures extends GroupSummary {
  goal: number;
  /** 基本的方向 "1-1" */
  direction: string;
  title: string;
  measureCount: number;
}

export interface MeasureFigures extends GroupSummary {
  goal: number | null;
  measure: number | null;
}

export interface DepartmentFigures {
  /** null: rows whose 担当課 is blank */
  department: string | null;
  kpis: number;
  meanAchievement: number | null;
  meanAchievementExCovid: number | null;
  grades: GradeCounts;
  dWithoutNotes: number;
  excluded: number;
  errors: number;
}

export interface KpiFacts {
  /** a KPI, or a basic goal's 数値目標 */
  kind: 'kpi' | 'goalTarget';
  /** marked 対象外 by staff: shown, but left out of every mean and count */
  excluded: boolean;
  /** the mid-term revision, when the row carries one */
  revision: { kind: string; originalTarget: number | null; originalAchievement: number | null } | null;
  /** what gave the grade: 達成率, or 計画比 for a 累計 KPI before its target year */
  gradeBasis: 'achievement' | 'pace' | null;
}

export function kpiFacts(k: ReviewedKpi): KpiFacts {
  return { kind: k.row.measure === null ? 'goalTarget' : 'kpi', excluded: false, revision: null, gradeBasis: k.result.grade === '—' ? null : 'achievement' };
}

export interface PlanFigures {
  summary: { goals: GoalFigures[]; directions: DirectionFigures[]; measures: MeasureFigures[]; total: GroupSummary & { measureCount: number; goalTargets: TargetSummary } };
  departments: DepartmentFigures[];
  kpiRows: ReviewedKpi[];
  goalTargetRows: ReviewedKpi[];
  facts: Map<ReviewedKpi, KpiFacts>;
}

/** the sheets of a workbook left unwritten for their errors */
export function unwrittenSheets(fr: FileReview): string[] {
  return fr.sheets.filter((s) => s.plan === null).map((s) => s.sheet);
}

function targets(g: RuleGroup | undefined): TargetSummary {
  return g ? { count: g.kpis, meanAchievement: g.meanAchievement, meanAchievementExCovid: g.meanAchievementExCovid } : { count: 0, meanAchievement: null, meanAchievementExCovid: null };
}

export function planFigures(review: Review): PlanFigures {
  const facts = new Map<ReviewedKpi, KpiFacts>();
  const kpiRows: ReviewedKpi[] = [];
  const goalTargetRows: ReviewedKpi[] = [];
  for (const k of review.kpis) {
    const f = kpiFacts(k);
    facts.set(k, f);
    (f.kind === 'kpi' ? kpiRows : goalTargetRows).push(k);
  }
  const kpi = summarizeKpis(kpiRows);
  const target = summarizeKpis(goalTargetRows);
  const measures = new Map<number | null, Set<number>>();
  for (const k of kpiRows) {
    let set = measures.get(k.row.goal);
    if (!set) measures.set(k.row.goal, (set = new Set()));
    set.add(k.row.measure!);
  }
  const goalNumbers = [...new Set([...kpi.goals.map((g) => g.goal), ...target.goals.map((g) => g.goal)])].sort((a, b) => (a ?? Infinity) - (b ?? Infinity));
  const empty = summarizeKpis([]).total;
  const goals = goalNumbers.map((goal) => ({
    ...(kpi.goals.find((g) => g.goal === goal) ?? empty),
    excluded: 0,
    goal,
    measureCount: measures.get(goal)?.size ?? 0,
    goalTargets: targets(target.goals.find((g) => g.goal === goal)),
  }));
  let measureCount = 0;
  for (const set of measures.values()) measureCount += set.size;
  return {
    summary: {
      goals,
      directions: [],
      measures: kpi.measures.map((m) => ({ ...m, excluded: 0 })),
      total: { ...kpi.total, excluded: 0, measureCount, goalTargets: targets(target.total) },
    },
    departments: [],
    kpiRows,
    goalTargetRows,
    facts,
  };
}
