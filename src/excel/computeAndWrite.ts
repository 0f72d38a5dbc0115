/**
 * 計算して書き込む: read (2 syncs), review, then write every sheet without errors and append the
 * audit-log row in one more sync (more only when the request budget requires chunks).
 * Protected sheets without a password are unprotected and protected again inside each batch;
 * a sheet whose protection needs a password is skipped with a message.
 */
import { LOG_SHEET, planLogAppend } from '../domain/plan/auditLog';
import type { Review } from '../domain/review';
import type { Settings } from '../domain/base/settings';
import type { SheetPlan } from '../domain/plan/plan';
import { fitOfSheet, sheetPlanOps, writtenRange } from './applyPlan';
import type { SkippedSheet, WriteOutcome } from './gateway';
import { readWorkbook, type WorkbookRead } from './readWorkbook';
import { reviewBook, validateOutcome } from './reviewBook';
import type { Session } from './session';
import { logOps } from './writeLog';
import { runOps, type ProtectedSheets, type WriteOp } from './writeOps';

export interface WriteOptions {
  budget: number;
  /** ISO time for the audit log */
  time: string;
}

function protectedSheets(book: WorkbookRead): Map<string, Excel.WorksheetProtectionOptions> {
  return new Map(book.sheets.filter((s) => s.protected).map((s) => [s.name, s.protectionOptions]));
}

function opsFor(book: WorkbookRead, result: Review, plans: readonly SheetPlan[], opts: WriteOptions, withLog = true): WriteOp[] {
  const fr = result.files[0];
  const written: Review = { ...result, files: [{ ...fr, plan: { sheets: [...plans] } }] };
  const existing = book.sheets.find((s) => s.name === LOG_SHEET);
  const append = planLogAppend(existing?.raw, written, 0, { time: opts.time, runner: 'task pane', file: book.name });
  const bySheet = new Map(book.sheets.map((s) => [s.name, s]));
  const ops = plans.flatMap((p) => {
    const read = bySheet.get(p.sheet);
    return sheetPlanOps(p, { pageSetup: read && !read.ownPageSetup ? fitOfSheet(p, read.columnWidths) : null });
  });
  return withLog ? [...ops, ...logOps(append)] : ops;
}

/**
 * After a failed write that involved protected sheets: put every protection back and find the
 * sheets that cannot be unprotected without a password (one probe sync each; error path only).
 */
async function passwordProtected(session: Session, names: readonly string[], prot: ProtectedSheets): Promise<string[]> {
  const locked: string[] = [];
  for (const name of names) {
    const ws = session.context.workbook.worksheets.getItem(name);
    ws.protection.unprotect();
    ws.protection.protect(prot.get(name));
    try {
      await session.sync();
    } catch {
      locked.push(name);
    }
  }
  return locked;
}

export async function computeAndWrite(session: Session, settings: Settings, opts: WriteOptions): Promise<WriteOutcome> {
  session.progress('read', 0);
  const book = await readWorkbook(session, { budget: opts.budget });
  session.progress('validate', 0.45);
  const result = reviewBook(book, settings);
  const fr = result.files[0];
  session.progress('compute', 0.55);

  const prot = protectedSheets(book);
  let plans = fr.plan.sheets;
  const skipped: SkippedSheet[] = fr.sheets
    .filter((s) => s.plan === null)
    .map((s) => ({ sheet: s.sheet, reason: 'errors' as const }));

  const onBatch = (done: number, total: number) => session.progress('write', 0.6 + (0.4 * done) / total);
  session.progress('write', 0.6);
  try {
    await runOps(session, opsFor(book, result, plans, opts), { budget: opts.budget, protectedSheets: prot, onBatch });
  } catch (err) {
    const involved = [...plans.map((p) => p.sheet), LOG_SHEET].filter((s) => prot.has(s));
    if (!involved.length) throw err;
    const locked = await passwordProtected(session, involved, prot);
    if (!locked.length) throw err;
    for (const name of locked) skipped.push({ sheet: name, reason: 'protected' });
    plans = plans.filter((p) => !locked.includes(p.sheet));
    await runOps(session, opsFor(book, result, plans, opts, !locked.includes(LOG_SHEET)), { budget: opts.budget, protectedSheets: prot, onBatch });
  }
  session.progress('write', 1);

  return {
    ...validateOutcome(fr, session.syncs, settings),
    written: plans.map((p) => ({ sheet: p.sheet, ...writtenRange(p) })),
    skipped: skipped.map((s) => s.sheet),
    skippedDetails: skipped,
    largestRequestBytes: session.largestRequestBytes,
  };
}
