/**
 * 基準比進捗率 (progress from baseline): (A − B) / (T − B) × 100, clamped to [0, cap].
 * Blank without a baseline, when T = B, for 累計 KPIs (their baseline is one year's
 * figure), and when the target lies against the direction from the baseline.
 */
import { clamp } from '../base/arithmetic';
import { DIRECTION_LABEL, type Aggregation, type Direction } from '../cells/directionAggregation';
import { reason, type Reason } from './reasons';

export function progressFromBaseline(
  actual: number | null,
  baseline: number | null,
  target: number | null,
  direction: Direction,
  aggregation: Aggregation,
  cap: number,
  reasons?: Reason[],
): number | null {
  if (actual === null) {
    reasons?.push(reason('progress', 'reason.noActual'));
    return null;
  }
  if (target === null) {
    reasons?.push(reason('progress', 'reason.noTarget'));
    return null;
  }
  if (aggregation === 'cumulative') {
    reasons?.push(reason('progress', 'reason.cumulativeBaseline'));
    return null;
  }
  if (baseline === null) {
    reasons?.push(reason('progress', 'reason.noBaseline'));
    return null;
  }
  if (target === baseline) {
    reasons?.push(reason('progress', 'reason.targetEqualsBaseline'));
    return null;
  }
  if ((direction === 'up' && target < baseline) || (direction === 'down' && target > baseline)) {
    reasons?.push({ column: 'progress', code: 'reason.againstDirection', params: { found: DIRECTION_LABEL[direction] } });
    return null;
  }
  const ratio = ((actual - baseline) / (target - baseline)) * 100;
  if (Number.isNaN(ratio)) {
    // only when the differences overflow (values near ±1e308)
    reasons?.push(reason('progress', 'reason.notComputable'));
    return null;
  }
  return clamp(ratio, cap);
}
