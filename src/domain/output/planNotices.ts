/**
 * Notices about the plan period (計画期間) a review ran with, per workbook. Not problems of a
 * cell — the workbook is fine, the setting may not be:
 *   otherPlan   most KPIs aim at a target year outside the plan period: the workbook belongs to
 *               another plan (a 第1期 workbook reviewed with the 第2期 default); the plan of the
 *               same length that ends in that year is suggested;
 *   outsidePlan some latest actuals lie outside the plan period, so their 計画比 is blank.
 * A workbook gets at most one notice (otherPlan says how many actuals are outside too).
 */
import type { Settings } from '../base/settings';
import type { FileReview, ReviewedKpi } from '../review';

export interface PlanPeriod {
  start: number;
  end: number;
}

/** `asked`: the plan period of the review; `outside` of `withActual` KPIs have their latest actual outside it */
export type PlanNotice =
  | { code: 'otherPlan'; file: string; asked: PlanPeriod; targetYear: number; suggested: PlanPeriod; outside: number; withActual: number }
  | { code: 'outsidePlan'; file: string; asked: PlanPeriod; outside: number; withActual: number };

/** the year most KPIs aim at (the latest of equally common ones), or null when none has one */
function commonTargetYear(kpis: readonly ReviewedKpi[]): number | null {
  const counts = new Map<number, number>();
  for (const k of kpis) if (k.row.targetYear !== null) counts.set(k.row.targetYear, (counts.get(k.row.targetYear) ?? 0) + 1);
  let best: number | null = null;
  let bestCount = 0;
  for (const [year, n] of counts) {
    if (n > bestCount || (n === bestCount && best !== null && year > best)) {
      best = year;
      bestCount = n;
    }
  }
  return best;
}

function fileNotice(file: string, kpis: readonly ReviewedKpi[], settings: Settings): PlanNotice | null {
  const { planStart: start, planEnd: end } = settings;
  let withActual = 0;
  let outside = 0;
  for (const k of kpis) {
    const latest = k.result.latest;
    if (!latest) continue;
    withActual++;
    if (latest.year < start || latest.year > end) outside++;
  }
  const target = commonTargetYear(kpis);
  if (target !== null && (target < start || target > end)) {
    const length = end - start;
    return { code: 'otherPlan', file, asked: { start, end }, targetYear: target, suggested: { start: target - length, end: target }, outside, withActual };
  }
  return outside > 0 ? { code: 'outsidePlan', file, asked: { start, end }, outside, withActual } : null;
}

/** one notice at most per workbook, in the order of the workbooks */
export function planNotices(files: readonly FileReview[], settings: Settings): PlanNotice[] {
  const out: PlanNotice[] = [];
  for (const f of files) {
    const kpis = f.sheets.flatMap((s) => (s.kind === 'kpi' ? s.kpis : []));
    const n = fileNotice(f.file, kpis, settings);
    if (n) out.push(n);
  }
  return out;
}
