/** The in-memory Excel behaves like Office.js's proxy model. */
import { cellInfo, createContext, excelRunFor, FakeOfficeError, formulasOf, installFakeOffice, valuesOf, workbookFromSpec } from '../support/fakeExcel';

function book() {
  return workbookFromSpec({
    sheets: [
      { name: 'Data', values: [['a', 1], ['b', 2]], numberFormats: [[null, '0.0%']] },
      { name: 'Locked', values: [['x', 'y']], protected: true, unlocked: ['B1'] },
    ],
  });
}

describe('fake Excel: proxy model', () => {
  test('reading a property that was not loaded throws PropertyNotLoaded', async () => {
    const ctx = createContext(book());
    const r = ctx.workbook.worksheets.getItem('Data').getRange('A1:B2');
    expect(() => r.values).toThrow(FakeOfficeError);
    r.load('values');
    // loaded but not synced yet: still not readable
    expect(() => r.values).toThrow(/not available/);
    await ctx.sync();
    expect(r.values).toEqual([['a', 1], ['b', 2]]);
    expect(() => r.address).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
  });

  test('load + sync makes properties readable, including numberFormat and position', async () => {
    const ctx = createContext(book());
    const r = ctx.workbook.worksheets.getItem('Data').getRange('B1');
    r.load(['numberFormat', 'address', 'rowIndex', 'columnIndex']);
    await ctx.sync();
    expect(r.numberFormat).toEqual([['0.0%']]);
    expect(r.address).toBe('Data!B1');
    expect([r.rowIndex, r.columnIndex]).toEqual([0, 1]);
  });

  test('writes are queued and applied at sync, in order', async () => {
    const wb = book();
    const ctx = createContext(wb);
    const r = ctx.workbook.worksheets.getItem('Data').getRange('A1');
    r.values = [['first']];
    r.values = [['second']];
    expect(valuesOf(wb, 'Data', 'A1')).toEqual([['a']]);
    await ctx.sync();
    expect(valuesOf(wb, 'Data', 'A1')).toEqual([['second']]);
    expect(wb.syncCount).toBe(1);
  });

  test('null leaves a cell unchanged, "" empties it', async () => {
    const wb = book();
    const ctx = createContext(wb);
    ctx.workbook.worksheets.getItem('Data').getRange('A1:B1').values = [[null, '']];
    await ctx.sync();
    expect(valuesOf(wb, 'Data', 'A1:B1')).toEqual([['a', '']]);
  });

  test('= starts a formula, a leading apostrophe stores text, @-formatted cells keep text', async () => {
    const wb = book();
    const ctx = createContext(wb);
    const ws = ctx.workbook.worksheets.getItem('Data');
    ws.getRange('A1:D1').values = [['=1+1', "'=1+1", '+cmd', '-12']];
    const t = ws.getRange('E1');
    t.numberFormat = [['@']];
    t.values = [['=SUM(A1)']];
    await ctx.sync();
    expect(cellInfo(wb, 'Data', 'A1').formula).toBe('=1+1');
    expect(cellInfo(wb, 'Data', 'B1')).toMatchObject({ formula: null, value: '=1+1' });
    expect(cellInfo(wb, 'Data', 'C1').formula).toBe('=+cmd');
    expect(cellInfo(wb, 'Data', 'D1')).toMatchObject({ formula: null, value: -12 });
    expect(cellInfo(wb, 'Data', 'E1')).toMatchObject({ formula: null, value: '=SUM(A1)' });
    expect(formulasOf(wb, 'Data')).toEqual({ A1: '=1+1', C1: '=+cmd' });
  });

  test('writing into a locked cell of a protected sheet throws; unlocked cells and unprotect work', async () => {
    const wb = book();
    const run = excelRunFor(wb);
    await expect(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Locked').getRange('A1').values = [['no']];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'AccessDenied' });
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Locked');
      ws.getRange('B1').values = [['yes']];
      ws.protection.unprotect();
      ws.getRange('A1').values = [['now']];
      ws.protection.protect();
      await ctx.sync();
    });
    expect(valuesOf(wb, 'Locked', 'A1:B1')).toEqual([['now', 'yes']]);
    expect(wb.sheet('Locked')!.protection.protected).toBe(true);
  });

  test('a failing action rejects the sync; the actions before it stay applied', async () => {
    const wb = book();
    const ctx = createContext(wb);
    ctx.workbook.worksheets.getItem('Data').getRange('A1').values = [['applied']];
    ctx.workbook.worksheets.getItem('Missing').getRange('A1').values = [['x']];
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
    expect(valuesOf(wb, 'Data', 'A1')).toEqual([['applied']]);
  });

  test('OrNullObject: isNullObject after sync; used range and merged areas', async () => {
    const wb = workbookFromSpec({ sheets: [{ name: 'S', top: 2, left: 2, values: [['t', null, null], [1, 2, 3]], merges: ['C3:E3', 'G10:H11'] }, { name: 'Empty', values: [] }] });
    const ctx = createContext(wb);
    const used = ctx.workbook.worksheets.getItem('S').getUsedRangeOrNullObject(true);
    used.load(['address', 'rowIndex', 'columnIndex', 'values']);
    const none = ctx.workbook.worksheets.getItem('Empty').getUsedRangeOrNullObject(true);
    none.load('address');
    const merged = ctx.workbook.worksheets.getItem('S').getRange().getMergedAreasOrNullObject();
    merged.load('address');
    const noMerges = ctx.workbook.worksheets.getItem('Empty').getRange().getMergedAreasOrNullObject();
    noMerges.load('address');
    expect(() => used.isNullObject).toThrow();
    await ctx.sync();
    expect(used.isNullObject).toBe(false);
    expect(used.address).toBe('S!C3:E4');
    expect([used.rowIndex, used.columnIndex]).toEqual([2, 2]);
    expect(none.isNullObject).toBe(true);
    expect(merged.address).toBe('S!C3:E3, S!G10:H11');
    expect(noMerges.isNullObject).toBe(true);
  });

  test('collections: items/name, getItemOrNullObject, add and delete', async () => {
    const wb = book();
    const ctx = createContext(wb);
    const sheets = ctx.workbook.worksheets;
    sheets.load('items/name,items/visibility');
    const missing = sheets.getItemOrNullObject('nope');
    missing.load('name');
    await ctx.sync();
    expect(sheets.items.map((s) => s.name)).toEqual(['Data', 'Locked']);
    expect(sheets.items[0].visibility).toBe('Visible');
    expect(missing.isNullObject).toBe(true);
    const added = sheets.add('New');
    added.visibility = 'Hidden';
    sheets.getItem('Data').delete();
    await ctx.sync();
    expect(wb.sheets.map((s) => [s.name, s.visibility])).toEqual([['Locked', 'Visible'], ['New', 'Hidden']]);
  });

  test('sync counter and request sizes; a request over the limit throws and applies nothing', async () => {
    const wb = workbookFromSpec({ sheets: [{ name: 'S', values: [] }], requestLimitBytes: 10_000 });
    const ctx = createContext(wb);
    const big = Array.from({ length: 2000 }, (_, i) => [i, 'x']);
    ctx.workbook.worksheets.getItem('S').getRangeByIndexes(0, 0, 2000, 2).values = big;
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(wb.syncLog[0].requestBytes).toBeGreaterThan(10_000);
    expect(valuesOf(wb, 'S')).toEqual([]);
    ctx.workbook.worksheets.getItem('S').getRangeByIndexes(0, 0, 10, 2).values = big.slice(0, 10);
    await ctx.sync();
    expect(wb.syncCount).toBe(2);
  });

  test('installFakeOffice defines Excel and Office like Office.js', async () => {
    const wb = book();
    const win: Record<string, unknown> = {};
    installFakeOffice(win, wb);
    const Office = win.Office as { onReady(): Promise<{ host: string }>; HostType: { Excel: string }; context: { requirements: { isSetSupported(n: string, v: string): boolean } } };
    await expect(Office.onReady()).resolves.toMatchObject({ host: Office.HostType.Excel });
    expect(Office.context.requirements.isSetSupported('ExcelApi', '1.13')).toBe(true);
    expect(Office.context.requirements.isSetSupported('ExcelApi', '1.14')).toBe(false);
    const Excel = win.Excel as { run: typeof globalThis.Excel.run };
    const name = await Excel.run(async (ctx) => {
      ctx.workbook.load('name');
      await ctx.sync();
      return ctx.workbook.name;
    });
    expect(name).toBe('Book1.xlsx');
  });

  test('Excel.run flushes pending actions at the end', async () => {
    const wb = book();
    await excelRunFor(wb)(async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').getRange('A1').values = [['flushed']];
    });
    expect(valuesOf(wb, 'Data', 'A1')).toEqual([['flushed']]);
  });
});
