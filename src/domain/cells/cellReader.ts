/**
 * Reads cells through the zod cell schemas, memoised per distinct value: a sheet has
 * thousands of 増加, 累計 and H30 cells but few distinct ones. Numbers take the fast path
 * first. Used by the KPI and pledge sheet readers.
 */
import type { z } from 'zod';
import { cellIssue, numberCellSchema, type CellIssueParams } from './cellSchemas';
import { isDateFormat, isPercentFormat, type EmptyNumber, type ParsedNumber } from './numberCell';
import { readNumberFast, type NumberScratch } from './numberFast';
import type { RawValue } from '../base/raw';
import { keepShape } from '../base/keptShapes';

export type Read<T> = { ok: true; value: T } | { ok: false; issue: CellIssueParams };

const MEMO_LIMIT = 50_000;

export class MemoSchema<T> {
  private readonly memo = new Map<string | number | boolean | null, Read<T>>();
  constructor(private readonly schema: z.ZodType<T, RawValue>) {}

  read(v: RawValue): Read<T> {
    if (v === undefined) v = null;
    const primitive = v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
    if (primitive) {
      const hit = this.memo.get(v as string | number | boolean | null);
      if (hit) return hit;
    }
    const r = this.schema.safeParse(v);
    const out: Read<T> = r.success ? { ok: true, value: r.data } : { ok: false, issue: cellIssue(r.error) };
    if (primitive) {
      if (this.memo.size > MEMO_LIMIT) this.memo.clear();
      this.memo.set(v as string | number | boolean | null, out);
    }
    return out;
  }
}

export const EMPTY_READ = 0;
export const NUMBER_READ = 1;
export const INVALID_READ = 2;

type Slow = Read<ParsedNumber | EmptyNumber>;

export class NumberReader {
  private readonly slow = new Map<string, Slow>();
  private readonly formats = new Map<string, 0 | 1 | 2>();
  /** set when read() returns INVALID_READ */
  issue: CellIssueParams = { problem: 'text', found: '' };

  constructor() {
    keepShape(this);
  }

  private formatKind(fmt: string): 0 | 1 | 2 {
    let k = this.formats.get(fmt);
    if (k === undefined) {
      k = isPercentFormat(fmt) ? 1 : isDateFormat(fmt) ? 2 : 0;
      this.formats.set(fmt, k);
    }
    return k;
  }

  /** EMPTY_READ, NUMBER_READ (value in out) or INVALID_READ (problem in this.issue) */
  read(v: RawValue, fmt: string | null, unit: string, out: NumberScratch): number {
    if (v === null || v === undefined) return EMPTY_READ;
    if (typeof v === 'number' && Number.isFinite(v)) {
      const kind = fmt ? this.formatKind(fmt) : 0;
      if (kind === 0) {
        out.value = v;
        out.cumulative = false;
        out.percent = false;
        out.unit = '';
        out.detail = '';
        return NUMBER_READ;
      }
    } else if (typeof v === 'string' && readNumberFast(v, unit, out)) {
      return NUMBER_READ;
    }
    let r: Slow | undefined;
    const key = typeof v === 'string' ? unit + '\u0000' + v : undefined;
    if (key !== undefined) r = this.slow.get(key);
    if (!r) {
      const p = numberCellSchema.safeParse({ value: v, format: fmt, unit });
      r = p.success ? { ok: true, value: p.data } : { ok: false, issue: cellIssue(p.error) };
      if (key !== undefined) {
        if (this.slow.size > MEMO_LIMIT) this.slow.clear();
        this.slow.set(key, r);
      }
    }
    if (!r.ok) {
      this.issue = r.issue;
      return INVALID_READ;
    }
    if (r.value.kind === 'empty') return EMPTY_READ;
    out.value = r.value.value;
    out.cumulative = r.value.cumulative;
    out.percent = r.value.percent;
    out.unit = r.value.unit;
    out.detail = r.value.detail;
    return NUMBER_READ;
  }
}
