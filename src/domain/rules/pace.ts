/**
 * 計画比 (pace) for 累計 KPIs: expected-to-date E = T × (t − start + 1) / (end − start + 1);
 * pace = A / E × 100, clamped. Blank when t lies outside the plan period.
 */
import { clamp } from '../base/arithmetic';
import { reason, type Reason } from './reasons';

export function pace(
  actual: number | null,
  year: number | null,
  target: number | null,
  planStart: number,
  planEnd: number,
  cap: number,
  reasons?: Reason[],
): number | null {
  if (actual === null) {
    reasons?.push(reason('pace', 'reason.noActual'));
    return null;
  }
  if (target === null) {
    reasons?.push(reason('pace', 'reason.noTarget'));
    return null;
  }
  if (year === null) {
    reasons?.push(reason('pace', 'reason.actualYearUnknown'));
    return null;
  }
  if (year < planStart || year > planEnd) {
    reasons?.push({ column: 'pace', code: 'reason.outsidePlan', params: { year, found: `${planStart}–${planEnd}` } });
    return null;
  }
  const expected = (target * (year - planStart + 1)) / (planEnd - planStart + 1);
  if (expected === 0) {
    reasons?.push(reason('pace', 'reason.zeroExpected'));
    return null;
  }
  return clamp((actual / expected) * 100, cap);
}
