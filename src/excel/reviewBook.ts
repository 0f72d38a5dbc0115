/** The review of what readWorkbook read: the add-in's own sheets (summary, audit log) are not inputs. */
import { review, type FileReview, type Review } from '../domain/review';
import type { Settings } from '../domain/base/settings';
import type { ValidateOutcome } from './gateway';
import { isOwnSheet } from './ownSheets';
import type { WorkbookRead } from './readWorkbook';

export function reviewBook(book: WorkbookRead, settings: Settings): Review {
  const sheets = book.sheets.filter((s) => !isOwnSheet(s.name, s.marker)).map((s) => s.raw);
  return review([{ file: book.name, sheets }], settings);
}

export function validateOutcome(fr: FileReview, syncs: number): ValidateOutcome {
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
  return { issues: fr.issues, kpiSheets, pledgeSheets, otherSheets: fr.otherSheets, kpiCount, activityCount, syncs };
}
