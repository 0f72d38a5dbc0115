/**
 * Per 基本目標, 基本的方向 and 施策, and over everything: number of KPIs, mean 達成率 (of the capped
 * values, as seed 001 does: "120%を上限とし"), count per grade, and the mean without コロナ中止 rows.
 * As seed 001 reports them, the groups count KPI rows only; the basic goals' 数値目標 get figures
 * of their own (goalTargets), and 施策数 counts the measures a goal's KPIs belong to. Rows left
 * out by staff (評価対象 = 対象外) are in no mean and no count; each group says how many there were.
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
  /** rows of the group left out (評価対象 = 対象外) */
  excluded: number;
}

/** the basic goals' 数値目標 of a group: 基本目標における数値目標の達成状況 */
export interface TargetSummary {
  count: number;
  meanAchievement: number | null;
  meanAchievementExCovid: number | null;
}

export interface GoalSummary extends GroupSummary {
  goal: number | null;
  /** 施策数: the measures its KPIs belong to */
  measureCount: number;
  goalTargets: TargetSummary;
}

export interface DirectionSummary extends GroupSummary {
  /** the goal its number names: 1-1 → 1 */
  goal: number;
  /** 基本的方向 "1-1" */
  direction: string;
  title: string;
  measureCount: number;
}

export interface MeasureSummary extends GroupSummary {
  goal: number | null;
  measure: number | null;
}

export interface TotalSummary extends GroupSummary {
  measureCount: number;
  goalTargets: TargetSummary;
}

export interface KpiSummary {
  goals: GoalSummary[];
  directions: DirectionSummary[];
  measures: MeasureSummary[];
  total: TotalSummary;
}

export interface SummarizedKpi {
  row: KpiRow;
  result: KpiResult;
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
  excluded: number;
  measures: Set<string>;
  targets: { count: number; sum: number; n: number; sumEx: number; nEx: number };
}

function acc(): Acc {
  return {
    kpis: 0,
    sum: 0,
    n: 0,
    sumEx: 0,
    nEx: 0,
    grades: { A: 0, B: 0, C: 0, D: 0, none: 0 },
    suspended: 0,
    review: 0,
    excluded: 0,
    measures: new Set(),
    targets: { count: 0, sum: 0, n: 0, sumEx: 0, nEx: 0 },
  };
}

const GRADE_KEY: Record<Grade, keyof GradeCounts> = { A: 'A', B: 'B', C: 'C', D: 'D', '—': 'none' };

/** means over the rows with a 達成率; the ex-COVID mean leaves コロナ中止 rows out */
function addMean(a: { sum: number; n: number; sumEx: number; nEx: number }, r: KpiResult): void {
  if (r.achievement === null) return;
  a.sum += r.achievement;
  a.n++;
  if (r.covid !== 'suspended') {
    a.sumEx += r.achievement;
    a.nEx++;
  }
}

function add(a: Acc, { row, result: r }: SummarizedKpi): void {
  if (row.excluded) {
    if (row.kind === 'kpi') a.excluded++;
    return;
  }
  if (row.kind === 'goalTarget') {
    a.targets.count++;
    addMean(a.targets, r);
    return;
  }
  a.kpis++;
  a.grades[GRADE_KEY[r.grade]]++;
  if (r.covid === 'suspended') a.suspended++;
  else if (r.covid === 'review') a.review++;
  if (row.measure !== null) a.measures.add(`${row.goal}|${row.measure}`);
  addMean(a, r);
}

function done(a: Acc): GroupSummary {
  return {
    kpis: a.kpis,
    meanAchievement: a.n ? a.sum / a.n : null,
    meanAchievementExCovid: a.nEx ? a.sumEx / a.nEx : null,
    grades: a.grades,
    covidSuspended: a.suspended,
    covidReview: a.review,
    excluded: a.excluded,
  };
}

function targetsOf(a: Acc): TargetSummary {
  const t = a.targets;
  return { count: t.count, meanAchievement: t.n ? t.sum / t.n : null, meanAchievementExCovid: t.nEx ? t.sumEx / t.nEx : null };
}

function order(x: number | null): number {
  return x === null ? Number.MAX_SAFE_INTEGER : x;
}

/** "1-10" after "1-9" */
function directionOrder(a: string, b: string): number {
  const [a1, a2] = a.split('-').map(Number);
  const [b1, b2] = b.split('-').map(Number);
  return a1 - b1 || a2 - b2;
}

function bucket<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) map.set(key, (v = make()));
  return v;
}

export function summarizeKpis(items: readonly SummarizedKpi[]): KpiSummary {
  const goals = new Map<number | null, Acc>();
  const directions = new Map<string, { title: string; acc: Acc }>();
  const measures = new Map<string, { goal: number | null; measure: number | null; acc: Acc }>();
  const total = acc();
  for (const item of items) {
    const { row } = item;
    add(bucket(goals, row.goal, acc), item);
    add(total, item);
    if (row.kind !== 'kpi') continue;
    if (row.basicDirection !== null) {
      const d = bucket(directions, row.basicDirection, () => ({ title: '', acc: acc() }));
      if (!d.title && row.basicDirectionTitle) d.title = row.basicDirectionTitle;
      add(d.acc, item);
    }
    add(bucket(measures, `${row.goal}|${row.measure}`, () => ({ goal: row.goal, measure: row.measure, acc: acc() })).acc, item);
  }
  return {
    goals: [...goals.entries()]
      .sort((a, b) => order(a[0]) - order(b[0]))
      .map(([goal, a]) => ({ goal, ...done(a), measureCount: a.measures.size, goalTargets: targetsOf(a) })),
    directions: [...directions.entries()]
      .sort((a, b) => directionOrder(a[0], b[0]))
      .map(([direction, d]) => ({ goal: Number(direction.split('-')[0]), direction, title: d.title, ...done(d.acc), measureCount: d.acc.measures.size })),
    measures: [...measures.values()]
      .sort((a, b) => order(a.goal) - order(b.goal) || order(a.measure) - order(b.measure))
      .map((m) => ({ goal: m.goal, measure: m.measure, ...done(m.acc) })),
    total: { ...done(total), measureCount: total.measures.size, goalTargets: targetsOf(total) },
  };
}
