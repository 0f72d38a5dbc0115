/**
 * {"bench":"cli-vs-exceljs","rows":10000,"ratio":…}: the CLI's review of a 10,000-row
 * workbook (read, validate, compute, reviewed copy, summary.xlsx) divided by a bare
 * exceljs load + save of the same file, both in this process, alternating, median of runs.
 * `ratio` (the goal's figure) is taken after one run of each, while V8 is still optimising the
 * CLI's code; `warmRatio` again after the CLI has run ten times, as in a process that reviews
 * again and again (the task pane, a consolidation). `cliRunsMs` and `exceljsRunsMs` are the runs.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../src/cli/main';
import { generateKpiSheet } from './generate';
import { median } from './median';

/** The 10,000-row KPI workbook the comparisons review, written by exceljs (shared strings, styles). */
export async function writeExceljsWorkbook(file: string, rows: number): Promise<void> {
  const sheet = generateKpiSheet(rows, 3);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet.name);
  for (const line of sheet.values) ws.addRow(line as ExcelJS.CellValue[]);
  await wb.xlsx.writeFile(file);
}

/** CLI runs before the warm comparison */
const WARM_RUNS = 10;

async function time(f: () => Promise<unknown>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await f();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

export async function benchCliVsExceljs(rows = 10_000, runs = 3) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pr-bench-'));
  try {
    const input = path.join(dir, 'kpi.xlsx');
    await writeExceljsWorkbook(input, rows);
    const bare = async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(input);
      await wb.xlsx.writeFile(path.join(dir, 'bare.xlsx'));
    };
    const silent = { out: () => {}, err: () => {} };
    const cli = async () => {
      const code = await runCli(['review', input, '--out', path.join(dir, 'out')], silent);
      if (code !== 0 && code !== 1) throw new Error('CLI failed with exit ' + code);
    };
    const alternate = async () => {
      const bareMs: number[] = [];
      const cliMs: number[] = [];
      for (let i = 0; i < runs; i++) {
        bareMs.push(await time(bare));
        cliMs.push(await time(cli));
      }
      return { bareMs, cliMs, ratio: Math.round((median(cliMs) / median(bareMs)) * 100) / 100 };
    };
    await bare();
    await cli();
    const first = await alternate();
    for (let i = 1 + runs; i < WARM_RUNS; i++) await cli();
    const warm = await alternate();
    const ms = (xs: number[]) => xs.map(Math.round);
    return {
      bench: 'cli-vs-exceljs',
      rows,
      ratio: first.ratio,
      cliMs: Math.round(median(first.cliMs)),
      exceljsMs: Math.round(median(first.bareMs)),
      warmRatio: warm.ratio,
      cliRunsMs: ms([...first.cliMs, ...warm.cliMs]),
      exceljsRunsMs: ms([...first.bareMs, ...warm.bareMs]),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) benchCliVsExceljs().then((r) => console.log(JSON.stringify(r)));
