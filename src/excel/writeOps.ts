/**
 * Writes as a list of operations with their estimated request size, sent in as few syncs as the
 * request budget allows (one, for all normal sizes). Every batch that touches a protected sheet
 * unprotects it first and protects it again with the same options last, so a sheet is never
 * left unprotected between requests.
 */
import { ACTION_OVERHEAD, isRequestTooLarge, jsonBytes, pack } from './chunking';
import type { Session } from './session';

export interface WriteOp {
  /** the sheet the operation changes (null: workbook structure, e.g. adding a sheet) */
  sheet: string | null;
  /** estimated JSON bytes this operation adds to the request */
  bytes: number;
  apply(session: Session): void;
  /** rows of a large block can be sent in parts (see pack) */
  split?(maxBytes: number): [WriteOp, WriteOp] | null;
}

/**
 * Rows [0, rowBytes.length) of a block as one operation, which pack() may split by rows when the
 * request budget requires it; `apply(session, start, end)` queues rows [start, end).
 */
export function rowsOp(sheet: string, rowBytes: readonly number[], overhead: number, apply: (session: Session, start: number, end: number) => void): WriteOp {
  const prefix = new Array<number>(rowBytes.length + 1);
  prefix[0] = 0;
  for (let i = 0; i < rowBytes.length; i++) prefix[i + 1] = prefix[i] + rowBytes[i];
  const part = (start: number, end: number): WriteOp => ({
    sheet,
    bytes: overhead + prefix[end] - prefix[start],
    apply: (session) => apply(session, start, end),
    split(maxBytes) {
      // the most rows that fit, at least one row, never all of them
      let lo = start + 1;
      let hi = end - 1;
      if (hi < lo || overhead + prefix[lo] - prefix[start] > maxBytes) return null;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (overhead + prefix[mid] - prefix[start] <= maxBytes) lo = mid;
        else hi = mid - 1;
      }
      return [part(start, lo), part(lo, end)];
    },
  });
  return part(0, rowBytes.length);
}

export type ProtectionOptions = Excel.WorksheetProtectionOptions;

/** protected sheets (that we may unprotect without a password) and their options */
export type ProtectedSheets = ReadonlyMap<string, ProtectionOptions>;

function wrapperBytes(options: ProtectionOptions): number {
  return 2 * ACTION_OVERHEAD + jsonBytes(options);
}

export interface RunOpsOptions {
  budget: number;
  protectedSheets: ProtectedSheets;
  onBatch?: (done: number, total: number) => void;
}

function applyBatch(session: Session, batch: readonly WriteOp[], protectedSheets: ProtectedSheets): number {
  const touched = [...new Set(batch.map((o) => o.sheet).filter((s): s is string => s !== null && protectedSheets.has(s)))];
  let bytes = 0;
  for (const name of touched) session.sheet(name).protection.unprotect();
  for (const op of batch) {
    op.apply(session);
    bytes += op.bytes;
  }
  for (const name of touched) {
    const options = protectedSheets.get(name)!;
    session.sheet(name).protection.protect(options);
    bytes += wrapperBytes(options);
  }
  return bytes;
}

/** below this, a refused request is not retried smaller */
const MIN_BUDGET = 16_000;

/**
 * Sends the operations: one sync per batch; batches only split when the budget requires it.
 * If Excel still refuses a request as too large (the estimate was too low), nothing of it was
 * applied: the rest is packed again with half the budget.
 */
export async function runOps(session: Session, ops: readonly WriteOp[], opts: RunOpsOptions): Promise<void> {
  let reserve = 0;
  for (const o of opts.protectedSheets.values()) reserve += wrapperBytes(o);
  let budget = opts.budget;
  let remaining: readonly WriteOp[] = ops;
  let done = 0;
  while (remaining.length) {
    const batches = pack(remaining, Math.max(1, budget - reserve)) as WriteOp[][];
    const bytes = applyBatch(session, batches[0], opts.protectedSheets);
    try {
      await session.sync(bytes);
    } catch (err) {
      // an infinite budget means "never split" (used to show what Excel does without chunking)
      const smaller = Math.min(budget, bytes) / 2;
      if (!isRequestTooLarge(err) || !Number.isFinite(budget) || smaller < MIN_BUDGET) throw err;
      budget = smaller;
      continue;
    }
    remaining = batches.slice(1).flat();
    opts.onBatch?.(++done, done + batches.length - 1);
  }
}
