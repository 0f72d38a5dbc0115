/**
 * 取り込み's option: the departments' sheets themselves into the open workbook. Each file without
 * errors is patched (its output columns filled, by the lossless patch writer the request brings)
 * and inserted with `workbook.insertWorksheetsFromBase64` (ExcelApi 1.13; charts are not carried);
 * our earlier sheets of the same department are deleted in the same request as their replacement,
 * so a refused request loses nothing. Then each inserted sheet is renamed to its planned name and
 * marked as ours in one more sync. Syncs: the inserts packed within the request budget (the
 * base64 payload counts; one sync for all normal sizes) and one to name and mark them.
 */
import { insertedKey, insertedMarker, MARKER_KEY } from './ownSheets';
import { ACTION_OVERHEAD, isRequestTooLarge, pack, utf8Length } from './chunking';
import { planInsert, type InsertFilePlan } from '../domain/import/insertPlan';
import type { ImportedFileFacts } from '../domain/import/importPlan';
import type { FileReview } from '../domain/review';
import type { Lang } from '../messages/lang';
import type { FillOutputs, ImportedBook, ImportOutcome } from './importGateway';
import type { WorkbookRead } from './readWorkbook';
import type { Session } from './session';

export interface InsertCandidate {
  /** the name the file is reviewed under */
  file: string;
  book: ImportedBook;
  review: FileReview;
  facts: ImportedFileFacts;
}

export interface InsertInput {
  book: WorkbookRead;
  candidates: InsertCandidate[];
  fill: FillOutputs;
  lang: Lang;
  budget: number;
  signal?: AbortSignal;
}

export type InsertResult = Pick<ImportOutcome, 'inserted' | 'replacedSheets' | 'notInserted'> & {
  /** files whose sheets were inserted under their own names: the summary links to them inside the workbook */
  linkedInside: Set<string>;
};

/** An import stopped by the user before anything was written. */
export class ImportCancelled extends Error {
  constructor() {
    super('import cancelled');
    this.name = 'ImportCancelled';
  }
}

function base64(bytes: Uint8Array): string {
  let s = '';
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) s += String.fromCharCode(...bytes.subarray(i, i + step));
  return btoa(s);
}

function problemText(e: unknown, lang: Lang): string {
  const text = (e as { text?: (lang: Lang) => string } | null)?.text;
  return typeof text === 'function' ? text.call(e, lang) : e instanceof Error ? e.message : String(e);
}

interface Payload {
  plan: InsertFilePlan;
  base64: string;
  /** our earlier sheets of this department */
  replace: string[];
  bytes: number;
  ids?: OfficeExtension.ClientResult<string[]>;
}

/** the patched packages, one file at a time (the main thread is given back between files) */
async function patchAll(session: Session, input: InsertInput, out: InsertResult): Promise<{ c: InsertCandidate; data: string }[]> {
  const ready: { c: InsertCandidate; data: string }[] = [];
  const todo = input.candidates.filter((c) => {
    if (c.facts.insertable && c.book.bytes) return true;
    out.notInserted.push({ file: c.file, reason: c.facts.errors > 0 ? 'errors' : c.review.sheets.length === 0 ? 'noSheets' : 'unreadable' });
    return false;
  });
  for (let i = 0; i < todo.length; i++) {
    if (input.signal?.aborted) throw new ImportCancelled();
    const c = todo[i];
    session.progress('compute', 0.45 + (0.1 * i) / todo.length);
    await new Promise((resolve) => setTimeout(resolve, 0));
    let bytes: Uint8Array;
    try {
      bytes = await c.book.bytes!();
    } catch (e) {
      out.notInserted.push({ file: c.file, reason: 'unreadable', detail: problemText(e, input.lang) });
      continue;
    }
    try {
      ready.push({ c, data: base64(await input.fill(bytes, c.review.plan)) });
    } catch (e) {
      out.notInserted.push({ file: c.file, reason: 'unpatchable', detail: problemText(e, input.lang) });
    }
  }
  if (input.signal?.aborted) throw new ImportCancelled();
  return ready;
}

/** Inserts within the budget; a request Excel refuses as too large is halved, a single file alone is left out. */
async function sendInserts(session: Session, payloads: Payload[], budget: number, out: InsertResult): Promise<Payload[]> {
  const sent: Payload[] = [];
  let queue = pack(payloads, budget);
  let done = 0;
  const total = payloads.length;
  while (queue.length) {
    const batch = queue[0];
    const workbook = session.context.workbook;
    for (const p of batch) {
      for (const name of p.replace) workbook.worksheets.getItem(name).delete();
      p.ids = workbook.insertWorksheetsFromBase64(p.base64, { sheetNamesToInsert: p.plan.sheets.map((s) => s.source), positionType: 'End' });
    }
    try {
      await session.sync(batch.reduce((n, p) => n + p.bytes, 0));
    } catch (err) {
      if (!isRequestTooLarge(err)) throw err;
      // nothing of a refused request was applied
      if (batch.length > 1) queue = [batch.slice(0, batch.length >> 1), batch.slice(batch.length >> 1), ...queue.slice(1)];
      else {
        out.notInserted.push({ file: batch[0].plan.file, reason: 'tooLarge' });
        queue = queue.slice(1);
      }
      continue;
    }
    sent.push(...batch);
    queue = queue.slice(1);
    done += batch.length;
    session.progress('write', 0.55 + (0.04 * done) / total);
  }
  return sent;
}

/**
 * Names and marks the inserted sheets: first each to a temporary name, then to its planned one,
 * so a name Excel gave on inserting never stands in the way of another sheet's planned name.
 */
async function nameAndMark(session: Session, sent: Payload[]): Promise<void> {
  const sheets = session.context.workbook.worksheets;
  const tag = Math.random().toString(36).slice(2, 8);
  const named: { ws: Excel.Worksheet; name: string; key: string }[] = [];
  let n = 0;
  for (const p of sent) {
    const ids = p.ids!.value;
    p.plan.sheets.forEach((s, i) => {
      if (i >= ids.length) return;
      const ws = sheets.getItem(ids[i]);
      ws.name = `~pr${tag}-${n++}`;
      named.push({ ws, name: s.name, key: p.plan.key });
    });
  }
  let bytes = named.length * 2 * ACTION_OVERHEAD;
  for (const x of named) {
    x.ws.name = x.name;
    x.ws.customProperties.add(MARKER_KEY, insertedMarker(x.key));
    bytes += 3 * ACTION_OVERHEAD + utf8Length(x.name) + utf8Length(x.key);
  }
  // a few hundred bytes per sheet: one request holds thousands of sheets
  if (named.length) await session.sync(bytes);
}

export async function insertDepartmentSheets(session: Session, input: InsertInput): Promise<InsertResult> {
  const out: InsertResult = { inserted: [], replacedSheets: [], notInserted: [], linkedInside: new Set() };
  const ready = await patchAll(session, input, out);
  const existing = input.book.sheets.map((s) => ({ name: s.name, insertedKey: insertedKey(s.marker) }));
  const plan = planInsert(
    existing,
    ready.map((r) => ({ file: r.c.file, sheets: r.c.review.sheets.map((s) => s.sheet) })),
  );
  const payloads: Payload[] = plan.files.map((fp, i) => {
    const replace = existing.filter((s) => s.insertedKey === fp.key).map((s) => s.name);
    const data = ready[i].data;
    return { plan: fp, base64: data, replace, bytes: data.length + (4 + replace.length) * ACTION_OVERHEAD + utf8Length(JSON.stringify(fp.sheets.map((s) => s.source))) };
  });
  // two files of one department (課.xlsx and 課.xlsm) in one import: its earlier sheets are deleted once
  const seen = new Set<string>();
  for (const p of payloads) {
    if (seen.has(p.plan.key)) p.replace = [];
    seen.add(p.plan.key);
  }
  const sent = await sendInserts(session, payloads, input.budget, out);
  await nameAndMark(session, sent);
  for (const p of sent) {
    out.inserted.push({ file: p.plan.file, sheets: p.plan.sheets.map((s) => s.name) });
    out.replacedSheets.push(...p.replace);
    if (p.plan.namesKept) out.linkedInside.add(p.plan.file);
  }
  return out;
}
