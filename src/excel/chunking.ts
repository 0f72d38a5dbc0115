/**
 * Request sizes and batching. Excel on the web refuses a request larger than 5 MB, so writes are
 * sized as the JSON of the values and formats they send and packed into batches within the
 * budget (4 MB by default); only a block that does not fit is split by rows.
 */

export const DEFAULT_REQUEST_BUDGET = 4_000_000;

/** JSON and bookkeeping of one queued action without its payload (object path, method name, ids). */
export const ACTION_OVERHEAD = 120;

/** Excel refused a request as larger than it takes (nothing of it was applied). */
export function isRequestTooLarge(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'RequestPayloadSizeLimitExceeded' || code === 'RequestPayloadSizeLimitExceededError';
}

export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export function jsonBytes(v: unknown): number {
  return utf8Length(JSON.stringify(v) ?? '');
}

/** Bytes per row of one or more same-height 2-D arrays sent together (values, numberFormat …). */
export function rowBytes(...grids: readonly (readonly unknown[])[][]): number[] {
  const n = grids[0]?.length ?? 0;
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    let b = 0;
    for (const g of grids) b += jsonBytes(g[i]) + 1;
    out[i] = b;
  }
  return out;
}

export interface Sized {
  bytes: number;
  /** a first part within maxBytes and the rest, or null when no part fits */
  split?(maxBytes: number): [Sized, Sized] | null;
}

/**
 * Batches within the budget, in order. An item that does not fit the room left in a batch is
 * split (when it can be, e.g. rows of a large block) so the batch is filled; the number of
 * batches is then about total / budget. Nothing is split when everything fits.
 */
export function pack<T extends Sized>(items: readonly T[], budget: number): T[][] {
  const minPart = budget / 16;
  const batches: T[][] = [];
  let cur: T[] = [];
  let sum = 0;
  const close = () => {
    if (cur.length) batches.push(cur);
    cur = [];
    sum = 0;
  };
  let i = 0;
  let pending: T | null = null;
  while (pending || i < items.length) {
    const it: T = pending ?? items[i++];
    pending = null;
    if (sum + it.bytes <= budget) {
      cur.push(it);
      sum += it.bytes;
      continue;
    }
    const room = budget - sum;
    const parts = it.split && (room >= minPart || cur.length === 0) ? it.split(room) : null;
    if (parts) {
      cur.push(parts[0] as T);
      close();
      pending = parts[1] as T;
      continue;
    }
    if (cur.length) {
      close();
      pending = it;
      continue;
    }
    // too large and cannot be split: a batch of its own (Excel may refuse it)
    cur.push(it);
    close();
  }
  close();
  return batches;
}
