/** A KPI row for rule tests: every field at its plain value (a KPI of goal 1, measure 1, 増加, 単年), overridden by `p`. */
import type { KpiRow } from '../../src/domain/model/kpi';

export function kpiRowOf(p: Partial<KpiRow> = {}): KpiRow {
  return {
    sheet: 's', row: 5, kind: 'kpi', goal: 1, basicDirection: null, basicDirectionTitle: '', measure: 1, project: '', department: '', departments: [],
    indicator: 'x', unit: '', direction: 'up', aggregation: 'single', baselineYear: 2018, baseline: null, actuals: [], targetYear: 2024, target: null, notes: '',
    revisionKinds: [], originalTarget: null, excluded: false, covidOverride: null, ...p,
  };
}
