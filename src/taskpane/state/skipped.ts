/**
 * The sheets a write left alone, with their reason. WriteOutcome.skipped lists the names;
 * skippedDetails (optional) adds the reason and a message in both languages. Every name in
 * `skipped` is listed once, in that order; a detail without a name there is listed after them.
 */
import type { WriteOutcome } from '../../excel/gateway';
import type { Lang } from '../../messages/lang';

export interface SkippedView {
  sheet: string;
  reason: 'errors' | 'protected';
  /** the gateway's message in the pane's language; undefined → the pane's own text for the reason */
  text?: string;
}

export function skippedSheets(outcome: Pick<WriteOutcome, 'skipped' | 'skippedDetails'>, lang: Lang): SkippedView[] {
  const details = new Map((outcome.skippedDetails ?? []).map((d) => [d.sheet, d]));
  const names = [...new Set([...outcome.skipped, ...details.keys()])];
  return names.map((sheet) => {
    const d = details.get(sheet);
    if (!d) return { sheet, reason: 'errors' };
    const text = (lang === 'en' ? d.messageEn || d.message : d.message || d.messageEn) || undefined;
    return text === undefined ? { sheet, reason: d.reason } : { sheet, reason: d.reason, text };
  });
}
