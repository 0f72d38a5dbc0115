/**
 * {"bench":"cli-stages","rows":100000,…}: where the command line's time goes on a 100,000-row
 * KPI workbook, stage by stage, in this process: read (the package → raw sheets), check
 * (header, cells, every bad cell as an error), compute (達成率 … grades, rollups and the write
 * plan: the rest of the review), patch (the reviewed copy) and summary (summary.xlsx).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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
import { writeExceljsWorkbook } from './cliVsExceljs';

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

/** The stages of a generated workbook of `rows` KPI rows (written by exceljs, as cli-vs-exceljs's). */
export async function benchStagesGenerated(rows: number): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pr-stages-'));
  try {
    const file = path.join(dir, 'kpi.xlsx');
    await writeExceljsWorkbook(file, rows);
    return await benchStages(file, rows);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// `node stages.js [rows]` on a generated workbook, `node stages.js file.xlsx rows` on a file
if (require.main === module) {
  const [a, b] = process.argv.slice(2);
  const run = a && !/^\d+$/.test(a) ? benchStages(a, Number(b ?? 100_000)) : benchStagesGenerated(Number(a ?? 100_000));
  run.then((r) => console.log(JSON.stringify(r)));
}
