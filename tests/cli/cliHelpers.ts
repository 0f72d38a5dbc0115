import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../src/cli/main';

export function tempDir(prefix = 'pr-cli-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** a progress line on stderr when it is not a terminal: `[1.2秒] 読み込み 1/2: …` */
export const PROGRESS = /^\[\d+\.\d(秒| s)\] /;

/** stderr without its progress lines: the problems and notices */
export function withoutProgress(lines: readonly string[]): string[] {
  return lines.filter((l) => !PROGRESS.test(l));
}

export async function run(argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

export function sha(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

export async function writeBook(file: string, sheets: Record<string, (string | number | null | ExcelJS.CellValue)[][]>): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((r, i) => {
      r.forEach((v, j) => {
        if (v !== null && v !== undefined) ws.getCell(i + 1, j + 1).value = v as ExcelJS.CellValue;
      });
    });
  }
  await wb.xlsx.writeFile(file);
}

export async function readBook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}
