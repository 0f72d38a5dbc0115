/** Pledge activity rows and their rollup results. */
import { z } from 'zod';

export const pledgeActivitySchema = z.object({
  sheet: z.string(),
  row: z.number().int().min(0),
  policy: z.number().int().min(1),
  pledge: z.number().int().min(1),
  measure: z.number().int().min(1),
  policyTitle: z.string(),
  pledgeTitle: z.string(),
  measureTitle: z.string(),
  activity: z.string(),
  department: z.string(),
  rating: z.number().int().min(0).max(10),
});

export type PledgeActivity = z.infer<typeof pledgeActivitySchema>;

export interface MeasureProgress {
  policy: number;
  pledge: number;
  measure: number;
  title: string;
  /** 施策進捗: mean of its activities' ratings, unrounded */
  rating: number;
  stars: string;
  activities: number;
}

export interface PledgeProgress {
  policy: number;
  pledge: number;
  title: string;
  /** 公約進捗 %: floor(mean of its measures × 10) */
  percent: number;
  measures: number;
}

export interface PolicyProgress {
  policy: number;
  title: string;
  /** 基本政策進捗 %: floor(mean of its pledges' %) */
  percent: number;
  pledges: number;
}

export interface PledgeRollup {
  measures: MeasureProgress[];
  pledges: PledgeProgress[];
  policies: PolicyProgress[];
  /** 全体: mean of the policy % to one decimal; null without policies */
  overall: number | null;
}
