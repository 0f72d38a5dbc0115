/**
 * Huge and odd workbooks through the CLI in a child process, reporting time and peak RSS:
 * 100,000 KPI rows; 200 sheets; a sheet with 16,384 used columns. Each case runs three times,
 * each in a fresh process: `ms` is their median (one run reads as much the machine's phase as
 * the CLI: 3.7 to 5.6 s for the same build), `runsMs` all three, `peakRssMB` the highest.
 */
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateKpiSheet } from './generate';
import { median } from './median';
import { PEAK_RSS_MB_JS } from './peakRss';

async function writeBook(file: string, build: (wb: ExcelJS.Workbook) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  await wb.xlsx.writeFile(file);
}

function addSheet(wb: ExcelJS.Workbook, name: string, rows: number, seed: number): void {
  const sheet = generateKpiSheet(rows, seed, name);
  const ws = wb.addWorksheet(name);
  for (const line of sheet.values) ws.addRow(line as ExcelJS.CellValue[]);
}

/** Runs the CLI in a child and returns its wall time and peak RSS. */
export function measure(dir: string, input: string): { ms: number; peakRssMB: number; exit: number } {
  // the project: bench/ when run from source, lib/bench/ when compiled
  const root = existsSync(path.join(__dirname, '..', 'package.json')) ? path.join(__dirname, '..') : path.join(__dirname, '..', '..');
  const script = path.join(dir, 'measure.js');
  writeFileSync(
    script,
    `const { runCli } = require(${JSON.stringify(path.join(root, 'lib', 'src', 'cli', 'main.js'))});
const t0 = Date.now();
runCli(['review', ${JSON.stringify(input)}, '--out', ${JSON.stringify(path.join(dir, 'out'))}], { out() {}, err() {} }).then((code) => {
  process.stdout.write(JSON.stringify({ ms: Date.now() - t0, peakRssMB: ${PEAK_RSS_MB_JS}, exit: code }));
});`,
  );
  return JSON.parse(execFileSync(process.execPath, [script], { encoding: 'utf8', maxBuffer: 1 << 24 }));
}

const RUNS = 3;

/** The case run RUNS times: the median time, every run's time and the highest peak. */
function measureRuns(dir: string, input: string): { ms: number; runsMs: number[]; peakRssMB: number; exit: number } {
  const runs = Array.from({ length: RUNS }, () => measure(dir, input));
  const ms = runs.map((r) => r.ms);
  return {
    ms: median(ms),
    runsMs: ms,
    peakRssMB: Math.max(...runs.map((r) => r.peakRssMB)),
    exit: Math.max(...runs.map((r) => r.exit)),
  };
}

export async function benchCliLarge(): Promise<Record<string, unknown>[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pr-large-'));
  const out: Record<string, unknown>[] = [];
  try {
    const big = path.join(dir, 'rows100k.xlsx');
    await writeBook(big, (wb) => addSheet(wb, '政策推進課', 100_000, 5));
    out.push({ bench: 'cli-large', case: '100000 KPI rows', rows: 100_000, ...measureRuns(dir, big) });

    const many = path.join(dir, 'sheets200.xlsx');
    await writeBook(many, (wb) => {
      for (let i = 0; i < 200; i++) addSheet(wb, `課${i + 1}`, 20, i + 1);
    });
    out.push({ bench: 'cli-large', case: '200 sheets', rows: 4000, ...measureRuns(dir, many) });

    const wide = path.join(dir, 'wide.xlsx');
    await writeBook(wide, (wb) => {
      addSheet(wb, 'KPI', 50, 9);
      const ws = wb.addWorksheet('横に長いシート');
      const row: (string | number)[] = [];
      for (let c = 0; c < 16384; c++) row.push(c % 7 === 0 ? `列${c}` : c);
      ws.addRow(row);
      ws.addRow(row);
    });
    out.push({ bench: 'cli-large', case: '16384 used columns', rows: 50, ...measureRuns(dir, wide) });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

if (require.main === module) benchCliLarge().then((r) => r.forEach((l) => console.log(JSON.stringify(l))));
