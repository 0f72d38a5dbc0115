/** All computed values of one KPI row. */
import { achievement } from './achievement';
import { covidFlag } from './covid';
import { grade } from './grade';
import type { CovidFlag, CovidSource, GradeBasis, KpiResult, KpiRow } from '../model/kpi';
import { pace } from './pace';
import { progressFromBaseline } from './progress';
import { NO_REASONS, type Reason } from './reasons';
import type { Settings } from '../base/settings';

const scratch: Reason[] = [];

/** a missing actual or target is reported once, for 達成率, not again for 基準比進捗率 */
function isRepeat(r: Reason): boolean {
  return r.column === 'progress' && (r.code === 'reason.noActual' || r.code === 'reason.noTarget');
}

/**
 * The value a KPI is graded on. A 累計 増加 KPI whose latest actual comes before its target year
 * (the plan's last year when none is written) is judged by whether it is on pace: 計画比, unless
 * the settings say 達成率 or 計画比 is blank (then 達成率). Otherwise 達成率. (計画比 measures a
 * running total growing towards its target; for a 減少 KPI it would reward the wrong way.)
 */
export function gradeBasis(row: KpiRow, latestYear: number | null, pace: number | null, s: Pick<Settings, 'gradeCumulativeBy' | 'planEnd'>): GradeBasis {
  if (row.aggregation !== 'cumulative' || row.direction !== 'up' || s.gradeCumulativeBy !== 'pace' || latestYear === null || pace === null) return 'achievement';
  return latestYear < (row.targetYear ?? s.planEnd) ? 'pace' : 'achievement';
}

/** where an automatic flag came from */
function automaticSource(flag: CovidFlag): CovidSource | null {
  return flag === 'suspended' ? 'note' : flag === 'review' ? 'heuristic' : null;
}

export function computeKpi(row: KpiRow, s: Settings): KpiResult {
  const reasons = scratch;
  reasons.length = 0;
  const latest = row.actuals.length ? row.actuals[row.actuals.length - 1] : null;
  const A = latest ? latest.value : null;
  const progress = progressFromBaseline(A, row.baseline, row.target, row.direction, row.aggregation, s.cap, reasons);
  const achv = achievement(A, row.target, row.direction, s.cap, progress, reasons);
  const p = row.aggregation === 'cumulative' ? pace(A, latest ? latest.year : null, row.target, s.planStart, s.planEnd, s.cap, reasons) : null;
  const basis = gradeBasis(row, latest ? latest.year : null, p, s);
  const g = grade(basis === 'pace' ? p : achv, s.grades);
  // staff's コロナ判定 replaces the automatic flag
  const manual = row.covidOverride !== null;
  const covid = manual ? row.covidOverride! : covidFlag(row.notes, row.direction, row.aggregation, row.baseline, row.actuals, s);
  const covidSource = manual ? 'manual' : automaticSource(covid);
  // against the target before the revision; its blanks are not reasons (the current target's are)
  const originalAchievement = row.originalTarget === null ? null : achievement(A, row.originalTarget, row.direction, s.cap, progressFromBaseline(A, row.baseline, row.originalTarget, row.direction, row.aggregation, s.cap));
  let kept: readonly Reason[] = NO_REASONS;
  if (reasons.length === 1 && !isRepeat(reasons[0])) kept = [reasons[0]];
  else if (reasons.length) kept = reasons.filter((r) => !isRepeat(r));
  return { latest, achievement: achv, progress, pace: p, grade: g, gradeBasis: g === '—' ? null : basis, covid, covidSource, originalAchievement, reasons: kept };
}
