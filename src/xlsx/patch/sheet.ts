/**
 * Edits one worksheet part in place: the cells of the output columns in the planned rows,
 * the widths of created columns, <dimension>, and our <conditionalFormatting> blocks.
 * Everything else in the part is copied as slices of the original string.
 *
 * The sheet can be tens of MB: <sheetData> is walked once, row start tags only, with
 * indexOf; only planned rows are parsed cell by cell; the result is joined from slices.
 */
import { cellAddress, columnLetters } from '../../domain/base/address';
import type { ConditionalFormatPlan, PlanValue } from '../../domain/plan/plan';
import { parseRangeRef } from '../ranges';
import { PatchError } from './errors';
import { NS_STRICT_MAIN } from './opc';
import type { StyleBook, StyleRequest } from './styles';
import { attr, encodeXstring, elementEnd, escapeAttr, escapeText, findTag, prefixOf, rawAttr, readStartTag, rootElement, startTag, tagClose, withAttr, type Attr, type StartTag } from './xml';

export interface CellWrite {
  /** zero-based column */
  col: number;
  value: PlanValue;
  style: StyleRequest;
}

export interface SheetEdits {
  /** sheet name, for messages */
  sheet: string;
  /** zero-based row → the cells written in it */
  rows: Map<number, CellWrite[]>;
  /** widths of created columns (zero-based col) */
  widths: { col: number; width: number }[];
  /** our conditional formats: those lying inside `ownCols` from `top` down are replaced by `rules` */
  conditional?: { ownCols: ReadonlySet<number>; top: number; rules: readonly ConditionalFormatPlan[] };
}

export interface SheetPatchResult {
  xml: string;
  /** an overwritten cell held a formula (calcChain must not list it any more) */
  overwroteFormula: boolean;
}

/** CT_Worksheet child order (ECMA-376 Part 1, 18.3.1.99). */
export const WORKSHEET_ORDER = [
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection', 'protectedRanges', 'scenarios', 'autoFilter',
  'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions',
  'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing',
  'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst',
];
const AFTER_CF = new Set(WORKSHEET_ORDER.slice(WORKSHEET_ORDER.indexOf('conditionalFormatting') + 1));

/** "AB12" → zero-based {row, col}; row -1 when the reference has no digits. */
export function parseCellRef(ref: string): { row: number; col: number } | null {
  let i = 0;
  let col = 0;
  while (i < ref.length) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else if (c !== 36) break; // $
    i++;
  }
  if (col === 0) return null;
  let row = 0;
  let digits = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c === 36 && digits === 0) continue;
    if (c < 48 || c > 57) return null;
    row = row * 10 + (c - 48);
    digits++;
  }
  return { row: digits ? row - 1 : -1, col: col - 1 };
}

export function numberText(n: number, where: string): string {
  if (!Number.isFinite(n)) throw new PatchError('value', `${where}: 数値 ${n} はセルに書き込めません`, `${where}: ${n} cannot be stored in a cell`);
  return Object.is(n, -0) ? '0' : String(n);
}

interface ColRange {
  min: number;
  max: number;
  tag: StartTag;
  raw: string;
  changed: boolean;
}

interface FormulaSeen {
  cell: string;
  t: string;
  si?: string;
  ref?: string;
}

export function patchSheetXml(xml: string, edits: SheetEdits, styles: StyleBook): SheetPatchResult {
  const root = rootElement(xml);
  const p = prefixOf(root.name);
  const nsAttr = attr(root, p ? `xmlns:${p.slice(0, -1)}` : 'xmlns');
  const fail = (message: string, messageEn: string, cell?: string) => new PatchError('xml', `シート「${edits.sheet}」: ${message}`, `sheet ${edits.sheet}: ${messageEn}`, { sheet: edits.sheet, cell });
  if (nsAttr === NS_STRICT_MAIN) throw fail('Strict Open XML 形式には対応していません', 'Strict Open XML is not supported');
  if (root.name.slice(p.length) !== 'worksheet') throw fail('ワークシートではありません', 'the part is not a worksheet');

  const sdStart = findTag(xml, p + 'sheetData', root.end);
  if (sdStart < 0) throw fail('sheetData がありません', 'no <sheetData>');
  const sdTag = readStartTag(xml, sdStart);
  const sdClose = sdTag.selfClosing ? sdTag.end : xml.indexOf(`</${p}sheetData>`, sdTag.end);
  if (sdClose < 0) throw fail('sheetData が閉じていません', '<sheetData> is not closed');
  const sdEnd = sdTag.selfClosing ? sdTag.end : xml.indexOf('>', sdClose) + 1;
  const special = xml.indexOf('<!', sdTag.end);
  if (special >= 0 && special < sdClose) throw fail('sheetData 内のコメントや CDATA には対応していません', 'comments or CDATA inside <sheetData> are not supported');

  // ---- head: <dimension>, <cols> (column styles are needed for new cells) ----
  const cols: ColRange[] = [];
  let colsTag: StartTag | null = null;
  let colsEnd = -1;
  const head = xml.slice(0, sdStart); // searches before <sheetData> stay inside it (offsets are the same)
  const colsAt = findTag(head, p + 'cols', root.end);
  if (colsAt >= 0) {
    colsTag = readStartTag(xml, colsAt);
    colsEnd = elementEnd(xml, colsTag);
    let i = colsTag.end;
    for (;;) {
      const lt = findTag(head, p + 'col', i, colsEnd);
      if (lt < 0) break;
      const tag = readStartTag(xml, lt);
      const end = elementEnd(xml, tag);
      cols.push({ min: Number(attr(tag, 'min')), max: Number(attr(tag, 'max')), tag, raw: xml.slice(lt, end), changed: false });
      i = end;
    }
  }
  const colStyles: number[] = [];
  const colStyle = (col: number): number => {
    let v = colStyles[col];
    if (v === undefined) {
      v = 0;
      const k = col + 1;
      for (const c of cols) if (c.min <= k && k <= c.max) v = Number(attr(c.tag, 'style') ?? 0);
      colStyles[col] = v;
    }
    return v;
  };

  // ---- sheetData ----
  const planned = [...edits.rows.keys()].filter((r) => edits.rows.get(r)!.length > 0).sort((a, b) => a - b);
  for (const r of planned) {
    const list = edits.rows.get(r)!;
    list.sort((a, b) => a.col - b.col);
    for (let i = 1; i < list.length; i++) if (list[i].col === list[i - 1].col) throw fail(`${cellAddress(r, list[i].col)} に二度書き込もうとしました`, `${cellAddress(r, list[i].col)} is written twice`);
  }
  const chunks: string[] = [];
  let copied = sdStart;
  const rowCloseTag = `</${p}row>`;
  const cellClose = `</${p}c>`;
  const cellOpen = `<${p}c`;
  const overwrittenFormulas: FormulaSeen[] = [];

  // hot path caches: column letters, and style per (request object, base style)
  const letterCache: string[] = [];
  const styleCache = new Map<StyleRequest, Map<number, number>>();
  const styleOf = (base: number, req: StyleRequest): number => {
    let byBase = styleCache.get(req);
    if (!byBase) styleCache.set(req, (byBase = new Map()));
    let s = byBase.get(base);
    if (s === undefined) byBase.set(base, (s = styles.cellStyle(base, req)));
    return s;
  };
  const newCell = (w: CellWrite, row: number, base: number): string => {
    const s = styleOf(base, w.style);
    const ref = (letterCache[w.col] ??= columnLetters(w.col)) + (row + 1);
    const sAttr = s ? ` s="${s}"` : '';
    const v = w.value;
    if (v === null || v === undefined) return `<${p}c r="${ref}"${sAttr}/>`;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) numberText(v, `${edits.sheet}!${ref}`); // throws
      return `<${p}c r="${ref}"${sAttr}><${p}v>${Object.is(v, -0) ? '0' : String(v)}</${p}v></${p}c>`;
    }
    return `<${p}c r="${ref}"${sAttr} t="inlineStr"><${p}is><${p}t xml:space="preserve">${encodeXstring(String(v))}</${p}t></${p}is></${p}c>`;
  };

  const newRow = (row: number, writes: CellWrite[]): string => {
    let s = `<${p}row r="${row + 1}">`;
    for (const w of writes) s += newCell(w, row, colStyle(w.col));
    return s + rowCloseTag;
  };

  const isDelim = (c: number) => c === 32 || c === 47 || c === 62 || c === 9 || c === 10 || c === 13;
  /**
   * Where the forward merge of a row may start: just after the last cell whose column is
   * before `firstCol`, found from the end of the row. Falls back to the row start (full
   * scan) when a cell lacks r, something other than cells or whitespace sits between them,
   * or anything looks unusual.
   */
  const suffixStart = (contentStart: number, contentEnd: number, firstCol: number): { at: number; prevCol: number } => {
    const full = { at: contentStart, prevCol: -1 };
    let end = contentEnd;
    let rightCol = Infinity;
    for (;;) {
      const lt = xml.lastIndexOf(cellOpen, end - 1);
      if (lt < contentStart) return full; // every cell is at or right of firstCol
      if (!isDelim(xml.charCodeAt(lt + cellOpen.length))) return full;
      const gt = tagClose(xml, lt);
      if (gt < 0 || gt >= end) return full;
      let cEnd = gt + 1;
      if (xml.charCodeAt(gt - 1) !== 47) {
        const e = xml.indexOf(cellClose, gt + 1);
        if (e < 0 || e + cellClose.length > end) return full;
        cEnd = e + cellClose.length;
      }
      if (!onlyWhitespace(cEnd, end)) return full;
      const r = rawAttr(xml, lt, gt + 1, 'r');
      const pos = r === undefined ? null : parseCellRef(r);
      if (!pos || pos.col >= rightCol) return full; // no r, or out of order: the full scan decides
      if (pos.col < firstCol) return { at: cEnd, prevCol: pos.col };
      rightCol = pos.col;
      end = lt;
    }
  };
  const onlyWhitespace = (a: number, b: number): boolean => {
    for (let k = a; k < b; k++) {
      const c = xml.charCodeAt(k);
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return false;
    }
    return true;
  };

  /** Appends the patched row to `chunks`. The row's start tag spans [lt, tagEnd). */
  const patchRow = (lt: number, tagEnd: number, selfClosing: boolean, rowEnd: number, row: number, writes: CellWrite[]): void => {
    const contentEnd = selfClosing ? tagEnd : rowEnd - rowCloseTag.length;
    const cf = rawAttr(xml, lt, tagEnd, 'customFormat');
    const rs = rawAttr(xml, lt, tagEnd, 's');
    const rowBase = (cf === '1' || cf === 'true') && rs !== undefined ? Number(rs) : null;
    // the start tag as written; only the spans hint changes (it must cover the new cells)
    let open = xml.slice(lt, tagEnd);
    if (selfClosing) open = open.slice(0, open.lastIndexOf('/')) + '>';
    const spans = rawAttr(xml, lt, tagEnd, 'spans');
    if (spans !== undefined) {
      const nums = spans.split(/[\s:]+/).filter(Boolean).map(Number);
      if (nums.length && nums.every(Number.isFinite)) {
        const lo = Math.min(...nums, writes[0].col + 1);
        const hi = Math.max(...nums, writes[writes.length - 1].col + 1);
        const next = `${lo}:${hi}`;
        if (next !== spans) open = open.replace(/(\sspans\s*=\s*)(["'])[^"']*\2/, `$1$2${next}$2`);
      }
    }
    chunks.push(open);
    // Output columns are usually the last cells of the row: walk back over the cells right of
    // the first written column, so the cells before them are copied without being looked at.
    const from = suffixStart(tagEnd, contentEnd, writes[0].col);
    let last = tagEnd;
    let i = from.at;
    let prevCol = from.prevCol;
    let w = 0;
    let trailing = contentEnd;
    const base = (col: number) => rowBase ?? colStyle(col);
    while (i < contentEnd) {
      const lt = xml.indexOf('<', i);
      if (lt < 0 || lt >= contentEnd) break;
      if (!xml.startsWith(cellOpen, lt) || !isDelim(xml.charCodeAt(lt + cellOpen.length))) {
        trailing = lt; // <extLst> after the cells
        break;
      }
      const gt = tagClose(xml, lt);
      if (gt < 0 || gt >= contentEnd) throw fail(`${row + 1} 行目のセルが壊れています`, `a cell in row ${row + 1} is malformed`);
      const cellSelfClosing = xml.charCodeAt(gt - 1) === 47;
      const cellTagEnd = gt + 1;
      let cEnd: number;
      if (cellSelfClosing) cEnd = cellTagEnd;
      else {
        const e = xml.indexOf(cellClose, cellTagEnd);
        if (e < 0 || e >= contentEnd) throw fail(`${row + 1} 行目のセルが閉じていません`, `a cell in row ${row + 1} is not closed`);
        cEnd = e + cellClose.length;
      }
      const r = rawAttr(xml, lt, cellTagEnd, 'r');
      let col: number;
      if (r !== undefined) {
        const pos = parseCellRef(r);
        if (!pos || (pos.row >= 0 && pos.row !== row)) throw fail(`${row + 1} 行目に位置の合わないセル ${r} があります`, `row ${row + 1} holds a cell ${r} of another row`);
        col = pos.col;
      } else col = prevCol + 1; // no r: the next column (ECMA-376 18.3.1.4)
      if (col <= prevCol) throw fail(`${row + 1} 行目のセルの順序が正しくありません（${columnLetters(col)}）`, `cells of row ${row + 1} are out of order (${columnLetters(col)})`);
      if (w < writes.length && writes[w].col < col) {
        chunks.push(xml.slice(last, lt));
        last = lt;
        while (w < writes.length && writes[w].col < col) {
          chunks.push(newCell(writes[w], row, base(writes[w].col)));
          w++;
        }
      }
      if (w < writes.length && writes[w].col === col) {
        if (!cellSelfClosing) {
          const content = xml.slice(cellTagEnd, cEnd);
          const f = findTag(content, p + 'f', 0);
          if (f >= 0) {
            const ft = readStartTag(content, f);
            overwrittenFormulas.push({ cell: cellAddress(row, col), t: attr(ft, 't') ?? 'normal', si: attr(ft, 'si'), ref: attr(ft, 'ref') });
          }
        }
        chunks.push(xml.slice(last, lt), newCell(writes[w], row, Number(rawAttr(xml, lt, cellTagEnd, 's') ?? 0)));
        last = cEnd;
        w++;
      }
      prevCol = col;
      i = cEnd;
    }
    if (w < writes.length) {
      chunks.push(xml.slice(last, trailing));
      last = trailing;
      for (; w < writes.length; w++) chunks.push(newCell(writes[w], row, base(writes[w].col)));
    }
    chunks.push(xml.slice(last, contentEnd), rowCloseTag);
  };

  let k = 0;
  let prevRow = -1;
  let pos = sdTag.end;
  if (!sdTag.selfClosing) {
    for (;;) {
      const lt = findTag(xml, p + 'row', pos, sdClose);
      if (lt < 0) break;
      const gt = tagClose(xml, lt);
      if (gt < 0) throw fail('行が壊れています', 'a row is malformed');
      const tagEnd = gt + 1;
      const selfClosing = xml.charCodeAt(gt - 1) === 47;
      const r = rawAttr(xml, lt, tagEnd, 'r');
      const row = r !== undefined ? Number(r) - 1 : prevRow + 1;
      if (!Number.isInteger(row) || row <= prevRow) throw fail(`行の順序が正しくありません（${r ?? '?'} 行目）`, `rows are out of order (row ${r ?? '?'})`);
      let rowEnd: number;
      if (selfClosing) rowEnd = tagEnd;
      else {
        const e = xml.indexOf(rowCloseTag, tagEnd);
        if (e < 0 || e >= sdClose) throw fail(`${row + 1} 行目が閉じていません`, `row ${row + 1} is not closed`);
        rowEnd = e + rowCloseTag.length;
      }
      while (k < planned.length && planned[k] < row) {
        chunks.push(xml.slice(copied, lt), newRow(planned[k], edits.rows.get(planned[k])!));
        copied = lt;
        k++;
      }
      if (k < planned.length && planned[k] === row) {
        chunks.push(xml.slice(copied, lt));
        patchRow(lt, tagEnd, selfClosing, rowEnd, row, edits.rows.get(row)!);
        copied = rowEnd;
        k++;
      }
      prevRow = row;
      pos = rowEnd;
    }
  }
  if (k < planned.length) {
    if (sdTag.selfClosing) {
      chunks.push(xml.slice(copied, sdTag.start), startTag(sdTag.name, sdTag.attrs, false));
      copied = sdTag.end;
    } else {
      chunks.push(xml.slice(copied, sdClose));
      copied = sdClose;
    }
    for (; k < planned.length; k++) chunks.push(newRow(planned[k], edits.rows.get(planned[k])!));
    if (sdTag.selfClosing) chunks.push(`</${sdTag.name}>`);
  }

  checkFormulas(xml, p, sdTag.end, sdClose, edits, overwrittenFormulas, fail);

  // ---- head edits (before sheetData): dimension, cols ----
  const headEdits: { at: number; end: number; text: string }[] = [];
  const box = bounds(edits);
  const dimAt = findTag(head, p + 'dimension', root.end);
  if (dimAt >= 0 && box) {
    const dt = readStartTag(xml, dimAt);
    const ref = attr(dt, 'ref');
    const cur = ref ? parseRangeRef(ref) : null;
    if (cur) {
      const top = Math.min(cur.top, box.top);
      const left = Math.min(cur.left, box.left);
      const bottom = Math.max(cur.bottom, box.bottom);
      const right = Math.max(cur.right, box.right);
      const next = top === bottom && left === right ? cellAddress(top, left) : `${cellAddress(top, left)}:${cellAddress(bottom, right)}`;
      if (next !== ref) headEdits.push({ at: dt.start, end: dt.end, text: startTag(dt.name, withAttr(dt.attrs, 'ref', next), dt.selfClosing) });
    }
  }
  if (edits.widths.length) {
    for (const wd of edits.widths) setWidth(cols, wd.col + 1, wd.width, p);
    const body = cols.map((c) => (c.changed ? startTag(c.tag.name, c.tag.attrs, true) : c.raw)).join('');
    if (colsTag) headEdits.push({ at: colsTag.start, end: colsEnd, text: startTag(colsTag.name, colsTag.attrs, false) + body + `</${colsTag.name}>` });
    else headEdits.push({ at: sdStart, end: sdStart, text: `<${p}cols>${body}</${p}cols>` });
  }

  // ---- tail edits (after sheetData): conditional formatting ----
  const tailEdits = edits.conditional ? conditionalEdits(xml, p, sdEnd, edits.conditional, styles) : [];

  // ---- assemble: head edits inside [0, sdStart), new sheetData, tail edits inside [sdEnd, end) ----
  const out: string[] = [];
  let at = 0;
  for (const e of headEdits.sort((a, b) => a.at - b.at)) {
    out.push(xml.slice(at, e.at), e.text);
    at = e.end;
  }
  out.push(xml.slice(at, sdStart));
  for (const c of chunks) out.push(c);
  out.push(xml.slice(copied, sdEnd));
  at = sdEnd;
  for (const e of tailEdits.sort((a, b) => a.at - b.at || a.end - b.end)) {
    out.push(xml.slice(at, e.at), e.text);
    at = e.end;
  }
  out.push(xml.slice(at));
  return { xml: out.join(''), overwroteFormula: overwrittenFormulas.length > 0 };
}

function bounds(edits: SheetEdits): { top: number; left: number; bottom: number; right: number } | null {
  let top = Infinity;
  let bottom = -1;
  let left = Infinity;
  let right = -1;
  for (const [r, list] of edits.rows) {
    if (!list.length) continue;
    if (r < top) top = r;
    if (r > bottom) bottom = r;
    for (const w of list) {
      if (w.col < left) left = w.col;
      if (w.col > right) right = w.col;
    }
  }
  return bottom < 0 ? null : { top, left, bottom, right };
}

function setWidth(cols: ColRange[], k: number, width: number, p: string): void {
  const idx = cols.findIndex((c) => c.min <= k && k <= c.max);
  const mk = (attrs: Attr[], min: number, max: number, name: string): ColRange => {
    const tag: StartTag = { name, start: -1, end: -1, selfClosing: true, attrs: withAttr(withAttr(attrs, 'min', String(min)), 'max', String(max)) };
    return { min, max, tag, raw: '', changed: true };
  };
  if (idx < 0) {
    const c = mk([], k, k, p + 'col');
    c.tag.attrs = withAttr(withAttr(c.tag.attrs, 'width', String(width)), 'customWidth', '1');
    let at = cols.findIndex((x) => x.min > k);
    if (at < 0) at = cols.length;
    cols.splice(at, 0, c);
    return;
  }
  const cur = cols[idx];
  const pieces: ColRange[] = [];
  if (cur.min < k) pieces.push(mk(cur.tag.attrs, cur.min, k - 1, cur.tag.name));
  const mid = mk(cur.tag.attrs, k, k, cur.tag.name);
  mid.tag.attrs = withAttr(withAttr(mid.tag.attrs, 'width', String(width)), 'customWidth', '1');
  pieces.push(mid);
  if (k < cur.max) pieces.push(mk(cur.tag.attrs, k + 1, cur.max, cur.tag.name));
  if (pieces.length === 1 && attr(cur.tag, 'width') === String(width) && /^(1|true)$/.test(attr(cur.tag, 'customWidth') ?? '')) return; // already so
  cols.splice(idx, 1, ...pieces);
}

/** Refuses to overwrite a cell whose formula other (kept) cells depend on. */
function checkFormulas(xml: string, p: string, from: number, to: number, edits: SheetEdits, seen: FormulaSeen[], fail: (m: string, e: string, cell?: string) => PatchError): void {
  const masters = seen.filter((f) => f.t === 'shared' && f.ref !== undefined && f.si !== undefined);
  const hasArrays = indexOfAny(xml, ['t="array"', "t='array'", 't="dataTable"', "t='dataTable'"], from, to);
  if (!masters.length && !hasArrays) return;
  const sharedTotal = new Map<string, number>();
  const ranges: { ref: string; t: string }[] = [];
  let i = from;
  for (;;) {
    const lt = findTag(xml, p + 'f', i, to);
    if (lt < 0) break;
    const ft = readStartTag(xml, lt);
    const t = attr(ft, 't');
    if (t === 'shared') {
      const si = attr(ft, 'si');
      if (si !== undefined) sharedTotal.set(si, (sharedTotal.get(si) ?? 0) + 1);
    } else if ((t === 'array' || t === 'dataTable') && attr(ft, 'ref')) ranges.push({ ref: attr(ft, 'ref')!, t });
    i = ft.end;
  }
  const sharedOverwritten = new Map<string, number>();
  for (const f of seen) if (f.t === 'shared' && f.si !== undefined) sharedOverwritten.set(f.si, (sharedOverwritten.get(f.si) ?? 0) + 1);
  for (const m of masters) {
    const total = sharedTotal.get(m.si!) ?? 0;
    const gone = sharedOverwritten.get(m.si!) ?? 0;
    if (total > gone) {
      throw new PatchError(
        'formula',
        `シート「${edits.sheet}」のセル ${m.cell} は共有数式（${m.ref}）の元のセルで、書き込まないセル ${total - gone} 個がこの数式を使っています。上書きすると数式が壊れるため、このシートには書き込みません。出力列の数式を削除するか、値に変換してから実行してください`,
        `sheet ${edits.sheet}: cell ${m.cell} is the master of a shared formula (${m.ref}) that ${total - gone} other cell(s) still use; overwriting it would break them, so nothing is written to this sheet. Remove the formulas in the output columns (or convert them to values) and run again`,
        { sheet: edits.sheet, cell: m.cell },
      );
    }
  }
  for (const r of ranges) {
    const rect = parseRangeRef(r.ref);
    if (!rect) continue;
    let hit = 0;
    for (let row = rect.top; row <= rect.bottom; row++) {
      const list = edits.rows.get(row);
      if (!list) continue;
      for (const w of list) if (w.col >= rect.left && w.col <= rect.right) hit++;
    }
    const size = (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
    if (hit > 0 && hit < size) {
      const kind = r.t === 'array' ? '配列数式' : 'データテーブル';
      throw fail(`出力列のセルが${kind}（${r.ref}）の一部です。一部だけは上書きできないため、このシートには書き込みません`, `output cells are part of an ${r.t === 'array' ? 'array formula' : 'data table'} (${r.ref}); part of it cannot be overwritten, so nothing is written to this sheet`, r.ref.split(':')[0]);
    }
  }
}

function indexOfAny(xml: string, needles: string[], from: number, to: number): boolean {
  for (const n of needles) {
    const i = xml.indexOf(n, from);
    if (i >= 0 && i < to) return true;
  }
  return false;
}

function conditionalEdits(xml: string, p: string, from: number, cf: NonNullable<SheetEdits['conditional']>, styles: StyleBook): { at: number; end: number; text: string }[] {
  const edits: { at: number; end: number; text: string }[] = [];
  const top: { name: string; start: number; end: number; raw: string; sqref?: string }[] = [];
  let i = from;
  for (;;) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) break;
    const c = xml[lt + 1];
    if (c === '/') break; // </worksheet>
    if (c === '!' || c === '?') {
      const e = c === '?' ? xml.indexOf('?>', lt) + 2 : xml.startsWith('<!--', lt) ? xml.indexOf('-->', lt) + 3 : xml.indexOf('>', lt) + 1;
      if (e <= lt) break;
      i = e;
      continue;
    }
    const tag = readStartTag(xml, lt);
    const end = elementEnd(xml, tag);
    top.push({ name: tag.name.slice(prefixOf(tag.name).length), start: lt, end, raw: xml.slice(lt, end), sqref: attr(tag, 'sqref') });
    i = end;
  }
  const closeAt = xml.lastIndexOf('</');
  const ours = (sqref: string | undefined): boolean => {
    if (!sqref) return false;
    const parts = sqref.trim().split(/\s+/);
    return parts.every((part) => {
      const r = parseRangeRef(part);
      if (!r || r.top < cf.top) return false;
      for (let c = r.left; c <= r.right; c++) if (!cf.ownCols.has(c)) return false;
      return true;
    });
  };
  let maxPriority = 0;
  for (const e of top) {
    if (e.name === 'conditionalFormatting' && ours(e.sqref)) {
      edits.push({ at: e.start, end: e.end, text: '' });
      continue;
    }
    if (e.name === 'conditionalFormatting' || e.name === 'extLst') {
      for (const m of e.raw.matchAll(/\spriority\s*=\s*["'](\d+)["']/g)) maxPriority = Math.max(maxPriority, Number(m[1]));
    }
  }
  if (cf.rules.length) {
    let priority = maxPriority;
    const text = cf.rules.map((r) => cfXml(r, ++priority, p, styles)).join('');
    const next = top.find((e) => AFTER_CF.has(e.name) || e.name === 'AlternateContent');
    edits.push({ at: next ? next.start : closeAt, end: next ? next.start : closeAt, text });
  }
  return edits;
}

function cfXml(cf: ConditionalFormatPlan, priority: number, p: string, styles: StyleBook): string {
  const sqref = cf.top === cf.bottom && cf.left === cf.right ? cellAddress(cf.top, cf.left) : `${cellAddress(cf.top, cf.left)}:${cellAddress(cf.bottom, cf.right)}`;
  let rule: string;
  if (cf.kind === 'iconSet') {
    const v = (n: number) => escapeAttr(numberText(n, 'cfvo'));
    rule =
      `<${p}cfRule type="iconSet" priority="${priority}"><${p}iconSet iconSet="3TrafficLights1">` +
      `<${p}cfvo type="num" val="0"/><${p}cfvo type="num" val="${v(cf.thresholds[0])}"/><${p}cfvo type="num" val="${v(cf.thresholds[1])}"/>` +
      `</${p}iconSet></${p}cfRule>`;
  } else {
    const dxfId = styles.dxf(cf.fill, cf.fontColor);
    const formula = `${cellAddress(cf.top, cf.left)}="${cf.text.replace(/"/g, '""')}"`;
    rule = `<${p}cfRule type="expression" dxfId="${dxfId}" priority="${priority}"><${p}formula>${escapeText(formula)}</${p}formula></${p}cfRule>`;
  }
  return `<${p}conditionalFormatting sqref="${sqref}">${rule}</${p}conditionalFormatting>`;
}
