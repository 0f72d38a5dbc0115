/** The bundled sample reviewed and turned into a summary book, for the summary tests. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { makeSettings, type SettingsInput } from '../../src/domain/base/settings';
import { review, type Review, type WorkbookInput } from '../../src/domain/review';
import { readXlsx } from '../../src/xlsx/read';

export const SEEDS = path.join(__dirname, '..', '..', 'seeds');

const cache = new Map<string, WorkbookInput>();

export async function seedInput(file: string): Promise<WorkbookInput> {
  let input = cache.get(file);
  if (!input) {
    const { sheets } = await readXlsx(new Uint8Array(await readFile(path.join(SEEDS, file))));
    input = { file, sheets };
    cache.set(file, input);
  }
  return input;
}

export async function reviewSeeds(files: string[], settings: SettingsInput = {}): Promise<Review> {
  return review(await Promise.all(files.map(seedInput)), makeSettings(settings));
}
