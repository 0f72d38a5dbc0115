/**
 * 施策 mean → ★ → 公約 % → 基本政策 % → 全体 (SPEC section 4):
 * 施策進捗 = mean of ratings; 公約 % = floor(mean 施策進捗 × 10);
 * 基本政策 % = floor(mean 公約 %); 全体 = mean 基本政策 % to one decimal.
 */
import { round1, safeFloor } from '../base/arithmetic';
import type { MeasureProgress, PledgeActivity, PledgeProgress, PledgeRollup, PolicyProgress } from '../model/pledge';
import { stars } from '../cells/stars';

function mean(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}

export function pledgePercent(measureRatings: readonly number[]): number {
  return safeFloor(mean(measureRatings) * 10);
}

export function policyPercent(pledgePercents: readonly number[]): number {
  return safeFloor(mean(pledgePercents));
}

export function overallPercent(policyPercents: readonly number[]): number | null {
  return policyPercents.length ? round1(mean(policyPercents)) : null;
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const g = m.get(k);
    if (g) g.push(it);
    else m.set(k, [it]);
  }
  return m;
}

function firstTitle(items: readonly PledgeActivity[], pick: (a: PledgeActivity) => string): string {
  for (const a of items) if (pick(a)) return pick(a);
  return '';
}

export function rollupPledges(activities: readonly PledgeActivity[]): PledgeRollup {
  const sorted = [...activities].sort((a, b) => a.policy - b.policy || a.pledge - b.pledge || a.measure - b.measure);
  const measures: MeasureProgress[] = [];
  for (const group of groupBy(sorted, (a) => `${a.policy}|${a.pledge}|${a.measure}`).values()) {
    const rating = mean(group.map((a) => a.rating));
    const a0 = group[0];
    measures.push({
      policy: a0.policy,
      pledge: a0.pledge,
      measure: a0.measure,
      title: firstTitle(group, (a) => a.measureTitle),
      rating,
      stars: stars(rating),
      activities: group.length,
    });
  }
  const pledges: PledgeProgress[] = [];
  for (const group of groupBy(measures, (m) => `${m.policy}|${m.pledge}`).values()) {
    const m0 = group[0];
    const acts = sorted.filter((a) => a.policy === m0.policy && a.pledge === m0.pledge);
    pledges.push({
      policy: m0.policy,
      pledge: m0.pledge,
      title: firstTitle(acts, (a) => a.pledgeTitle),
      percent: pledgePercent(group.map((m) => m.rating)),
      measures: group.length,
    });
  }
  const policies: PolicyProgress[] = [];
  for (const group of groupBy(pledges, (p) => String(p.policy)).values()) {
    const p0 = group[0];
    const acts = sorted.filter((a) => a.policy === p0.policy);
    policies.push({
      policy: p0.policy,
      title: firstTitle(acts, (a) => a.policyTitle),
      percent: policyPercent(group.map((p) => p.percent)),
      pledges: group.length,
    });
  }
  return { measures, pledges, policies, overall: overallPercent(policies.map((p) => p.percent)) };
}
