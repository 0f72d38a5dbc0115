import fs from 'fs';
import path from 'path';
import { activitiesFromCsv, firstTermFromCsv, kpisFromCsv, pledgesFromJson } from './data-files';
import { firstTermWorkbook } from './first-term-workbook';
import { DATA_DIR, DATA_FILES, SEEDS_DIR, WORKBOOK_FILES } from './paths';
import { pledgesWorkbook } from './pledges-workbook';
import { strategyWorkbook } from './strategy-workbook';
import { deterministicXlsx } from './xlsx-output';

/** Builds the sample workbooks from the committed seeds/data/ files, by file name. */
export async function buildWorkbooks(dataDir = DATA_DIR): Promise<Record<string, Buffer>> {
  const read = (name: string) => fs.readFileSync(path.join(dataDir, name), 'utf8');
  const kpis = kpisFromCsv(read(DATA_FILES.kpis));
  const goalTargets = kpisFromCsv(read(DATA_FILES.goalTargets));
  const firstTerm = firstTermFromCsv(read(DATA_FILES.firstTerm));
  const pledges = pledgesFromJson(read(DATA_FILES.pledges));
  const ratings = activitiesFromCsv(read(DATA_FILES.pledgeActivities));
  return {
    [WORKBOOK_FILES.strategy]: await deterministicXlsx(strategyWorkbook(kpis, goalTargets)),
    [WORKBOOK_FILES.firstTerm]: await deterministicXlsx(firstTermWorkbook(firstTerm)),
    [WORKBOOK_FILES.pledges]: await deterministicXlsx(pledgesWorkbook(pledges, ratings)),
  };
}

export function writeWorkbooks(files: Record<string, Buffer>, dir = SEEDS_DIR): void {
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
}
