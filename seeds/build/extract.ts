import fs from 'fs';
import path from 'path';
import { CorrectionLog } from './corrections';
import { activitiesToCsv, correctionsToCsv, firstTermToCsv, kpisToCsv, pledgesToJson } from './data-files';
import { parseFirstTerm } from './first-term-parse';
import { DATA_DIR, DATA_FILES, SOURCE_DIR, SOURCE_FILES } from './paths';
import { parsePledges } from './pledge-parse';
import { parseProjectLists } from './project-lists';
import { reconstructRatings } from './rating-solver';
import { loadSource } from './source-text';
import { parseStrategy } from './strategy-parse';
import { toRecords } from './strategy-records';

/** Parses seeds/source/*.txt and returns the contents of every seeds/data/ file, by name. */
export function extractData(sourceDir = SOURCE_DIR): Record<string, string> {
  const log = new CorrectionLog();
  const strategy = loadSource(SOURCE_FILES.strategy, log, sourceDir);
  const meeting = loadSource(SOURCE_FILES.meeting, log, sourceDir);
  const pledgeText = loadSource(SOURCE_FILES.pledges, log, sourceDir);

  const { kpis, goalTargets } = toRecords(parseStrategy(strategy, log), parseProjectLists(meeting), log);
  const firstTerm = parseFirstTerm(meeting);
  const pledges = parsePledges(pledgeText, log);
  const ratings = reconstructRatings(pledges);

  return {
    [DATA_FILES.kpis]: kpisToCsv(kpis),
    [DATA_FILES.goalTargets]: kpisToCsv(goalTargets),
    [DATA_FILES.firstTerm]: firstTermToCsv(firstTerm),
    [DATA_FILES.pledges]: pledgesToJson(pledges),
    [DATA_FILES.pledgeActivities]: activitiesToCsv(ratings),
    [DATA_FILES.corrections]: correctionsToCsv(log.entries),
  };
}

export function writeData(files: Record<string, string>, dataDir = DATA_DIR): void {
  fs.mkdirSync(dataDir, { recursive: true });
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dataDir, name), content);
}
