/**
 * `npm run bench`: every benchmark, one JSON object per line, each in a process of its own. A
 * bench run after another in one process inherits its state: after the 100,000-row stages, V8's
 * allocation sites were set to pretenure what 100,000 rows keep, and the CLI's 10,000-row
 * comparison with exceljs (fresh in that process) was slower for it.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** bench scripts (beside this one) and their arguments, in the order they print */
const BENCHES: [script: string, args: string[]][] = [
  ['engine', []],
  ['stages', ['100000']],
  ['cliVsExceljs', []],
  ['cliVsOpenpyxl', []],
  ['officeSyncs', []],
  ['officeImport', []],
  ['cliLarge', []],
  ['declaredRanges', []],
  ['consolidate', []],
  ['bundle', []],
];

function runIsolated(script: string, args: string[]): void {
  // --expose-gc: the engine bench collects between its runs
  execFileSync(process.execPath, ['--expose-gc', path.join(__dirname, script + '.js'), ...args], { stdio: 'inherit' });
}

try {
  for (const [script, args] of BENCHES) runIsolated(script, args);
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
}
