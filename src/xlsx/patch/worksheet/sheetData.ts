/**
 * <sheetData>, walked once, section by section (./sheetText): row start tags are found with
 * indexOf and copied as stretches; only planned rows are read cell by cell (from their end
 * back to the first written column), and missing planned rows are created in order. It is
 * written into the part's Pieces as it goes.
 */
import { cellAddress, columnLetters, parseCellRef } from '../../../domain/base/address';
import { endsTagName, onlySpace } from '../../xml/chars';
import { attr, findTag, rawAttr, rawAttrSpan, readStartTag, startTag, tagClose, type StartTag } from '../../xml/tags';
import type { CellWriter } from './cells';
import type { Pieces } from './pieces';
import type { SheetHead } from './sheetHead';
import { xmlRefusal, type CellWrite, type SheetEdits } from './sheetEdits';
import type { Section, SheetText } from './sheetText';
import { keepShape, letGo } from '../../../domain/base/keptShapes';

/** A formula found in a cell that is overwritten. */
export interface OverwrittenFormula {
  cell: string;
  /** t attribute: normal, shared, array, dataTable */
  t: string;
  si?: string;
  ref?: string;
}

export interface SheetDataResult {
  /** the frame is written up to here (the rest of <sheetData> is the caller's to copy) */
  copiedTo: number;
  overwritten: OverwrittenFormula[];
}

/** Writes <sheetData> into `out` from its start tag on; `prefixKept` refuses a row whose start tag binds our prefix to another namespace. */
export function patchSheetData(text: SheetText, edits: SheetEdits, head: SheetHead, cells: CellWriter, prefixKept: (tag: StartTag) => void, out: Pieces): SheetDataResult {
  const patcher = new SheetDataPatcher(text, edits, head, cells, prefixKept, out);
  const result = patcher.run();
  letGo(patcher); // it holds the sheet's text
  return result;
}

/**
 * A row's spans hint ("1:15", or several "lo:hi" pairs) grown to cover columns `lo` to `hi`
 * (1-based) as one "lo:hi"; null when it covers them already or is not a list of numbers.
 */
export function coveringSpans(spans: string, lo: number, hi: number): string | null {
  let min = lo;
  let max = hi;
  let any = false;
  for (const part of spans.split(/[\s:]+/)) {
    if (!part) continue;
    const n = Number(part);
    if (!Number.isFinite(n)) return null;
    any = true;
    if (n < min) min = n;
    if (n > max) max = n;
  }
  const next = `${min}:${max}`;
  return any && next !== spans ? next : null;
}

/** Planned rows in order (a cell written twice is refused). */
function plannedRows(edits: SheetEdits): readonly number[] {
  const twice = edits.rows.writtenTwice();
  if (twice) throw xmlRefusal(edits, 'patch.xml.writtenTwice', { cell: cellAddress(twice.row, twice.col) });
  return edits.rows.rows();
}

class SheetDataPatcher {
  /** the text being read: a section of the content (the frame before and after) */
  private xml = '';
  /** the section is copied up to here */
  private copied = 0;
  private readonly overwritten: OverwrittenFormula[] = [];
  private readonly p: string;
  private readonly rowClose: string;
  private readonly cellOpen: string;
  private readonly cellClose: string;
  private readonly planned: readonly number[];
  /** the next planned row to write */
  private k = 0;
  private prevRow = -1;
  private readonly baseOf = (col: number) => this.head.colStyle(col);

  constructor(
    private readonly text: SheetText,
    private readonly edits: SheetEdits,
    private readonly head: SheetHead,
    private readonly cells: CellWriter,
    private readonly prefixKept: (tag: StartTag) => void,
    private readonly chunks: Pieces,
  ) {
    keepShape(this);
    const p = (this.p = text.prefix);
    this.rowClose = `</${p}row>`;
    this.cellOpen = `<${p}c`;
    this.cellClose = `</${p}c>`;
    this.planned = plannedRows(edits);
  }

  run(): SheetDataResult {
    const { span, frame } = this.text;
    const out = this.chunks;
    if (span.tag.selfClosing) {
      if (!this.planned.length) return { copiedTo: span.tag.start, overwritten: this.overwritten };
      this.openForRows(this.planned);
      return { copiedTo: span.tag.end, overwritten: this.overwritten };
    }
    out.copy(span.tag.start, span.tag.end);
    for (const section of this.text.sections()) this.patchSection(section);
    out.read(frame, null);
    for (const r of this.planned.slice(this.k)) this.newRow(r);
    return { copiedTo: span.close, overwritten: this.overwritten };
  }

  /** The rows of one section (whole rows), copied as they are but for planned rows. */
  private patchSection(section: Section): void {
    const { planned, edits } = this;
    const xml = (this.xml = section.text);
    this.chunks.read(xml, section.ascii);
    this.copied = 0;
    let pos = 0;
    for (;;) {
      const lt = findTag(xml, this.p + 'row', pos);
      if (lt < 0) break;
      const gt = tagClose(xml, lt);
      if (gt < 0) throw xmlRefusal(edits, 'patch.xml.rowMalformed');
      const tagEnd = gt + 1;
      const selfClosing = xml.charCodeAt(gt - 1) === 47;
      const r = rawAttr(xml, lt, tagEnd, 'r');
      const row = r !== undefined ? Number(r) - 1 : this.prevRow + 1;
      if (!Number.isInteger(row) || row <= this.prevRow) throw xmlRefusal(edits, 'patch.xml.rowsOutOfOrder', { row: r ?? '?' });
      const rowEnd = selfClosing ? tagEnd : this.rowEnd(tagEnd, row);
      // planned rows missing before this one are created here
      while (this.k < planned.length && planned[this.k] < row) {
        this.chunks.copy(this.copied, lt);
        this.newRow(planned[this.k]);
        this.copied = lt;
        this.k++;
      }
      if (this.k < planned.length && planned[this.k] === row) {
        this.chunks.copy(this.copied, lt);
        this.patchRow(lt, tagEnd, selfClosing, rowEnd, row, edits.rows.get(row)!);
        this.copied = rowEnd;
        this.k++;
      }
      this.prevRow = row;
      pos = rowEnd;
    }
    this.chunks.copy(this.copied, xml.length);
  }

  private rowEnd(tagEnd: number, row: number): number {
    const e = this.xml.indexOf(this.rowClose, tagEnd);
    if (e < 0) throw xmlRefusal(this.edits, 'patch.xml.rowNotClosed', { row: row + 1 });
    return e + this.rowClose.length;
  }

  /** Planned rows into a self-closing <sheetData>, opened for them. */
  private openForRows(rows: readonly number[]): void {
    const { tag } = this.text.span;
    this.chunks.push(startTag(tag.name, tag.attrs, false));
    for (const r of rows) this.newRow(r);
    this.chunks.push(`</${tag.name}>`);
  }

  /** a planned row the sheet does not have, created with its cells */
  private newRow(row: number): void {
    this.cells.row(this.chunks, row, this.edits.rows.get(row)!, this.baseOf);
  }

  /** Appends the patched row to `chunks`. The row's start tag spans [lt, tagEnd). */
  private patchRow(lt: number, tagEnd: number, selfClosing: boolean, rowEnd: number, row: number, writes: readonly CellWrite[]): void {
    const xml = this.xml;
    if (xml.slice(lt, tagEnd).includes('xmlns')) this.prefixKept(readStartTag(xml, lt));
    const contentEnd = selfClosing ? tagEnd : rowEnd - this.rowClose.length;
    const cf = rawAttr(xml, lt, tagEnd, 'customFormat');
    const rs = rawAttr(xml, lt, tagEnd, 's');
    const rowBase = (cf === '1' || cf === 'true') && rs !== undefined ? Number(rs) : null;
    const base = (col: number) => rowBase ?? this.head.colStyle(col);
    const open = this.rowStartTag(lt, tagEnd, selfClosing, writes);
    if (open === null) this.chunks.copy(lt, tagEnd);
    else this.chunks.push(open);
    // Output columns are usually the last cells of the row: walk back over the cells right of
    // the first written column, so the cells before them are copied without being looked at.
    const from = this.suffixStart(tagEnd, contentEnd, writes[0].col);
    let last = tagEnd;
    let i = from.at;
    let prevCol = from.prevCol;
    let w = 0;
    let trailing = contentEnd;
    while (i < contentEnd) {
      const c = xml.indexOf('<', i);
      if (c < 0 || c >= contentEnd) break;
      if (!xml.startsWith(this.cellOpen, c) || !endsTagName(xml.charCodeAt(c + this.cellOpen.length))) {
        trailing = c; // <extLst> after the cells
        break;
      }
      const cell = this.readCell(c, contentEnd, row);
      const col = this.cellColumn(cell, row, prevCol);
      if (w < writes.length && writes[w].col < col) {
        this.chunks.copy(last, c);
        last = c;
        while (w < writes.length && writes[w].col < col) {
          this.cells.cell(this.chunks, writes[w], row, base(writes[w].col));
          w++;
        }
      }
      if (w < writes.length && writes[w].col === col) {
        if (!cell.selfClosing) this.noteFormula(cell, row, col);
        this.chunks.copy(last, c);
        this.cells.cell(this.chunks, writes[w], row, Number(rawAttr(xml, c, cell.tagEnd, 's') ?? 0));
        last = cell.end;
        w++;
      }
      prevCol = col;
      i = cell.end;
    }
    if (w < writes.length) {
      this.chunks.copy(last, trailing);
      last = trailing;
      for (; w < writes.length; w++) this.cells.cell(this.chunks, writes[w], row, base(writes[w].col));
    }
    this.chunks.copy(last, contentEnd);
    this.chunks.push(this.rowClose);
  }

  /** The row's start tag as written, opened when self-closing; only the spans hint changes (it must cover the new cells). Null: as it is. */
  private rowStartTag(lt: number, tagEnd: number, selfClosing: boolean, writes: readonly CellWrite[]): string | null {
    const xml = this.xml;
    const spans = rawAttrSpan(xml, lt, tagEnd, 'spans');
    const covered = spans && coveringSpans(spans.value, writes[0].col + 1, writes[writes.length - 1].col + 1);
    if (!selfClosing && !covered) return null;
    const close = selfClosing ? xml.lastIndexOf('/', tagEnd) : tagEnd - 1;
    if (!spans || !covered) return xml.slice(lt, close) + '>';
    return xml.slice(lt, spans.from) + covered + xml.slice(spans.to, close) + '>';
  }

  /** The cell whose start tag is at `c`: where its tag and the element end. */
  private readCell(c: number, contentEnd: number, row: number): { start: number; tagEnd: number; end: number; selfClosing: boolean } {
    const xml = this.xml;
    const gt = tagClose(xml, c);
    if (gt < 0 || gt >= contentEnd) throw xmlRefusal(this.edits, 'patch.xml.cellMalformed', { row: row + 1 });
    const selfClosing = xml.charCodeAt(gt - 1) === 47;
    const tagEnd = gt + 1;
    if (selfClosing) return { start: c, tagEnd, end: tagEnd, selfClosing };
    const e = xml.indexOf(this.cellClose, tagEnd);
    if (e < 0 || e >= contentEnd) throw xmlRefusal(this.edits, 'patch.xml.cellNotClosed', { row: row + 1 });
    return { start: c, tagEnd, end: e + this.cellClose.length, selfClosing };
  }

  /** A cell's column: from r, or the next column when r is absent (ECMA-376 18.3.1.4); cells must be in order. */
  private cellColumn(cell: { start: number; tagEnd: number }, row: number, prevCol: number): number {
    const r = rawAttr(this.xml, cell.start, cell.tagEnd, 'r');
    let col: number;
    if (r !== undefined) {
      const pos = parseCellRef(r);
      if (!pos || (pos.row >= 0 && pos.row !== row)) throw xmlRefusal(this.edits, 'patch.xml.cellOfOtherRow', { row: row + 1, ref: r });
      col = pos.col;
    } else col = prevCol + 1;
    if (col <= prevCol) throw xmlRefusal(this.edits, 'patch.xml.cellsOutOfOrder', { row: row + 1, column: columnLetters(col) });
    return col;
  }

  /** Records the formula of a cell about to be overwritten (calcChain, shared formulas). */
  private noteFormula(cell: { tagEnd: number; end: number }, row: number, col: number): void {
    const content = this.xml.slice(cell.tagEnd, cell.end);
    const f = findTag(content, this.p + 'f', 0);
    if (f < 0) return;
    const ft = readStartTag(content, f);
    this.overwritten.push({ cell: cellAddress(row, col), t: attr(ft, 't') ?? 'normal', si: attr(ft, 'si'), ref: attr(ft, 'ref') });
  }

  /**
   * Where the forward merge of a row may start: just after the last cell whose column is
   * before `firstCol`, found from the end of the row. Falls back to the row start (full
   * scan) when a cell lacks r, something other than cells or whitespace sits between them,
   * or anything looks unusual.
   */
  private suffixStart(contentStart: number, contentEnd: number, firstCol: number): { at: number; prevCol: number } {
    const { xml, cellOpen, cellClose } = this;
    const full = { at: contentStart, prevCol: -1 };
    let end = contentEnd;
    let rightCol = Infinity;
    for (;;) {
      const lt = xml.lastIndexOf(cellOpen, end - 1);
      if (lt < contentStart) return full; // every cell is at or right of firstCol
      if (!endsTagName(xml.charCodeAt(lt + cellOpen.length))) return full;
      const gt = tagClose(xml, lt);
      if (gt < 0 || gt >= end) return full;
      let cEnd = gt + 1;
      if (xml.charCodeAt(gt - 1) !== 47) {
        const e = xml.indexOf(cellClose, gt + 1);
        if (e < 0 || e + cellClose.length > end) return full;
        cEnd = e + cellClose.length;
      }
      if (!onlySpace(xml, cEnd, end)) return full;
      const r = rawAttr(xml, lt, gt + 1, 'r');
      const pos = r === undefined ? null : parseCellRef(r);
      if (!pos || pos.col >= rightCol) return full; // no r, or out of order: the full scan decides
      if (pos.col < firstCol) return { at: cEnd, prevCol: pos.col };
      rightCol = pos.col;
      end = lt;
    }
  }
}
