/// <reference types="office-js" />
/**
 * {"bench":"office-import","workbooks":N,"syncs":S,"largestRequestBytes":B,"insertedSheets":I,"payloadBytes":P}
 * per line: 取り込み of N department workbooks (a package of 100 KPI rows each, read as the pane
 * reads them) into a workbook through the Office.js adapter against the in-memory Excel, with
 * their sheets inserted (each package patched with the pane's codec and sent as base64: P is the
 * base64 of all of them), for N = 1, 26 and 200. The syncs must not grow with N (only past the
 * 5 MB request limit are the inserts chunked; the base64 counts toward the request).
 *
 *   tsx bench/officeImport.ts            # 1, 26, 200
 *   tsx bench/officeImport.ts 1000       # other sizes
 */
import { DEFAULT_SETTINGS } from '../src/domain/base/settings';
import { createOfficeImportGateway } from '../src/excel/officeImportGateway';
import { fillOutputs } from '../src/taskpane/import/fillOutputs';
import { readXlsx } from '../src/xlsx/read';
import { excelRunFor, workbookFromSpec } from '../tests/support/fakeExcel';
import { generateKpiSheet } from './generate';
import { kpiPackage } from './kpiPackage';
import { EXCEL_WEB_REQUEST_LIMIT } from './officeSyncs';
import { mainWithSizes, measureSizes } from './sizes';

const ROWS_PER_WORKBOOK = 100;

export interface OfficeImportResult {
  bench: 'office-import';
  workbooks: number;
  syncs: number;
  largestRequestBytes: number;
  insertedSheets: number;
  payloadBytes: number;
}

export async function measureOfficeImport(workbooks: number): Promise<OfficeImportResult> {
  const books = [];
  let payloadBytes = 0;
  for (let i = 0; i < workbooks; i++) {
    const bytes = kpiPackage(generateKpiSheet(ROWS_PER_WORKBOOK, i + 1, `課${i + 1}`));
    books.push({ file: `dept${i + 1}.xlsx`, sheets: (await readXlsx(bytes)).sheets, bytes: async () => bytes });
  }
  const fill: typeof fillOutputs = async (bytes, plan) => {
    const out = await fillOutputs(bytes, plan);
    payloadBytes += Math.ceil(out.length / 3) * 4;
    return out;
  };
  const wb = workbookFromSpec({ name: 'Book1.xlsx', sheets: [{ name: 'Sheet1', values: [] }], requestLimitBytes: EXCEL_WEB_REQUEST_LIMIT });
  const gateway = createOfficeImportGateway(excelRunFor(wb), { now: () => new Date('2026-01-01T00:00:00Z') });
  const outcome = await gateway.importWorkbooks({ books, settings: DEFAULT_SETTINGS, lang: 'ja', insertSheets: fill });
  const kpis = outcome.files.reduce((n, f) => n + f.kpiCount, 0);
  if (kpis !== workbooks * ROWS_PER_WORKBOOK) throw new Error(`expected ${workbooks * ROWS_PER_WORKBOOK} KPIs, got ${kpis}`);
  if (outcome.syncs !== wb.syncCount) throw new Error(`gateway counted ${outcome.syncs} syncs, Excel saw ${wb.syncCount}`);
  const insertedSheets = outcome.inserted.reduce((n, f) => n + f.sheets.length, 0);
  if (insertedSheets !== workbooks || wb.sheets.length !== 1 + workbooks + outcome.summarySheets.length) throw new Error(`expected ${workbooks} inserted sheets, got ${insertedSheets} (${outcome.notInserted.map((n) => `${n.file}: ${n.reason}`).join(', ')})`);
  // what Excel received: the largest request the in-memory Excel measured, base64 included
  const largestSeen = Math.max(...wb.syncLog.map((r) => r.requestBytes));
  return { bench: 'office-import', workbooks, syncs: outcome.syncs, largestRequestBytes: Math.max(outcome.largestRequestBytes, largestSeen), insertedSheets, payloadBytes };
}

export function main(sizes: readonly number[] = [1, 26, 200], print?: (line: string) => void): Promise<OfficeImportResult[]> {
  return measureSizes(measureOfficeImport, sizes, print);
}

if (require.main === module) mainWithSizes(main);
