/** 検証: read and review, nothing written (2 syncs). */
import type { Settings } from '../domain/base/settings';
import type { ValidateOutcome } from './gateway';
import { readWorkbook } from './readWorkbook';
import { reviewBook, validateOutcome } from './reviewBook';
import type { Session } from './session';

export async function validateWorkbook(session: Session, settings: Settings, budget: number): Promise<ValidateOutcome> {
  session.progress('read', 0);
  const book = await readWorkbook(session, { budget });
  session.progress('validate', 0.6);
  const result = reviewBook(book, settings);
  session.progress('validate', 1);
  return validateOutcome(result.files[0], session.syncs, settings);
}
