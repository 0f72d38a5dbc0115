export type Direction = '増加' | '減少';
export type Aggregation = '単年' | '累計';

/** One KPI (or basic-goal 数値目標) row as written to kpis.csv / goal-targets.csv. */
export interface KpiRecord {
  id: string;
  goal: number;
  measure: number | null;
  project: string;
  department: string;
  indicator: string;
  unit: string;
  direction: Direction;
  aggregation: Aggregation;
  baselineYear: number;
  /** Value text as the document writes it (`累計45人`, `1,627件`), `—` for none. */
  baseline: string;
  actualYear: number;
  actual: string;
  targetYear: number;
  target: string;
  notes: string;
  markers: string[];
  /** 基本的方向 as its heading prints it (`1-1 若者の雇用機会の確保・拡大`); '' for 数値目標. */
  basicDirection: string;
  /** The 目標値 before the FY2022 revision where the document prints both (`累計125件`); '' otherwise. */
  originalTarget: string;
}

export interface FirstTermRecord {
  goal: number;
  indicator: string;
  unit: string;
  aggregation: Aggregation;
  baselineH26: string;
  actualH28: string;
  actualH29: string;
  actualH30: string;
  actualR1: string;
  targetH31: string;
  publishedAchievement: number;
}

export interface PolicyRecord {
  number: number;
  title: string;
  publishedPercent: number;
}

export interface PledgeRecord {
  policy: number;
  number: number;
  title: string;
  publishedPercent: number;
}

export interface MeasureRecord {
  policy: number;
  pledge: number;
  measure: 1 | 2;
  title: string;
  departments: string[];
  activities: string[];
  /** Corrected star string, `★★★★★ ★★☆☆☆`. */
  stars: string;
  starCount: number;
  /** The star text as the OCR printed it; null where the source prints none. */
  starsPrinted: string | null;
}

export interface PledgeData {
  policies: PolicyRecord[];
  pledges: PledgeRecord[];
  measures: MeasureRecord[];
  overall: number;
}

export interface ActivityRating {
  policy: number;
  pledge: number;
  measure: number;
  activity: string;
  department: string;
  rating: number;
}
