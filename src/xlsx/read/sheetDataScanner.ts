/**
 * The cells of a worksheet (<sheetData>) read straight from the text: a sheet is mostly
 * `<row r="…"><c r="…" s="…" t="…"><f>…</f><v>…</v></c>…</row>`, millions of times, and this
 * scanner jumps from tag to tag with indexOf instead of reporting every element. Anything it
 * is not sure of — another prefix, a namespace declaration, an element that is neither a row
 * nor a cell — hands the rest of <sheetData> back to the general tokenizer, which reads it
 * the same way, only slower. Cells with inline strings, CDATA or comments are read by the
 * general tokenizer one cell at a time.
 */
import { cellColumnIn, newA1Scan } from '../../domain/base/address';
import { isSpace } from '../xml/chars';
import { textValue, XmlStream, type RawReader, type TagAttributes, type XmlSink } from './xmlStream';
import { styleIndex } from './cellAttrs';
import { keepShape } from '../../domain/base/keptShapes';

/** What the scanner reports; the worksheet reader implements it for both paths. */
export interface CellTarget {
  /** a row starts; false when the caller stepped over the rest of the sheet (reading stops) */
  beginRow(r: string | undefined): boolean;
  endRow(): void;
  /**
   * a cell, complete: its column (from r; -1: the next one), its t, its style (s, 0 without),
   * the text of <v> (or the number it holds, where it is plain digits in a cell of a number, a
   * shared string or a boolean) and of its inline string
   */
  cell(col: number, t: string | undefined, style: number, v: string | number, inline: string | null): void;
  /** </sheetData> */
  endData(): void;
  /** the general tokenizer takes over at element depth `depth` */
  handBack(depth: number): void;
}

interface Attrs {
  /** where r's and s's values lie in the text (from -1: absent); cut out only when wanted */
  rFrom: number;
  rTo: number;
  sFrom: number;
  sTo: number;
  t: string | undefined;
  /** offset just after '>' */
  end: number;
  selfClosing: boolean;
  /** an attribute this scanner does not take on (xmlns) */
  odd: boolean;
}

/** Collects <v> and inline-string text of one cell read by the general tokenizer. */
class OneCell implements XmlSink {
  wantText = false;
  v = '';
  inline: string | null = null;
  private into: 'v' | 'is' | null = null;
  private phonetic = 0;
  private inIs = false;

  constructor() {
    keepShape(this);
  }

  start(local: string, _ns: number, _tag: TagAttributes, selfClosing: boolean): void {
    if (local === 'v' && !selfClosing) this.into = 'v';
    else if (local === 'is') {
      this.inline ??= '';
      this.inIs = !selfClosing;
    } else if (local === 'rPh' && !selfClosing) this.phonetic++;
    else if (local === 't' && this.inIs && this.phonetic === 0 && !selfClosing) this.into = 'is';
    this.wantText = this.into !== null;
  }

  end(local: string): void {
    if (local === 'v' || local === 't') this.into = null;
    else if (local === 'rPh') this.phonetic--;
    else if (local === 'is') this.inIs = false;
    this.wantText = this.into !== null;
  }

  text(s: string): void {
    if (this.into === 'v') this.v += s;
    else if (this.into === 'is') this.inline += s;
  }
}

export class SheetDataScanner implements RawReader {
  private readonly rowOpen: string;
  private readonly rowClose: string;
  private readonly cellOpen: string;
  private readonly cellClose: string;
  private readonly vOpen: string;
  private readonly vClose: string;
  private readonly fOpen: string;
  private readonly fClose: string;
  private readonly dataClose: string;
  private inRow = false;
  private readonly attrs: Attrs = { rFrom: -1, rTo: -1, sFrom: -1, sTo: -1, t: undefined, end: 0, selfClosing: false, odd: false };
  private readonly a1 = newA1Scan();

  /**
   * @param prefix the prefix <sheetData> was written with ('' or 'x:')
   * @param depth element depth inside <sheetData>
   */
  constructor(
    private readonly stream: XmlStream,
    private readonly target: CellTarget,
    private readonly prefix: string,
    private readonly depth: number,
  ) {
    keepShape(this);
    this.rowOpen = `<${prefix}row`;
    this.rowClose = `</${prefix}row>`;
    this.cellOpen = `<${prefix}c`;
    this.cellClose = `</${prefix}c>`;
    this.vOpen = `<${prefix}v>`;
    this.vClose = `</${prefix}v>`;
    this.fOpen = `<${prefix}f`;
    this.fClose = `</${prefix}f>`;
    this.dataClose = `</${prefix}sheetData`;
  }

  read(buf: string, from: number, final: boolean): number {
    const n = buf.length;
    let i = from;
    for (;;) {
      const lt = buf.indexOf('<', i);
      if (lt < 0) return n;
      i = lt;
      if (lt + 1 >= n) return lt;
      const c1 = buf.charCodeAt(lt + 1);
      if (c1 === 47) {
        // an end tag: </row>, </sheetData>, anything else is not ours
        if (buf.startsWith(this.rowClose, lt)) {
          this.inRow = false;
          this.target.endRow();
          i = lt + this.rowClose.length;
          continue;
        }
        if (n - lt < this.dataClose.length + 1) return final ? this.giveBack(lt) : lt;
        if (buf.startsWith(this.dataClose, lt)) {
          const gt = buf.indexOf('>', lt);
          if (gt < 0) return lt;
          this.target.endData();
          this.stream.resume(this.depth - 1);
          return gt + 1;
        }
        return this.giveBack(lt);
      }
      if (c1 === 33 || c1 === 63) {
        // comments and processing instructions between cells
        const close = c1 === 63 ? '?>' : buf.startsWith('<!--', lt) ? '-->' : null;
        if (close === null) return n - lt < 9 && !final ? lt : this.giveBack(lt);
        const e = buf.indexOf(close, lt + 2);
        if (e < 0) return lt;
        i = e + close.length;
        continue;
      }
      if (this.isTag(buf, lt, this.cellOpen) && this.inRow) {
        const next = this.cell(buf, lt);
        if (next === -2) return this.giveBack(lt);
        if (next < 0) return lt;
        i = next;
        continue;
      }
      if (this.isTag(buf, lt, this.rowOpen) && !this.inRow) {
        const a = this.readAttrs(buf, lt + this.rowOpen.length);
        if (a === null) return lt;
        if (a.odd) return this.giveBack(lt);
        if (!this.target.beginRow(a.rFrom < 0 ? undefined : buf.slice(a.rFrom, a.rTo))) return a.end; // stepped over: the stream is skipping now
        if (a.selfClosing) this.target.endRow();
        else this.inRow = true;
        i = a.end;
        continue;
      }
      // not enough text to tell, or an element this scanner does not read
      if (n - lt < this.rowOpen.length + 1 && !final) return lt;
      return this.giveBack(lt);
    }
  }

  /** The general tokenizer goes on at `at`, inside <sheetData> (and the open row). */
  private giveBack(at: number): number {
    const depth = this.depth + (this.inRow ? 1 : 0);
    this.stream.resume(depth);
    this.target.handBack(depth);
    return at;
  }

  /** `<name` followed by a delimiter at `lt` (false too when the text ends before the delimiter). */
  private isTag(buf: string, lt: number, open: string): boolean {
    if (!buf.startsWith(open, lt)) return false;
    const c = buf.charCodeAt(lt + open.length);
    return c === 62 || c === 47 || isSpace(c);
  }

  /** Attributes r, t, s up to the end of the start tag; null when the text ends first. */
  private readAttrs(buf: string, i: number): Attrs | null {
    const a = this.attrs;
    a.rFrom = a.sFrom = -1;
    a.t = undefined;
    a.odd = false;
    a.selfClosing = false;
    const n = buf.length;
    for (;;) {
      let c = 0;
      while (i < n && isSpace((c = buf.charCodeAt(i)))) i++;
      if (i >= n) return null;
      if (c === 62) {
        a.end = i + 1;
        return a;
      }
      if (c === 47) {
        if (i + 1 >= n) return null;
        a.selfClosing = true;
        a.end = i + 2;
        if (buf.charCodeAt(i + 1) !== 62) a.odd = true;
        return a;
      }
      const ns = i;
      while (i < n && (c = buf.charCodeAt(i)) !== 61 && !isSpace(c) && c !== 62 && c !== 47) i++;
      const ne = i;
      while (i < n && isSpace((c = buf.charCodeAt(i)))) i++;
      if (i >= n) return null;
      if (c !== 61) {
        a.odd = true;
        a.end = i;
        return a;
      }
      let q = i + 1;
      while (q < n && isSpace(buf.charCodeAt(q))) q++;
      if (q >= n) return null;
      const quote = buf.charCodeAt(q);
      if (quote !== 34 && quote !== 39) {
        a.odd = true;
        a.end = q;
        return a;
      }
      const close = buf.indexOf(quote === 34 ? '"' : "'", q + 1);
      if (close < 0) return null;
      const len = ne - ns;
      if (len === 1) {
        const ch = buf.charCodeAt(ns);
        if (ch === 114) {
          a.rFrom = q + 1;
          a.rTo = close;
        } else if (ch === 116) a.t = buf.slice(q + 1, close);
        else if (ch === 115) {
          a.sFrom = q + 1;
          a.sTo = close;
        }
      } else if (len >= 5 && buf.startsWith('xmlns', ns)) a.odd = true;
      i = close + 1;
    }
  }

  /** One <c> element at `lt`: the offset after it, -1 when the text ends first, -2 when not ours. */
  private cell(buf: string, lt: number): number {
    const a = this.readAttrs(buf, lt + this.cellOpen.length);
    if (a === null) return -1;
    if (a.odd) return -2;
    const t = a.t;
    const col = a.rFrom < 0 ? -1 : cellColumnIn(buf, a.rFrom, a.rTo, this.a1);
    const style = a.sFrom < 0 ? 0 : styleIndexIn(buf, a.sFrom, a.sTo);
    if (a.selfClosing) {
      this.target.cell(col, t, style, '', null);
      return a.end;
    }
    const close = buf.indexOf(this.cellClose, a.end);
    if (close < 0) return buf.length - lt > LONG_CELL ? -2 : -1;
    const end = close + this.cellClose.length;
    // the usual content: an optional <f>…</f> or <f …/>, then <v>…</v>; every search stays inside the cell
    let p = skipSpaces(buf, a.end, close);
    if (this.isTag(buf, p, this.fOpen)) {
      const gt = buf.indexOf('>', p);
      if (gt < 0 || gt > close) return -2;
      if (buf.charCodeAt(gt - 1) === 47) p = gt + 1;
      else {
        const fe = buf.indexOf(this.fClose, gt);
        if (fe < 0 || fe > close) return -2;
        p = fe + this.fClose.length;
      }
      p = skipSpaces(buf, p, close);
    }
    let v: string | number = '';
    if (buf.startsWith(this.vOpen, p)) {
      const ve = buf.indexOf(this.vClose, p);
      if (ve < 0 || ve > close) return -2;
      v = NUMERIC_TYPES.has(t) ? wholeNumberIn(buf, p + this.vOpen.length, ve) : -1;
      if (v < 0) {
        v = buf.slice(p + this.vOpen.length, ve);
        if (v.indexOf('&') >= 0 || v.indexOf('\r') >= 0) v = textValue(v);
      }
      p = skipSpaces(buf, ve + this.vClose.length, close);
    }
    if (p !== close) {
      // inline strings, CDATA, comments, anything else: the general tokenizer on this one cell
      const one = new OneCell();
      const x = new XmlStream(one);
      x.push('<c>' + buf.slice(a.end, close) + '</c>');
      x.end();
      this.target.cell(col, t, style, one.v, one.inline);
      return end;
    }
    this.target.cell(col, t, style, v, null);
    return end;
  }
}

/** A cell still unfinished after this many characters is left to the general tokenizer (it reads text in pieces). */
const LONG_CELL = 1 << 20;

/** cell types whose <v> is read as a number: t absent or n, s (a shared string's index), b */
const NUMERIC_TYPES = new Set<string | undefined>([undefined, 'n', 's', 'b']);

/**
 * The whole number written from `from` to `to`, read in place: 1 to 15 digits without a leading
 * zero (as the text reads, exactly); -1 otherwise, and the text is cut out and read as before.
 */
function wholeNumberIn(buf: string, from: number, to: number): number {
  const n = to - from;
  if (n < 1 || n > 15 || (n > 1 && buf.charCodeAt(from) === 48)) return -1;
  let x = 0;
  for (let i = from; i < to; i++) {
    const c = buf.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    x = x * 10 + (c - 48);
  }
  return x;
}

/** The s attribute's value from `from` to `to` as a style index: plain digits read in place, anything else as styleIndex reads it. */
function styleIndexIn(buf: string, from: number, to: number): number {
  const n = wholeNumberIn(buf, from, to);
  return n >= 0 ? n : styleIndex(buf.slice(from, to));
}

function skipSpaces(buf: string, i: number, to: number): number {
  while (i < to && isSpace(buf.charCodeAt(i))) i++;
  return i;
}
