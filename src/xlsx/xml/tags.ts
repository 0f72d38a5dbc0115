/**
 * Just enough XML for editing package parts in place: start tags with their attributes
 * (quote-aware), the end of an element (depth counting), direct children, and writing a
 * start tag back. Offsets index the original string, so callers splice slices and keep
 * everything they do not change byte for byte. Nothing here builds a tree of a whole part.
 */
import { endsTagName, isSpace } from './chars';
import { escapeAttr, unescapeXml } from './escape';

export interface Attr {
  name: string;
  /** unescaped value */
  value: string;
}

export interface StartTag {
  /** qualified name as written, e.g. `row` or `x:row` */
  name: string;
  /** offset of '<' */
  start: number;
  /** offset just after '>' */
  end: number;
  selfClosing: boolean;
  attrs: Attr[];
}

/** Offset of the '>' that ends the tag opened at `lt` (quotes respected), or -1. */
export function tagClose(xml: string, lt: number): number {
  let i = lt + 1;
  const n = xml.length;
  while (i < n) {
    const c = xml.charCodeAt(i);
    if (c === 62) return i; // >
    if (c === 34 || c === 39) {
      const q = xml.indexOf(c === 34 ? '"' : "'", i + 1);
      if (q < 0) return -1;
      i = q + 1;
      continue;
    }
    i++;
  }
  return -1;
}

/** Attributes between `from` and `to` (the inside of a start tag after its name). */
export function parseAttributes(xml: string, from: number, to: number): Attr[] {
  const attrs: Attr[] = [];
  let i = from;
  while (i < to) {
    while (i < to && isSpace(xml.charCodeAt(i))) i++;
    if (i >= to || xml[i] === '/') break;
    const eq = xml.indexOf('=', i);
    if (eq < 0 || eq >= to) throw new Error(`malformed attribute at offset ${i}`);
    const name = xml.slice(i, eq).trim();
    let j = eq + 1;
    while (j < to && isSpace(xml.charCodeAt(j))) j++;
    const q = xml[j];
    if (q !== '"' && q !== "'") throw new Error(`unquoted attribute ${name} at offset ${i}`);
    const close = xml.indexOf(q, j + 1);
    if (close < 0 || close >= to) throw new Error(`unterminated attribute ${name} at offset ${i}`);
    attrs.push({ name, value: unescapeXml(xml.slice(j + 1, close)) });
    i = close + 1;
  }
  return attrs;
}

/** The start tag at `lt` (which must point at '<' of an element). */
export function readStartTag(xml: string, lt: number): StartTag {
  const gt = tagClose(xml, lt);
  if (gt < 0) throw new Error(`unterminated tag at offset ${lt}`);
  let k = lt + 1;
  while (k < gt && !isSpace(xml.charCodeAt(k)) && xml[k] !== '/' && xml[k] !== '>') k++;
  const name = xml.slice(lt + 1, k);
  const selfClosing = xml[gt - 1] === '/';
  const attrs = parseAttributes(xml, k, selfClosing ? gt - 1 : gt);
  return { name, start: lt, end: gt + 1, selfClosing, attrs };
}

export function attr(tag: { attrs: Attr[] }, name: string): string | undefined {
  for (const a of tag.attrs) if (a.name === name) return a.value;
  return undefined;
}

/** The namespace the tag's own prefix is bound to, when the tag itself declares it. */
export function declaredNamespace(tag: StartTag): string | undefined {
  const p = prefixOf(tag.name);
  return attr(tag, p ? `xmlns:${p.slice(0, -1)}` : 'xmlns');
}

/** `x:row` → `x:`, `row` → '' */
export function prefixOf(qname: string): string {
  const i = qname.indexOf(':');
  return i < 0 ? '' : qname.slice(0, i + 1);
}

/** Skips a comment, processing instruction, CDATA section or doctype at `lt`; returns the offset after it. */
function skipSpecial(xml: string, lt: number): number {
  if (xml.startsWith('<!--', lt)) {
    const e = xml.indexOf('-->', lt + 4);
    return e < 0 ? -1 : e + 3;
  }
  if (xml.startsWith('<![CDATA[', lt)) {
    const e = xml.indexOf(']]>', lt + 9);
    return e < 0 ? -1 : e + 3;
  }
  if (xml.startsWith('<?', lt)) {
    const e = xml.indexOf('?>', lt + 2);
    return e < 0 ? -1 : e + 2;
  }
  const e = tagClose(xml, lt);
  return e < 0 ? -1 : e + 1;
}

/** Offset just after the element whose start tag is given (depth counting). */
export function elementEnd(xml: string, tag: StartTag): number {
  if (tag.selfClosing) return tag.end;
  let depth = 1;
  let i = tag.end;
  for (;;) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) throw new Error(`element <${tag.name}> at offset ${tag.start} is not closed`);
    const c = xml[lt + 1];
    if (c === '!' || c === '?') {
      i = skipSpecial(xml, lt);
      if (i < 0) throw new Error(`unterminated markup at offset ${lt}`);
      continue;
    }
    const gt = tagClose(xml, lt);
    if (gt < 0) throw new Error(`unterminated tag at offset ${lt}`);
    if (c === '/') depth--;
    else if (xml[gt - 1] !== '/') depth++;
    i = gt + 1;
    if (depth === 0) return i;
  }
}

export interface Element {
  tag: StartTag;
  /** offset just after the element */
  end: number;
}

/** Direct child elements of `parent` (a non-self-closing start tag) up to its end. */
export function childElements(xml: string, parent: StartTag, parentEnd?: number): Element[] {
  const out: Element[] = [];
  if (parent.selfClosing) return out;
  const stop = parentEnd ?? elementEnd(xml, parent);
  let i = parent.end;
  for (;;) {
    const lt = xml.indexOf('<', i);
    if (lt < 0 || lt >= stop) break;
    const c = xml[lt + 1];
    if (c === '!' || c === '?') {
      i = skipSpecial(xml, lt);
      if (i < 0) break;
      continue;
    }
    if (c === '/') break; // the parent's own end tag
    const tag = readStartTag(xml, lt);
    const end = elementEnd(xml, tag);
    out.push({ tag, end });
    i = end;
  }
  return out;
}

/** The document element. */
export function rootElement(xml: string): StartTag {
  let i = 0;
  for (;;) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) throw new Error('no root element');
    const c = xml[lt + 1];
    if (c === '?' || c === '!') {
      i = skipSpecial(xml, lt);
      if (i < 0) throw new Error('no root element');
      continue;
    }
    return readStartTag(xml, lt);
  }
}

/** Serialises a start tag: attributes in the given order, values escaped. */
export function startTag(name: string, attrs: readonly Attr[], selfClosing: boolean): string {
  let s = '<' + name;
  for (const a of attrs) s += ' ' + a.name + '="' + escapeAttr(a.value) + '"';
  return s + (selfClosing ? '/>' : '>');
}

/** Returns attrs with `name` set (replaced in place, or appended). */
export function withAttr(attrs: readonly Attr[], name: string, value: string): Attr[] {
  let found = false;
  const out = attrs.map((a) => {
    if (a.name !== name) return a;
    found = true;
    return { name, value };
  });
  if (!found) out.push({ name, value });
  return out;
}

/** Finds `<name` followed by a delimiter at or after `from` and before `to`. */
export function findTag(xml: string, qname: string, from: number, to = xml.length): number {
  const needle = '<' + qname;
  let i = from;
  for (;;) {
    const j = xml.indexOf(needle, i);
    if (j < 0 || j >= to) return -1;
    if (endsTagName(xml.charCodeAt(j + needle.length))) return j;
    i = j + needle.length;
  }
}

/**
 * The raw value of attribute `name` in the start tag spanning [start, end) without parsing
 * the others (hot loops: row and cell tags). Not unescaped: for r, s, spans … only.
 */
export function rawAttr(xml: string, start: number, end: number, name: string): string | undefined {
  return rawAttrSpan(xml, start, end, name)?.value;
}

/** rawAttr with where its value lies in `xml`: from `from` to `to` (the quotes excluded). */
export function rawAttrSpan(xml: string, start: number, end: number, name: string): { value: string; from: number; to: number } | undefined {
  // search a copy of the tag only: indexOf on the whole part would run to its end when absent
  const tag = xml.slice(start, end);
  const needle = name + '=';
  let i = 0;
  for (;;) {
    const j = tag.indexOf(needle, i);
    if (j < 0) return undefined;
    if (isSpace(tag.charCodeAt(j - 1))) {
      const q = tag[j + needle.length];
      if (q !== '"' && q !== "'") return undefined;
      const open = j + needle.length + 1;
      const close = tag.indexOf(q, open);
      return close < 0 ? undefined : { value: tag.slice(open, close), from: start + open, to: start + close };
    }
    i = j + needle.length;
  }
}
