/**
 * {"bench":"cli-vs-openpyxl","rows":10000,"ratio":…}: the CLI's review of a 10,000-row workbook
 * (read, validate, compute, reviewed copy, summary.xlsx; in this process) divided by what a
 * city's IT staff would otherwise script: openpyxl load + save of the same file, timed inside
 * Python (interpreter start-up not counted). Median of runs. Uses Debian's python3-openpyxl
 * with the system Python (/usr/bin/python3); installs it with apt-get when missing, and prints
 * a skip line when that is not possible.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../src/cli/main';
import { writeExceljsWorkbook } from './cliVsExceljs';
import { median } from './median';

const PYTHON = '/usr/bin/python3';

const SCRIPT = `
import sys, time, openpyxl
src, dst, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
times = []
for _ in range(runs):
    t = time.perf_counter()
    wb = openpyxl.load_workbook(src)
    wb.save(dst)
    times.append((time.perf_counter() - t) * 1000)
print(sorted(times)[len(times) // 2])
`;

function hasOpenpyxl(): boolean {
  try {
    execFileSync(PYTHON, ['-c', 'import openpyxl'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** python3-openpyxl from Debian when it is not there yet; false when that cannot be done. */
function ensureOpenpyxl(): boolean {
  if (hasOpenpyxl()) return true;
  try {
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'python3-openpyxl'], { stdio: 'ignore', timeout: 300_000 });
  } catch {
    return false;
  }
  return hasOpenpyxl();
}

export async function benchCliVsOpenpyxl(rows = 10_000, runs = 3): Promise<Record<string, unknown>> {
  if (!ensureOpenpyxl()) return { bench: 'cli-vs-openpyxl', rows, skipped: `openpyxl is not available to ${PYTHON} and could not be installed with apt-get` };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pr-openpyxl-'));
  try {
    const input = path.join(dir, 'kpi.xlsx');
    await writeExceljsWorkbook(input, rows);
    const silent = { out: () => {}, err: () => {} };
    const cliMs: number[] = [];
    for (let i = 0; i <= runs; i++) {
      const t0 = process.hrtime.bigint();
      const code = await runCli(['review', input, '--out', path.join(dir, 'out')], silent);
      if (code !== 0 && code !== 1) throw new Error('CLI failed with exit ' + code);
      if (i > 0) cliMs.push(Number(process.hrtime.bigint() - t0) / 1e6); // the first run warms up
    }
    const pyMs = Number(execFileSync(PYTHON, ['-c', SCRIPT, input, path.join(dir, 'py.xlsx'), String(runs)], { encoding: 'utf8' }).trim());
    const c = median(cliMs);
    return { bench: 'cli-vs-openpyxl', rows, ratio: Math.round((c / pyMs) * 100) / 100, cliMs: Math.round(c), openpyxlMs: Math.round(pyMs) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) benchCliVsOpenpyxl().then((r) => console.log(JSON.stringify(r)));
