/**
 * A streaming XML tokenizer for package parts: text is pushed in pieces as it is inflated and
 * decoded, and element starts, ends and character data go to a sink as soon as they are
 * complete. Only the unfinished tail of the last piece is kept, never the part, never a tree.
 * Namespace-aware: every element comes with the namespace its prefix is bound to, as a small
 * code (so `x:c` in SpreadsheetML, Strict or Transitional, is the same cell as `c`).
 * A DOCTYPE (and so any entity declaration) is refused: package parts never need one.
 */
import { isSpace } from '../xml/chars';
import { NS } from '../ooxml/namespaces';
import { unescapeXml } from '../xml/escape';
import { keepShape } from '../../domain/base/keptShapes';

/** Namespaces the readers ask about; everything else is OTHER. */
export const NS_OTHER = 0;
export const NS_SHEET = 1;
export const NS_RELATIONSHIPS = 2;
export const NS_PACKAGE_RELATIONSHIPS = 3;

const NS_CODES: ReadonlyMap<string, number> = new Map([
  [NS.main, NS_SHEET],
  [NS.strictMain, NS_SHEET],
  [NS.relationships, NS_RELATIONSHIPS],
  [NS.strictRelationships, NS_RELATIONSHIPS],
  [NS.packageRelationships, NS_PACKAGE_RELATIONSHIPS],
]);

export function namespaceCode(uri: string): number {
  return NS_CODES.get(uri) ?? NS_OTHER;
}

export type XmlProblem = 'doctype' | 'malformed';

/**
 * Takes over the raw text for a while (a worksheet's cells, read by a scanner made for them):
 * given the text from `from`, it returns how far it got; it hands back with XmlStream.resume.
 */
export interface RawReader {
  read(buf: string, from: number, final: boolean): number;
}

export class XmlStreamError extends Error {
  constructor(
    readonly problem: XmlProblem,
    detail: string,
  ) {
    super(detail);
    this.name = 'XmlStreamError';
  }
}

export interface XmlSink {
  /** character data is decoded and handed over only while this is true */
  wantText: boolean;
  start(local: string, ns: number, tag: TagAttributes, selfClosing: boolean): void;
  end(local: string, ns: number): void;
  /** decoded character data; one run of text may come in several calls */
  text(s: string): void;
}

/**
 * The attributes of the start tag being reported, found once while the tag's end was looked
 * for (name and value offsets into the text); valid only during sink.start.
 */
export class TagAttributes {
  private buf = '';
  /** per attribute: name start, name end, value start, value end */
  private pos = new Int32Array(64);
  count = 0;

  constructor(private readonly scope: NamespaceScope) {
    keepShape(this);
  }

  reset(buf: string): void {
    this.buf = buf;
    this.count = 0;
  }

  add(nameStart: number, nameEnd: number, valueStart: number, valueEnd: number): void {
    let k = this.count * 4;
    if (k + 4 > this.pos.length) {
      const grown = new Int32Array(this.pos.length * 2);
      grown.set(this.pos);
      this.pos = grown;
    }
    const p = this.pos;
    p[k++] = nameStart;
    p[k++] = nameEnd;
    p[k++] = valueStart;
    p[k] = valueEnd;
    this.count++;
  }

  private find(qname: string): number {
    const b = this.buf;
    const p = this.pos;
    const len = qname.length;
    for (let k = 0; k < this.count * 4; k += 4) {
      if (p[k + 1] - p[k] === len && b.startsWith(qname, p[k])) return k;
    }
    return -1;
  }

  /** The value of the attribute written exactly `qname` (unescaped), or undefined. */
  get(qname: string): string | undefined {
    const k = this.find(qname);
    return k < 0 ? undefined : attributeValue(this.buf.slice(this.pos[k + 2], this.pos[k + 3]));
  }

  /** The value of the attribute `local` in namespace `ns` (prefixed: unprefixed attributes have none). */
  getNs(local: string, ns: number): string | undefined {
    let found: string | undefined;
    this.each((name, value) => {
      if (found !== undefined) return;
      const colon = name.indexOf(':');
      if (colon < 0 || name.slice(colon + 1) !== local) return;
      if (this.scope.prefixCode(name.slice(0, colon)) === ns) found = value();
    });
    return found;
  }

  /** Every attribute: its qualified name and a getter for its unescaped value. */
  each(visit: (name: string, value: () => string) => void): void {
    const b = this.buf;
    const p = this.pos;
    for (let k = 0; k < this.count * 4; k += 4) {
      const vs = p[k + 2];
      const ve = p[k + 3];
      visit(b.slice(p[k], p[k + 1]), () => attributeValue(b.slice(vs, ve)));
    }
  }
}

/** Attribute values: entities decoded, white space normalised as XML parsers do. */
function attributeValue(raw: string): string {
  // literal white space becomes a space; &#10; and friends stay what they say
  return unescapeXmlStrict(/[\t\n\r]/.test(raw) ? raw.replace(/\r\n|[\t\n\r]/g, ' ') : raw);
}

function unescapeXmlStrict(s: string): string {
  return s.indexOf('&') < 0 ? s : unescapeXml(s);
}

/** Character data: entities decoded, line ends normalised to \n as XML parsers do. */
export function textValue(raw: string): string {
  const v = unescapeXmlStrict(raw);
  return v.indexOf('\r') < 0 ? v : v.replace(/\r\n?/g, '\n');
}

interface Frame {
  depth: number;
  defaultNs: number;
  saved: [string, number | undefined][];
}

/** Prefix bindings in force, with the declarations of open elements. */
class NamespaceScope {
  defaultNs = NS_OTHER;
  private readonly prefixes = new Map<string, number>();
  private readonly frames: Frame[] = [];

  constructor() {
    keepShape(this);
  }

  prefixCode(prefix: string): number {
    return this.prefixes.get(prefix) ?? NS_OTHER;
  }

  declare(depth: number, attrs: TagAttributes): void {
    const frame: Frame = { depth, defaultNs: this.defaultNs, saved: [] };
    attrs.each((name, value) => {
      if (name === 'xmlns') this.defaultNs = namespaceCode(value());
      else if (name.startsWith('xmlns:')) {
        const p = name.slice(6);
        frame.saved.push([p, this.prefixes.get(p)]);
        this.prefixes.set(p, namespaceCode(value()));
      }
    });
    this.frames.push(frame);
  }

  /** Undoes the declarations of elements at `depth` or deeper. */
  leave(depth: number): void {
    const frames = this.frames;
    while (frames.length && frames[frames.length - 1].depth >= depth) {
      const f = frames.pop()!;
      this.defaultNs = f.defaultNs;
      for (let k = f.saved.length - 1; k >= 0; k--) {
        const [p, prev] = f.saved[k];
        if (prev === undefined) this.prefixes.delete(p);
        else this.prefixes.set(p, prev);
      }
    }
  }
}

export class XmlStream {
  private buf = '';
  private pos = 0;
  private depth = 0;
  private sawRoot = false;
  private skipNeedle: string | null = null;
  private raw: RawReader | null = null;
  /** the qualified name of the last start tag (its prefix, for skipTo) */
  lastQName = '';
  private readonly scope = new NamespaceScope();
  private readonly tag = new TagAttributes(this.scope);

  constructor(private readonly sink: XmlSink) {
    keepShape(this);
  }

  /**
   * Discards input up to the next occurrence of `needle` (a start tag such as `<mergeCells`),
   * which must be a child of the root element; tokenizing resumes there. Used to step over the
   * rest of a worksheet's cells without parsing them.
   */
  skipTo(needle: string): void {
    this.skipNeedle = needle;
  }

  /** Hands the text that follows to `reader` until it calls resume(). */
  handOver(reader: RawReader): void {
    this.raw = reader;
  }

  /** Tokenizing goes on at element depth `depth` (the reader consumed the elements in between). */
  resume(depth: number): void {
    this.raw = null;
    this.depth = depth;
    this.scope.leave(depth);
  }

  /**
   * The next text, which begins with the text not consumed so far (the caller decoded it
   * again from its bytes, see `unconsumed`).
   */
  feed(text: string): void {
    this.buf = text;
    this.pos = 0;
    this.run(false);
  }

  /** Characters at the end of the last text not consumed yet (an unfinished tag or cell). */
  get unconsumed(): number {
    return this.buf.length - this.pos;
  }

  /** The unconsumed text stays here: the next text comes through push. */
  keep(): void {
    this.buf = this.buf.slice(this.pos);
    this.pos = 0;
  }

  push(text: string): void {
    this.buf = this.pos < this.buf.length ? this.buf.slice(this.pos) + text : text;
    this.pos = 0;
    this.run(false);
  }

  /** No more input: everything must be complete. */
  end(): void {
    this.run(true);
    if (this.pos < this.buf.length) throw new XmlStreamError('malformed', 'the part ends inside markup');
    if (!this.sawRoot) throw new XmlStreamError('malformed', 'no root element');
    if (this.depth > 0 && this.skipNeedle === null) throw new XmlStreamError('malformed', 'the part ends before its root element is closed');
  }

  private run(final: boolean): void {
    const buf = this.buf;
    const n = buf.length;
    const sink = this.sink;
    let i = this.pos;
    while (i < n) {
      if (this.raw !== null) {
        const j = this.raw.read(buf, i, final);
        const waiting = this.raw !== null;
        i = j;
        if (waiting) break; // it needs more text
        continue;
      }
      if (this.skipNeedle !== null) {
        const j = buf.indexOf(this.skipNeedle, i);
        if (j < 0) {
          i = final ? n : Math.max(i, n - this.skipNeedle.length + 1);
          break;
        }
        i = j;
        this.skipNeedle = null;
        this.depth = 1;
        this.scope.leave(1);
        continue;
      }
      if (buf.charCodeAt(i) !== 60) {
        let lt = buf.indexOf('<', i);
        if (this.depth === 0 && /\S/.test(buf.slice(i, lt < 0 ? n : lt))) throw new XmlStreamError('malformed', 'text outside the root element');
        if (lt < 0) {
          if (!final) {
            if (!sink.wantText) {
              i = n;
              break;
            }
            // hand over what is complete: not a half entity or a CR whose LF may follow
            let cut = n;
            const amp = buf.lastIndexOf('&');
            if (amp >= i && buf.indexOf(';', amp) < 0) cut = amp;
            if (cut > i && buf.charCodeAt(cut - 1) === 13) cut--;
            if (cut > i) sink.text(textValue(buf.slice(i, cut)));
            i = cut;
            break;
          }
          lt = n;
        }
        if (sink.wantText) sink.text(textValue(buf.slice(i, lt)));
        i = lt;
        continue;
      }
      if (i + 1 >= n) {
        if (final) throw new XmlStreamError('malformed', 'the part ends inside markup');
        break;
      }
      const c1 = buf.charCodeAt(i + 1);
      if (c1 === 47) {
        // </name>
        const gt = buf.indexOf('>', i + 2);
        if (gt < 0) break;
        let e = gt;
        while (e > i + 2 && isSpace(buf.charCodeAt(e - 1))) e--;
        const qname = buf.slice(i + 2, e);
        const colon = qname.indexOf(':');
        const ns = colon < 0 ? this.scope.defaultNs : this.scope.prefixCode(qname.slice(0, colon));
        this.depth--;
        sink.end(colon < 0 ? qname : qname.slice(colon + 1), ns);
        this.scope.leave(this.depth);
        i = gt + 1;
        continue;
      }
      if (c1 === 63) {
        // <? … ?>
        const e = buf.indexOf('?>', i + 2);
        if (e < 0) break;
        i = e + 2;
        continue;
      }
      if (c1 === 33) {
        const next = this.special(buf, i, final);
        if (next < 0) break;
        i = next;
        continue;
      }
      const next = this.startTag(buf, i);
      if (next < 0) break;
      i = next;
    }
    this.pos = i;
  }

  /** `<!…`: comment, CDATA or (refused) DOCTYPE; returns the offset after it, -1 when incomplete. */
  private special(buf: string, i: number, final: boolean): number {
    if (buf.startsWith('<!--', i)) {
      const e = buf.indexOf('-->', i + 4);
      return e < 0 ? -1 : e + 3;
    }
    if (buf.startsWith('<![CDATA[', i)) {
      const e = buf.indexOf(']]>', i + 9);
      if (e < 0) return -1;
      if (this.sink.wantText) this.sink.text(buf.slice(i + 9, e));
      return e + 3;
    }
    if (buf.startsWith('<!DOCTYPE', i) || buf.startsWith('<!ENTITY', i)) throw new XmlStreamError('doctype', 'DOCTYPE');
    if (!final && buf.length - i < 9) return -1;
    throw new XmlStreamError('malformed', 'unknown markup <!');
  }

  /** A start tag at `lt`; returns the offset after it, -1 when incomplete. */
  private startTag(buf: string, lt: number): number {
    const n = buf.length;
    let i = lt + 1;
    let c = 0;
    while (i < n) {
      c = buf.charCodeAt(i);
      if (c === 62 || c === 47 || isSpace(c)) break;
      i++;
    }
    const nameEnd = i;
    if (nameEnd === lt + 1 && i < n) throw new XmlStreamError('malformed', 'element without a name');
    const tag = this.tag;
    tag.reset(buf);
    let declares = false;
    let selfClosing = false;
    // attributes up to the end of the tag; values are found with indexOf, so '>' inside them is fine
    for (;;) {
      while (i < n && isSpace((c = buf.charCodeAt(i)))) i++;
      if (i >= n) return -1;
      if (c === 62) break;
      if (c === 47) {
        if (i + 1 >= n) return -1;
        if (buf.charCodeAt(i + 1) !== 62) throw new XmlStreamError('malformed', 'stray / in a tag');
        selfClosing = true;
        i++;
        break;
      }
      const ns = i;
      while (i < n && (c = buf.charCodeAt(i)) !== 61 && !isSpace(c) && c !== 62 && c !== 47) i++;
      const ne = i;
      while (i < n && isSpace((c = buf.charCodeAt(i)))) i++;
      if (i >= n) return -1;
      if (c !== 61) throw new XmlStreamError('malformed', 'attribute without a value');
      i++;
      while (i < n && isSpace((c = buf.charCodeAt(i)))) i++;
      if (i >= n) return -1;
      if (c !== 34 && c !== 39) throw new XmlStreamError('malformed', 'unquoted attribute value');
      const close = buf.indexOf(c === 34 ? '"' : "'", i + 1);
      if (close < 0) return -1;
      tag.add(ns, ne, i + 1, close);
      if (ne - ns >= 5 && buf.charCodeAt(ns) === 120 && buf.startsWith('xmlns', ns)) declares = true;
      i = close + 1;
    }
    const gt = i;
    const depth = this.depth;
    if (declares) this.scope.declare(depth, tag);
    const qname = buf.slice(lt + 1, nameEnd);
    const colon = qname.indexOf(':');
    const ns = colon < 0 ? this.scope.defaultNs : this.scope.prefixCode(qname.slice(0, colon));
    this.lastQName = qname;
    this.sawRoot = true;
    if (!selfClosing) this.depth = depth + 1;
    this.sink.start(colon < 0 ? qname : qname.slice(colon + 1), ns, tag, selfClosing);
    if (selfClosing && declares) this.scope.leave(depth);
    return gt + 1;
  }
}
