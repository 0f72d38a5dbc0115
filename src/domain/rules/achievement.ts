/**
 * 達成率 (achievement), SPEC section 3.
 * 増加: A / T × 100. 減少: T / A × 100 when both are positive; A = 0 with T ≥ 0 means the
 * target is met or beaten (100, or the cap when T > 0); T = 0 with A > 0 falls back to the
 * progress from baseline. Clamped to [0, cap]; stored unrounded.
 */
import { clamp } from '../base/arithmetic';
import type { Direction } from '../cells/directionAggregation';
import { reason, type Reason } from './reasons';

export function achievement(
  actual: number | null,
  target: number | null,
  direction: Direction,
  cap: number,
  progress: number | null,
  reasons?: Reason[],
): number | null {
  if (actual === null) {
    reasons?.push(reason('achievement', 'reason.noActual'));
    return null;
  }
  if (target === null) {
    reasons?.push(reason('achievement', 'reason.noTarget'));
    return null;
  }
  if (direction === 'up') {
    if (target === 0) return actual > 0 ? cap : actual === 0 ? clamp(100, cap) : 0;
    return clamp((actual / target) * 100, cap);
  }
  if (target > 0 && actual > 0) return clamp((target / actual) * 100, cap);
  if (actual === 0 && target >= 0) return target > 0 ? cap : clamp(100, cap);
  if (target === 0 && actual > 0) {
    if (progress === null) reasons?.push(reason('achievement', 'reason.downZeroTargetNoProgress'));
    return progress;
  }
  reasons?.push(reason('achievement', 'reason.downNegative'));
  return null;
}
