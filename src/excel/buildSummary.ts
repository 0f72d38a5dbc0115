/**
 * 集計シート作成: read (2 syncs), review, and render the summary book into new sheets in one
 * more sync. Every sheet of ours carries the custom property progressReview=summary; all of them
 * (this book's sheets or the single 集計 sheet of earlier versions) are replaced, at the place of
 * the first, and no other sheet changes. Our sheets are named with the summary prefix (集計_総括 …);
 * a name taken by a sheet that is not ours gets a number: 集計_総括 (2).
 */
import type { Lang } from '../messages/lang';
import type { Settings } from '../domain/base/settings';
import { buildSummaryBook } from '../domain/output/summary/build';
import { freeSheetName } from '../domain/output/templates';
import { translate } from '../messages/translate';
import type { Review } from '../domain/review';
import type { SummaryOutcome } from './gateway';
import { isOwnSummary } from './ownSheets';
import { readWorkbook, type SheetRead, type WorkbookRead } from './readWorkbook';
import { reviewBook, validateOutcome } from './reviewBook';
import type { Session } from './session';
import { summaryOps, type SummaryTarget } from './writeSummary';
import { runOps } from './writeOps';

export interface SummaryOptions {
  budget: number;
  /** the day, YYYY-MM-DD, shown in the titles */
  date: string;
}

/** the names, places and temporary names of the new sheets, given the sheets there are */
export function summaryTarget(sheets: readonly SheetRead[], wanted: readonly string[]): SummaryTarget {
  const ours = sheets.filter((s) => isOwnSummary(s.marker));
  const others = sheets.filter((s) => !isOwnSummary(s.marker));
  const taken = others.map((s) => s.name);
  const names: string[] = [];
  for (const w of wanted) names.push(freeSheetName(w, [...taken, ...names]));
  const firstOurs = ours.length ? Math.min(...ours.map((s) => s.position)) : null;
  const position = firstOurs === null ? null : others.filter((s) => s.position < firstOurs).length;
  // our sheets as the only visible ones cannot be deleted first: the new ones come in under temporary names
  const onlyVisible = ours.some((s) => s.visibility === 'Visible') && !others.some((s) => s.visibility === 'Visible');
  const tempNames = onlyVisible ? names.map((n, i) => freeSheetName(`${n}_new`, [...sheets.map((s) => s.name), ...names.slice(0, i)])) : null;
  return { names, replace: ours.map((s) => s.name), position, tempNames, takenTableNames: others.flatMap((s) => s.tables) };
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

export interface SummaryWritten {
  /** the first sheet (総括) */
  sheet: string;
  /** every sheet of the summary, in order */
  sheets: string[];
  /** earlier summary sheets of ours were replaced */
  replaced: boolean;
  /** false: built with errors, the sheets carry the 未完了 banner */
  complete: boolean;
}

/**
 * The summary book of `result` into the workbook read as `book` (replacing our earlier sheets) in
 * one sync, more only past the request budget. `linkFile` names the file of a cell outside this
 * workbook (undefined: a cell of this workbook).
 */
export async function writeSummary(
  session: Session,
  book: WorkbookRead,
  result: Review,
  lang: Lang,
  opts: SummaryOptions & { linkFile?: (file: string) => string | undefined },
): Promise<SummaryWritten> {
  const model = buildSummaryBook(result, { lang, date: opts.date, ...(opts.linkFile ? { linkFile: opts.linkFile } : {}) });
  const prefix = translate(lang, 'summary.sheetPrefix');
  const target = summaryTarget(book.sheets, model.sheets.map((s) => prefix + s.name));

  session.progress('summary', 0.6);
  await runOps(session, summaryOps(model, target), { budget: opts.budget, protectedSheets: new Map(), onBatch: (d, n) => session.progress('summary', 0.6 + (0.4 * d) / n) });
  return { sheet: target.names[0], sheets: target.names, replaced: target.replace.length > 0, complete: model.complete };
}
