import { detectHeader, type KpiHeader, type PledgeHeader } from '../../src/domain/sheets/headers';
import { sheet } from './sheetHelpers';
import { issueLine } from '../../src/messages/issueText';

function kpi(rows: Parameters<typeof sheet>[1], extra = {}): KpiHeader {
  const h = detectHeader(sheet('s', rows, extra));
  if (!h || h.kind !== 'kpi') throw new Error('no KPI header: ' + JSON.stringify(h));
  return h;
}

describe('header detection', () => {
  test('Japanese headers after a title row; years in 実績 headers', () => {
    const h = kpi([['第2期 KPI'], [], ['基本目標', '施策', '事業名', '担当課', '指標名', '単位', '方向', '集計', '基準年度', '基準値', '実績R2', '実績(令和3年度)', '目標年度', '目標値', '備考']]);
    expect(h.row).toBe(2);
    expect(h.firstDataRow).toBe(3);
    expect(h.fields).toMatchObject({ goal: 0, measure: 1, project: 2, department: 3, indicator: 4, unit: 5, direction: 6, aggregation: 7, baselineYear: 8, baseline: 9, targetYear: 12, target: 13, notes: 14 });
    expect(h.actuals.map((a) => [a.col, a.year])).toEqual([[10, 2020], [11, 2021]]);
  });

  test.each(['実績R3', '実績(令和3年度)', '実績2021', 'R3実績', 'FY2021 actual', '令和3年度実績', '実績値（令和３年度）※', 'actual FY2021', '2021年度実績'])('actual column "%s" is FY2021', (text) => {
    expect(kpi([['指標名', text, '目標値']]).actuals).toEqual([{ col: 1, year: 2021, header: text }]);
  });

  test('English aliases, spacing and full-width letters', () => {
    const h = kpi([['Goal', 'MEASURE', 'Indicator', 'Baseline year', 'baseline', 'FY2021 actual', 'target_year', 'Ｔａｒｇｅｔ', 'notes']]);
    expect(h.fields).toMatchObject({ goal: 0, measure: 1, indicator: 2, baselineYear: 3, baseline: 4, targetYear: 6, target: 7, notes: 8 });
  });

  test('years written in 基準値 / 目標値 headers', () => {
    const h = kpi([['指標名', '基準値（平成30年度）', '実績値（令和3年度）', '目標値（令和6年度）']]);
    expect(h.baselineHeaderYear).toBe(2018);
    expect(h.targetHeaderYear).toBe(2024);
    expect(h.fields).toMatchObject({ baseline: 1, target: 3 });
  });

  test('output columns are recognised, and 評価 is the grade on a KPI sheet', () => {
    const h = kpi([['指標名', '実績R3', '目標値', '達成率', '基準比進捗率', '計画比', '評価', 'コロナ影響']]);
    expect(h.outputs).toEqual({ achievement: 3, progress: 4, pace: 5, grade: 6, covid: 7 });
  });

  test('header in row 10 is found; row 11 is not', () => {
    const rows10: Parameters<typeof sheet>[1] = Array.from({ length: 9 }, () => ['タイトル']);
    expect(kpi([...rows10, ['指標名', '実績R3', '目標値']]).row).toBe(9);
    expect(detectHeader(sheet('s', [...rows10, ['x'], ['指標名', '実績R3', '目標値']]))).toBeNull();
  });

  test('a used range that starts at C3 keeps absolute positions', () => {
    const h = kpi([['指標名', '実績R3', '目標値']], { top: 2, left: 2 });
    expect(h.row).toBe(2);
    expect(h.fields.indicator).toBe(2);
    expect(h.actuals[0].col).toBe(3);
  });

  test('a two-row header: 実績 merged above R2 | R3', () => {
    const h = kpi(
      [
        ['指標名', '実績', null, '目標値'],
        [null, 'R2', 'R3', null],
        ['x', 1, 2, 3],
      ],
      { merges: [{ top: 0, left: 1, bottom: 0, right: 2 }] },
    );
    expect(h.actuals.map((a) => a.year)).toEqual([2020, 2021]);
    expect(h.firstDataRow).toBe(2);
  });

  test('duplicate headers and duplicate years are errors naming both cells', () => {
    const h = kpi([['指標名', '実績R3', '目標値', '指標名', '実績2021']]);
    expect(h.issues.map((i) => [i.code, i.cell])).toEqual([
      ['header.duplicate', 'D1'],
      ['header.duplicateYear', 'E1'],
    ]);
    expect(issueLine('ja', h.issues[0])).toContain('A1');
  });

  test('an 実績 column without a year is an error', () => {
    const h = kpi([['指標名', '実績', '目標値']]);
    expect(h.issues[0]).toMatchObject({ code: 'header.actualYearMissing', cell: 'B1', severity: 'error' });
  });

  test('a pledge sheet', () => {
    const h = detectHeader(sheet('p', [['市長公約'], ['基本政策', '公約', '施策', '取組事業内容', '担当部署', '評価']])) as PledgeHeader;
    expect(h.kind).toBe('pledge');
    expect(h.fields).toEqual({ policy: 0, pledge: 1, measure: 2, activity: 3, department: 4, rating: 5 });
  });

  test('sheets without the required headers are not review sheets', () => {
    expect(detectHeader(sheet('s', [['指標名', '実績R3']]))).toBeNull();
    expect(detectHeader(sheet('s', [['メモ']]))).toBeNull();
    expect(detectHeader(sheet('s', []))).toBeNull();
  });
});
