/**
 * Per 基本目標 and per 施策: number of KPIs, mean 達成率 (of the capped values, as seed 001
 * does: "120%を上限とし"), count per grade, and the mean without コロナ中止 rows.
 */
import type { Grade, KpiResult, KpiRow } from '../model/kpi';

export interface GradeCounts {
  A: number;
  B: number;
  C: number;
  D: number;
  none: number;
}

export interface GroupSummary {
  kpis: number;
  meanAchievement: number | null;
  meanAchievementExCovid: number | null;
  grades: GradeCounts;
  covidSuspended: number;
  covidReview: number;
}

export interface GoalSummary extends GroupSummary {
  goal: number | null;
}

export interface MeasureSummary extends GroupSummary {
  goal: number | null;
  measure: number | null;
}

export interface KpiSummary {
  goals: GoalSummary[];
  measures: MeasureSummary[];
  total: GroupSummary;
}

interface Acc {
  kpis: number;
  sum: number;
  n: number;
  sumEx: number;
  nEx: number;
  grades: GradeCounts;
  suspended: number;
  review: number;
}

function acc(): Acc {
  return { kpis: 0, sum: 0, n: 0, sumEx: 0, nEx: 0, grades: { A: 0, B: 0, C: 0, D: 0, none: 0 }, suspended: 0, review: 0 };
}

const GRADE_KEY: Record<Grade, keyof GradeCounts> = { A: 'A', B: 'B', C: 'C', D: 'D', '—': 'none' };

function add(a: Acc, r: KpiResult): void {
  a.kpis++;
  a.grades[GRADE_KEY[r.grade]]++;
  if (r.covid === 'suspended') a.suspended++;
  else if (r.covid === 'review') a.review++;
  if (r.achievement === null) return;
  a.sum += r.achievement;
  a.n++;
  if (r.covid !== 'suspended') {
    a.sumEx += r.achievement;
    a.nEx++;
  }
}

function done(a: Acc): GroupSummary {
  return {
    kpis: a.kpis,
    meanAchievement: a.n ? a.sum / a.n : null,
    meanAchievementExCovid: a.nEx ? a.sumEx / a.nEx : null,
    grades: a.grades,
    covidSuspended: a.suspended,
    covidReview: a.review,
  };
}

function order(x: number | null): number {
  return x === null ? Number.MAX_SAFE_INTEGER : x;
}

export function summarizeKpis(items: readonly { row: KpiRow; result: KpiResult }[]): KpiSummary {
  const goals = new Map<number | null, Acc>();
  const measures = new Map<string, { goal: number | null; measure: number | null; acc: Acc }>();
  const total = acc();
  for (const { row, result } of items) {
    let g = goals.get(row.goal);
    if (!g) goals.set(row.goal, (g = acc()));
    add(g, result);
    const key = `${row.goal}|${row.measure}`;
    let m = measures.get(key);
    if (!m) measures.set(key, (m = { goal: row.goal, measure: row.measure, acc: acc() }));
    add(m.acc, result);
    add(total, result);
  }
  return {
    goals: [...goals.entries()].sort((a, b) => order(a[0]) - order(b[0])).map(([goal, a]) => ({ goal, ...done(a) })),
    measures: [...measures.values()]
      .sort((a, b) => order(a.goal) - order(b.goal) || order(a.measure) - order(b.measure))
      .map((m) => ({ goal: m.goal, measure: m.measure, ...done(m.acc) })),
    total: done(total),
  };
}
