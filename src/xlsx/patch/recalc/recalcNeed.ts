/**
 * Does the reviewed copy need Excel to recalculate when it is opened? The copy keeps the
 * original's calcId, so Excel shows the cached results of formulas as they are. That is right
 * unless a formula reads a cell we wrote (a department's own `=AVERAGE(O4:O80)` over an output
 * column), or we overwrote a formula. Forcing a full calculation otherwise would change
 * volatile results (RAND, NOW, TODAY) in the department's own sheets for nothing, so we ask
 * for it only then. The scan is conservative (formulaRefs.ts): a formula whose references
 * cannot be placed counts as reading the written cells.
 */
import type { CellRect } from '../../../domain/base/raw';
import { parseRangeRef } from '../../../domain/base/address';
import { unescapeXml } from '../../xml/escape';
import { attr, childElements, findTag, prefixOf, readStartTag, rootElement } from '../../xml/tags';
import { formulaTags } from '../worksheet/formulaTags';
import type { SheetEdits } from '../worksheet/sheetEdits';
import type { SheetText } from '../worksheet/sheetText';
import { formulaReads, spreadOverShared, type FormulaReads, type FormulaRef } from './formulaRefs';
import { keepShape } from '../../../domain/base/keptShapes';

export type RecalcReason =
  /** an overwritten cell held a formula */
  | 'formulaOverwritten'
  /** a formula (or a defined name it uses) reads a written cell */
  | 'formulaReadsWritten';

export interface FormulaSheet {
  name: string;
  /** the worksheet part's XML, or an edited part's original as the patcher read it (read only when needed) */
  xml: () => string | SheetText;
}

/** The cells written, per sheet (upper-cased name): one rectangle per written column. */
export class WrittenCells {
  private readonly bySheet = new Map<string, CellRect[]>();

  constructor() {
    keepShape(this);
  }

  add(edits: SheetEdits): void {
    const span = new Map<number, { top: number; bottom: number }>();
    for (const w of edits.rows.rects()) {
      for (let col = w.left; col <= w.right; col++) {
        const s = span.get(col);
        if (!s) span.set(col, { top: w.top, bottom: w.bottom });
        else {
          s.top = Math.min(s.top, w.top);
          s.bottom = Math.max(s.bottom, w.bottom);
        }
      }
    }
    const key = edits.sheet.toUpperCase();
    const rects = this.bySheet.get(key) ?? [];
    for (const [col, s] of span) rects.push({ top: s.top, bottom: s.bottom, left: col, right: col });
    this.bySheet.set(key, rects);
  }

  /** Does `ref` (on `ownSheet` when it names none; any sheet when that is null too) cover a written cell? */
  hit(ref: FormulaRef, ownSheet: string | null): boolean {
    const sheet = ref.sheet ?? ownSheet;
    const lists = sheet === null ? [...this.bySheet.values()] : [this.bySheet.get(sheet.toUpperCase()) ?? []];
    for (const rects of lists) for (const r of rects) if (intersects(r, ref.rect)) return true;
    return false;
  }
}

function intersects(a: CellRect, b: CellRect): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/**
 * True when a formula of the workbook may read a written cell: directly, through a defined
 * name (names defined by other names included), or by a reference computed at run time.
 */
export function formulasReadWritten(workbookXml: string, sheets: readonly FormulaSheet[], written: WrittenCells): boolean {
  const hot = hotNames(workbookXml, written);
  const reads = (r: FormulaReads, own: string | null) => r.dynamic || r.refs.some((ref) => written.hit(ref, own)) || r.names.some((n) => hot.has(n));
  for (const s of sheets) {
    for (const f of cellFormulas(s.xml())) {
      const r = formulaReads(f.text);
      if (f.shared) r.refs = r.refs.map((ref) => spreadOverShared(ref, f.shared!.bottom - f.shared!.top + 1, f.shared!.right - f.shared!.left + 1));
      if (reads(r, s.name)) return true;
    }
  }
  return false;
}

/** Defined names whose value may involve a written cell (upper-cased). */
function hotNames(workbookXml: string, written: WrittenCells): Set<string> {
  const names = definedNames(workbookXml).map((d) => ({ name: d.name.toUpperCase(), reads: formulaReads(d.formula) }));
  const hot = new Set<string>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const d of names) {
      if (hot.has(d.name)) continue;
      // a name's unqualified reference is relative to the sheet using it: any sheet
      if (d.reads.dynamic || d.reads.refs.some((ref) => written.hit(ref, null)) || d.reads.names.some((n) => hot.has(n))) {
        hot.add(d.name);
        changed = true;
      }
    }
  }
  return hot;
}

/** `<definedName name="…">formula</definedName>` of the workbook part. */
function definedNames(xml: string): { name: string; formula: string }[] {
  const root = rootElement(xml);
  const p = prefixOf(root.name);
  const at = findTag(xml, p + 'definedNames', root.end);
  if (at < 0) return [];
  const out: { name: string; formula: string }[] = [];
  for (const e of childElements(xml, readStartTag(xml, at))) {
    if (e.tag.selfClosing) continue;
    const close = xml.lastIndexOf('</', e.end - 1);
    out.push({ name: attr(e.tag, 'name') ?? '', formula: unescapeXml(xml.slice(e.tag.end, close)) });
  }
  return out;
}

/** The formula texts of a worksheet's cells; a shared formula's master carries its range. */
function* cellFormulas(source: string | SheetText): Generator<{ text: string; shared: CellRect | null }> {
  if (typeof source === 'string') {
    const root = rootElement(source);
    yield* formulaTexts(source, prefixOf(root.name), root.end);
    return;
  }
  yield* formulaTexts(source.frame, source.prefix, source.root.end);
  for (const section of source.sections(`<${source.prefix}f`)) yield* formulaTexts(section.text, source.prefix, 0);
}

function* formulaTexts(xml: string, p: string, from: number): Generator<{ text: string; shared: CellRect | null }> {
  for (const { tag, body } of formulaTags(xml, p, from)) {
    if (body === null) return; // never closed: nothing after it can be read
    if (tag.selfClosing) continue; // a shared formula's other cells: their master is scanned
    const ref = attr(tag, 'ref');
    yield { text: unescapeXml(body), shared: attr(tag, 't') === 'shared' && ref ? parseRangeRef(ref) : null };
  }
}
