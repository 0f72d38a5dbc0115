/**
 * Formulas that overwriting would break: the master cell of a shared formula that kept
 * cells still use, and part of an array formula or data table. Such a sheet is refused.
 */
import { parseRangeRef } from '../../../domain/base/address';
import { attr } from '../../xml/tags';
import { formulaTags } from './formulaTags';
import { PatchError } from '../patchError';
import type { OverwrittenFormula } from './sheetData';
import type { SheetText } from './sheetText';
import { xmlRefusal, type SheetEdits } from './sheetEdits';

/** Throws when an overwritten cell's formula is still needed. */
export function checkFormulas(text: SheetText, edits: SheetEdits, overwritten: OverwrittenFormula[]): void {
  const masters = overwritten.filter((f) => f.t === 'shared' && f.ref !== undefined && f.si !== undefined);
  if (!masters.length && !hasArrayFormulas(text)) return;
  const { sharedTotal, ranges } = formulasIn(text);
  checkSharedMasters(edits, masters, overwritten, sharedTotal);
  checkRanges(edits, ranges);
}

/** Whether <sheetData> holds an array formula or a data table: only sections whose bytes hold the word are decoded. */
function hasArrayFormulas(text: SheetText): boolean {
  for (const value of ['array', 'dataTable']) for (const section of text.sections(value)) if (hasTypeValue(section.text, value)) return true;
  return false;
}

/** Every <f> of the sheet: cells per shared formula (si), and the ranges of array formulas and data tables. */
function formulasIn(text: SheetText): { sharedTotal: Map<string, number>; ranges: { ref: string; t: string }[] } {
  const sharedTotal = new Map<string, number>();
  const ranges: { ref: string; t: string }[] = [];
  for (const section of text.sections(`<${text.prefix}f`)) {
    for (const { tag } of formulaTags(section.text, text.prefix)) {
      const t = attr(tag, 't');
      if (t === 'shared') {
        const si = attr(tag, 'si');
        if (si !== undefined) sharedTotal.set(si, (sharedTotal.get(si) ?? 0) + 1);
      } else if ((t === 'array' || t === 'dataTable') && attr(tag, 'ref')) ranges.push({ ref: attr(tag, 'ref')!, t });
    }
  }
  return { sharedTotal, ranges };
}

function checkSharedMasters(edits: SheetEdits, masters: OverwrittenFormula[], overwritten: OverwrittenFormula[], sharedTotal: Map<string, number>): void {
  const sharedOverwritten = new Map<string, number>();
  for (const f of overwritten) if (f.t === 'shared' && f.si !== undefined) sharedOverwritten.set(f.si, (sharedOverwritten.get(f.si) ?? 0) + 1);
  for (const m of masters) {
    const total = sharedTotal.get(m.si!) ?? 0;
    const gone = sharedOverwritten.get(m.si!) ?? 0;
    if (total > gone) throw new PatchError('formula', 'patch.formula.sharedMaster', { ref: m.ref!, count: total - gone }, { sheet: edits.sheet, cell: m.cell });
  }
}

/** An array formula or data table is overwritten whole or not at all. */
function checkRanges(edits: SheetEdits, ranges: { ref: string; t: string }[]): void {
  for (const r of ranges) {
    const rect = parseRangeRef(r.ref);
    if (!rect) continue;
    // the written rectangles are intersected, not the range walked (a ref can span a million rows)
    let hit = 0;
    for (const w of edits.rows.rects()) {
      const rows = Math.min(w.bottom, rect.bottom) - Math.max(w.top, rect.top) + 1;
      const cols = Math.min(w.right, rect.right) - Math.max(w.left, rect.left) + 1;
      if (rows > 0 && cols > 0) hit += rows * cols;
    }
    const size = (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
    if (hit > 0 && hit < size) throw xmlRefusal(edits, r.t === 'array' ? 'patch.formula.arrayPart' : 'patch.formula.dataTablePart', { ref: r.ref }, r.ref.split(':')[0]);
  }
}

/**
 * Whether a t="`value`" (or t='`value`') attribute lies in `xml`: one search for the value
 * through it, each hit checked for the quotes and t= around it.
 */
function hasTypeValue(xml: string, value: string): boolean {
  for (let i = xml.indexOf(value); i >= 0; i = xml.indexOf(value, i + 1)) {
    const q = xml[i - 1];
    if ((q === '"' || q === "'") && xml[i + value.length] === q && xml[i - 2] === '=' && xml[i - 3] === 't') return true;
  }
  return false;
}
