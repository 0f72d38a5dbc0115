/**
 * Review settings: the cap, the plan period and the grade bands (SPEC section 3).
 *
 * Written with zod/mini (the same zod core, functions instead of methods) because the task pane's
 * first screen loads and checks settings: mini tree-shakes to ≈17 KB where classic zod is ≈85 KB.
 * The cell schemas keep classic zod; they load with the review engine.
 */
import * as z from 'zod/mini';

const planYear = () => z.int().check(z.minimum(1950), z.maximum(2200));

export const gradeBandsSchema = z
  .object({
    A: z.number(),
    B: z.number(),
    C: z.number(),
  })
  .check(z.refine((g) => g.A >= g.B && g.B >= g.C, { message: 'grade bands must satisfy A ≥ B ≥ C' }));

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
  })
  .check(
    z.refine((s) => s.planStart <= s.planEnd, { message: 'plan start must not be after plan end', path: ['planEnd'] }),
    z.refine((s) => s.covidFrom <= s.covidTo, { message: 'COVID period start must not be after its end', path: ['covidTo'] }),
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
