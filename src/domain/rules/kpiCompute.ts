/** All computed values of one KPI row. */
import { achievement } from './achievement';
import { covidFlag } from './covid';
import { grade } from './grade';
import type { KpiResult, KpiRow } from '../model/kpi';
import { pace } from './pace';
import { progressFromBaseline } from './progress';
import { NO_REASONS, type Reason } from './reasons';
import type { Settings } from '../base/settings';

const scratch: Reason[] = [];

/** a missing actual or target is reported once, for 達成率, not again for 基準比進捗率 */
function isRepeat(r: Reason): boolean {
  return r.column === 'progress' && (r.code === 'reason.noActual' || r.code === 'reason.noTarget');
}

export function computeKpi(row: KpiRow, s: Settings): KpiResult {
  const reasons = scratch;
  reasons.length = 0;
  const latest = row.actuals.length ? row.actuals[row.actuals.length - 1] : null;
  const A = latest ? latest.value : null;
  const progress = progressFromBaseline(A, row.baseline, row.target, row.direction, row.aggregation, s.cap, reasons);
  const achv = achievement(A, row.target, row.direction, s.cap, progress, reasons);
  const p = row.aggregation === 'cumulative' ? pace(A, latest ? latest.year : null, row.target, s.planStart, s.planEnd, s.cap, reasons) : null;
  const g = grade(achv, s.grades);
  const covid = covidFlag(row.notes, row.direction, row.aggregation, row.baseline, row.actuals, s);
  let kept: readonly Reason[] = NO_REASONS;
  if (reasons.length === 1 && !isRepeat(reasons[0])) kept = [reasons[0]];
  else if (reasons.length) kept = reasons.filter((r) => !isRepeat(r));
  return { latest, achievement: achv, progress, pace: p, grade: g, covid, reasons: kept };
}
