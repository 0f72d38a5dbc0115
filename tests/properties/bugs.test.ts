/**
 * Minimal reproductions of the src/ bugs the properties found, kept as regression tests
 * now that they are fixed. A new bug found by a property goes here first as a `test.failing`
 * with an entry in knownBugs.ts, so the big properties stay strict for everything else.
 */
import { kpiRowSchema } from '../../src/domain/model/kpi';
import { computeKpi } from '../../src/domain/rules/kpiCompute';
import { parseNumberText } from '../../src/domain/cells/numberCell';
import { newScratch, readNumberFast } from '../../src/domain/cells/numberFast';
import type { RawSheet, RawValue } from '../../src/domain/base/raw';
import { buildReport } from '../../src/domain/output/report';
import { review } from '../../src/domain/review';
import { DEFAULT_SETTINGS } from '../../src/domain/base/settings';
import { planCells } from './support';
import { issueLine } from '../../src/messages/issueText';
import { kpiRowOf } from '../support/kpiRow';

function run(rows: RawValue[][], extra: Partial<RawSheet> = {}, name = '政策推進課') {
  return review([{ file: 'book.xlsx', sheets: [{ name, top: 0, left: 0, values: rows, ...extra }] }], DEFAULT_SETTINGS);
}

const errors = (r: ReturnType<typeof run>) => r.issues.filter((i) => i.severity === 'error');

describe('regressions: bugs the properties found in src/, fixed', () => {
  test('pledgeKeyPlaceholder: pledgeKey.missing messages keep a literal {header} placeholder (makeIssue gets header but no params.header)', () => {
    // first activity row with a blank 基本政策: nothing above to repeat
    const r = run([['基本政策', '公約', '施策', '評価'], [null, 1, 1, 7]], {}, '公約');
    const e = errors(r).find((i) => i.code === 'pledgeKey.missing')!;
    expect(issueLine('ja', e)).toBe('公約!A2（基本政策）: 基本政策が空欄です。この取組がどの基本政策・公約・施策に属するか入力してください');
    expect(issueLine('en', e)).not.toContain('{header}');
  });

  test('mergeBlockNoHeader: sheet.outputBlocked for a merged cell over an existing output column names no header', () => {
    // 達成率 exists in the table; its cells on rows 2–3 are merged
    const r = run([['指標名', '目標値', '実績R3', '達成率'], ['a', 10, 5, null], ['b', 10, 5, null]], { merges: [{ top: 1, left: 3, bottom: 2, right: 3 }] });
    const e = errors(r).find((i) => i.code === 'sheet.outputBlocked')!;
    expect(e.cell).toBe('D2');
    expect(e.header).toBe('達成率');
  });

  test('mergeBlockNoRows: sheet.outputBlocked for a merged cell is raised on a sheet with no data rows, at a row below the sheet', () => {
    // an empty template: header only, 達成率 merged with the (empty) row below
    const r = run([['指標名', '目標値', '実績R3', '達成率']], { merges: [{ top: 0, left: 3, bottom: 1, right: 3 }] });
    // today: sheet.outputBlocked at D2, a row the sheet does not have, and no plan
    expect(errors(r)).toEqual([]);
    expect(r.files[0].sheets[0].plan).not.toBeNull();
  });

  test('dateYearUnchecked: a Date in 基準年度/目標年度 gives any year (1899, 215231, -271821): kpiRowSchema (1950–2200) rejects the row', () => {
    // the serial 0 formatted as a date reaches the adapter as 1899-12-30
    const r = run([['指標名', '基準年度', '目標値', '実績R3'], ['a', new Date(Date.UTC(1899, 11, 30)), 10, 5]]);
    const rowOk = r.kpis.every((k) => kpiRowSchema.safeParse(k.row).success);
    expect(rowOk || errors(r).some((e) => e.code === 'year.invalid' && e.cell === 'B2')).toBe(true);
    expect(rowOk).toBe(true);
  });

  test('ordinalUnsafe: a number cell ≥ 2^53 in 基本目標/施策 (KPI) is read as that goal; kpiRowSchema rejects the row', () => {
    const r = run([['基本目標', '指標名', '目標値', '実績R3'], [1e20, 'a', 10, 5]]);
    expect(r.kpis.every((k) => kpiRowSchema.safeParse(k.row).success)).toBe(true);
    expect(errors(r).map((e) => [e.code, e.cell])).toEqual([['goal.invalid', 'A2']]);
  });

  test('rowInvalidNoHeader: pledge row.invalid errors (e.g. 公約 1e20) name no header although they name the 評価 cell', () => {
    const r = run([['基本政策', '公約', '施策', '評価'], [1, 1e20, 1, 7]], {}, '公約');
    const e = errors(r)[0];
    // today: row.invalid at D2 (the 評価 cell) without a header, "pledge: Too big: expected int to be <=9007199254740991"
    expect([e.code, e.cell, e.header]).toEqual(['pledge.invalid', 'B2', '公約']);
  });

  test('percentOverflow: a huge number with a % format (1e307 as 0.0%) reads as ±Infinity: KPI row not finite, report gets null', () => {
    const r = run([['指標名', '目標値', '実績R3'], ['a', 100, 1e307]], { numberFormats: [[], [null, null, '0.0%']] });
    // today: actual = Infinity, no error; the report's "actual" is silently null
    const rowOk = r.kpis.every((k) => kpiRowSchema.safeParse(k.row).success);
    expect(rowOk || errors(r).some((e) => e.cell === 'C2')).toBe(true);
    expect(JSON.parse(JSON.stringify(buildReport(r))).kpis.map((k: { actual: unknown }) => k.actual)).not.toEqual([null]);
  });

  test('progressNaN: 基準比進捗率 is NaN (not blank, not clamped) when A − B and T − B overflow to ±Infinity (values near ±1e308)', () => {
    // 減少, baseline 8e307, target and actual -1e308: A − B and T − B are both -Infinity
    const row = kpiRowOf({ row: 1, goal: null, measure: null, indicator: 'a', direction: 'down', baselineYear: null, baseline: 8e307, actuals: [{ year: 2021, value: -1e308, col: 4 }], targetYear: null, target: -1e308 });
    expect(computeKpi(row, DEFAULT_SETTINGS).progress).toBeNull();
    // the same through a sheet: the plan writes NaN into 基準比進捗率
    const r = run([['指標名', '方向', '基準値', '目標値', '実績R3'], ['a', '減少', 8e307, -1e308, -1e308]]);
    const written = r.files[0].plan.sheets.flatMap((p) => planCells(p)).filter((c) => typeof c.value === 'number');
    expect(written.every((c) => Number.isFinite(c.value))).toBe(true);
  });

  test('subRowNumberYear: a two-row header with the years typed as numbers (実績 over 2020 | 2021, as Excel stores them) is rejected: header.actualYearMissing', () => {
    // 実績 merged over two columns, the years below typed as 2020 and 2021 (Excel keeps them as numbers)
    const r = run(
      [
        ['指標名', '目標値', '実績', null],
        [null, null, 2020, 2021],
        ['a', 100, 40, 50],
      ],
      { merges: [{ top: 0, left: 2, bottom: 0, right: 3 }, { top: 0, left: 0, bottom: 1, right: 0 }, { top: 0, left: 1, bottom: 1, right: 1 }] },
    );
    // today: header.actualYearMissing at C1 and D1, then row 2 is read as data (指標名 from the merge, "目標値" is not a number)
    expect(errors(r)).toEqual([]);
    expect(r.kpis.map((k) => k.row.actuals.map((a) => [a.year, a.value]))).toEqual([[[2020, 40], [2021, 50]]]);
  });

  test("digitUnits: the full grammar refuses every unit with a digit after NFKC (m2, m3, t-co2, ㎡, m², ㎥) unless it is the row's 単位; the fast path accepts 120㎡, so １２０㎡ (full-width) is an error where 120㎡ is not", () => {
    expect(parseNumberText('5m2')).toMatchObject({ kind: 'number', value: 5 });
    // the fast path and the full grammar disagree
    const s = newScratch();
    expect(readNumberFast('120㎡', '', s)).toBe(true);
    expect(parseNumberText('120㎡')).toMatchObject({ kind: 'number', value: 120 });
    // in a sheet: the same value typed with full-width digits is an error, with half-width digits it is not
    const r = run([['指標名', '目標値', '実績R3'], ['床面積', '１２０㎡', '120㎡']]);
    expect(errors(r).map((e) => `${e.cell} ${e.code} ${e.found}`)).toEqual([]);
  });

  test('untrimmedSuffix: the fast path trims only ASCII spaces around the suffix: "45\u3000" has unit "\u3000", "93.9%\u3000" has unit "%\u3000" and is not a percentage (the full grammar says "" and "%"): spurious warn.unitMismatch', () => {
    const s = newScratch();
    expect(readNumberFast('93.9%\u3000', '', s)).toBe(true);
    expect([s.percent, s.unit]).toEqual([true, '%']);
    // in a sheet: a trailing full-width space after 45 is taken for a unit
    const r = run([['指標名', '単位', '目標値', '実績R3'], ['a', '人', 100, '45\u3000']]);
    expect(r.issues.filter((i) => i.code === 'warn.unitMismatch').map((i) => i.found)).toEqual([]);
  });

  test('superscriptDigits: NFKC turns ² and ① into digits that are glued to the number: "10²" reads as 102, "3①" as 31', () => {
    // found while checking the full grammar; the fast path refuses these strings, so a sheet reads them through parseNumberText
    expect(parseNumberText('10²')).not.toMatchObject({ kind: 'number', value: 102 });
    expect(parseNumberText('3①')).not.toMatchObject({ kind: 'number', value: 31 });
  });
});
