/**
 * {"bench":"cli-stages","rows":100000,…}: where the command line's time goes on a 100,000-row
 * KPI workbook, stage by stage, in this process: read (the package → raw sheets), check
 * (header, cells, every bad cell as an error), compute (達成率 … grades, rollups and the write
 * plan: the rest of the review), patch (the reviewed copy) and summary (summary.xlsx).
 */
import { readFileSync } from 'node:fs';
import { reviewable } from '../src/cli/loadWorkbooks';
import { mergeLookup } from '../src/domain/base/merges';
import { DEFAULT_SETTINGS } from '../src/domain/base/settings';
import { buildSummaryBook } from '../src/domain/output/summary/build';
import { planLogAppend } from '../src/domain/plan/auditLog';
import { review } from '../src/domain/review';
import { detectHeader } from '../src/domain/sheets/headers';
import { parseKpiSheet } from '../src/domain/sheets/kpiSheet';
import { readXlsx } from '../src/xlsx/read';
import { patchWorkbook } from '../src/xlsx/patch';
import { summaryPackage } from '../src/xlsx/summary/summaryPackage';

function ms(t0: bigint): number {
  return Math.round(Number(process.hrtime.bigint() - t0) / 1e6);
}

export async function benchStages(file: string, rows: number): Promise<Record<string, unknown>> {
  const bytes = new Uint8Array(readFileSync(file));
  let t = process.hrtime.bigint();
  const { sheets } = await readXlsx(bytes, { keepReading: reviewable });
  const readMs = ms(t);

  t = process.hrtime.bigint();
  for (const s of sheets) {
    const merges = mergeLookup(s);
    const h = detectHeader(s, merges);
    if (h?.kind === 'kpi') parseKpiSheet(s, h, merges);
  }
  const checkMs = ms(t);

  t = process.hrtime.bigint();
  const result = review([{ file: 'bench.xlsx', sheets }], DEFAULT_SETTINGS);
  const computeMs = Math.max(0, ms(t) - checkMs);
  if (result.kpis.length !== rows) throw new Error(`expected ${rows} KPIs, got ${result.kpis.length}`);

  t = process.hrtime.bigint();
  const log = planLogAppend(undefined, result, 0, { time: new Date().toISOString(), runner: 'bench', file: 'bench.xlsx' });
  await patchWorkbook(bytes, result.files[0].plan, log);
  const patchMs = ms(t);

  t = process.hrtime.bigint();
  await summaryPackage(buildSummaryBook(result, { lang: 'ja', date: '2024-04-01', linkFile: (f) => f }));
  const summaryMs = ms(t);
  return { bench: 'cli-stages', rows, readMs, checkMs, computeMs, writeMs: patchMs + summaryMs, patchMs, summaryMs };
}

if (require.main === module) benchStages(process.argv[2], Number(process.argv[3] ?? 100_000)).then((r) => console.log(JSON.stringify(r)));
