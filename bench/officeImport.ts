/// <reference types="office-js" />
/**
 * {"bench":"office-import","workbooks":N,"syncs":S,"largestRequestBytes":B} per line: 取り込み of
 * N department workbooks (100 KPI rows each, already read as the pane reads them) into a
 * workbook through the Office.js adapter against the in-memory Excel, for N = 1, 26 and 200.
 * The syncs must not grow with N (only past the 5 MB request limit would writes be chunked).
 *
 *   tsx bench/officeImport.ts            # 1, 26, 200
 *   tsx bench/officeImport.ts 1000       # other sizes
 */
import { DEFAULT_SETTINGS } from '../src/domain/base/settings';
import { createOfficeImportGateway } from '../src/excel/officeImportGateway';
import { excelRunFor, workbookFromSpec } from '../tests/support/fakeExcel';
import { generateKpiSheet } from './generate';
import { EXCEL_WEB_REQUEST_LIMIT } from './officeSyncs';

const ROWS_PER_WORKBOOK = 100;

export interface OfficeImportResult {
  bench: 'office-import';
  workbooks: number;
  syncs: number;
  largestRequestBytes: number;
}

export async function measureOfficeImport(workbooks: number): Promise<OfficeImportResult> {
  const books = Array.from({ length: workbooks }, (_, i) => ({ file: `dept${i + 1}.xlsx`, sheets: [generateKpiSheet(ROWS_PER_WORKBOOK, i + 1, `課${i + 1}`)] }));
  const wb = workbookFromSpec({ name: 'Book1.xlsx', sheets: [{ name: 'Sheet1', values: [] }], requestLimitBytes: EXCEL_WEB_REQUEST_LIMIT });
  const gateway = createOfficeImportGateway(excelRunFor(wb), { now: () => new Date('2026-01-01T00:00:00Z') });
  const outcome = await gateway.importWorkbooks({ books, settings: DEFAULT_SETTINGS, lang: 'ja' });
  const kpis = outcome.files.reduce((n, f) => n + f.kpiCount, 0);
  if (kpis !== workbooks * ROWS_PER_WORKBOOK) throw new Error(`expected ${workbooks * ROWS_PER_WORKBOOK} KPIs, got ${kpis}`);
  if (outcome.syncs !== wb.syncCount) throw new Error(`gateway counted ${outcome.syncs} syncs, Excel saw ${wb.syncCount}`);
  return { bench: 'office-import', workbooks, syncs: outcome.syncs, largestRequestBytes: outcome.largestRequestBytes };
}

export async function main(sizes: readonly number[] = [1, 26, 200], print: (line: string) => void = (l) => console.log(l)): Promise<OfficeImportResult[]> {
  const results: OfficeImportResult[] = [];
  for (const n of sizes) {
    const r = await measureOfficeImport(n);
    print(JSON.stringify(r));
    results.push(r);
  }
  return results;
}

if (require.main === module) {
  const sizes = process.argv.slice(2).map(Number).filter((n) => Number.isInteger(n) && n > 0);
  main(sizes.length ? sizes : undefined).catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
