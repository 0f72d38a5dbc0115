/**
 * Compares what exceljs read (the oracle) with what src/xlsx/read read, sheet by sheet, and
 * lists every difference that is not one of the known, explained ones:
 *
 * - date judgement: a number on one side and a Date on the other that is the same instant
 *   (1900 or 1904 system). The readers decide differently which number formats are dates:
 *   exceljs tests the whole code for any of y m d h s b and ignores a style whose format id
 *   is 0 and the East Asian built-in ids 27–36 and 50–58; ours follows Excel (the first
 *   section, elapsed time, fractions of seconds, Japanese era codes) and knows those ids.
 * - text results of formulas under a date format: exceljs converts the text as if it were a
 *   serial number (Invalid Date); ours keeps the text.
 * - `_xHHHH_` escapes: exceljs decodes them in shared strings only; Excel (and ours) decodes
 *   them in inline strings and formula text results too.
 * - number formats are compared by what the review reads from them (percent or date): the
 *   codes of built-in ids are locale-dependent and exceljs leaves some unnamed; and only where
 *   a cell has a value or exceljs saw a format (it does not visit styled blank cells).
 * - an empty shared string (<si/>): exceljs makes it an object ("[object Object]" once
 *   printed), ours an empty string, which reads as blank.
 */
import { decodeXstring } from '../../../src/xlsx/xml/escape';
import { excelDate } from '../../../src/xlsx/read/worksheetPart';
import type { NormalSheet, NormalValue } from './normalise';

function isDate(v: NormalValue | undefined): v is { date: string } {
  return typeof v === 'object' && v !== null && 'date' in v;
}

function sameInstant(n: number, d: string): boolean {
  return excelDate(n, false).toISOString() === d || excelDate(n, true).toISOString() === d;
}

export function sameValue(theirs: NormalValue | undefined, ours: NormalValue | undefined): boolean {
  if (JSON.stringify(theirs) === JSON.stringify(ours)) return true;
  if (typeof theirs === 'number' && isDate(ours)) return sameInstant(theirs, ours.date);
  if (typeof ours === 'number' && isDate(theirs)) return sameInstant(ours, theirs.date);
  if (typeof theirs === 'string' && typeof ours === 'string') return decodeXstring(theirs) === ours;
  if (theirs === '[object Object]' && ours === undefined) return true;
  if (isDate(theirs) && theirs.date === 'invalid' && typeof ours === 'string') return true;
  return false;
}

/** Differences, as readable lines; empty when the readers agree. */
export function compareBooks(theirs: readonly NormalSheet[], ours: readonly NormalSheet[], limit = 20): string[] {
  const out: string[] = [];
  const names = (s: readonly NormalSheet[]) => s.map((x) => x.name).join(' | ');
  if (names(theirs) !== names(ours)) return [`sheets: exceljs [${names(theirs)}], ours [${names(ours)}]`];
  for (let i = 0; i < theirs.length && out.length < limit; i++) {
    const a = theirs[i];
    const b = ours[i];
    if (a.hidden !== b.hidden) out.push(`${a.name}: hidden ${a.hidden} / ${b.hidden}`);
    for (const k of new Set([...Object.keys(a.cells), ...Object.keys(b.cells)])) {
      if (!sameValue(a.cells[k], b.cells[k])) out.push(`${a.name}!${k}: exceljs ${JSON.stringify(a.cells[k])}, ours ${JSON.stringify(b.cells[k])}`);
    }
    for (const k of new Set([...Object.keys(a.formats), ...Object.keys(b.formats)])) {
      // exceljs visits no cell that has a style but no value
      if (a.formats[k] === undefined && a.cells[k] === undefined && b.cells[k] === undefined) continue;
      // the date judgement again: ours names a date format where exceljs saw none (format id 0 redefined …)
      if (a.formats[k] === undefined && b.formats[k] === 'date' && typeof a.cells[k] === 'number' && isDate(b.cells[k])) continue;
      if (a.formats[k] !== b.formats[k]) out.push(`${a.name}!${k}: format exceljs ${a.formats[k]}, ours ${b.formats[k]}`);
    }
    if (a.merges.join(' ') !== b.merges.join(' ')) out.push(`${a.name}: merges exceljs [${a.merges.slice(0, 5).join(' ')}…], ours [${b.merges.slice(0, 5).join(' ')}…]`);
  }
  return out.slice(0, limit);
}
