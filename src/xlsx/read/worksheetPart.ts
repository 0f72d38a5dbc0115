/**
 * One worksheet part → RawSheet, streamed: cells are turned into plain values as their end
 * tags arrive (shared and inline strings, numbers, booleans, errors, t="d" dates, cached
 * results of formulas; numbers in a date format become Dates, 1900 or 1904 system), number
 * formats kept where they mark a percentage or a date, merged areas read as blank but for
 * their top-left cell.
 *
 * Cost follows the cells present: declared ranges (dimension, selections, validations,
 * conditional formats) are never expanded, and parsing stops after <mergeCells>. With
 * `keepReading`, the first HEAD_ROWS rows are offered to it and, when it declines, the rest
 * of the cells are stepped over without being parsed (only merged areas are still read).
 */
import { HEADER_SCAN_ROWS } from '../../domain/sheets/headers';
import type { CellRect, RawSheet, RawValue } from '../../domain/base/raw';
import { parseRangeRef } from '../../domain/base/address';
import { WORKSHEET_ORDER } from '../ooxml/schemaOrder';
import type { CellFormats } from './stylesPart';
import type { PartSink } from './partStream';
import { decodeXstring } from '../xml/escape';
import { NS_SHEET, type TagAttributes, type XmlStream } from './xmlStream';
import { cellColumn, styleIndex } from './cellAttrs';
import { SheetDataScanner, type CellTarget } from './sheetDataScanner';
import { listOf } from '../../domain/base/lists';
import { keepShape } from '../../domain/base/keptShapes';

/** The header rows the review looks at, and the row under the last (a two-row header's years). */
export const HEAD_ROWS = HEADER_SCAN_ROWS + 1;

/** Excel's last row (zero-based); rows past it are not part of a sheet. */
const MAX_ROW = 1_048_575;

const EMPTY_ROW: readonly RawValue[] = Object.freeze([]) as readonly RawValue[];
const EMPTY_FORMATS: readonly (string | null)[] = Object.freeze([]) as readonly (string | null)[];

/** Elements of a worksheet that come after <mergeCells>: nothing the reader needs is there. */
const AFTER_MERGES = new Set(WORKSHEET_ORDER.slice(WORKSHEET_ORDER.indexOf('mergeCells') + 1));

export interface SheetContext {
  name: string;
  hidden: boolean;
  strings: readonly string[];
  formats: CellFormats;
  date1904: boolean;
  /** offered the first HEAD_ROWS rows; false: the rest of the cells is not parsed */
  keepReading?: (head: RawSheet) => boolean;
}

/** Excel serial → Date, as exceljs and Excel count (1900 system with its leap-year day, or 1904). */
export function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

/** A t="d" cell: ISO 8601 without a zone is the workbook's wall-clock time, read as UTC like serials. */
export function isoDate(text: string): Date {
  const s = text.trim();
  if (/^\d{4}-\d{2}-\d{2}T[\d:.]+$/.test(s)) return new Date(s + 'Z');
  if (/^T?\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(s)) return new Date('1899-12-30T' + s.replace(/^T/, '') + 'Z');
  return new Date(s);
}

export class WorksheetSink implements PartSink, CellTarget {
  wantText = false;
  done = false;
  /** keepReading declined: only the head rows were kept */
  headOnly = false;

  private stream: XmlStream | null = null;
  private depth = 0;
  private inData = false;
  private decided: boolean;
  private prefix = '';

  private readonly rowNums: number[] = [];
  private readonly rowLines: (RawValue[] | null)[] = listOf();
  private readonly rowFmts: ((string | null)[] | null)[] = listOf();
  private readonly merges: CellRect[] = [];

  private row = -1;
  private line: RawValue[] | null = null;
  private fmts: (string | null)[] | null = null;
  private rowOpen = false;

  private col = -1;
  private type: string | undefined;
  private style = 0;
  private inCell = false;
  private inInline = false;
  private phonetic = 0;
  private collecting: 'v' | 'is' | null = null;
  /** the text of <v>, or the whole number it holds (read in place by the scanner) */
  private vText: string | number = '';
  private isText = '';
  private hasInline = false;

  constructor(private readonly ctx: SheetContext) {
    keepShape(this);
    this.decided = !ctx.keepReading;
  }

  attach(stream: XmlStream): void {
    this.stream = stream;
  }

  start(local: string, ns: number, tag: TagAttributes, selfClosing: boolean): void {
    const depth = this.depth;
    if (!selfClosing) this.depth = depth + 1;
    if (ns !== NS_SHEET) return;
    if (this.inData) {
      this.startInData(local, tag, selfClosing);
      return;
    }
    if (local === 'mergeCell') {
      const ref = tag.get('ref');
      const rect = ref ? parseRangeRef(ref) : null;
      if (rect) this.merges.push(rect);
      return;
    }
    if (depth !== 1) return;
    if (local === 'sheetData') {
      this.inData = !selfClosing;
      const q = this.stream?.lastQName ?? '';
      this.prefix = q.slice(0, q.indexOf(':') + 1);
      if (this.inData && this.stream) this.stream.handOver(new SheetDataScanner(this.stream, this, this.prefix, this.depth));
    } else if (AFTER_MERGES.has(local)) this.done = true;
  }

  private startInData(local: string, tag: TagAttributes, selfClosing: boolean): void {
    switch (local) {
      case 'c':
        this.beginCell(cellColumn(tag.get('r')), tag.get('t'), styleIndex(tag.get('s')));
        if (selfClosing) this.endCell();
        return;
      case 'v':
        if (this.inCell && !selfClosing) {
          this.collecting = 'v';
          this.wantText = true;
        }
        return;
      case 'is':
        if (this.inCell) {
          this.inInline = !selfClosing;
          this.hasInline = true;
        }
        return;
      case 'rPh':
        if (this.inInline && !selfClosing) this.phonetic++;
        return;
      case 't':
        if (this.inInline && this.phonetic === 0 && !selfClosing) {
          this.collecting = 'is';
          this.wantText = true;
        }
        return;
      case 'row':
        if (this.beginRow(tag.get('r')) && selfClosing) this.endRow();
        return;
    }
  }

  end(local: string, ns: number): void {
    this.depth--;
    if (ns !== NS_SHEET) return;
    if (this.inData) {
      switch (local) {
        case 'v':
          this.collecting = null;
          this.wantText = false;
          return;
        case 't':
          if (this.collecting === 'is') {
            this.collecting = null;
            this.wantText = false;
          }
          return;
        case 'rPh':
          if (this.phonetic > 0) this.phonetic--;
          return;
        case 'is':
          this.inInline = false;
          return;
        case 'c':
          if (this.inCell) this.endCell();
          return;
        case 'row':
          this.endRow();
          return;
        case 'sheetData':
          this.inData = false;
          return;
      }
      return;
    }
    if (local === 'mergeCells') this.done = true;
  }

  text(s: string): void {
    if (this.collecting === 'v') this.vText += s;
    else if (this.collecting === 'is') this.isText += s;
  }

  beginRow(r: string | undefined): boolean {
    const n = r ? parseInt(r, 10) - 1 : this.row + 1;
    this.row = Number.isInteger(n) && n >= 0 ? n : this.row + 1;
    this.col = -1;
    this.line = null;
    this.fmts = null;
    this.rowOpen = true;
    if (!this.decided && this.row >= HEAD_ROWS) this.decide();
    return !this.headOnly;
  }

  /** `col`: -1 for the next column */
  private beginCell(col: number, t: string | undefined, style: number): void {
    this.col = col >= 0 ? col : this.col + 1;
    this.type = t;
    this.style = style;
    this.vText = '';
    this.isText = '';
    this.hasInline = false;
    this.inCell = true;
  }

  cell(col: number, t: string | undefined, style: number, v: string | number, inline: string | null): void {
    this.beginCell(col, t, style);
    this.vText = v;
    if (inline !== null) {
      this.hasInline = true;
      this.isText = inline;
    }
    this.endCell();
  }

  endData(): void {
    this.inData = false;
    this.depth = 1;
  }

  handBack(depth: number): void {
    this.depth = depth;
  }

  private endCell(): void {
    this.inCell = false;
    this.inInline = false;
    this.phonetic = 0;
    this.collecting = null;
    this.wantText = false;
    const col = this.col;
    if (col < 0 || col > 16383 || this.row > MAX_ROW || !this.rowOpen) return;
    const v = this.value();
    if (v !== null) {
      const line = (this.line ??= []);
      while (line.length < col) line.push(null);
      line[col] = v;
    }
    const kept = this.ctx.formats.kept[this.style];
    if (kept) {
      const fmts = (this.fmts ??= []);
      while (fmts.length < col) fmts.push(null);
      fmts[col] = kept;
    }
  }

  private value(): RawValue {
    const t = this.type;
    if (t === 'inlineStr' && this.hasInline) return this.isText === '' ? null : decodeXstring(this.isText);
    const v = this.vText;
    if (v === '') return null;
    if (typeof v === 'number') return this.numberValue(t, v);
    switch (t) {
      case 's': {
        const s = this.ctx.strings[parseInt(v, 10)];
        return s === undefined ? null : s;
      }
      case 'str':
      case 'inlineStr':
        return decodeXstring(v);
      case 'b':
        return parseInt(v, 10) !== 0;
      case 'e':
        return { error: v };
      case 'd':
        return isoDate(v);
      default: {
        const x = parseFloat(v);
        return this.ctx.formats.date[this.style] ? excelDate(x, this.ctx.date1904) : x;
      }
    }
  }

  /** value() of a <v> that held a whole number (t absent, n, s or b): as its text would read */
  private numberValue(t: string | undefined, v: number): RawValue {
    if (t === 's') return this.ctx.strings[v] ?? null;
    if (t === 'b') return v !== 0;
    return this.ctx.formats.date[this.style] ? excelDate(v, this.ctx.date1904) : v;
  }

  endRow(): void {
    if (!this.rowOpen) return;
    this.rowOpen = false;
    if (this.row > MAX_ROW || (!this.line && !this.fmts)) return;
    this.rowNums.push(this.row);
    this.rowLines.push(this.line);
    this.rowFmts.push(this.fmts);
    this.line = null;
    this.fmts = null;
  }

  /** The head is complete: offer it, and step over the remaining cells if it is declined. */
  private decide(): void {
    this.decided = true;
    if (this.ctx.keepReading!(this.sheet())) return;
    this.headOnly = true;
    this.inData = false;
    this.rowOpen = false;
    this.depth = 1;
    this.stream?.resume(1);
    this.stream?.skipTo('<' + this.prefix + 'mergeCells');
  }

  /** Merged areas that reach into the head rows (they can change what the head shows). */
  mergesInHead(): boolean {
    return this.merges.some((m) => m.top < HEAD_ROWS && (m.bottom > m.top || m.right > m.left));
  }

  /** The sheet as read so far. */
  sheet(): RawSheet {
    let last = -1;
    let lastFormat = -1;
    for (let k = 0; k < this.rowNums.length; k++) {
      const r = this.rowNums[k];
      if (this.rowLines[k] && r > last) last = r;
      if (this.rowFmts[k] && r > lastFormat) lastFormat = r;
    }
    const values: RawValue[][] = new Array(last + 1);
    const formats: (string | null)[][] = new Array(lastFormat + 1);
    values.fill(EMPTY_ROW as RawValue[]);
    formats.fill(EMPTY_FORMATS as (string | null)[]);
    for (let k = 0; k < this.rowNums.length; k++) {
      const r = this.rowNums[k];
      const line = this.rowLines[k];
      if (line) values[r] = values[r] === EMPTY_ROW ? line : overlay(values[r], line);
      const fmts = this.rowFmts[k];
      if (fmts) formats[r] = formats[r] === EMPTY_FORMATS ? fmts : overlay(formats[r], fmts);
    }
    const anyFormat = lastFormat >= 0;
    const merges = this.merges.slice();
    clearCovered(values, merges);
    const sheet: RawSheet = { name: this.ctx.name, top: 0, left: 0, values, merges, hidden: this.ctx.hidden };
    if (anyFormat) sheet.numberFormats = formats;
    return sheet;
  }
}

/** A row written twice: the later cells win. */
function overlay<T>(base: T[], top: T[]): T[] {
  const out = base.slice();
  for (let c = 0; c < top.length; c++) {
    if (top[c] === null || top[c] === undefined) continue;
    while (out.length < c) out.push(null as T);
    out[c] = top[c];
  }
  return out;
}

/**
 * Cells covered by a merged area read as blank, as in Excel (the top-left cell keeps the
 * value). One sweep down the rows with the areas that span each: the work follows the cells
 * present, not the areas' declared size.
 */
export function clearCovered(values: RawValue[][], merges: readonly CellRect[]): void {
  const areas = merges.filter((m) => m.bottom > m.top || m.right > m.left).sort((a, b) => a.top - b.top);
  if (!areas.length) return;
  let next = 0;
  let active: CellRect[] = [];
  for (let r = areas[0].top; r < values.length; r++) {
    let added = false;
    while (next < areas.length && areas[next].top <= r) {
      active.push(areas[next++]);
      added = true;
    }
    if (active.length && active.some((m) => m.bottom < r)) active = active.filter((m) => m.bottom >= r);
    if (added) active.sort((a, b) => a.left - b.left);
    if (!active.length) {
      if (next >= areas.length) return;
      r = areas[next].top - 1;
      continue;
    }
    const line = values[r];
    if (line.length === 0) continue;
    for (const m of active) {
      if (m.left >= line.length) break;
      const right = Math.min(m.right, line.length - 1);
      for (let c = Math.max(0, m.left); c <= right; c++) if (r !== m.top || c !== m.left) line[c] = null;
    }
  }
}
