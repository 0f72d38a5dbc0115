/** The review of what readWorkbook read: the add-in's own sheets (summary, audit log) are not inputs. */
import { review, type FileReview, type Review } from '../domain/review';
import type { Settings } from '../domain/base/settings';
import type { ValidateOutcome } from './gateway';
import { isOwnSheet } from './ownSheets';
import { fileCounts } from '../domain/output/fileCounts';
import { planNotices } from '../domain/output/planNotices';
import type { WorkbookRead } from './readWorkbook';

export function reviewBook(book: WorkbookRead, settings: Settings): Review {
  const sheets = book.sheets.filter((s) => !isOwnSheet(s.name, s.marker)).map((s) => s.raw);
  return review([{ file: book.name, sheets }], settings);
}

export function validateOutcome(fr: FileReview, syncs: number, settings: Settings): ValidateOutcome {
  const outcome: ValidateOutcome = { issues: fr.issues, ...fileCounts(fr), otherSheets: fr.otherSheets, syncs };
  const [notice] = planNotices([fr], settings);
  if (notice) outcome.planNotice = notice;
  return outcome;
}
