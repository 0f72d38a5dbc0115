/**
 * 集計シート作成: read (2 syncs), review, and render the summary model into a new sheet in one
 * more sync. Only a sheet we marked as ours (custom property progressReview=summary) and named
 * 集計 / 集計 (n) is replaced; a foreign 集計 stays and ours becomes 集計 (2) etc.
 */
import type { Lang } from '../messages/lang';
import type { Settings } from '../domain/base/settings';
import { buildSummaryModel } from '../domain/output/summaryModel';
import { freeSheetName } from '../domain/output/templates';
import type { SummaryOutcome } from './gateway';
import { isOwnSummary } from './ownSheets';
import type { Review } from '../domain/review';
import { readWorkbook, type SheetRead, type WorkbookRead } from './readWorkbook';
import { reviewBook, validateOutcome } from './reviewBook';
import type { Session } from './session';
import { summaryOps } from './writeSummary';
import { runOps } from './writeOps';

export interface SummaryOptions {
  budget: number;
  /** shown in the subtitle, e.g. 2026-11-22 */
  date: string;
}

function isSummaryName(name: string, base: string): boolean {
  if (name.toLowerCase() === base.toLowerCase()) return true;
  const m = /^(.*) \((\d+)\)$/.exec(name);
  return !!m && m[1].toLowerCase() === base.toLowerCase();
}

/** our earlier summary: the one named exactly like the model first, then 集計 (n) */
export function previousSummary(sheets: readonly SheetRead[], base: string): SheetRead | undefined {
  const ours = sheets.filter((s) => isOwnSummary(s.marker) && isSummaryName(s.name, base));
  return ours.find((s) => s.name.toLowerCase() === base.toLowerCase()) ?? ours[0];
}

export async function buildSummary(session: Session, settings: Settings, lang: Lang, opts: SummaryOptions): Promise<SummaryOutcome> {
  session.progress('read', 0);
  const book = await readWorkbook(session, { budget: opts.budget, tables: true });
  session.progress('validate', 0.45);
  const result = reviewBook(book, settings);
  session.progress('summary', 0.55);
  const written = await writeSummary(session, book, result, lang, opts);
  return { ...validateOutcome(result.files[0], session.syncs, settings), ...written };
}

/**
 * The summary of `result` into the workbook read as `book` (replacing our earlier one) in one
 * sync, more only past the request budget. `linkFile` names the file of a cell outside this workbook.
 */
export async function writeSummary(
  session: Session,
  book: WorkbookRead,
  result: Review,
  lang: Lang,
  opts: SummaryOptions & { linkFile?: (file: string) => string | undefined },
): Promise<{ sheet: string; replaced: boolean }> {
  const linkFile = opts.linkFile;
  const model = buildSummaryModel(result, { lang, date: opts.date, ...(linkFile ? { linkFile: (file: string) => linkFile(file) } : {}) });

  const old = previousSummary(book.sheets, model.name);
  const others = book.sheets.filter((s) => s !== old);
  const name = old ? old.name : freeSheetName(model.name, others.map((s) => s.name));
  const onlyVisible = !!old && old.visibility === 'Visible' && !others.some((s) => s.visibility === 'Visible');
  const tempName = onlyVisible ? freeSheetName(`${model.name}_new`, book.sheets.map((s) => s.name)) : null;
  const ops = summaryOps(model, { name, replace: old ? { name: old.name, position: old.position } : null, tempName, takenTableNames: others.flatMap((s) => s.tables) });

  session.progress('summary', 0.6);
  await runOps(session, ops, { budget: opts.budget, protectedSheets: new Map(), onBatch: (d, n) => session.progress('summary', 0.6 + (0.4 * d) / n) });
  return { sheet: name, replaced: !!old };
}
