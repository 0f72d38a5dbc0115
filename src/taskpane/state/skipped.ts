/**
 * The sheets a write left alone, with their reason. WriteOutcome.skipped lists the names;
 * skippedDetails (optional) adds the reason. Every name in `skipped` is listed once, in that
 * order; a detail without a name there is listed after them. A name without a detail was
 * skipped for its errors.
 */
import type { SkippedSheet, WriteOutcome } from '../../excel/gateway';
import type { MessageKey } from '../../messages/translate';

export type SkippedView = SkippedSheet;

/** what the pane says for each reason */
export const SKIPPED_TEXT: Record<SkippedSheet['reason'], MessageKey> = { errors: 'skipped.errors', protected: 'skipped.protected' };

export function skippedSheets(outcome: Pick<WriteOutcome, 'skipped' | 'skippedDetails'>): SkippedView[] {
  const details = new Map((outcome.skippedDetails ?? []).map((d) => [d.sheet, d]));
  const names = [...new Set([...outcome.skipped, ...details.keys()])];
  return names.map((sheet) => ({ sheet, reason: details.get(sheet)?.reason ?? 'errors' }));
}
