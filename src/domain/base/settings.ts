/** Review settings: the cap, the plan period and the grade bands (SPEC section 3). */
import { z } from 'zod';

export const gradeBandsSchema = z
  .object({
    A: z.number().finite(),
    B: z.number().finite(),
    C: z.number().finite(),
  })
  .refine((g) => g.A >= g.B && g.B >= g.C, { message: 'grade bands must satisfy A ≥ B ≥ C' });

export const settingsSchema = z
  .object({
    /** upper clamp for 達成率, 基準比進捗率 and 計画比, in percent */
    cap: z.number().finite().positive().max(10000).default(120),
    planStart: z.number().int().min(1950).max(2200).default(2020),
    planEnd: z.number().int().min(1950).max(2200).default(2024),
    grades: gradeBandsSchema.default({ A: 100, B: 80, C: 50 }),
    /** fiscal years in which a zero or collapsed actual raises 要確認 */
    covidFrom: z.number().int().default(2020),
    covidTo: z.number().int().default(2022),
    /** an actual below this share of the baseline raises 要確認 */
    covidRatio: z.number().min(0).max(1).default(0.5),
  })
  .refine((s) => s.planStart <= s.planEnd, { message: 'plan start must not be after plan end', path: ['planEnd'] })
  .refine((s) => s.covidFrom <= s.covidTo, { message: 'COVID period start must not be after its end', path: ['covidTo'] });

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
