/**
 * 取り込み through the Office.js adapter: the sample's department workbooks (split from seeds/ by
 * seeds/build/split-departments.ts), read with the project's reader, into an empty workbook.
 * The summary sheets must show what 集計シート作成 shows for the undivided sample, in 3 syncs
 * whatever the number of files; a second import replaces them; nothing else of the workbook changes.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_SETTINGS } from '../../src/domain/base/settings';
import type { ImportedBook } from '../../src/excel/importGateway';
import { createOfficeImportGateway } from '../../src/excel/officeImportGateway';
import { readXlsx } from '../../src/xlsx/read';
import { reviewable } from '../../src/cli/loadWorkbooks';
import { sampleDepartmentFiles } from '../../seeds/build/split-departments';
import { excelRunFor, snapshotSheet, valuesOf, workbookFromSpec, type FakeWorkbook } from '../support/fakeExcel';
import { gatewayFor, NOW } from './helpers';

const SEEDS = path.join(__dirname, '../../seeds');

async function departmentBooks(): Promise<ImportedBook[]> {
  const out: ImportedBook[] = [];
  for (const f of sampleDepartmentFiles()) out.push({ file: f.name, sheets: (await readXlsx(f.bytes, { keepReading: reviewable })).sheets });
  return out;
}

function emptyBook(): FakeWorkbook {
  return workbookFromSpec({ name: 'Book1.xlsx', sheets: [{ name: 'Sheet1', values: [] }] });
}

function importer(wb: FakeWorkbook) {
  return createOfficeImportGateway(excelRunFor(wb), { now: () => NOW });
}

/** a summary sheet's values, each file name (27 files here, one workbook there) as <file> */
function summaryValues(wb: FakeWorkbook, sheet: string, files: ReadonlySet<string>) {
  return valuesOf(wb, sheet).map((row) => row.map((v) => (typeof v === 'string' && files.has(v) ? '<file>' : v)));
}

describe('importWorkbooks (Office.js adapter)', () => {
  test('the 27 department workbooks into an empty workbook: the same summary as the undivided sample, 3 syncs', async () => {
    const books = await departmentBooks();
    expect(books).toHaveLength(27);
    const wb = emptyBook();
    const out = await importer(wb).importWorkbooks({ books, settings: DEFAULT_SETTINGS, lang: 'ja' });
    expect(out).toMatchObject({ summarySheet: '集計_総括', summaryReplaced: false, syncs: 3 });
    expect(out.summarySheets).toEqual(expect.arrayContaining(['集計_総括', '集計_KPI一覧', '集計_公約総括表', '集計_公約施策別']));
    expect(wb.syncCount).toBe(3);
    // the empty open workbook is not an input (it would be one without KPI or pledge sheets: an error)
    expect(out.files.map((f) => f.file)).toEqual(books.map((b) => b.file));
    expect(out.files.reduce((n, f) => n + f.kpiCount, 0)).toBe(104); // 94 KPIs + 10 数値目標
    expect(out.files.find((f) => f.file === 'pledges.xlsx')).toMatchObject({ activityCount: 134, pledgeSheets: ['市長公約'] });
    expect(out.files.find((f) => f.file === '政策推進課.xlsx')).toMatchObject({ kpiSheets: ['政策推進課'], errors: 0 });
    expect(wb.sheets.map((s) => s.name)).toEqual(['Sheet1', ...out.summarySheets]);

    // the oracle: the undivided sample (both seed workbooks' sheets in one workbook), 集計シート作成
    const sheets = [];
    for (const f of ['strategy-2nd-term.xlsx', 'pledges.xlsx']) sheets.push(...(await readXlsx(new Uint8Array(await readFile(path.join(SEEDS, f))))).sheets);
    const whole = workbookFromSpec({ name: 'sample.xlsx', sheets: sheets.map((r) => ({ ...r, merges: r.merges })) });
    const oracle = await gatewayFor(whole).buildSummary(DEFAULT_SETTINGS, 'ja');
    expect(out.summarySheets).toEqual(oracle.sheets);
    expect(out.summaryComplete).toBe(oracle.complete);
    const names = new Set(books.map((b) => b.file));
    for (const sheet of out.summarySheets) expect({ sheet, values: summaryValues(wb, sheet, names) }).toEqual({ sheet, values: summaryValues(whole, sheet, new Set(['sample.xlsx'])) });
    expect(out.summarySheets.flatMap((sheet) => valuesOf(wb, sheet).flat())).toContain('政策推進課.xlsx');
  });

  test('a second import replaces the summary; the workbook’s own sheets count and stay untouched; syncs do not grow with files', async () => {
    const books = await departmentBooks();
    const wb = workbookFromSpec({ name: 'Book1.xlsx', sheets: [{ name: 'メモ', values: [['note']] }] });
    const before = snapshotSheet(wb.sheet('メモ')!);
    const gw = importer(wb);
    const first = await gw.importWorkbooks({ books: books.slice(0, 1), settings: DEFAULT_SETTINGS, lang: 'en' });
    const second = await gw.importWorkbooks({ books, settings: DEFAULT_SETTINGS, lang: 'en' });
    expect(first.syncs).toBe(3);
    expect(second).toMatchObject({ syncs: 3, summaryReplaced: true, summarySheet: first.summarySheet });
    // the second import has pledges as well: more sheets, and none of the first left over
    expect(second.summarySheets.length).toBeGreaterThan(first.summarySheets.length);
    expect(wb.sheets.map((s) => s.name)).toEqual(['メモ', ...second.summarySheets]);
    expect(snapshotSheet(wb.sheet('メモ')!)).toEqual(before);
  });

  test('an imported file named like the open workbook is kept apart', async () => {
    const books = await departmentBooks();
    const wb = emptyBook();
    const out = await importer(wb).importWorkbooks({ books: [{ ...books[1], file: 'Book1.xlsx' }], settings: DEFAULT_SETTINGS, lang: 'ja' });
    expect(out.files.map((f) => f.file)).toEqual(['Book1 (2).xlsx']);
    expect(out.files[0].kpiCount).toBeGreaterThan(0);
  });
});
