/**
 * The common numeric cell forms read without normalisation or allocation: 1627, 1,627,
 * -12.5, 93.9%, 累計45人, △12, 17,550 千t. Anything else (full-width digits, dashes,
 * bracketed details, errors, bad text) falls back to the full grammar in numberCell.ts, which names the
 * problem. Results go into a reusable scratch object.
 */
import { acceptedUnit } from './unitWords';

export interface NumberScratch {
  value: number;
  cumulative: boolean;
  percent: boolean;
  unit: string;
  /** a bracketed detail after the number, as written (only the full grammar reads one) */
  detail: string;
}

export function newScratch(): NumberScratch {
  return { value: 0, cumulative: false, percent: false, unit: '', detail: '' };
}

const unitMemo = new Map<string, string>();

/** the unit recorded for `suffix` in a row of `rowUnit`; '' when it is not a unit */
function unitOf(suffix: string, rowUnit: string): string {
  if (suffix === rowUnit) return suffix;
  const key = rowUnit + '\u0000' + suffix;
  let unit = unitMemo.get(key);
  if (unit === undefined) {
    unit = acceptedUnit(suffix, rowUnit);
    if (unitMemo.size > 10_000) unitMemo.clear();
    unitMemo.set(key, unit);
  }
  return unit;
}

const CH_0 = 48;
const CH_9 = 57;
const CH_COMMA = 44;
const CH_DOT = 46;
const CH_SPACE = 32;

/** the whitespace removeSpaces() drops: \s in JavaScript, zero-width space and BOM */
function isSpace(c: number): boolean {
  if (c === CH_SPACE || (c >= 9 && c <= 13)) return true;
  if (c < 0x85) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}
const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/** true when `s` was read into `out`; false when the full grammar must look at it */
export function readNumberFast(s: string, rowUnit: string, out: NumberScratch): boolean {
  const n = s.length;
  let i = 0;
  while (i < n && isSpace(s.charCodeAt(i))) i++;
  let cumulative = false;
  if (s.charCodeAt(i) === 0x7d2f /* 累 */ && s.charCodeAt(i + 1) === 0x8a08 /* 計 */) {
    cumulative = true;
    i += 2;
    while (i < n && isSpace(s.charCodeAt(i))) i++;
  }
  let negative = false;
  const c0 = s.charCodeAt(i);
  if (c0 === 45 /* - */ || c0 === 0x25b3 /* △ */ || c0 === 0x25b2 /* ▲ */) {
    negative = true;
    i++;
  } else if (c0 === 43 /* + */) i++;
  let digits = 0;
  let group = -1;
  let int = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= CH_0 && c <= CH_9) {
      int = int * 10 + (c - CH_0);
      digits++;
      if (group >= 0) group++;
    } else if (c === CH_COMMA) {
      if (digits === 0 || (group >= 0 ? group !== 3 : digits > 3)) return false;
      group = 0;
    } else break;
  }
  if (digits === 0 || (group >= 0 && group !== 3) || digits > 15) return false;
  let value = int;
  if (i < n && s.charCodeAt(i) === CH_DOT) {
    i++;
    let frac = 0;
    let places = 0;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (c < CH_0 || c > CH_9) break;
      frac = frac * 10 + (c - CH_0);
      places++;
      i++;
    }
    if (places === 0 || digits + places > 15) return false;
    // an exact integer divided by an exact power of ten rounds like Number("93.9") does
    value = (int * POW10[places] + frac) / POW10[places];
  }
  while (i < n && isSpace(s.charCodeAt(i))) i++;
  let suffixEnd = n;
  while (suffixEnd > i && isSpace(s.charCodeAt(suffixEnd - 1))) suffixEnd--;
  let percent = false;
  let unit = '';
  const len = suffixEnd - i;
  if (len > 0) {
    if (len === 1 && s.charCodeAt(i) === 37 /* % */) {
      percent = true;
      unit = '%';
    } else if (len === rowUnit.length && s.startsWith(rowUnit, i)) {
      unit = rowUnit;
    } else {
      for (let k = i; k < suffixEnd; k++) {
        const c = s.charCodeAt(k);
        if ((c >= CH_0 && c <= CH_9) || c >= 0xff00) return false; // digits or full-width: full grammar
      }
      unit = unitOf(s.slice(i, suffixEnd), rowUnit);
      if (unit === '') return false;
    }
  }
  out.value = negative ? -value : value;
  out.cumulative = cumulative;
  out.percent = percent;
  out.unit = unit;
  out.detail = '';
  return true;
}
