/** `npm run bench`: every benchmark, one JSON object per line. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchEngine } from './engine';
import { benchCliVsExceljs, writeExceljsWorkbook } from './cliVsExceljs';
import { benchCliVsOpenpyxl } from './cliVsOpenpyxl';
import { main as officeSyncs } from './officeSyncs';
import { main as officeImport } from './officeImport';
import { benchCliLarge } from './cliLarge';
import { benchConsolidate } from './consolidate';
import { benchDeclaredRanges } from './declaredRanges';
import { benchStages } from './stages';
import { benchBundle } from './bundle';

async function stagesLine(rows: number): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pr-stages-'));
  try {
    const file = path.join(dir, 'kpi.xlsx');
    await writeExceljsWorkbook(file, rows);
    return await benchStages(file, rows);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function run(): Promise<void> {
  console.log(JSON.stringify(benchEngine()));
  console.log(JSON.stringify(await stagesLine(100_000)));
  console.log(JSON.stringify(await benchCliVsExceljs()));
  console.log(JSON.stringify(await benchCliVsOpenpyxl()));
  await officeSyncs();
  await officeImport();
  for (const line of await benchCliLarge()) console.log(JSON.stringify(line));
  for (const line of benchDeclaredRanges()) console.log(JSON.stringify(line));
  console.log(JSON.stringify(benchConsolidate()));
  console.log(JSON.stringify(await benchBundle()));
}

run().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
