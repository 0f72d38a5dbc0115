/**
 * 取り込み into the open workbook: read it (2 syncs), review its own sheets together with the
 * imported workbooks (the pledge rollup spans them all), and write the summary sheets from all
 * of them, as 集計シート作成 does (1 sync; more only past the request budget). Nothing of the open
 * workbook but our summary sheets changes. The sync count does not depend on the number of imported files.
 */
import { distinctFileNames, importedFileFacts } from '../domain/import/importPlan';
import { review } from '../domain/review';
import { detectHeader } from '../domain/sheets/headers';
import { writeSummary, type SummaryOptions } from './buildSummary';
import type { ImportOutcome, ImportRequest } from './importGateway';
import { isOwnSheet } from './ownSheets';
import { readWorkbook } from './readWorkbook';
import type { Session } from './session';

export async function importWorkbooks(session: Session, request: ImportRequest, opts: SummaryOptions): Promise<ImportOutcome> {
  session.progress('read', 0);
  const book = await readWorkbook(session, { budget: opts.budget, tables: true });
  session.progress('validate', 0.45);
  const own = { file: book.name, sheets: book.sheets.filter((s) => !isOwnSheet(s.name, s.marker)).map((s) => s.raw) };
  // the open workbook counts when it has KPI or pledge sheets (an empty one is not an input with errors)
  const inputs = own.sheets.some((s) => detectHeader(s) !== null) ? [own] : [];
  const names = distinctFileNames(request.books.map((b) => b.file), [book.name]);
  const result = review([...inputs, ...request.books.map((b, i) => ({ file: names[i], sheets: b.sheets }))], request.settings);
  session.progress('summary', 0.55);
  // cells of the open workbook are linked inside it; those of an imported file in that file
  const written = await writeSummary(session, book, result, request.lang, { ...opts, linkFile: (file) => (file === book.name ? undefined : file) });
  session.progress('summary', 1);
  return {
    files: result.files.map(importedFileFacts),
    summarySheet: written.sheet,
    summarySheets: written.sheets,
    summaryReplaced: written.replaced,
    summaryComplete: written.complete,
    syncs: session.syncs,
    largestRequestBytes: session.largestRequestBytes,
  };
}
