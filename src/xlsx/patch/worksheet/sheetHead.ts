/**
 * The head of a worksheet (before <sheetData>): the <cols> ranges, whose styles new cells
 * start from and where created columns get their widths, and <dimension>.
 */
import { parseRangeRef, rangeAddress } from '../../../domain/base/address';
import type { CellRect } from '../../../domain/base/raw';
import { attr, elementEnd, findTag, readStartTag, startTag, withAttr, type Attr, type StartTag } from '../../xml/tags';
import type { SheetEdits, Splice } from './sheetEdits';
import { sparseListOf } from '../../../domain/base/lists';
import { keepShape } from '../../../domain/base/keptShapes';

interface ColRange {
  min: number;
  max: number;
  tag: StartTag;
  raw: string;
  changed: boolean;
}

export class SheetHead {
  private readonly cols: ColRange[] = [];
  /** the <cols> start tag, when the sheet has one */
  colsTag: StartTag | null = null;
  private colsEnd = -1;
  private readonly styleByCol: number[] = sparseListOf();
  /** xml up to <sheetData>: searches stay inside the head (offsets are the same as in xml) */
  private readonly head: string;

  /** `from`: just after the root start tag; `sheetDataAt`: offset of <sheetData>. */
  constructor(
    private readonly xml: string,
    private readonly p: string,
    private readonly from: number,
    private readonly sheetDataAt: number,
  ) {
    keepShape(this);
    this.head = xml.slice(0, sheetDataAt);
    const colsAt = findTag(this.head, p + 'cols', from);
    if (colsAt < 0) return;
    this.colsTag = readStartTag(xml, colsAt);
    this.colsEnd = elementEnd(xml, this.colsTag);
    let i = this.colsTag.end;
    for (;;) {
      const lt = findTag(this.head, p + 'col', i, this.colsEnd);
      if (lt < 0) break;
      const tag = readStartTag(xml, lt);
      const end = elementEnd(xml, tag);
      this.cols.push({ min: Number(attr(tag, 'min')), max: Number(attr(tag, 'max')), tag, raw: xml.slice(lt, end), changed: false });
      i = end;
    }
  }

  /** The style of a zero-based column (0 when no <col> gives one). */
  colStyle(col: number): number {
    let v = this.styleByCol[col];
    if (v === undefined) {
      v = 0;
      const k = col + 1;
      for (const c of this.cols) if (c.min <= k && k <= c.max) v = Number(attr(c.tag, 'style') ?? 0);
      this.styleByCol[col] = v;
    }
    return v;
  }

  /** <dimension> grown to the written cells, <cols> with the created columns' widths. */
  splices(edits: SheetEdits): Splice[] {
    const out: Splice[] = [];
    const dimension = this.dimensionSplice(edits);
    if (dimension) out.push(dimension);
    if (edits.widths.length) out.push(this.colsSplice(edits.widths));
    return out;
  }

  private dimensionSplice(edits: SheetEdits): Splice | null {
    const box = writtenBox(edits);
    const at = findTag(this.head, this.p + 'dimension', this.from);
    if (at < 0 || !box) return null;
    const tag = readStartTag(this.xml, at);
    const ref = attr(tag, 'ref');
    const cur = ref ? parseRangeRef(ref) : null;
    if (!cur) return null;
    const next = rangeAddress(Math.min(cur.top, box.top), Math.min(cur.left, box.left), Math.max(cur.bottom, box.bottom), Math.max(cur.right, box.right));
    return next === ref ? null : { at: tag.start, end: tag.end, text: startTag(tag.name, withAttr(tag.attrs, 'ref', next), tag.selfClosing) };
  }

  private colsSplice(widths: SheetEdits['widths']): Splice {
    for (const wd of widths) this.setWidth(wd.col + 1, wd.width);
    const body = this.cols.map((c) => (c.changed ? startTag(c.tag.name, c.tag.attrs, true) : c.raw)).join('');
    const t = this.colsTag;
    if (t) return { at: t.start, end: this.colsEnd, text: startTag(t.name, t.attrs, false) + body + `</${t.name}>` };
    return { at: this.sheetDataAt, end: this.sheetDataAt, text: `<${this.p}cols>${body}</${this.p}cols>` };
  }

  /** Gives one-based column `k` its own <col> with `width` (an existing range is split). */
  private setWidth(k: number, width: number): void {
    const cols = this.cols;
    const idx = cols.findIndex((c) => c.min <= k && k <= c.max);
    const withWidth = (c: ColRange): ColRange => {
      c.tag.attrs = withAttr(withAttr(c.tag.attrs, 'width', String(width)), 'customWidth', '1');
      return c;
    };
    if (idx < 0) {
      let at = cols.findIndex((x) => x.min > k);
      if (at < 0) at = cols.length;
      cols.splice(at, 0, withWidth(colRange([], k, k, this.p + 'col')));
      return;
    }
    const cur = cols[idx];
    const pieces: ColRange[] = [];
    if (cur.min < k) pieces.push(colRange(cur.tag.attrs, cur.min, k - 1, cur.tag.name));
    pieces.push(withWidth(colRange(cur.tag.attrs, k, k, cur.tag.name)));
    if (k < cur.max) pieces.push(colRange(cur.tag.attrs, k + 1, cur.max, cur.tag.name));
    if (pieces.length === 1 && attr(cur.tag, 'width') === String(width) && /^(1|true)$/.test(attr(cur.tag, 'customWidth') ?? '')) return; // already so
    cols.splice(idx, 1, ...pieces);
  }
}

/** A new <col> over [min, max] with the attributes of `attrs`. */
function colRange(attrs: Attr[], min: number, max: number, name: string): ColRange {
  const tag: StartTag = { name, start: -1, end: -1, selfClosing: true, attrs: withAttr(withAttr(attrs, 'min', String(min)), 'max', String(max)) };
  return { min, max, tag, raw: '', changed: true };
}

/** The rectangle the written cells cover, or null when nothing is written. */
function writtenBox(edits: SheetEdits): CellRect | null {
  let top = Infinity;
  let bottom = -1;
  let left = Infinity;
  let right = -1;
  for (const w of edits.rows.rects()) {
    top = Math.min(top, w.top);
    bottom = Math.max(bottom, w.bottom);
    left = Math.min(left, w.left);
    right = Math.max(right, w.right);
  }
  return bottom < 0 ? null : { top, left, bottom, right };
}
