/** 計算して書き込む through the Office.js gateway, against the in-memory Excel. */
import { parseLocalRange } from '../../src/excel/addresses';
import { LOG_HEADERS, LOG_SHEET } from '../../src/domain/plan/auditLog';
import { OUTPUT_DATA_FILL, OUTPUT_HEADER_FILL } from '../../src/domain/plan/plan';
import { DEFAULT_SETTINGS } from '../../src/domain/base/settings';
import type { WriteOutcome } from '../../src/excel/gateway';
import { cellInfo, formulasOf, gridSnapshot, snapshotSheet, valuesOf, workbookFromSpec, type FakeWorkbook, type Rect } from '../support/fakeExcel';
import { errorKpiSheet, notesSheet, sampleKpiSheet, samplePledgeSheet } from '../support/fakeExcel/samples';
import { gatewayFor, NOW } from './helpers';

function sampleBook(): FakeWorkbook {
  return workbookFromSpec({ name: '第2期総合戦略.xlsx', sheets: [sampleKpiSheet(), samplePledgeSheet(), errorKpiSheet(), notesSheet()] });
}

/** the area around the data: used range plus 3 rows and 8 columns (where output columns appear) */
function areaOf(wb: FakeWorkbook, sheet: string): Rect {
  const used = wb.sheet(sheet)!.usedRect(false) ?? { top: 0, left: 0, bottom: 0, right: 0 };
  return { top: 0, left: 0, bottom: used.bottom + 3, right: used.right + 8 };
}

/** every cell of the area, except the output columns from the header row down */
function nonOutputCells(wb: FakeWorkbook, sheet: string, area: Rect, outcome: WriteOutcome | null) {
  const w = outcome?.written.find((x) => x.sheet === sheet);
  const out = w ? parseLocalRange(w.range) : null;
  return gridSnapshot(wb, sheet, area, (r, c) => !!out && c >= out.left && c <= out.right && r >= out.top);
}

describe('computeAndWrite (Office.js adapter)', () => {
  test('writes the output columns only, with formats, conditional formats and the audit log, in 3 syncs', async () => {
    const wb = sampleBook();
    const areas = Object.fromEntries(['政策推進課', '市長公約'].map((n) => [n, areaOf(wb, n)]));
    const before = Object.fromEntries(['政策推進課', '市長公約'].map((n) => [n, gridSnapshot(wb, n, areas[n])]));
    const beforeSheets = Object.fromEntries(['建設課', 'メモ'].map((n) => [n, snapshotSheet(wb.sheet(n)!)]));

    const outcome = await gatewayFor(wb).computeAndWrite(DEFAULT_SETTINGS);

    expect(outcome.syncs).toBe(3);
    expect(wb.syncCount).toBe(3);
    expect(outcome.kpiSheets).toEqual(['政策推進課', '建設課']);
    expect(outcome.pledgeSheets).toEqual(['市長公約']);
    expect(outcome.otherSheets).toEqual(['メモ']);
    expect(outcome.written).toEqual([
      { sheet: '政策推進課', range: 'M3:R9', cells: 42 },
      { sheet: '市長公約', range: 'G1:J6', cells: 24 },
    ]);
    expect(outcome.skipped).toEqual(['建設課']);
    expect(outcome.skippedDetails?.[0]).toMatchObject({ sheet: '建設課', reason: 'errors' });
    expect(outcome.largestRequestBytes).toBeGreaterThan(0);
    expect(outcome.largestRequestBytes).toBeLessThan(4_000_000);

    // nothing outside the output columns changed (values, formulas, every format)
    for (const name of ['政策推進課', '市長公約']) {
      const after = nonOutputCells(wb, name, areas[name], outcome);
      expect(Object.keys(after).length).toBeGreaterThan(50);
      expect(after).toEqual(Object.fromEntries(Object.entries(before[name]).filter(([a1]) => a1 in after)));
    }
    // sheets with errors and other sheets are not touched at all
    expect(snapshotSheet(wb.sheet('建設課')!)).toEqual(beforeSheets['建設課']);
    expect(snapshotSheet(wb.sheet('メモ')!)).toEqual(beforeSheets['メモ']);

    // headers of the created output columns
    expect(valuesOf(wb, '政策推進課', 'M3:R3')).toEqual([['達成率', '基準比進捗率', '計画比', '評価', '評価根拠', 'コロナ影響']]);
    expect(cellInfo(wb, '政策推進課', 'M3')).toMatchObject({ bold: true, fill: OUTPUT_HEADER_FILL });
    // 新規雇用創出数: 累計45 vs 累計230 → 19.6 %, pace 48.9 %, D on pace (FY2021 is before the target year); plan null → emptied cell
    const row5 = valuesOf(wb, '政策推進課', 'M5:R5')[0];
    expect(row5[0]).toBeCloseTo(0.19565, 4);
    expect(row5[1]).toBe('');
    expect(row5[2]).toBeCloseTo(0.48913, 4);
    expect(row5[3]).toBe('D');
    expect(row5[4]).toBe('計画比');
    expect(cellInfo(wb, '政策推進課', 'Q5')).toMatchObject({ numberFormat: '@' });
    expect(cellInfo(wb, '政策推進課', 'M5')).toMatchObject({ numberFormat: '0.0%', fill: OUTPUT_DATA_FILL, formula: null });
    expect(cellInfo(wb, '政策推進課', 'P5')).toMatchObject({ numberFormat: '@' });
    expect(valuesOf(wb, '政策推進課', 'R7')).toEqual([['コロナ中止']]);
    // column widths of created columns (characters → points)
    expect(wb.sheet('政策推進課')!.columnWidth(12)).toBe(56.25);
    // pledge outputs: 施策進捗, stars, 公約 %, 基本政策 %
    expect(valuesOf(wb, '市長公約', 'G2:J2')).toEqual([[7.5, '★★★★★ ★★☆☆☆', 0.72, 0.68]]);

    // conditional formats: icon sets on 達成率 and 計画比, grade and COVID colours
    const cfs = snapshotSheet(wb.sheet('政策推進課')!).conditionalFormats;
    expect(cfs.map((c) => [c.type, c.ranges])).toEqual([
      ['IconSet', ['M4:M9']],
      ['IconSet', ['O4:O9']],
      ['Custom', ['P4:P9']],
      ['Custom', ['P4:P9']],
      ['Custom', ['R4:R9']],
      ['Custom', ['R4:R9']],
    ]);
    expect(cfs[0].detail).toMatchObject({ style: 'ThreeTrafficLights1', criteria: [{}, { formula: '=0.5' }, { formula: '=1' }] });
    expect(cfs[3].detail).toMatchObject({ rule: { formula: '=P4="D"' }, format: { fill: { color: '#FCE4D6' }, font: { color: '#9C0006' } } });

    // audit log: hidden sheet, header and one row
    const log = wb.sheet(LOG_SHEET)!;
    expect(log.visibility).toBe('Hidden');
    expect(valuesOf(wb, LOG_SHEET, 'A1:M1')).toEqual([LOG_HEADERS]);
    expect(valuesOf(wb, LOG_SHEET, 'A2:M2')).toEqual([
      [NOW.toISOString(), 'progress-review', '0.1.0', 'task pane', '第2期総合戦略.xlsx', '政策推進課!M3:R9; 市長公約!G1:J6', 7, 5, 3, 2, 120, '2020-2024', '建設課'],
    ]);
    expect(formulasOf(wb, LOG_SHEET)).toEqual({});
    // the user's sheets still hold no formulas the add-in wrote
    expect(formulasOf(wb, '政策推進課')).toEqual({});
  });

  test('a second run rewrites the same cells, replaces its conditional formats and appends a log row', async () => {
    const wb = sampleBook();
    const gw = gatewayFor(wb);
    await gw.computeAndWrite(DEFAULT_SETTINGS);
    const first = snapshotSheet(wb.sheet('政策推進課')!);
    wb.resetSyncLog();
    const again = await gw.computeAndWrite(DEFAULT_SETTINGS);
    expect(again.syncs).toBe(3);
    expect(again.written.map((w) => w.range)).toEqual(['M3:R9', 'G1:J6']);
    expect(snapshotSheet(wb.sheet('政策推進課')!)).toEqual(first);
    expect(valuesOf(wb, LOG_SHEET, 'A3:A3')).toEqual([[NOW.toISOString()]]);
    expect(wb.sheet(LOG_SHEET)!.usedRect(true)).toMatchObject({ bottom: 2 });
  });

  test('a sheet with errors gets nothing, even its would-be output columns', async () => {
    const wb = workbookFromSpec({ sheets: [errorKpiSheet()] });
    const before = snapshotSheet(wb.sheet('建設課')!);
    const outcome = await gatewayFor(wb).computeAndWrite(DEFAULT_SETTINGS);
    expect(outcome.written).toEqual([]);
    expect(outcome.skipped).toEqual(['建設課']);
    expect(outcome.issues.filter((i) => i.severity === 'error').map((i) => i.cell)).toEqual(['B2', 'C2', 'D2']);
    expect(snapshotSheet(wb.sheet('建設課')!)).toEqual(before);
    // the run itself is still logged
    expect(valuesOf(wb, LOG_SHEET, 'F2')).toEqual([['（なし）']]);
  });

  test('a workbook without a KPI or pledge sheet: one error naming the headers looked for, nothing written but the log', async () => {
    const wb = workbookFromSpec({ sheets: [notesSheet()] });
    const outcome = await gatewayFor(wb).computeAndWrite(DEFAULT_SETTINGS);
    expect(outcome.issues.map((i) => [i.severity, i.code, i.sheet])).toEqual([['error', 'workbook.noReviewSheet', '']]);
    expect(outcome.written).toEqual([]);
    expect(valuesOf(wb, LOG_SHEET, 'F2')).toEqual([['（なし）']]);
  });

  test('validate reads and reviews in 2 syncs and writes nothing', async () => {
    const wb = sampleBook();
    const before = wb.sheets.map((s) => snapshotSheet(s));
    const v = await gatewayFor(wb).validate(DEFAULT_SETTINGS);
    expect(v.syncs).toBe(2);
    expect(wb.syncCount).toBe(2);
    expect(v.kpiCount).toBe(7);
    expect(v.activityCount).toBe(5);
    expect(wb.sheets.map((s) => snapshotSheet(s))).toEqual(before);
  });

  test('progress is reported at each step and ends at 1', async () => {
    const wb = sampleBook();
    const steps: string[] = [];
    const ratios: number[] = [];
    await gatewayFor(wb).computeAndWrite(DEFAULT_SETTINGS, (p) => {
      steps.push(p.step);
      ratios.push(p.ratio);
    });
    expect([...new Set(steps)]).toEqual(['read', 'validate', 'compute', 'write']);
    expect(ratios[ratios.length - 1]).toBe(1);
    expect([...ratios].sort((a, b) => a - b)).toEqual(ratios);
  });

  test('a password-protected sheet is skipped with its reason; the others are written', async () => {
    const kpi = sampleKpiSheet();
    const wb = workbookFromSpec({ sheets: [{ ...kpi, protected: { password: 'secret' } }, samplePledgeSheet()] });
    const before = snapshotSheet(wb.sheet('政策推進課')!);
    const outcome = await gatewayFor(wb).computeAndWrite(DEFAULT_SETTINGS);
    expect(outcome.skipped).toEqual(['政策推進課']);
    expect(outcome.skippedDetails?.[0]).toEqual({ sheet: '政策推進課', reason: 'protected' });
    expect(outcome.written.map((w) => w.sheet)).toEqual(['市長公約']);
    expect(snapshotSheet(wb.sheet('政策推進課')!)).toEqual(before);
    expect(valuesOf(wb, LOG_SHEET, 'F2')).toEqual([['市長公約!G1:J6']]);
    expect(valuesOf(wb, LOG_SHEET, 'M2')).toEqual([['政策推進課']]);
  });

  test('a sheet protected without a password is unprotected, written and protected again with the same options', async () => {
    const kpi = sampleKpiSheet();
    const options = { allowInsertRows: true, allowFormatColumns: true };
    const wb = workbookFromSpec({ sheets: [{ ...kpi, protected: { options } }] });
    const outcome = await gatewayFor(wb).computeAndWrite(DEFAULT_SETTINGS);
    expect(outcome.syncs).toBe(3);
    expect(outcome.written.map((w) => w.sheet)).toEqual(['政策推進課']);
    const p = wb.sheet('政策推進課')!.protection;
    expect(p.protected).toBe(true);
    expect(p.options).toMatchObject(options);
    expect(valuesOf(wb, '政策推進課', 'P5')).toEqual([['D']]);
  });
});
