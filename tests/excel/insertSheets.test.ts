/**
 * 取り込み with the departments' sheets inserted (insertDepartmentSheets.ts) against the in-memory
 * Excel, which unpacks insertWorksheetsFromBase64's package with the project's reader: each
 * inserted sheet holds what the command line's reviewed copy holds; a second import replaces a
 * department's sheets instead of adding copies; sheets not ours are never touched; files with
 * errors are listed and not inserted; the syncs do not grow with the number of files.
 */
import { sampleDepartmentFiles } from '../../seeds/build/split-departments';
import { DEFAULT_SETTINGS } from '../../src/domain/base/settings';
import { review } from '../../src/domain/review';
import type { ImportedBook } from '../../src/excel/importGateway';
import { ImportCancelled } from '../../src/excel/insertDepartmentSheets';
import { createOfficeImportGateway } from '../../src/excel/officeImportGateway';
import { MARKER_KEY } from '../../src/excel/ownSheets';
import { fillOutputs } from '../../src/taskpane/import/fillOutputs';
import { reviewable } from '../../src/cli/loadWorkbooks';
import { patchWorkbook } from '../../src/xlsx/patch';
import { readXlsx } from '../../src/xlsx/read';
import { excelRunFor, snapshotSheet, valuesOf, workbookFromSpec, type FakeWorkbook } from '../support/fakeExcel';
import { NOW } from './helpers';

interface Department {
  name: string;
  bytes: Uint8Array;
}

const departments: Department[] = sampleDepartmentFiles();

async function booksOf(files: readonly Department[]): Promise<ImportedBook[]> {
  const out: ImportedBook[] = [];
  for (const f of files) out.push({ file: f.name, sheets: (await readXlsx(f.bytes, { keepReading: reviewable })).sheets, bytes: async () => f.bytes });
  return out;
}

function importer(wb: FakeWorkbook) {
  return createOfficeImportGateway(excelRunFor(wb), { now: () => NOW });
}

function marker(wb: FakeWorkbook, sheet: string): string | undefined {
  return wb.sheet(sheet)?.customProperties.get(MARKER_KEY.toLowerCase())?.value;
}

describe('取り込み: the departments’ sheets inserted into the open workbook', () => {
  test('27 department workbooks into an empty workbook: each sheet inserted with the CLI copy’s output cells, marked as ours, in 5 syncs', async () => {
    const books = await booksOf(departments);
    const wb = workbookFromSpec({ name: 'Book1.xlsx', sheets: [{ name: 'Sheet1', values: [] }] });
    const out = await importer(wb).importWorkbooks({ books, settings: DEFAULT_SETTINGS, lang: 'ja', insertSheets: fillOutputs });
    // read (2) + insert (1) + name and mark (1) + summary (1)
    expect(out.syncs).toBe(5);
    expect(wb.syncCount).toBe(5);
    expect(out.notInserted).toEqual([]);
    expect(out.inserted).toHaveLength(27);
    expect(out.replacedSheets).toEqual([]);
    const insertedNames = out.inserted.flatMap((f) => f.sheets);
    expect(wb.sheets.map((s) => s.name)).toEqual(['Sheet1', ...insertedNames, ...out.summarySheets]);
    expect(marker(wb, '政策推進課')).toBe('inserted:政策推進課');
    expect(marker(wb, '市長公約')).toBe('inserted:pledges');

    // the oracle: the command line's reviewed copy of each file (reviewed together), read back
    const result = review(
      books.map((b) => ({ file: b.file, sheets: b.sheets })),
      DEFAULT_SETTINGS,
    );
    let compared = 0;
    for (let i = 0; i < departments.length; i++) {
      const copy = (await readXlsx(await patchWorkbook(departments[i].bytes, result.files[i].plan, null))).sheets;
      for (const sp of result.files[i].plan.sheets) {
        const sheet = copy.find((s) => s.name === sp.sheet)!;
        const inserted = valuesOf(wb, sp.sheet);
        for (const w of sp.writes) {
          w.values.forEach((line, r) =>
            line.forEach((_, c) => {
              const row = w.top + r - sheet.top;
              const col = w.left + c - sheet.left;
              const want = sheet.values[row]?.[col] ?? null;
              const got = inserted[w.top + r]?.[w.left + c];
              expect([sp.sheet, w.top + r, w.left + c, got === '' ? null : got]).toEqual([sp.sheet, w.top + r, w.left + c, want]);
              compared++;
            }),
          );
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
    // the summary links the inserted sheets inside the workbook (no file name in front)
    const links = out.summarySheets.flatMap((name) => [...wb.sheet(name)!.rowsMap.values()].flatMap((line) => line.filter((c) => c?.link).map((c) => c.link!)));
    expect(links.length).toBeGreaterThan(0);
    expect(links.every((l) => !l.address)).toBe(true);
    expect(links.some((l) => String(l.documentReference).includes('政策推進課'))).toBe(true);
  });

  test('a second import replaces a department’s sheets, not duplicates; sheets not ours stay as they were', async () => {
    const books = await booksOf(departments.slice(0, 3));
    const wb = workbookFromSpec({
      name: 'Book1.xlsx',
      sheets: [
        { name: 'メモ', values: [['note']] },
        // a sheet not ours named like a department's sheet: kept, ours gets (2)
        { name: departments[1].name.replace(/\.xlsx$/, ''), values: [['手入力']] },
      ],
    });
    const memo = snapshotSheet(wb.sheet('メモ')!);
    const foreign = snapshotSheet(wb.sheets[1]);
    const gw = importer(wb);
    const first = await gw.importWorkbooks({ books, settings: DEFAULT_SETTINGS, lang: 'ja', insertSheets: fillOutputs });
    expect(first.inserted.map((f) => f.sheets)).toEqual([[books[0].sheets[0].name], [`${books[1].sheets[0].name} (2)`], [books[2].sheets[0].name]]);
    const names = wb.sheets.map((s) => s.name);
    expect(await gw.insertedSheets()).toEqual(first.inserted.flatMap((f) => f.sheets).map((name, i) => ({ name, key: departments[i].name.replace(/\.xlsx$/, '') })));

    const second = await gw.importWorkbooks({ books: books.slice(1), settings: DEFAULT_SETTINGS, lang: 'ja', insertSheets: fillOutputs });
    expect(second.syncs).toBe(5);
    expect(second.replacedSheets).toEqual(first.inserted.slice(1).flatMap((f) => f.sheets));
    expect(second.inserted).toEqual(first.inserted.slice(1));
    // same sheets, no copies (the re-inserted ones move to the end, before the summary)
    expect([...wb.sheets.map((s) => s.name)].sort()).toEqual([...names].sort());
    expect(wb.sheets.length).toBe(names.length);
    expect(snapshotSheet(wb.sheet('メモ')!)).toEqual(memo);
    expect(snapshotSheet(wb.sheet(foreign.name)!)).toEqual(foreign);
    // the department imported only the first time stays in the summary, reviewed as the open workbook's sheet
    expect(second.files.map((f) => f.file)).toEqual(['Book1.xlsx', ...books.slice(1).map((b) => b.file)]);
    expect(second.files[0].kpiSheets).toEqual([books[0].sheets[0].name]);
  });

  test('without inserting, a department imported again leaves its earlier inserted sheets out of the review (no double count)', async () => {
    const books = await booksOf(departments.slice(0, 2));
    const wb = workbookFromSpec({ name: 'Book1.xlsx', sheets: [{ name: 'Sheet1', values: [] }] });
    const gw = importer(wb);
    await gw.importWorkbooks({ books, settings: DEFAULT_SETTINGS, lang: 'ja', insertSheets: fillOutputs });
    const again = await gw.importWorkbooks({ books, settings: DEFAULT_SETTINGS, lang: 'ja' });
    expect(again.files.map((f) => f.file)).toEqual(books.map((b) => b.file));
    expect(again.inserted).toEqual([]);
    expect(again.syncs).toBe(3);
  });

  test('files with errors are listed and not inserted; the others are', async () => {
    const books = await booksOf(departments.slice(0, 3));
    // a typed value the review refuses, in the first KPI row's baseline column of the second file
    const bad = books[1].sheets[0];
    const broken = { ...bad, values: bad.values.map((r) => [...r]) };
    const facts = review([{ file: 'x.xlsx', sheets: [broken] }], DEFAULT_SETTINGS);
    expect(facts.files[0].issues.filter((i) => i.severity === 'error')).toEqual([]);
    const sheet = facts.files[0].sheets[0];
    const kpi = sheet.kind === 'kpi' ? sheet.kpis.map((k) => k.row).find((k) => k.actuals.length > 0) : undefined;
    expect(kpi).toBeDefined();
    const actual = kpi!.actuals[0];
    broken.values[kpi!.row - broken.top][actual.col - broken.left] = '約50';
    books[1] = { ...books[1], sheets: [broken] };
    const wb = workbookFromSpec({ name: 'Book1.xlsx', sheets: [{ name: 'Sheet1', values: [] }] });
    const out = await importer(wb).importWorkbooks({ books, settings: DEFAULT_SETTINGS, lang: 'en', insertSheets: fillOutputs });
    expect(out.files[1].errors).toBeGreaterThan(0);
    expect(out.notInserted).toEqual([{ file: books[1].file, reason: 'errors' }]);
    expect(out.inserted.map((f) => f.file)).toEqual([books[0].file, books[2].file]);
    expect(wb.sheet(broken.name)).toBeUndefined();
  });

  test('cancelled before anything is written: the workbook is unchanged', async () => {
    const books = await booksOf(departments.slice(0, 2));
    const wb = workbookFromSpec({ name: 'Book1.xlsx', sheets: [{ name: 'Sheet1', values: [['x']] }] });
    const abort = new AbortController();
    let patched = 0;
    const slowFill: typeof fillOutputs = async (bytes, plan) => {
      if (++patched === 1) abort.abort();
      return fillOutputs(bytes, plan);
    };
    await expect(importer(wb).importWorkbooks({ books, settings: DEFAULT_SETTINGS, lang: 'ja', insertSheets: slowFill, signal: abort.signal })).rejects.toBeInstanceOf(ImportCancelled);
    expect(wb.sheets.map((s) => s.name)).toEqual(['Sheet1']);
    expect(wb.syncCount).toBe(2); // the reads only
  });
});
