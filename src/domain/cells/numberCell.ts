/**
 * Numeric cells as departments type or paste them: 1,627 · １６２７ · 累計45人 · 93.9% ·
 * 17,550 千t · 199.5万人 · △12 · 0人 · 100%（6隊） (the bracketed detail is kept apart, and the
 * reader says so) · 4.5‰ in a per-mille row. Blank and the dashes — － - ― mean "no value".
 * Unit suffixes are read, never multiplied: 17,550 千t is 17550 (in 千t), like the
 * table it came from, so every cell of a row must use the same unit.
 */
import { isRawError, type RawValue } from '../base/raw';
import { acceptedUnit } from './unitWords';

export type NumberProblem =
  | 'text' // not a number: 約50, 未集計
  | 'excelError' // #DIV/0!
  | 'boolean'
  | 'date'
  | 'unit' // a number followed by something that is not a unit: 50人程度
  | 'notFinite';

export interface ParsedNumber {
  kind: 'number';
  value: number;
  /** written with 累計 */
  cumulative: boolean;
  /** written with % or formatted as a percentage */
  percent: boolean;
  /** unit suffix as written (人, 千t), '' if none; ‰ in a per-mille row is recorded as the row's unit */
  unit: string;
  /** the bracketed detail after the number as written (`6隊` of `100%（6隊）`), '' if none */
  detail: string;
}

export interface EmptyNumber {
  kind: 'empty';
}

export interface InvalidNumber {
  kind: 'invalid';
  problem: NumberProblem;
  found: string;
}

export type NumberCell = ParsedNumber | EmptyNumber | InvalidNumber;

export const EMPTY: EmptyNumber = Object.freeze({ kind: 'empty' }) as EmptyNumber;

const NO_VALUE = new Set(['-', '—', '－', '―', '‐', '–', '−', 'ー', '―', '─', '━', '…', '...', 'n/a', 'na', '該当なし']);

/** Number formats: a % outside quotes marks a percentage; d/m/y outside quotes a date. */
export function isPercentFormat(fmt: string | null | undefined): boolean {
  if (!fmt) return false;
  return stripQuoted(fmt).includes('%');
}

export function isDateFormat(fmt: string | null | undefined): boolean {
  if (!fmt) return false;
  const f = stripQuoted(fmt).toLowerCase().replace(/\[[^\]]*\]/g, '');
  if (f === 'general' || f === '' || f.includes('@')) return false;
  // date/time tokens (y m d h s, era g e) and no digit placeholders
  return /[ymdhsge]/.test(f) && !/[0#?]/.test(f);
}

function stripQuoted(fmt: string): string {
  return fmt.replace(/"[^"]*"/g, '').replace(/\\./g, '');
}

export function displayText(v: RawValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString().slice(0, 10);
  if (isRawError(v)) return v.error;
  return String(v);
}

const EXCEL_ERRORS = /^#(DIV\/0!|N\/A|NAME\?|NULL!|NUM!|REF!|VALUE!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/i;

function invalid(problem: NumberProblem, found: string): InvalidNumber {
  return { kind: 'invalid', problem, found };
}

function ok(value: number, cumulative: boolean, percent: boolean, unit: string, detail = ''): ParsedNumber {
  return { kind: 'number', value, cumulative, percent, unit, detail };
}

/** `100%（6隊）` → `6隊`: the last bracketed text of the cell as written */
function writtenDetail(text: string): string {
  const m = /[（(]([^（）()]*)[）)]\s*$/u.exec(text);
  return m ? m[1].trim() : '';
}

/**
 * Parses one numeric cell. `numberFormat` lets a percentage-formatted 0.939 read as 93.9.
 */
export function parseNumberCell(v: RawValue, numberFormat?: string | null, rowUnit?: string): NumberCell {
  if (v === null || v === undefined) return EMPTY;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return invalid('notFinite', String(v));
    if (numberFormat) {
      if (isPercentFormat(numberFormat)) {
        const pct = v * 100;
        return Number.isFinite(pct) ? ok(pct, false, true, '%') : invalid('notFinite', String(v));
      }
      if (isDateFormat(numberFormat)) return invalid('date', String(v));
    }
    return ok(v, false, false, '');
  }
  if (typeof v === 'string') return parseNumberText(v, rowUnit);
  if (typeof v === 'boolean') return invalid('boolean', v ? 'TRUE' : 'FALSE');
  if (v instanceof Date) return invalid('date', displayText(v));
  if (isRawError(v)) return invalid('excelError', v.error);
  return invalid('text', String(v));
}

/** The full grammar, for any text; numberFast.ts reads the common forms without it. */
/**
 * NFKC per character, remembering which digits came from characters that are not digits
 * themselves (²  ① ⑴): those may follow a unit (m²) but never be part of the number.
 */
function normalizeNumberText(text: string): { s: string; compatDigit: boolean[] } {
  let s = '';
  const compatDigit: boolean[] = [];
  for (const ch of text) {
    const n = ch.normalize('NFKC');
    const code = ch.codePointAt(0)!;
    const isDigit = (code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19);
    for (const c of n) {
      if (/\s/u.test(c) || c === '\u200b' || c === '\ufeff') continue;
      s += c;
      compatDigit.push(!isDigit && c >= '0' && c <= '9');
    }
  }
  return { s, compatDigit };
}

export function parseNumberText(text: string, rowUnit?: string): NumberCell {
  const normalized = normalizeNumberText(text);
  const s = normalized.s;
  if (s === '') return EMPTY;
  if (NO_VALUE.has(s.toLowerCase())) return EMPTY;
  if (s.charCodeAt(0) === 35 /* # */ && EXCEL_ERRORS.test(s)) return invalid('excelError', text.trim());
  let rest = s;
  let cumulative = false;
  if (rest.startsWith('累計')) {
    cumulative = true;
    rest = rest.slice(2).replace(/^[:：]/u, '');
  }
  let negative = false;
  const sign = rest[0];
  if (sign === '△' || sign === '▲' || sign === '-' || sign === '−' || sign === '‐' || sign === '–' || sign === 'ー' || sign === '－') {
    negative = true;
    rest = rest.slice(1);
  } else if (sign === '+') {
    rest = rest.slice(1);
  }
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?/.exec(rest);
  if (!m) return invalid('text', text.trim());
  const numberStart = s.length - rest.length;
  for (let i = numberStart; i < numberStart + m[0].length; i++) if (normalized.compatDigit[i]) return invalid('text', text.trim());
  // a digit right after the number that came from ² or ① would also glue onto it
  if (normalized.compatDigit[numberStart + m[0].length]) return invalid('text', text.trim());
  const digits = m[1].replace(/,/g, '');
  if (digits.length > 15) return invalid('text', text.trim());
  let value = Number(digits + (m[2] ?? ''));
  if (negative) value = -value;
  let suffix = rest.slice(m[0].length);
  // a detail in brackets after the number and its unit: 100%（6隊）
  let detail = '';
  const bracket = /^([^()]*)\(([^()]+)\)$/u.exec(suffix);
  if (bracket) {
    detail = writtenDetail(text) || bracket[2];
    suffix = bracket[1];
  }
  let percent = false;
  if (suffix === '%') {
    percent = true;
  } else if (suffix !== '') {
    const unit = acceptedUnit(suffix, rowUnit ?? '');
    if (unit === '') return invalid(/^[\d.,]/.test(suffix) ? 'text' : 'unit', text.trim());
    suffix = unit;
  }
  return ok(value, cumulative, percent, suffix, detail);
}
