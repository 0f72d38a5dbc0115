/**
 * コロナ影響 (COVID flag).
 * suspended (コロナ中止): 備考 mentions COVID together with a suspension word.
 * review (要確認): otherwise, for an 増加 KPI, an actual of FY2020–FY2022 is 0 or below 50%
 * of the baseline; a 累計 KPI compares its yearly average (A ÷ years elapsed in the plan).
 */
import type { Actual, CovidFlag } from '../model/kpi';
import type { Aggregation, Direction } from '../cells/directionAggregation';
import { nfkc } from '../base/text';

const COVID_WORDS = /コロナ|covid|感染症/iu;
const SUSPENSION_WORDS = /中止|休止|延期|縮小|オンライン開催/u;

const memo = new Map<string, boolean>();

export function mentionsCovidSuspension(notes: string): boolean {
  if (!notes) return false;
  let hit = memo.get(notes);
  if (hit === undefined) {
    const s = nfkc(notes);
    hit = COVID_WORDS.test(s) && SUSPENSION_WORDS.test(s);
    if (memo.size > 10_000) memo.clear();
    memo.set(notes, hit);
  }
  return hit;
}

export interface CovidRule {
  covidFrom: number;
  covidTo: number;
  covidRatio: number;
  planStart: number;
  planEnd: number;
}

export function covidFlag(
  notes: string,
  direction: Direction,
  aggregation: Aggregation,
  baseline: number | null,
  actuals: readonly Actual[],
  rule: CovidRule,
): CovidFlag {
  if (mentionsCovidSuspension(notes)) return 'suspended';
  if (direction !== 'up') return 'none';
  for (const a of actuals) {
    if (a.year < rule.covidFrom || a.year > rule.covidTo) continue;
    if (a.value === 0) return 'review';
    if (baseline === null || baseline <= 0) continue;
    let yearly = a.value;
    if (aggregation === 'cumulative') {
      if (a.year < rule.planStart || a.year > rule.planEnd) continue;
      yearly = a.value / (a.year - rule.planStart + 1);
    }
    if (yearly < baseline * rule.covidRatio) return 'review';
  }
  return 'none';
}

export const COVID_LABEL: Record<CovidFlag, string> = { none: '', suspended: 'コロナ中止', review: '要確認' };
