/**
 * A worksheet part as the patcher reads it: the frame (the part with the content of its
 * <sheetData> cut out) as one string, and that content, nearly all of a large part, in
 * sections of whole rows decoded from the part's bytes as they are reached. A 55 MB part is
 * thus never one string: a string that large costs its decoding and about 150 ms of fresh
 * memory faulted in, where sections of 32 KB reuse V8's young generation. A section of ASCII
 * text is copied into the edited part as the bytes it came from (./pieces).
 */
import { NS } from '../../ooxml/namespaces';
import { declaredNamespace, findTag, prefixOf, readStartTag, rootElement, tagClose, type StartTag } from '../../xml/tags';
import { xmlRefusal, type SheetEdits } from './sheetEdits';

/** Where <sheetData> lies in the frame. */
export interface SheetDataSpan {
  tag: StartTag;
  /** offset of `</sheetData>`, where the content was (the tag's end when self-closing) */
  close: number;
  /** offset just after the element */
  end: number;
}

export interface Section {
  text: string;
  /** the text's own bytes when it is all ASCII (copied as they are), else null */
  ascii: Uint8Array | null;
}

export interface SheetText {
  /** the part without the content of <sheetData> */
  readonly frame: string;
  readonly root: StartTag;
  /** the prefix of the root's name (`x:` or ``) */
  readonly prefix: string;
  readonly span: SheetDataSpan;
  /**
   * The content of <sheetData> in order, in sections of whole rows, decoded again on each call.
   * With `holding`, only the sections whose text holds it, found in the bytes: the others are
   * not decoded (the formula scans pass over a sheet without formulas). Only the walk over every
   * section refuses a second </sheetData> in them; the patch makes it first.
   */
  sections(holding?: string): Iterable<Section>;
}

/** bytes per section, about: a section ends with the first row that ends past it */
export const SECTION_BYTES = 1 << 15;
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true }); // a BOM stays in the frame, so it is written back
const encoder = new TextEncoder();

/** The part's text (its bytes, or its text when it was edited before); refused when <sheetData> cannot be edited. */
export function readSheetText(source: string | Uint8Array, edits: SheetEdits, sectionBytes = SECTION_BYTES): SheetText {
  if (typeof source === 'string') return fromString(source, edits);
  return fromBytes(source, edits, sectionBytes) ?? fromString(utf8.decode(source), edits);
}

/** The root, refused unless it is a transitional worksheet. */
function worksheetRoot(xml: string, edits: SheetEdits): { root: StartTag; prefix: string } {
  const root = rootElement(xml);
  const prefix = prefixOf(root.name);
  if (declaredNamespace(root) === NS.strictMain) throw xmlRefusal(edits, 'patch.xml.strict');
  if (root.name.slice(prefix.length) !== 'worksheet') throw xmlRefusal(edits, 'patch.xml.notWorksheet');
  return { root, prefix };
}

function sheetDataTag(xml: string, prefix: string, from: number, edits: SheetEdits): StartTag {
  const start = findTag(xml, prefix + 'sheetData', from);
  if (start < 0) throw xmlRefusal(edits, 'patch.xml.noSheetData');
  return readStartTag(xml, start);
}

function fromString(xml: string, edits: SheetEdits): SheetText {
  const { root, prefix } = worksheetRoot(xml, edits);
  const tag = sheetDataTag(xml, prefix, root.end, edits);
  if (tag.selfClosing) return { frame: xml, root, prefix, span: { tag, close: tag.end, end: tag.end }, sections: () => [] };
  const closeTag = `</${prefix}sheetData>`;
  const close = xml.indexOf(closeTag, tag.end);
  if (close < 0) throw xmlRefusal(edits, 'patch.xml.sheetDataNotClosed');
  if (xml.indexOf(closeTag, close + 1) >= 0) throw xmlRefusal(edits, 'patch.xml.twoSheetData');
  const special = xml.indexOf('<!', tag.end);
  if (special >= 0 && special < close) throw xmlRefusal(edits, 'patch.xml.markupInSheetData');
  const content = xml.slice(tag.end, close);
  const frame = xml.slice(0, tag.end) + xml.slice(close);
  return { frame, root, prefix, span: spanAfter(tag, prefix), sections: (holding) => (content && (holding === undefined || content.includes(holding)) ? [{ text: content, ascii: null }] : []) };
}

/** the span in a frame whose content was cut out */
function spanAfter(tag: StartTag, prefix: string): SheetDataSpan {
  return { tag, close: tag.end, end: tag.end + `</${prefix}sheetData>`.length };
}

/**
 * The head is decoded until the <sheetData> start tag lies whole in it, the close is found in
 * the bytes; null where byte offsets cannot be told from the text (bad UTF-8 in the head, a
 * self-closing <sheetData>): the part is then read whole.
 */
function fromBytes(bytes: Uint8Array, edits: SheetEdits, sectionBytes: number): SheetText | null {
  let head = '';
  let tag: StartTag | null = null;
  let root: StartTag | null = null;
  let prefix = '';
  for (let n = Math.min(bytes.length, 1 << 16); ; n = Math.min(bytes.length, n * 2)) {
    const whole = n === bytes.length;
    head = utf8.decode(bytes.subarray(0, n));
    if (!whole && !completeRoot(head)) continue;
    ({ root, prefix } = worksheetRoot(head, edits));
    const at = findTag(head, prefix + 'sheetData', root.end);
    if (at >= 0 && tagClose(head, at) >= 0) {
      tag = readStartTag(head, at);
      break;
    }
    if (whole) throw xmlRefusal(edits, 'patch.xml.noSheetData');
  }
  if (tag.selfClosing || head.lastIndexOf('\ufffd', tag.end) >= 0) return null;
  const from = encoder.encode(head.slice(0, tag.end)).length;
  // the close is near the end: found from there, and a second one in the content is refused (./sections)
  const closeTag = `</${prefix}sheetData>`;
  const close = lastIndexOfBytes(bytes, encoder.encode(closeTag), from);
  if (close < 0) throw xmlRefusal(edits, 'patch.xml.sheetDataNotClosed');
  if (hasSpecialMarkup(bytes, from, close)) throw xmlRefusal(edits, 'patch.xml.markupInSheetData');
  const frame = head.slice(0, tag.end) + utf8.decode(bytes.subarray(close));
  const cut = { rowClose: encoder.encode(`</${prefix}row>`), closeTag, size: sectionBytes };
  return { frame, root: root!, prefix, span: spanAfter(tag, prefix), sections: (holding) => sections(bytes, from, close, cut, edits, holding === undefined ? null : encoder.encode(holding)) };
}

/** whether the root's start tag is whole in `head` (a cut head is decoded further) */
function completeRoot(head: string): boolean {
  try {
    const root = rootElement(head);
    return root.end < head.length;
  } catch {
    return false;
  }
}

function* sections(bytes: Uint8Array, from: number, to: number, cut: { rowClose: Uint8Array; closeTag: string; size: number }, edits: SheetEdits, holding: Uint8Array | null): Generator<Section> {
  for (let a = from, b = to; a < to; a = b) {
    b = to;
    if (a + cut.size < to) {
      const e = indexOfBytes(bytes, cut.rowClose, a + cut.size, to);
      if (e >= 0) b = e + cut.rowClose.length;
    }
    if (holding && indexOfBytes(bytes, holding, a, b) < 0) continue;
    const text = utf8.decode(bytes.subarray(a, b));
    if (text.includes(cut.closeTag)) throw xmlRefusal(edits, 'patch.xml.twoSheetData');
    // as many characters as bytes, none of them a replacement: ASCII
    yield { text, ascii: text.length === b - a && text.indexOf('\ufffd') < 0 ? bytes.subarray(a, b) : null };
  }
}

/**
 * The first `needle` in bytes[from, to), or -1: a native search for its last byte, then a
 * compare. The last byte of markup sought here ('>' of `</row>`, 'f' of `<f`) is rarer than
 * or as rare as the '<' it starts with. The search stops at `to`: a byte missing from a
 * section would otherwise be sought through the rest of the part, for every section.
 */
export function indexOfBytes(bytes: Uint8Array, needle: Uint8Array, from: number, to: number): number {
  const k = needle.length - 1;
  const within = bytes.subarray(0, to);
  for (let i = within.indexOf(needle[k], from + k); i >= 0; i = within.indexOf(needle[k], i + 1)) if (matchesAt(bytes, needle, i - k)) return i - k;
  return -1;
}

/** The last `needle` in bytes[from, end), or -1. */
function lastIndexOfBytes(bytes: Uint8Array, needle: Uint8Array, from: number): number {
  for (let i = bytes.lastIndexOf(needle[0], bytes.length - needle.length); i >= from; i = i > 0 ? bytes.lastIndexOf(needle[0], i - 1) : -1) if (matchesAt(bytes, needle, i)) return i;
  return -1;
}

/** whether `needle` lies in `bytes` at `i` */
function matchesAt(bytes: Uint8Array, needle: Uint8Array, i: number): boolean {
  let k = 0;
  while (k < needle.length && bytes[i + k] === needle[k]) k++;
  return k === needle.length;
}

/** `<!` (a comment or CDATA) in bytes[from, to) */
function hasSpecialMarkup(bytes: Uint8Array, from: number, to: number): boolean {
  for (let i = bytes.indexOf(0x21, from + 1); i >= 0 && i < to; i = bytes.indexOf(0x21, i + 1)) if (bytes[i - 1] === 0x3c) return true;
  return false;
}
