/**
 * {"bench":"consolidate","workbooks":1000,"rowsPerWorkbook":100,"sec":…,"peakRssMB":…}: a
 * thousand department workbooks (a prefecture collecting its municipalities' KPIs) reviewed in
 * one command-line run, in a child process, into reviewed copies and one summary.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateKpiSheet } from './generate';
import { kpiPackage } from './kpiPackage';
import { PEAK_RSS_MB_JS } from './peakRss';

export function benchConsolidate(workbooks = 1000, rowsPerWorkbook = 100): Record<string, unknown> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pr-consolidate-'));
  try {
    const inputs = path.join(dir, 'in');
    mkdirSync(inputs);
    const files: string[] = [];
    for (let i = 0; i < workbooks; i++) {
      const file = path.join(inputs, `dept${String(i + 1).padStart(4, '0')}.xlsx`);
      writeFileSync(file, kpiPackage(generateKpiSheet(rowsPerWorkbook, i + 1, `課${i + 1}`)));
      files.push(file);
    }
    const script = path.join(dir, 'measure.js');
    const main = path.join(__dirname, '..', 'src', 'cli', 'main.js');
    writeFileSync(
      script,
      `const { runCli } = require(${JSON.stringify(main)});
const files = require(${JSON.stringify(path.join(dir, 'files.json'))});
const t0 = Date.now();
runCli(['review', ...files, '--out', ${JSON.stringify(path.join(dir, 'out'))}], { out() {}, err() {} }).then((code) => {
  process.stdout.write(JSON.stringify({ sec: (Date.now() - t0) / 1000, peakRssMB: ${PEAK_RSS_MB_JS}, exit: code }));
});`,
    );
    writeFileSync(path.join(dir, 'files.json'), JSON.stringify(files));
    const r = JSON.parse(execFileSync(process.execPath, [script], { encoding: 'utf8', maxBuffer: 1 << 24 }));
    return { bench: 'consolidate', workbooks, rowsPerWorkbook, ...r };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) console.log(JSON.stringify(benchConsolidate(Number(process.argv[2] ?? 1000), Number(process.argv[3] ?? 100))));
