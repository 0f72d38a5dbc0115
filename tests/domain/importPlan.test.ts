/** 取り込み as data: which chosen files are read, and each file's line in the list. */
import { distinctFileNames, importedFileFacts, planImport, type ImportLimits } from '../../src/domain/import/importPlan';
import { review } from '../../src/domain/review';
import { DEFAULT_SETTINGS } from '../../src/domain/base/settings';
import type { RawSheet } from '../../src/domain/base/raw';
import { workbookFromSpec, type SheetSpec } from '../support/fakeExcel';
import { errorKpiSheet, sampleKpiSheet, samplePledgeSheet } from '../support/fakeExcel/samples';
import { readAll } from '../excel/helpers';

/** the sample sheets as an adapter reads them */
async function raws(...sheets: SheetSpec[]): Promise<RawSheet[]> {
  return (await readAll(workbookFromSpec({ name: 'x.xlsx', sheets }))).sheets.map((s) => s.raw);
}

const LIMITS: ImportLimits = { fileBytes: 100, totalBytes: 250 };

describe('planImport', () => {
  test('reads workbooks within the limits, refuses the others with the reason', () => {
    const plan = planImport(
      [
        { name: 'a.xlsx', size: 90 },
        { name: 'notes.txt', size: 10 },
        { name: 'b.XLSM', size: 100 },
        { name: 'big.xlsx', size: 101 },
        { name: 'empty.xlsx', size: 0 },
        { name: 'A.xlsx', size: 90 },
        { name: 'c.xltx', size: 60 },
        { name: 'd.xlsx', size: 50 },
      ],
      LIMITS,
    );
    expect(plan.map((p) => (p.read ? 'read' : p.refusal))).toEqual(['read', 'notWorkbook', 'read', 'tooLarge', 'empty', 'duplicate', 'read', 'totalTooLarge']);
    expect(plan[5]).toMatchObject({ other: 'a.xlsx' });
  });

  test('a refused file does not count toward the total', () => {
    const plan = planImport(
      [
        { name: 'big.xlsx', size: 1000 },
        { name: 'a.xlsx', size: 100 },
        { name: 'b.xlsx', size: 100 },
      ],
      LIMITS,
    );
    expect(plan.map((p) => p.read)).toEqual([false, true, true]);
  });
});

describe('importedFileFacts', () => {
  test('sheets, counts and problems per file; a file with errors is not insertable', async () => {
    const r = review(
      [
        { file: 'ok.xlsx', sheets: await raws(sampleKpiSheet(), samplePledgeSheet(), { name: 'メモ', values: [['memo']] }) },
        { file: 'bad.xlsx', sheets: await raws(errorKpiSheet()) },
        { file: 'none.xlsx', sheets: await raws({ name: 'Sheet1', values: [] }) },
      ],
      DEFAULT_SETTINGS,
    );
    const [ok, bad, none] = r.files.map(importedFileFacts);
    expect(ok).toMatchObject({ file: 'ok.xlsx', kpiSheets: [sampleKpiSheet().name], pledgeSheets: [samplePledgeSheet().name], otherSheets: ['メモ'], kpiCount: 6, activityCount: 5, errors: 0, insertable: true });
    expect(bad.errors).toBeGreaterThan(0);
    expect(bad.issues.every((i) => i.file === 'bad.xlsx')).toBe(true);
    expect(bad.insertable).toBe(false);
    expect(none).toMatchObject({ kpiSheets: [], pledgeSheets: [], otherSheets: ['Sheet1'], insertable: false });
  });
});

describe('distinctFileNames', () => {
  test('the same name from two folders, or the open workbook’s, gets a number', () => {
    expect(distinctFileNames(['課.xlsx', 'b.xlsx', '課.XLSX', 'Book1.xlsx', 'noext'], ['Book1.xlsx'])).toEqual(['課.xlsx', 'b.xlsx', '課 (2).XLSX', 'Book1 (2).xlsx', 'noext']);
  });
});
