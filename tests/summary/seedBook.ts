/** The bundled sample reviewed and turned into a summary book, for the summary tests. */
import ExcelJS from 'exceljs';
import path from 'node:path';
import { makeSettings, type SettingsInput } from '../../src/domain/base/settings';
import { review, type Review, type WorkbookInput } from '../../src/domain/review';
import { readSheets } from '../../src/xlsx/readSheets';

export const SEEDS = path.join(__dirname, '..', '..', 'seeds');

const cache = new Map<string, WorkbookInput>();

export async function seedInput(file: string): Promise<WorkbookInput> {
  let input = cache.get(file);
  if (!input) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(SEEDS, file));
    input = { file, sheets: readSheets(wb) };
    cache.set(file, input);
  }
  return input;
}

export async function reviewSeeds(files: string[], settings: SettingsInput = {}): Promise<Review> {
  return review(await Promise.all(files.map(seedInput)), makeSettings(settings));
}
