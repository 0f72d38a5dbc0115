/// <reference types="office-js" />
/**
 * {"bench":"office-syncs","rows":N,"syncs":S,"largestRequestBytes":B} per line: the full
 * 計算して書き込む (read, review, write, audit log) through the Office.js gateway against the
 * in-memory Excel (tests/support/fakeExcel), for N = 10, 1,000 and 10,000 KPI rows. The sync
 * count must not grow with the rows; the fake refuses requests over 5 MB as Excel on the web does.
 *
 *   tsx bench/officeSyncs.ts            # 10, 1000, 10000
 *   tsx bench/officeSyncs.ts 100000     # other sizes
 */
import { DEFAULT_SETTINGS } from '../src/domain/base/settings';
import { createOfficeGateway } from '../src/excel/officeGateway';
import { excelRunFor, workbookFromSpec } from '../tests/support/fakeExcel';
import { generatedKpiSheet } from '../tests/support/fakeExcel/samples';
import { mainWithSizes, measureSizes } from './sizes';

export const EXCEL_WEB_REQUEST_LIMIT = 5 * 1024 * 1024;

export interface OfficeSyncsResult {
  bench: 'office-syncs';
  rows: number;
  syncs: number;
  largestRequestBytes: number;
}

export async function measureOfficeSyncs(rows: number): Promise<OfficeSyncsResult> {
  const wb = workbookFromSpec({ name: 'bench.xlsx', sheets: [generatedKpiSheet(rows)], requestLimitBytes: EXCEL_WEB_REQUEST_LIMIT });
  const gateway = createOfficeGateway(excelRunFor(wb), { now: () => new Date('2026-01-01T00:00:00Z') });
  const outcome = await gateway.computeAndWrite(DEFAULT_SETTINGS);
  if (outcome.kpiCount !== rows) throw new Error(`expected ${rows} KPIs, got ${outcome.kpiCount}`);
  if (outcome.syncs !== wb.syncCount) throw new Error(`gateway counted ${outcome.syncs} syncs, Excel saw ${wb.syncCount}`);
  return { bench: 'office-syncs', rows, syncs: outcome.syncs, largestRequestBytes: outcome.largestRequestBytes };
}

export function main(sizes: readonly number[] = [10, 1_000, 10_000], print?: (line: string) => void): Promise<OfficeSyncsResult[]> {
  return measureSizes(measureOfficeSyncs, sizes, print);
}

if (require.main === module) mainWithSizes(main);
