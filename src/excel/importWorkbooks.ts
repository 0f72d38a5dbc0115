/**
 * 取り込み into the open workbook: read it (2 syncs), review its own sheets together with the
 * imported workbooks (the pledge rollup spans them all), optionally insert the departments'
 * sheets (insertDepartmentSheets.ts: 2 syncs), and write the summary sheets from all of them, as
 * 集計シート作成 does (1 sync; more only past the request budget). Nothing of the open workbook but
 * our own sheets changes. The sync count does not depend on the number of imported files.
 */
import { supersededSheets } from '../domain/import/insertPlan';
import { distinctFileNames, importedFileFacts } from '../domain/import/importPlan';
import { review } from '../domain/review';
import { detectHeader } from '../domain/sheets/headers';
import { writeSummary, type SummaryOptions } from './buildSummary';
import type { ImportOutcome, ImportRequest } from './importGateway';
import { ImportCancelled, insertDepartmentSheets, type InsertResult } from './insertDepartmentSheets';
import { insertedKey, isOwnSheet } from './ownSheets';
import { readWorkbook } from './readWorkbook';
import type { Session } from './session';

export async function importWorkbooks(session: Session, request: ImportRequest, opts: SummaryOptions): Promise<ImportOutcome> {
  if (request.signal?.aborted) throw new ImportCancelled();
  session.progress('read', 0);
  const book = await readWorkbook(session, { budget: opts.budget, tables: true });
  session.progress('validate', 0.45);
  const names = distinctFileNames(request.books.map((b) => b.file), [book.name]);
  // sheets an earlier import inserted for a department imported now are superseded by its file
  const superseded = new Set(supersededSheets(book.sheets.map((s) => ({ name: s.name, insertedKey: insertedKey(s.marker) })), names));
  const own = { file: book.name, sheets: book.sheets.filter((s) => !isOwnSheet(s.name, s.marker) && !superseded.has(s.name)).map((s) => s.raw) };
  // the open workbook counts when it has KPI or pledge sheets (an empty one is not an input with errors)
  const inputs = own.sheets.some((s) => detectHeader(s) !== null) ? [own] : [];
  const result = review([...inputs, ...request.books.map((b, i) => ({ file: names[i], sheets: b.sheets }))], request.settings);
  const files = result.files.map(importedFileFacts);

  let inserted: InsertResult = { inserted: [], replacedSheets: [], notInserted: [], linkedInside: new Set() };
  if (request.insertSheets) {
    const candidates = request.books.map((b, i) => ({ file: names[i], book: b, review: result.files[inputs.length + i], facts: files[inputs.length + i] }));
    inserted = await insertDepartmentSheets(session, { book, candidates, fill: request.insertSheets, lang: request.lang, budget: opts.budget, signal: request.signal });
  } else if (request.signal?.aborted) throw new ImportCancelled();

  session.progress('summary', 0.6);
  // cells of the open workbook, and of a department's sheets inserted under their own names, are linked inside it
  const inside = (file: string) => file === book.name || inserted.linkedInside.has(file);
  const written = await writeSummary(session, book, result, request.lang, { ...opts, linkFile: (file) => (inside(file) ? undefined : file) });
  session.progress('summary', 1);
  return {
    files,
    summarySheet: written.sheet,
    summarySheets: written.sheets,
    summaryReplaced: written.replaced,
    inserted: inserted.inserted,
    replacedSheets: inserted.replacedSheets,
    notInserted: inserted.notInserted,
    summaryComplete: written.complete,
    syncs: session.syncs,
    largestRequestBytes: session.largestRequestBytes,
  };
}
