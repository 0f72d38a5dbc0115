/** A KPI row as the engine understands it, and its zod schema. */
import { z } from 'zod';
import type { Reason } from '../rules/reasons';

export const yearSchema = z.number().int().min(1950).max(2200);

export const actualSchema = z.object({ year: yearSchema, value: z.number().finite(), col: z.number().int().min(0) });

export const kpiRowSchema = z.object({
  sheet: z.string(),
  row: z.number().int().min(0),
  goal: z.number().int().min(1).nullable(),
  measure: z.number().int().min(1).nullable(),
  project: z.string(),
  department: z.string(),
  indicator: z.string().min(1),
  unit: z.string(),
  direction: z.enum(['up', 'down']),
  aggregation: z.enum(['single', 'cumulative']),
  baselineYear: yearSchema.nullable(),
  baseline: z.number().finite().nullable(),
  /** sorted by year, only years with a value */
  actuals: z.array(actualSchema),
  targetYear: yearSchema.nullable(),
  target: z.number().finite().nullable(),
  notes: z.string(),
});

export type KpiRow = z.infer<typeof kpiRowSchema>;
export type Actual = z.infer<typeof actualSchema>;

export type Grade = 'A' | 'B' | 'C' | 'D' | '—';
export type CovidFlag = 'none' | 'suspended' | 'review';

export interface KpiResult {
  /** latest actual present */
  latest: Actual | null;
  achievement: number | null;
  progress: number | null;
  pace: number | null;
  grade: Grade;
  covid: CovidFlag;
  /** why a value is blank */
  reasons: readonly Reason[];
}
