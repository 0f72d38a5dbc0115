/**
 * Child process of the differential test: reads each file named on stdin (one per line) with
 * exceljs and prints one JSON line per file, {file, sheets} or {file, error}. Run in a child
 * so a file that makes exceljs hang can be given up on (the parent kills and restarts it).
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { readSheets } from './exceljsSheets';
import { normaliseSheet } from './normalise';

async function one(file: string): Promise<string> {
  try {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    return JSON.stringify({ file, sheets: readSheets(wb).map(normaliseSheet) });
  } catch (e) {
    return JSON.stringify({ file, error: String((e as Error)?.message ?? e).slice(0, 200) });
  }
}

const lines = createInterface({ input: process.stdin });
const queue: string[] = [];
let busy = false;
let closed = false;
async function drain(): Promise<void> {
  if (busy) return;
  busy = true;
  while (queue.length) process.stdout.write((await one(queue.shift()!)) + '\n');
  busy = false;
  if (closed) process.exit(0);
}
lines.on('line', (l) => {
  if (l.trim()) queue.push(l.trim());
  void drain();
});
lines.on('close', () => {
  closed = true;
  if (!busy) process.exit(0);
});
