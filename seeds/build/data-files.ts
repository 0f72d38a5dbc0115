import { Correction } from './corrections';
import { Cell, readCsvObjects, toCsv } from './csv';
import { ActivityRating, Aggregation, Direction, FirstTermRecord, KpiRecord, PledgeData } from './types';

// Record ⇄ text file conversions for seeds/data/. The workbook builder reads the files back
// through the parsers here, so the workbooks depend on nothing but the committed data.

export const KPI_COLUMNS = [
  'id', 'goal', 'measure', 'project', 'department', 'indicator', 'unit', 'direction', 'aggregation',
  'baseline_year', 'baseline', 'actual_year', 'actual', 'target_year', 'target', 'notes', 'markers',
  'basic_direction', 'original_target',
] as const;

export const FIRST_TERM_COLUMNS = [
  'goal', 'indicator', 'unit', 'aggregation', 'baseline_h26', 'actual_h28', 'actual_h29', 'actual_h30',
  'actual_r1', 'target_h31', 'published_achievement',
] as const;

export const ACTIVITY_COLUMNS = ['policy', 'pledge', 'measure', 'activity', 'department', 'rating'] as const;

export const CORRECTION_COLUMNS = ['file', 'line', 'found', 'corrected', 'reason'] as const;

export function kpisToCsv(records: KpiRecord[]): string {
  return toCsv(KPI_COLUMNS, records.map((r): Cell[] => [
    r.id, r.goal, r.measure, r.project, r.department, r.indicator, r.unit, r.direction, r.aggregation,
    r.baselineYear, r.baseline, r.actualYear, r.actual, r.targetYear, r.target, r.notes, r.markers.join(';'),
    r.basicDirection, r.originalTarget,
  ]));
}

export function kpisFromCsv(text: string): KpiRecord[] {
  return readCsvObjects(text).map((o) => ({
    id: o.id,
    goal: Number(o.goal),
    measure: o.measure ? Number(o.measure) : null,
    project: o.project,
    department: o.department,
    indicator: o.indicator,
    unit: o.unit,
    direction: o.direction as Direction,
    aggregation: o.aggregation as Aggregation,
    baselineYear: Number(o.baseline_year),
    baseline: o.baseline,
    actualYear: Number(o.actual_year),
    actual: o.actual,
    targetYear: Number(o.target_year),
    target: o.target,
    notes: o.notes,
    markers: o.markers ? o.markers.split(';') : [],
    basicDirection: o.basic_direction,
    originalTarget: o.original_target,
  }));
}

export function firstTermToCsv(records: FirstTermRecord[]): string {
  return toCsv(FIRST_TERM_COLUMNS, records.map((r): Cell[] => [
    r.goal, r.indicator, r.unit, r.aggregation, r.baselineH26, r.actualH28, r.actualH29, r.actualH30,
    r.actualR1, r.targetH31, r.publishedAchievement,
  ]));
}

export function firstTermFromCsv(text: string): FirstTermRecord[] {
  return readCsvObjects(text).map((o) => ({
    goal: Number(o.goal),
    indicator: o.indicator,
    unit: o.unit,
    aggregation: o.aggregation as Aggregation,
    baselineH26: o.baseline_h26,
    actualH28: o.actual_h28,
    actualH29: o.actual_h29,
    actualH30: o.actual_h30,
    actualR1: o.actual_r1,
    targetH31: o.target_h31,
    publishedAchievement: Number(o.published_achievement),
  }));
}

export function activitiesToCsv(rows: ActivityRating[]): string {
  return toCsv(ACTIVITY_COLUMNS, rows.map((r): Cell[] => [r.policy, r.pledge, r.measure, r.activity, r.department, r.rating]));
}

export function activitiesFromCsv(text: string): ActivityRating[] {
  return readCsvObjects(text).map((o) => ({
    policy: Number(o.policy),
    pledge: Number(o.pledge),
    measure: Number(o.measure),
    activity: o.activity,
    department: o.department,
    rating: Number(o.rating),
  }));
}

export function pledgesToJson(data: PledgeData): string {
  const { overall, policies, pledges, measures } = data;
  return `${JSON.stringify({ overall, policies, pledges, measures }, null, 2)}\n`;
}

export function pledgesFromJson(text: string): PledgeData {
  return JSON.parse(text) as PledgeData;
}

export function correctionsToCsv(entries: Correction[]): string {
  const sorted = [...entries].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return toCsv(CORRECTION_COLUMNS, sorted.map((c): Cell[] => [c.file, c.line, c.found, c.corrected, c.reason]));
}
