/** The review of what readWorkbook read: the add-in's own sheets (summary, audit log) are not inputs. */
import { review, type FileReview, type Review } from '../domain/review';
import type { Settings } from '../domain/base/settings';
import type { ValidateOutcome } from './gateway';
import { isOwnSheet } from './ownSheets';
import { planNotices } from '../domain/output/planNotices';
import type { WorkbookRead } from './readWorkbook';

export function reviewBook(book: WorkbookRead, settings: Settings): Review {
  const sheets = book.sheets.filter((s) => !isOwnSheet(s.name, s.marker)).map((s) => s.raw);
  return review([{ file: book.name, sheets }], settings);
}

export function validateOutcome(fr: FileReview, syncs: number, settings: Settings): ValidateOutcome {
  let kpiCount = 0;
  let activityCount = 0;
  const kpiSheets: string[] = [];
  const pledgeSheets: string[] = [];
  for (const s of fr.sheets) {
    if (s.kind === 'kpi') {
      kpiSheets.push(s.sheet);
      kpiCount += s.kpis.length;
    } else {
      pledgeSheets.push(s.sheet);
      activityCount += s.activities.length;
    }
  }
  const outcome: ValidateOutcome = { issues: fr.issues, kpiSheets, pledgeSheets, otherSheets: fr.otherSheets, kpiCount, activityCount, syncs };
  const [notice] = planNotices([fr], settings);
  if (notice) outcome.planNotice = notice;
  return outcome;
}
