/** 評価 (grade) from 達成率: A ≥ 100, B ≥ 80, C ≥ 50, D below; — when blank. */
import type { Grade } from '../model/kpi';

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
