/**
 * Review settings: the cap, the plan period, the grade bands and what grades a 累計 KPI (SPEC section 3). This schema is
 * the one check of settings: the task pane's form and the command line's options go through it,
 * and settingsRule says what a failed check allows, as a catalogue entry.
 *
 * Written with zod/mini (the same zod core, functions instead of methods) because the task pane's
 * first screen loads and checks settings: mini tree-shakes to ≈17 KB where classic zod is ≈85 KB.
 * The cell schemas keep classic zod; they load with the review engine.
 */
import * as z from 'zod/mini';
import type { core } from 'zod/mini';
import type { MessageKey } from '../../messages/ja';

/** the fiscal years a plan period may span */
export const PLAN_YEARS = { min: 1950, max: 2200 } as const;

/** a refine's message is the key of its words in the catalogue */
function rule(key: MessageKey & `settings.error.${string}`): { message: string } {
  return { message: key };
}

/** the longest plan name or as-of label (a title line, not a paragraph) */
export const TEXT_SETTING_MAX = 60;
/** the bases a 累計 KPI can be graded on before its target year */
export const GRADE_CUMULATIVE_BY = ['pace', 'achievement'] as const;
export type GradeCumulativeBy = (typeof GRADE_CUMULATIVE_BY)[number];

const planYear = () => z.int().check(z.minimum(PLAN_YEARS.min), z.maximum(PLAN_YEARS.max));

export const gradeBandsSchema = z
  .object({
    A: z.number(),
    B: z.number(),
    C: z.number(),
  })
  .check(z.refine((g) => g.A >= g.B && g.B >= g.C, rule('settings.error.gradeOrder')));

export const settingsSchema = z
  .object({
    /** upper clamp for 達成率, 基準比進捗率 and 計画比, in percent */
    cap: z._default(z.number().check(z.positive(), z.maximum(10000)), 120),
    planStart: z._default(planYear(), 2020),
    planEnd: z._default(planYear(), 2024),
    grades: z._default(gradeBandsSchema, { A: 100, B: 80, C: 50 }),
    /** fiscal years in which a zero or collapsed actual raises 要確認 */
    covidFrom: z._default(z.int(), 2020),
    covidTo: z._default(z.int(), 2022),
    /** an actual below this share of the baseline raises 要確認 */
    covidRatio: z._default(z.number().check(z.minimum(0), z.maximum(1)), 0.5),
    /** the plan's name in the summary's titles (第2期苫小牧市総合戦略); blank: the plan period is named instead */
    planName: z._default(z.string().check(z.maxLength(TEXT_SETTING_MAX)), ''),
    /** the as-of label of the summary (令和5年度末); blank: the end of the fiscal year of the latest actuals */
    asOf: z._default(z.string().check(z.maxLength(TEXT_SETTING_MAX)), ''),
    /** decimals of the percentages the city publishes as whole numbers (公約 %, 基本政策 %, achievement in the overview) */
    percentDecimals: z._default(z.int().check(z.minimum(0), z.maximum(2)), 0),
    /** what grades a 累計 KPI before its target year: 計画比 (pace) or 達成率 (achievement) */
    gradeCumulativeBy: z._default(z.enum(GRADE_CUMULATIVE_BY), 'pace'),
  })
  .check(
    z.refine((s) => s.planStart <= s.planEnd, { ...rule('settings.error.planOrder'), path: ['planEnd'] }),
    z.refine((s) => s.covidFrom <= s.covidTo, { ...rule('settings.error.covidOrder'), path: ['covidTo'] }),
  );

export type Settings = z.infer<typeof settingsSchema>;
export type SettingsInput = z.input<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

export function makeSettings(input: SettingsInput = {}): Settings {
  return settingsSchema.parse(input);
}

/** "2020-2024" → { planStart: 2020, planEnd: 2024 } */
export function parsePlanPeriod(text: string): { planStart: number; planEnd: number } | null {
  const m = /^\s*(\d{4})\s*[-–〜~]\s*(\d{4})\s*$/.exec(text);
  if (!m) return null;
  return { planStart: Number(m[1]), planEnd: Number(m[2]) };
}

export interface SettingsRule {
  key: MessageKey;
  params?: Record<string, number>;
}

/** What a failed check allows, in the catalogue's words: "Must be at least 1950." */
export function settingsRule(issue: core.$ZodIssue): SettingsRule {
  switch (issue.code) {
    case 'invalid_type':
      return { key: issue.expected === 'int' ? 'settings.error.integer' : issue.expected === 'string' ? 'settings.error.invalid' : 'settings.error.number' };
    case 'too_small': {
      const min = Number(issue.minimum);
      return issue.inclusive === false ? { key: 'settings.error.greaterThan', params: { min } } : { key: 'settings.error.min', params: { min } };
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return { key: 'settings.error.tooLong', params: { max } };
      return issue.inclusive === false ? { key: 'settings.error.lessThan', params: { max } } : { key: 'settings.error.max', params: { max } };
    }
    case 'custom':
      return { key: issue.message.startsWith('settings.error.') ? (issue.message as MessageKey) : 'settings.error.invalid' };
    default:
      return { key: 'settings.error.invalid' };
  }
}
