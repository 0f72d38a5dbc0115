/** Notices about the plan period: a workbook of another plan, actuals outside the period. */
import { DEFAULT_SETTINGS, makeSettings } from '../../src/domain/base/settings';
import { planNotices } from '../../src/domain/output/planNotices';
import { review, type Review } from '../../src/domain/review';
import { sheet } from './sheetHelpers';

const HEAD = ['指標名', '単位', '方向', '集計', '基準年度', '基準値', '実績H29', '実績H30', '実績R1', '実績R3', '目標年度', '目標値', '備考'];

/** first-term rows: actuals up to R1 (2019), target H31 (2019) */
const FIRST_TERM = [
  ['転入者数', '人', '増加', '単年', 'H26', 6000, 6100, 6200, 6300, null, 'H31', 6500, 'x'],
  ['観光入込客数', '万人', '増加', '単年', 'H26', 200, 205, 210, 212, null, 'H31', 218, 'x'],
  ['新規企業進出件数', '件', '増加', '累計', 'H26', null, 10, 14, 18, null, 'H31', 20, 'x'],
];
/** second-term rows: an actual in R3 (2021), target R6 (2024) */
const SECOND_TERM = [
  ['新規雇用創出数', '人', '増加', '累計', 'H30', 46, null, null, null, 45, 'R6', 230, 'x'],
  ['待機児童数', '人', '減少', '単年', 'H30', 3, null, null, null, 0, 'R6', 0, 'x'],
];

function args(r: Review): [Review['files'], Review['settings']] {
  return [r.files, r.settings];
}

function reviewed(files: Record<string, unknown[][]>, settings = DEFAULT_SETTINGS) {
  return review(
    Object.entries(files).map(([file, rows]) => ({ file, sheets: [sheet('KPI', [HEAD, ...rows] as never)] })),
    settings,
  );
}

describe('plan-period notices', () => {
  test('a first-term workbook under the default plan: another plan, the plan of the same length ending in its target year suggested', () => {
    expect(planNotices(...args(reviewed({ 'first.xlsx': FIRST_TERM })))).toEqual([
      { code: 'otherPlan', file: 'first.xlsx', asked: { start: 2020, end: 2024 }, targetYear: 2019, suggested: { start: 2015, end: 2019 }, outside: 3, withActual: 3 },
    ]);
  });

  test('with its own plan (--plan 2015-2019) nothing is said; nor for a second-term workbook under the default', () => {
    expect(planNotices(...args(reviewed({ 'first.xlsx': FIRST_TERM }, makeSettings({ planStart: 2015, planEnd: 2019 }))))).toEqual([]);
    expect(planNotices(...args(reviewed({ 'second.xlsx': SECOND_TERM })))).toEqual([]);
  });

  test('targets inside the plan but some actuals outside it: outsidePlan with the count', () => {
    const mixed = [...SECOND_TERM, ['古い実績', '人', '増加', '単年', 'H26', 1, 2, null, null, null, 'R6', 5, 'x']];
    expect(planNotices(...args(reviewed({ 'mixed.xlsx': mixed })))).toEqual([{ code: 'outsidePlan', file: 'mixed.xlsx', asked: { start: 2020, end: 2024 }, outside: 1, withActual: 3 }]);
  });

  test('one notice per workbook, in the order of the workbooks; a workbook without KPIs says nothing', () => {
    const r = review(
      [
        { file: 'second.xlsx', sheets: [sheet('KPI', [HEAD, ...SECOND_TERM] as never)] },
        { file: 'memo.xlsx', sheets: [sheet('メモ', [['メモ']])] },
        { file: 'first.xlsx', sheets: [sheet('KPI', [HEAD, ...FIRST_TERM] as never)] },
      ],
      DEFAULT_SETTINGS,
    );
    expect(planNotices(r.files, r.settings).map((n) => [n.file, n.code])).toEqual([['first.xlsx', 'otherPlan']]);
  });

  test('a later plan: the suggestion follows the plan length asked for', () => {
    const third = [['指標', '人', '増加', '単年', 'R6', 1, null, null, null, 2, 'R11', 5, 'x']];
    const n = planNotices(...args(reviewed({ 'third.xlsx': third }, makeSettings({ planStart: 2020, planEnd: 2022 }))));
    expect(n).toEqual([{ code: 'otherPlan', file: 'third.xlsx', asked: { start: 2020, end: 2022 }, targetYear: 2029, suggested: { start: 2027, end: 2029 }, outside: 0, withActual: 1 }]);
  });
});
