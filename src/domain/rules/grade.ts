/** 評価 (grade) from 達成率 (or 計画比, see kpiCompute): A ≥ 100, B ≥ 80, C ≥ 50, D below; — when blank. */
import type { Grade, GradeBasis } from '../model/kpi';
import { KPI_OUTPUT_HEADERS } from '../sheets/headers';

/** 評価根拠 as the sheet says it: the name of the column the grade came from */
export const GRADE_BASIS_LABEL: Record<GradeBasis, string> = { achievement: KPI_OUTPUT_HEADERS.achievement, pace: KPI_OUTPUT_HEADERS.pace };

export interface GradeBands {
  A: number;
  B: number;
  C: number;
}

export function grade(achievement: number | null, bands: GradeBands): Grade {
  if (achievement === null) return '—';
  if (achievement >= bands.A) return 'A';
  if (achievement >= bands.B) return 'B';
  if (achievement >= bands.C) return 'C';
  return 'D';
}
