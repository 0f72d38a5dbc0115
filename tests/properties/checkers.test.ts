/**
 * The properties can fail: each checker in support.ts is fed a review or plan broken on
 * purpose (the way a bug in src/ would break it) and must reject it. Also checks the tiny
 * plan applier and the exact rollup against the SPEC's published figures.
 */
import type { SheetPlan } from '../../src/domain/plan/plan';
import type { RawSheet } from '../../src/domain/base/raw';
import { review, type KpiSheetReview } from '../../src/domain/review';
import { rollupPledges } from '../../src/domain/rules/pledgeRollup';
import { DEFAULT_SETTINGS } from '../../src/domain/base/settings';
import { applyPlan, checkKpiResult, checkPlan, checkReview, checkRollup, exactRollup, newPlanStats, newStats, planMap, PropertyViolation, sameMap } from './support';

const SHEET: RawSheet = {
  name: '政策推進課',
  top: 0,
  left: 0,
  values: [
    ['基本目標', '指標名', '方向', '基準値', '実績R3', '目標値', '達成率', 'メモ'],
    [1, '新規雇用創出数', '増加', 46, '累計45人', '累計230人', 0.1, '担当者メモ'],
    [1, '相談件数', '増加', 825, 1627, 4500, null, null],
  ],
};

function fresh() {
  const r = review([{ file: 'b.xlsx', sheets: [SHEET] }], DEFAULT_SETTINGS);
  const sr = r.files[0].sheets[0] as KpiSheetReview;
  return { r, sr, plan: JSON.parse(JSON.stringify(sr.plan)) as SheetPlan };
}

function rejects(f: () => void): void {
  expect(f).toThrow(PropertyViolation);
}

describe('the checkers reject broken plans', () => {
  test('the real plan passes', () => {
    const { sr } = fresh();
    expect(sr.plan).not.toBeNull();
    checkPlan(SHEET, sr, undefined, newPlanStats());
  });

  test('a data write moved onto an input column', () => {
    const { sr, plan } = fresh();
    plan.writes.find((w) => w.role === 'data')!.left = 1;
    rejects(() => checkPlan(SHEET, { ...sr, plan }, undefined, newPlanStats()));
  });

  test('a header written on a data row, or over an existing output column', () => {
    const a = fresh();
    a.plan.writes.find((w) => w.role === 'header')!.top = 1;
    rejects(() => checkPlan(SHEET, { ...a.sr, plan: a.plan }, undefined, newPlanStats()));
    const b = fresh();
    b.plan.writes.push({ top: 0, left: 6, values: [['達成率']], numberFormats: ['@'], role: 'header' });
    rejects(() => checkPlan(SHEET, { ...b.sr, plan: b.plan }, undefined, newPlanStats()));
  });

  test('a created column placed over the memo column', () => {
    const { sr, plan } = fresh();
    const c = plan.columns.find((x) => x.created)!;
    c.col = 7;
    rejects(() => checkPlan(SHEET, { ...sr, plan }, undefined, newPlanStats()));
  });

  test('a write into a merged area, a data row above the data, a conditional format over an input column', () => {
    const a = fresh();
    rejects(() => checkPlan({ ...SHEET, merges: [{ top: 1, left: 8, bottom: 2, right: 8 }] }, { ...a.sr, plan: a.plan }, undefined, newPlanStats()));
    const b = fresh();
    b.plan.writes.find((w) => w.role === 'data')!.top = 0;
    rejects(() => checkPlan(SHEET, { ...b.sr, plan: b.plan }, undefined, newPlanStats()));
    const c = fresh();
    c.plan.conditionalFormats[0] = { ...c.plan.conditionalFormats[0], left: 5, right: 6 };
    rejects(() => checkPlan(SHEET, { ...c.sr, plan: c.plan }, undefined, newPlanStats()));
  });

  test('existing output columns that differ from the table', () => {
    const { sr, plan } = fresh();
    rejects(() => checkPlan(SHEET, { ...sr, plan }, { kind: 'kpi', name: SHEET.name, headerRow: 0, firstDataRow: 1, clean: true, existingOutputs: { achievement: 6, grade: 3 } }, newPlanStats()));
  });
});

describe('the idempotency comparison sees a changed cell', () => {
  test('apply, then change one value', () => {
    const { plan } = fresh();
    const applied = applyPlan(SHEET, plan);
    // the applier wrote the headers of the created columns and grew the rows
    expect(applied.values[0].slice(8)).toEqual(['基準比進捗率', '計画比', '評価', '評価根拠', 'コロナ影響']);
    expect(applied.numberFormats![1][6]).toBe('0.0%');
    expect(SHEET.values[0]).toHaveLength(8);
    const again = review([{ file: 'b.xlsx', sheets: [applied] }], DEFAULT_SETTINGS).files[0].sheets[0].plan!;
    expect(sameMap(planMap(plan, 'data'), planMap(again, 'data'))).toBeNull();
    const broken = JSON.parse(JSON.stringify(again)) as SheetPlan;
    broken.writes.find((w) => w.role === 'data')!.values[0][0] = 0.5;
    expect(sameMap(planMap(plan, 'data'), planMap(broken, 'data'))).not.toBeNull();
  });
});

describe('the review and rule checkers reject broken results', () => {
  test('out of range, wrong grade, 累計 with progress', () => {
    const { r } = fresh();
    const k = r.kpis[1];
    checkKpiResult(k.row, k.result, DEFAULT_SETTINGS, 'ok');
    rejects(() => checkKpiResult(k.row, { ...k.result, achievement: 130 }, DEFAULT_SETTINGS, 'cap'));
    rejects(() => checkKpiResult(k.row, { ...k.result, achievement: NaN }, DEFAULT_SETTINGS, 'NaN'));
    rejects(() => checkKpiResult(k.row, { ...k.result, grade: 'A' }, DEFAULT_SETTINGS, 'grade'));
    rejects(() => checkKpiResult({ ...k.row, aggregation: 'cumulative' }, { ...k.result, progress: 50 }, DEFAULT_SETTINGS, 'cumulative'));
    rejects(() => checkKpiResult({ ...k.row, goal: 0 }, k.result, DEFAULT_SETTINGS, 'schema'));
  });

  test('an error sheet with a plan; an issue whose message has an unfilled parameter; a cell outside the sheet', () => {
    const { r } = fresh();
    const inputs = [{ file: 'b.xlsx', sheets: [SHEET] }];
    checkReview(inputs, r, null, newStats());
    const sr = r.files[0].sheets[0];
    const withError = { ...r, files: [{ ...r.files[0], sheets: [{ ...sr, issues: [...sr.issues, { severity: 'error', code: 'number.text', sheet: SHEET.name, cell: 'E2', row: 1, col: 4, header: '実績R3', params: { found: 'x' } }] }] }] } as typeof r;
    rejects(() => checkReview(inputs, withError, null, newStats()));
    const noMessage = { ...r, files: [{ ...r.files[0], sheets: [{ ...sr, plan: null, issues: [{ severity: 'error', code: 'number.text', sheet: SHEET.name, cell: 'E2', row: 1, col: 4, header: '実績R3' }] }] }] } as typeof r;
    rejects(() => checkReview(inputs, noMessage, null, newStats()));
    const outside = { ...r, files: [{ ...r.files[0], sheets: [{ ...sr, plan: null, issues: [{ severity: 'error', code: 'number.text', sheet: SHEET.name, cell: 'E9', row: 8, col: 4, header: '実績R3', params: { found: 'x' } }] }] }] } as typeof r;
    rejects(() => checkReview(inputs, outside, null, newStats()));
  });

  test('the exact rollup matches the SPEC figures and rejects an off-by-one', () => {
    // 公約 % 73 = floor(mean × 10) with measure means 7.33…, 7.5, 7.2
    const acts = [7, 7, 8, 7, 8, 7, 7, 8, 7, 7].map((rating, i) => ({ policy: 1, pledge: 1, measure: i < 3 ? 1 : i < 5 ? 2 : 3, rating }));
    const e = exactRollup(acts);
    expect([...e.measures.values()].map((m) => m.filled)).toEqual([7, 7, 7]);
    expect(e.pledges.get('1|1')).toBe(73);
    const real = rollupPledges(acts.map((a, i) => ({ ...a, sheet: 's', row: i, policyTitle: '', pledgeTitle: '', measureTitle: '', activity: '', department: '' })));
    checkRollup(real, acts);
    rejects(() => checkRollup({ ...real, overall: (real.overall ?? 0) + 0.1 }, acts));
    rejects(() => checkRollup({ ...real, pledges: real.pledges.map((p) => ({ ...p, percent: p.percent + 1 })) }, acts));
    rejects(() => checkRollup({ ...real, measures: real.measures.map((m) => ({ ...m, stars: '★★★★★ ★★★☆☆' })) }, acts));
  });
});
