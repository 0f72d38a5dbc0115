/**
 * How the output columns look in Excel, and the scale the summary draws on: number formats and
 * widths of the columns the review writes, their values as Excel stores them (fractions under a
 * percent format), the icon sets and colours of 達成率 / 計画比 / 評価 / コロナ影響, and the
 * maxima of bars and chart axes — all derived from the settings, so no writer holds one.
 */
import { COVID_LABEL } from '../rules/covid';
import { KPI_OUTPUT_HEADERS, KPI_OUTPUTS, PLEDGE_OUTPUT_HEADERS, PLEDGE_OUTPUTS, type KpiOutput, type PledgeOutput } from '../sheets/headers';
import { GRADE_BASIS_LABEL, type GradeBands } from '../rules/grade';
import type { KpiResult } from '../model/kpi';
import type { MeasureProgress, PledgeProgress, PolicyProgress } from '../model/pledge';
import type { OutputSpec } from './outputColumns';
import type { ConditionalFormatPlan, PlannedColumn, PlanValue } from './plan';
import type { Settings } from '../base/settings';

export const KPI_OUTPUT_SPEC: OutputSpec<KpiOutput> = {
  order: KPI_OUTPUTS,
  headers: KPI_OUTPUT_HEADERS,
  formats: { achievement: '0.0%', progress: '0.0%', pace: '0.0%', grade: '@', gradeBasis: '@', covid: '@' },
  widths: { achievement: 10, progress: 12, pace: 10, grade: 8, gradeBasis: 10, covid: 12 },
};

export const PLEDGE_OUTPUT_SPEC: OutputSpec<PledgeOutput> = {
  order: PLEDGE_OUTPUTS,
  headers: PLEDGE_OUTPUT_HEADERS,
  formats: { measureProgress: '0.00', measureStars: '@', pledgeProgress: '0%', policyProgress: '0%' },
  widths: { measureProgress: 10, measureStars: 16, pledgeProgress: 10, policyProgress: 12 },
};

interface TextStyle {
  text: string;
  fill: string;
  fontColor: string;
}

/** A in green, D in red; B and C stay plain */
const GRADE_STYLES: readonly TextStyle[] = [
  { text: 'A', fill: '#E2EFDA', fontColor: '#375623' },
  { text: 'D', fill: '#FCE4D6', fontColor: '#9C0006' },
];
const COVID_STYLES: readonly TextStyle[] = [
  { text: COVID_LABEL.suspended, fill: '#F8CBAD', fontColor: '#833C0B' },
  { text: COVID_LABEL.review, fill: '#FFF2CC', fontColor: '#7F6000' },
];

/** a percentage (19.565) as Excel stores it under a percent format (0.19565) */
export function fraction(percent: number | null): number | null {
  return percent === null ? null : percent / 100;
}

/** Traffic lights on 達成率: red below grade C, yellow from C, green from A (stored units: 0.5 = 50%). */
export function gradeIconThresholds(grades: GradeBands): [number, number] {
  return [grades.C / 100, grades.A / 100];
}

/** The top of every 達成率 scale (data bars, chart axis): the cap, in stored units (1.2 = 120%). */
export function achievementScaleMax(settings: Pick<Settings, 'cap'>): number {
  return settings.cap / 100;
}

/** The top of a pledge progress scale: 100%, every activity rated 10. */
export const PLEDGE_SCALE_MAX = 1;

/** One KPI row's output values, in KPI_OUTPUTS order. */
export function kpiOutputValues(r: KpiResult): PlanValue[] {
  return [fraction(r.achievement), fraction(r.progress), fraction(r.pace), r.grade, r.gradeBasis === null ? null : GRADE_BASIS_LABEL[r.gradeBasis], r.covid === 'none' ? null : COVID_LABEL[r.covid]];
}

/** One pledge activity's output values, in PLEDGE_OUTPUTS order: its measure's rating and stars, its pledge's and policy's %. */
export function pledgeOutputValues(measure: MeasureProgress, pledge: PledgeProgress, policy: PolicyProgress): PlanValue[] {
  return [measure.rating, measure.stars, fraction(pledge.percent), fraction(policy.percent)];
}

/** Icon sets on 達成率 and 計画比, colours on 評価 and コロナ影響, over the data rows. */
export function kpiConditionalFormats(columns: readonly PlannedColumn[], first: number, last: number, s: Settings): ConditionalFormatPlan[] {
  if (last < first) return [];
  const at = (k: KpiOutput) => columns.find((c) => c.key === k)!.col;
  const rows = (col: number) => ({ top: first, left: col, bottom: last, right: col });
  const out: ConditionalFormatPlan[] = [];
  for (const k of ['achievement', 'pace'] as const) out.push({ kind: 'iconSet', ...rows(at(k)), thresholds: gradeIconThresholds(s.grades) });
  for (const g of GRADE_STYLES) out.push({ kind: 'textEquals', ...rows(at('grade')), ...g });
  for (const c of COVID_STYLES) out.push({ kind: 'textEquals', ...rows(at('covid')), ...c });
  return out;
}
