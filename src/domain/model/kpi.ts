/** A KPI row as the engine understands it, and its zod schema. */
import { z } from 'zod';
import type { Reason } from '../rules/reasons';
import { REVISION_KINDS } from '../cells/evaluationCells';

export const yearSchema = z.number().int().min(1950).max(2200);

export const actualSchema = z.object({ year: yearSchema, value: z.number().finite(), col: z.number().int().min(0) });

export type { RevisionKind } from '../cells/evaluationCells';

export const kpiRowSchema = z.object({
  sheet: z.string(),
  row: z.number().int().min(0),
  /** a KPI (重要業績評価指標) or a basic goal's 数値目標: figures are computed apart */
  kind: z.enum(['kpi', 'goalTarget']),
  goal: z.number().int().min(1).nullable(),
  /** 基本的方向 between 基本目標 and 施策: "1-1" */
  basicDirection: z.string().regex(/^\d+-\d+$/).nullable(),
  basicDirectionTitle: z.string(),
  measure: z.number().int().min(1).nullable(),
  project: z.string(),
  /** 担当課 as written */
  department: z.string(),
  /** the departments it names (several joined by ／ / ・ 、), each counted */
  departments: z.array(z.string().min(1)),
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
  /** 変更区分: the revision marks, in written order */
  revisionKinds: z.array(z.enum(REVISION_KINDS)),
  /** 変更前目標値: the target before the revision */
  originalTarget: z.number().finite().nullable(),
  /** 評価対象 = 対象外: computed and shown, left out of every mean and count */
  excluded: z.boolean(),
  /** コロナ判定 by staff; null = automatic */
  covidOverride: z.enum(['suspended', 'none']).nullable(),
});

export type KpiRow = z.infer<typeof kpiRowSchema>;
export type Actual = z.infer<typeof actualSchema>;

export type KpiKind = KpiRow['kind'];
export type Grade = 'A' | 'B' | 'C' | 'D' | '—';
export type CovidFlag = 'none' | 'suspended' | 'review';
/** what gave the grade: 達成率, or 計画比 for a 累計 KPI before its target year */
export type GradeBasis = 'achievement' | 'pace';
/** where the コロナ影響 came from: a 備考 about a suspension, the numbers, or staff (コロナ判定) */
export type CovidSource = 'note' | 'heuristic' | 'manual';

export interface KpiResult {
  /** latest actual present */
  latest: Actual | null;
  achievement: number | null;
  progress: number | null;
  pace: number | null;
  grade: Grade;
  /** null when there is no grade */
  gradeBasis: GradeBasis | null;
  covid: CovidFlag;
  /** null when no flag was raised automatically and staff gave none */
  covidSource: CovidSource | null;
  /** 達成率 against 変更前目標値, when given */
  originalAchievement: number | null;
  /** why a value is blank */
  reasons: readonly Reason[];
}
