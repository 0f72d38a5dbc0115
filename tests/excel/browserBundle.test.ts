/**
 * The fake must run in a browser (the Playwright test installs it as window.Excel/Office): the
 * webpack bundle is built and evaluated in a bare context without any Node global (only the web
 * platform's own: text codecs, atob, streams), and inserts a department's sheets from base64.
 */
import { sampleDepartmentFiles } from '../../seeds/build/split-departments';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildFakeExcelBundle } = require('../support/fakeExcel/buildBrowserBundle.js') as { buildFakeExcelBundle(out?: string): Promise<string> };

interface FakeApi {
  install(spec: unknown): unknown;
  snapshot(): { syncs: number; active: string | null; sheets: { name: string; cells: Record<string, { v: unknown; f?: string }> }[] };
}

describe('browser bundle of the fake Excel', () => {
  test('builds to test-results/fake-excel.js and works without Node', async () => {
    const out = await buildFakeExcelBundle(path.join(__dirname, '../../test-results/fake-excel.js'));
    const code = readFileSync(out, 'utf8');
    expect(code).not.toMatch(/\brequire\(["'](fs|path|vm|node:)/);

    // what every browser has (the fake reads insertWorksheetsFromBase64's package with them)
    const win: Record<string, unknown> = { console, TextDecoder, TextEncoder, atob, DecompressionStream, ReadableStream, setTimeout };
    win.window = win;
    vm.runInNewContext(code, win);
    const api = win.__fakeExcel as FakeApi;
    api.install({ name: 'e2e.xlsx', sheets: [{ name: '政策推進課', values: [['指標名', '目標値'], ['x', 10]] }] });

    const Office = win.Office as { onReady(): Promise<{ host: string }> };
    expect((await Office.onReady()).host).toBe('Excel');
    const Excel = win.Excel as { run<T>(f: (ctx: { workbook: { worksheets: { getItem(n: string): { getRange(a: string): { values: unknown[][]; load(p: string): void } } } }; sync(): Promise<void> }) => Promise<T>): Promise<T> };
    const values = await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('政策推進課').getRange('A1:B2');
      r.load('values');
      await ctx.sync();
      ctx.workbook.worksheets.getItem('政策推進課').getRange('C1').values = [['=1+1']];
      await ctx.sync();
      return r.values;
    });
    expect(values).toEqual([['指標名', '目標値'], ['x', 10]]);
    const snap = api.snapshot();
    expect(snap.syncs).toBe(2);
    expect(snap.sheets[0].cells.C1).toEqual({ v: '', f: '=1+1' });

    // a department's package inserted: its sheet (the name taken, so " (2)") with its cells
    const dept = sampleDepartmentFiles()[0];
    const sheetName = dept.name.replace(/\.xlsx$/, '');
    api.install({ name: 'e2e.xlsx', sheets: [{ name: sheetName, values: [['mine']] }] });
    const Excel2 = win.Excel as { run<T>(f: (ctx: { workbook: { insertWorksheetsFromBase64(b: string, o: object): { value: string[] } }; sync(): Promise<void> }) => Promise<T>): Promise<T> };
    const ids = await Excel2.run(async (ctx) => {
      const r = ctx.workbook.insertWorksheetsFromBase64(Buffer.from(dept.bytes).toString('base64'), { sheetNamesToInsert: [sheetName], positionType: 'End' });
      await ctx.sync();
      return r.value;
    });
    expect(ids).toHaveLength(1);
    const after = api.snapshot();
    expect(after.sheets.map((s) => s.name)).toEqual([sheetName, `${sheetName} (2)`]);
    expect(Object.keys(after.sheets[1].cells).length).toBeGreaterThan(20);
  }, 60_000);
});
