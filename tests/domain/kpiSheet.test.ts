import { review } from '../../src/domain/review';
import { DEFAULT_SETTINGS } from '../../src/domain/base/settings';
import { kpiRowSchema } from '../../src/domain/model/kpi';
import type { RawValue } from '../../src/domain/base/raw';
import { sheet } from './sheetHelpers';
import { issueLine } from '../../src/messages/issueText';

const HEAD = ['基本目標', '施策', '事業名', '指標名', '単位', '方向', '集計', '基準年度', '基準値', '実績R3', '目標値', '備考'];

function run(rows: RawValue[][], extra = {}) {
  return review([{ file: 'book.xlsx', sheets: [sheet('政策推進課', [HEAD, ...rows], extra)] }], DEFAULT_SETTINGS);
}

describe('reading KPI rows', () => {
  test('values as typed: numbers, text forms, 累計 marks, merges', () => {
    const r = run([
      ['①', '施策①', '事業A', '新規雇用創出数', '人', '', '', 'H30', '46人', '累計45人', '累計230人', ''],
      [1, 1, '事業A', '相談件数', '件', '増加', '累計', 2018, 825, '累計1,627件', '累計4,500件', ''],
      ['基本目標2', '⑤', '事業B', '待機児童数', '人', '減少', '単年', '平成30年度', 3, 0, 0, ''],
    ]);
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(r.kpis.map((k) => k.row)).toEqual([
      expect.objectContaining({ goal: 1, measure: 1, aggregation: 'cumulative', baseline: 46, baselineYear: 2018, target: 230, actuals: [{ year: 2021, value: 45, col: 9 }] }),
      expect.objectContaining({ aggregation: 'cumulative', baseline: 825, target: 4500 }),
      expect.objectContaining({ goal: 2, measure: 5, direction: 'down', aggregation: 'single', target: 0 }),
    ]);
    for (const k of r.kpis) expect(kpiRowSchema.safeParse(k.row).success).toBe(true);
  });

  test('every bad cell is an error naming sheet, cell, header, found text and what was expected', () => {
    const r = run([['x', 1, '', '指標', '人', '横ばい', '毎年', '昨年', '約50', '#DIV/0!', '未集計', '']]);
    const errors = r.issues.filter((i) => i.severity === 'error');
    expect(errors.map((e) => [e.cell, e.code, e.header, e.found])).toEqual([
      ['A2', 'goal.invalid', '基本目標', 'x'],
      ['F2', 'direction.invalid', '方向', '横ばい'],
      ['G2', 'aggregation.invalid', '集計', '毎年'],
      ['H2', 'year.invalid', '基準年度', '昨年'],
      ['I2', 'number.text', '基準値', '約50'],
      ['J2', 'number.excelError', '実績R3', '#DIV/0!'],
      ['K2', 'number.text', '目標値', '未集計'],
    ]);
    expect(issueLine('ja', errors[4])).toBe('政策推進課!I2（基準値）: 「約50」は数値として読めません。数値を入力してください（例: 1627、1,627、累計45人、93.9%、△12、空欄または「—」）');
    expect(issueLine('en', errors[4])).toContain('政策推進課!I2 (基準値): "約50" is not a number');
    expect(errors[0].file).toBe('book.xlsx');
    // nothing is planned for a sheet with errors
    expect(r.files[0].plan.sheets).toEqual([]);
    expect(r.files[0].sheets[0].plan).toBeNull();
  });

  test.each([
    [true, 'number.boolean'],
    [new Date('2021-05-01'), 'number.date'],
    ['50人程度', 'number.unit'],
    [{ error: '#N/A' }, 'number.excelError'],
  ] as [RawValue, string][])('cell %p → %s', (v, code) => {
    const r = run([[1, 1, 'p', '指標', '人', '増加', '単年', 2018, 10, v, 20, '']]);
    expect(r.issues.find((i) => i.severity === 'error')?.code).toBe(code);
  });

  test('a row with numbers but no 指標名 is an error; blank, heading and ※ rows are skipped', () => {
    const r = run([
      [null, null, null, null, null, null, null, null, 5, 6, 7, null],
      [],
      ['基本目標1 地元企業と学生との“つながり”', null, null, null, null, null, null, null, null, null, null, null],
      [null, null, null, '※実績値は速報値', null, null, null, null, null, null, null, null],
    ]);
    expect(r.issues.filter((i) => i.severity === 'error').map((i) => [i.code, i.cell])).toEqual([['indicator.missing', 'D2']]);
    expect(r.kpis).toHaveLength(0);
  });

  test('vertical merges carry the value down (goal and measure for several KPIs)', () => {
    const r = run(
      [
        [1, 5, '父子健康手帳交付事業', '父子健康手帳の交付率', '%', '増加', '単年', 2018, 96.8, 97.7, 100, ''],
        [null, null, null, '子育て応援教室の参加組数', '組', '増加', '単年', 2018, 24, 40, 50, ''],
      ],
      { merges: [{ top: 1, left: 0, bottom: 2, right: 0 }, { top: 1, left: 1, bottom: 2, right: 1 }, { top: 1, left: 2, bottom: 2, right: 2 }] },
    );
    expect(r.kpis[1].row).toMatchObject({ goal: 1, measure: 5, project: '父子健康手帳交付事業' });
  });

  test('a percentage-formatted 0.939 reads as 93.9', () => {
    const values: RawValue[][] = [HEAD, [2, 6, 'p', '産婦健康診査受診率', '%', '増加', '単年', null, null, 0.939, 1, '']];
    const formats = [[], [null, null, null, null, null, null, null, null, null, '0.0%', '0%', null]];
    const r = review([{ file: 'b', sheets: [sheet('s', values, { numberFormats: formats })] }], DEFAULT_SETTINGS);
    expect(r.kpis[0].row.actuals[0].value).toBeCloseTo(93.9, 10);
    expect(r.kpis[0].row.target).toBe(100);
    expect(r.kpis[0].result.achievement).toBeCloseTo(93.9, 10);
  });

  test('warnings: grade D without a note, unit mismatch, 単年 written as 累計, duplicates', () => {
    const r = run([
      [1, 1, 'p', '参加者数', '人', '増加', '単年', 2018, 289, '累計133人', '累計890人', ''],
      [1, 1, 'p', '参加者数', '人', '増加', '単年', 2018, 289, '133万人', 890, 'コロナで縮小'],
    ]);
    expect(r.issues.filter((i) => i.severity === 'warning').map((i) => [i.code, i.cell])).toEqual([
      ['warn.aggregationConflict', 'G2'],
      ['warn.gradeDNoNote', 'L2'],
      ['warn.duplicateKpi', 'D3'],
      ['warn.unitMismatch', 'J3'],
    ]);
  });
});
