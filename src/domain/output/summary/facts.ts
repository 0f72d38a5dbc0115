/**
 * What the summary needs to know about each KPI row beyond its computed values — KPI or 数値目標,
 * left out of the figures or not, revised target, owners, 基本的方向 — and the figures per goal
 * and for the whole plan computed over KPI rows and 数値目標 apart (as seed 001 reports them).
 */
import type { ReviewedKpi } from '../../review';
import { summarizeKpis, type GroupSummary, type KpiSummary } from '../../rules/goalSummary';

export interface KpiFacts {
  /** a KPI, or a basic goal's 数値目標 (a row without a 施策) */
  kind: 'kpi' | 'goalTarget';
  /** marked 対象外 by staff: shown, but left out of every mean and count */
  excluded: boolean;
  /** the mid-term revision of the target, when the row carries one */
  revision: { kind: string; originalTarget: number | null; originalAchievement: number | null } | null;
}

export function kpiFacts(k: ReviewedKpi): KpiFacts {
  return { kind: k.row.measure === null ? 'goalTarget' : 'kpi', excluded: false, revision: null };
}

export interface GoalFigures {
  goal: number | null;
  /** 施策数: distinct measures among its KPI rows */
  measureCount: number;
  kpis: GroupSummary;
  goalTargets: GroupSummary;
}

export interface PlanFigures {
  /** KPI rows only, per goal and per measure */
  kpiSummary: KpiSummary;
  goals: GoalFigures[];
  total: { measureCount: number; kpis: GroupSummary; goalTargets: GroupSummary };
  kpiRows: ReviewedKpi[];
  goalTargetRows: ReviewedKpi[];
  facts: Map<ReviewedKpi, KpiFacts>;
}

export function planFigures(all: readonly ReviewedKpi[]): PlanFigures {
  const facts = new Map<ReviewedKpi, KpiFacts>();
  const kpiRows: ReviewedKpi[] = [];
  const goalTargetRows: ReviewedKpi[] = [];
  for (const k of all) {
    const f = kpiFacts(k);
    facts.set(k, f);
    (f.kind === 'kpi' ? kpiRows : goalTargetRows).push(k);
  }
  const counted = (rows: ReviewedKpi[]) => rows.filter((k) => !facts.get(k)!.excluded);
  const kpiSummary = summarizeKpis(counted(kpiRows));
  const targetSummary = summarizeKpis(counted(goalTargetRows));
  const measures = new Map<number | null, Set<number>>();
  for (const k of counted(kpiRows)) {
    if (k.row.measure === null) continue;
    let set = measures.get(k.row.goal);
    if (!set) measures.set(k.row.goal, (set = new Set()));
    set.add(k.row.measure);
  }
  const goalNumbers = [...new Set([...kpiSummary.goals.map((g) => g.goal), ...targetSummary.goals.map((g) => g.goal)])].sort((a, b) => (a ?? Infinity) - (b ?? Infinity));
  const empty = summarizeKpis([]).total;
  const goals = goalNumbers.map((goal) => ({
    goal,
    measureCount: measures.get(goal)?.size ?? 0,
    kpis: kpiSummary.goals.find((g) => g.goal === goal) ?? empty,
    goalTargets: targetSummary.goals.find((g) => g.goal === goal) ?? empty,
  }));
  let measureCount = 0;
  for (const set of measures.values()) measureCount += set.size;
  return { kpiSummary, goals, total: { measureCount, kpis: kpiSummary.total, goalTargets: targetSummary.total }, kpiRows, goalTargetRows, facts };
}
