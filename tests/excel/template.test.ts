/** テンプレート作成 and what happens after departments fill it in. */
import { KPI_OUTPUT_HEADERS, KPI_OUTPUTS } from '../../src/domain/sheets/headers';
import { OUTPUT_DATA_FILL, OUTPUT_HEADER_FILL } from '../../src/domain/plan/plan';
import { makeSettings } from '../../src/domain/base/settings';
import { kpiTemplate, pledgeTemplate } from '../../src/domain/output/templates';
import { LOG_SHEET } from '../../src/domain/plan/auditLog';
import { cellA1, cellInfo, excelRunFor, snapshotSheet, valuesOf, workbookFromSpec, type FakeWorkbook } from '../support/fakeExcel';
import { gatewayFor } from './helpers';

const SETTINGS = makeSettings({ planStart: 2020, planEnd: 2024 });

function colOf(model: ReturnType<typeof kpiTemplate>, header: string): number {
  return model.columns.findIndex((c) => c.header === header);
}

/** types into cells as a department would (through Excel, on the protected sheet) */
async function type(wb: FakeWorkbook, sheet: string, a1: string, values: (string | number)[][]): Promise<void> {
  await excelRunFor(wb)(async (ctx) => {
    ctx.workbook.worksheets.getItem(sheet).getRange(a1).values = values;
    await ctx.sync();
  });
}

describe('addTemplate (Office.js adapter)', () => {
  test('KPI template: header, formats, drop-downs, locked shaded outputs, protection without password, example row; 2 syncs', async () => {
    const wb = workbookFromSpec({ sheets: [{ name: 'Sheet1', values: [] }] });
    const out = await gatewayFor(wb).addTemplate('kpi', SETTINGS, '政策推進課');
    expect(out).toEqual({ sheet: '政策推進課', syncs: 2 });
    expect(wb.syncCount).toBe(2);
    const model = kpiTemplate({ department: '政策推進課', planStart: 2020, planEnd: 2024 });
    const s = wb.sheet('政策推進課')!;
    const h = model.headerRow;
    const n = model.columns.length;

    expect(valuesOf(wb, '政策推進課', 'A1')[0][0]).toBe(model.title);
    expect(valuesOf(wb, '政策推進課', `A${h + 1}:${cellA1(h, n - 1)}`)).toEqual([model.columns.map((c) => c.header)]);
    expect(cellInfo(wb, '政策推進課', cellA1(h, 0))).toMatchObject({ bold: true, fill: model.headerFill });
    const firstOut = colOf(model, KPI_OUTPUT_HEADERS.achievement);
    expect(cellInfo(wb, '政策推進課', cellA1(h, firstOut))).toMatchObject({ fill: OUTPUT_HEADER_FILL, locked: true });
    expect(cellInfo(wb, '政策推進課', cellA1(h + 5, firstOut))).toMatchObject({ fill: OUTPUT_DATA_FILL, locked: true, numberFormat: '0.0%' });
    // input cells unlocked, also below the prepared rows; title and header locked
    expect(cellInfo(wb, '政策推進課', cellA1(h + 1, 0)).locked).toBe(false);
    expect(cellInfo(wb, '政策推進課', cellA1(h + 5000, 4)).locked).toBe(false);
    expect(cellInfo(wb, '政策推進課', cellA1(h + 5000, firstOut)).locked).toBe(true);
    expect(cellInfo(wb, '政策推進課', 'A1').locked).toBe(true);
    // number formats over the input rows
    const baseline = colOf(model, '基準値');
    expect(cellInfo(wb, '政策推進課', cellA1(h + model.inputRows, baseline)).numberFormat).toBe('#,##0.###');
    expect(cellInfo(wb, '政策推進課', cellA1(h + 1, colOf(model, '指標名'))).numberFormat).toBe('@');
    // drop-downs for 方向 and 集計 over the input rows
    const dir = s.validationAt(h + 1, colOf(model, '方向'));
    expect(dir?.rule).toEqual({ list: { inCellDropDown: true, source: '増加,減少' } });
    expect(dir?.ranges).toEqual([{ top: h + 1, left: colOf(model, '方向'), bottom: h + model.inputRows, right: colOf(model, '方向') }]);
    expect(dir?.errorAlert).toMatchObject({ showAlert: true, style: 'Stop' });
    expect(s.validationAt(h + 3, colOf(model, '集計'))?.rule).toEqual({ list: { inCellDropDown: true, source: '単年,累計' } });
    // the example row
    expect(valuesOf(wb, '政策推進課', `A${h + 2}:G${h + 2}`)).toEqual([['KPI', 1, '1-1 若者の雇用機会の確保・拡大', 1, '合同就職説明会事業（記入例）', '政策推進課', '内定者数']]);
    // the optional evaluation columns: 区分, 変更区分 (several marks may still be typed), 評価対象, コロナ判定
    expect(s.validationAt(h + 1, colOf(model, '区分'))?.rule).toEqual({ list: { inCellDropDown: true, source: 'KPI,数値目標' } });
    const revision = s.validationAt(h + 1, colOf(model, '変更区分'));
    expect(revision?.rule).toEqual({ list: { inCellDropDown: true, source: 'KPI変更,新規事業,事業内容変更,取組終了,数値目標変更,新規施策' } });
    expect(revision?.errorAlert).toMatchObject({ style: 'Information' });
    expect(s.validationAt(h + 1, colOf(model, '評価対象'))?.rule).toEqual({ list: { inCellDropDown: true, source: '対象,対象外' } });
    expect(s.validationAt(h + 1, colOf(model, 'コロナ判定'))?.rule).toEqual({ list: { inCellDropDown: true, source: '中止,影響なし' } });
    expect(cellInfo(wb, '政策推進課', cellA1(h + 1, colOf(model, '変更前目標値'))).numberFormat).toBe('#,##0.###');
    // protected without a password, frozen header, widths, active
    expect(s.protection).toMatchObject({ protected: true });
    expect(s.protection.password).toBeUndefined();
    expect(s.freezeRows).toBe(h + 1);
    expect(s.columnWidth(colOf(model, '指標名'))).toBeCloseTo((30 * 7 + 5) * 0.75, 2);
    expect(wb.activeSheetId).toBe(s.id);
    expect(wb.selection?.rect).toEqual({ top: h + 1, left: 0, bottom: h + 1, right: 0 });
  });

  test('pledge template: 評価 accepts whole numbers 0–10; a taken name gets (2)', async () => {
    const wb = workbookFromSpec({ sheets: [{ name: '市長公約', values: [['既存']] }] });
    const out = await gatewayFor(wb).addTemplate('pledge', SETTINGS);
    expect(out.sheet).toBe('市長公約 (2)');
    const model = pledgeTemplate();
    const rating = model.columns.findIndex((c) => c.header === '評価');
    expect(wb.sheet('市長公約 (2)')!.validationAt(model.headerRow + 1, rating)?.rule).toEqual({ wholeNumber: { formula1: 0, formula2: 10, operator: 'Between' } });
    expect(valuesOf(wb, '市長公約', 'A1')).toEqual([['既存']]);
  });

  test('departments can type into input cells but not into output columns', async () => {
    const wb = workbookFromSpec({ sheets: [{ name: 'Sheet1', values: [] }] });
    await gatewayFor(wb).addTemplate('kpi', SETTINGS, '政策推進課');
    const model = kpiTemplate({ department: '政策推進課', planStart: 2020, planEnd: 2024 });
    const out = colOf(model, KPI_OUTPUT_HEADERS.grade);
    await expect(type(wb, '政策推進課', cellA1(model.headerRow + 2, out), [['A']])).rejects.toMatchObject({ code: 'AccessDenied' });
    await expect(type(wb, '政策推進課', cellA1(model.headerRow + 2, 0), [[2]])).resolves.toBeUndefined();
  });

  test('after the template and user input, 計算して書き込む writes into the protected sheet and protects it again', async () => {
    const wb = workbookFromSpec({ sheets: [{ name: 'Sheet1', values: [] }] });
    const gw = gatewayFor(wb);
    await gw.addTemplate('kpi', SETTINGS, '政策推進課');
    const model = kpiTemplate({ department: '政策推進課', planStart: 2020, planEnd: 2024 });
    const h = model.headerRow;
    // a second KPI typed under the example: 新規雇用創出数, 累計 46 → 45 (R3), target 230
    const row: (string | number)[] = model.columns.map(() => '');
    const set = (header: string, v: string | number) => (row[colOf(model, header)] = v);
    set('基本目標', 1);
    set('施策', 1);
    set('指標名', '新規雇用創出数');
    set('単位', '人');
    set('方向', '増加');
    set('集計', '累計');
    set('基準値', 46);
    set('実績R3', '累計45人');
    set('目標値', '累計230人');
    const inputs = row.slice(0, colOf(model, KPI_OUTPUT_HEADERS.achievement));
    await type(wb, '政策推進課', `A${h + 3}:${cellA1(h + 2, inputs.length - 1)}`, [inputs]);
    const before = snapshotSheet(wb.sheet('政策推進課')!);

    wb.resetSyncLog();
    const outcome = await gw.computeAndWrite(SETTINGS);
    expect(outcome.syncs).toBe(3);
    expect(outcome.skipped).toEqual([]);
    expect(outcome.kpiCount).toBe(2);
    const first = colOf(model, KPI_OUTPUT_HEADERS.achievement);
    const outs = valuesOf(wb, '政策推進課', `${cellA1(h + 2, first)}:${cellA1(h + 2, first + KPI_OUTPUTS.length - 1)}`)[0];
    expect(outs[0]).toBeCloseTo(0.19565, 4);
    expect(outs[2]).toBeCloseTo(0.48913, 4);
    expect(outs[3]).toBe('D');
    // existing output columns: nothing created, no width change, header untouched
    expect(outcome.written[0].range).toBe(`${cellA1(h, first)}:${cellA1(h + 2, first + KPI_OUTPUTS.length - 1)}`);
    const after = snapshotSheet(wb.sheet('政策推進課')!);
    expect(after.protection).toEqual(before.protection);
    expect(after.columnWidths).toEqual(before.columnWidths);
    expect(after.validations).toEqual(before.validations);
    expect(wb.sheet(LOG_SHEET)).toBeDefined();
  });
});
