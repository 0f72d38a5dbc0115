/**
 * Strict well-formedness check (XML 1.0 without DTDs, as OOXML requires): one root, balanced
 * tags, quoted attributes without duplicates, valid entity references, declared namespace
 * prefixes (Namespaces in XML 1.0), no characters XML forbids. Events are reported while
 * scanning, with each name's namespace resolved, so callers check a part's structure in the
 * same pass.
 */
import { isNameChar, isNameStart, isSpace } from './chars';
import { unescapeXml } from './escape';
import type { Attr } from './tags';

/**
 * The namespace of a qualified name in the scope of the element being opened: '' when it has
 * none (an unprefixed attribute, or an unprefixed element without a default namespace).
 */
export type ResolveNamespace = (qname: string, attribute?: boolean) => string;

export interface XmlEvents {
  open?(name: string, attrs: Attr[], selfClosing: boolean, offset: number, ns: ResolveNamespace): void;
  close?(name: string, offset: number): void;
  text?(from: number, to: number): void;
}

/** The first problem of `xml`, or null when it is well-formed. */
export function checkXml(xml: string, ev: XmlEvents = {}): string | null {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  const bad = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.exec(xml);
  if (bad) return `character U+${bad[0].charCodeAt(0).toString(16).padStart(4, '0')} is not allowed in XML (offset ${bad.index})`;
  try {
    new WellFormedScanner(xml, ev).run();
    return null;
  } catch (e) {
    if (e instanceof NotWellFormed) return e.message;
    throw e;
  }
}

class NotWellFormed extends Error {}

function fail(message: string): never {
  throw new NotWellFormed(message);
}

const ENTITY = /^&(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/;

/** Every `&` in s starts a valid reference; `base` is s's offset in the part, for the message. */
function checkEntities(s: string, base: number): void {
  let i = s.indexOf('&');
  while (i >= 0) {
    if (!ENTITY.test(s.slice(i, i + 12))) fail(`bad entity reference at offset ${base + i}`);
    i = s.indexOf('&', i + 1);
  }
}

class WellFormedScanner {
  private readonly n: number;
  private i: number;
  /** names of the open elements */
  private readonly stack: string[] = [];
  /** the namespaces each open element binds, by prefix ('' for the default) */
  private readonly scopes: Map<string, string>[] = [];
  private rootSeen = false;
  private rootClosed = false;

  constructor(
    private readonly xml: string,
    private readonly ev: XmlEvents,
  ) {
    this.n = xml.length;
    this.i = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  }

  run(): void {
    const xml = this.xml;
    this.declaration();
    while (this.i < this.n) {
      const lt = xml.indexOf('<', this.i);
      this.text(lt < 0 ? this.n : lt);
      if (lt < 0) break;
      if (xml.startsWith('<!--', lt)) this.i = this.comment(lt);
      else if (xml.startsWith('<![CDATA[', lt)) this.i = this.cdata(lt);
      else if (xml.startsWith('<!', lt)) fail(`DOCTYPE or other declaration at offset ${lt} (not allowed)`);
      else if (xml.startsWith('<?', lt)) this.i = this.processingInstruction(lt);
      else if (xml.charCodeAt(lt + 1) === 47) this.i = this.endTag(lt);
      else this.i = this.startTag(lt);
    }
    if (this.stack.length) fail(`element <${this.stack[this.stack.length - 1]}> is not closed`);
    if (!this.rootSeen) fail('no root element');
  }

  private declaration(): void {
    if (!this.xml.startsWith('<?xml', this.i)) return;
    const e = this.xml.indexOf('?>', this.i);
    if (e < 0) fail('unterminated XML declaration');
    this.i = e + 2;
  }

  /** Character data from the current offset to `end`. */
  private text(end: number): void {
    if (end <= this.i) return;
    const text = this.xml.slice(this.i, end);
    if (!this.stack.length) {
      if (text.trim()) fail(`text outside the root element at offset ${this.i}`);
      return;
    }
    checkEntities(text, this.i);
    if (text.includes(']]>')) fail(`']]>' in text at offset ${this.i}`);
    this.ev.text?.(this.i, end);
  }

  private comment(lt: number): number {
    const e = this.xml.indexOf('-->', lt + 4);
    if (e < 0) fail(`unterminated comment at offset ${lt}`);
    if (this.xml.slice(lt + 4, e).includes('--')) fail(`'--' inside a comment at offset ${lt}`);
    return e + 3;
  }

  private cdata(lt: number): number {
    if (!this.stack.length) fail(`CDATA outside the root at offset ${lt}`);
    const e = this.xml.indexOf(']]>', lt + 9);
    if (e < 0) fail(`unterminated CDATA at offset ${lt}`);
    return e + 3;
  }

  private processingInstruction(lt: number): number {
    const e = this.xml.indexOf('?>', lt + 2);
    if (e < 0) fail(`unterminated processing instruction at offset ${lt}`);
    if (/^<\?xml[\s?]/i.test(this.xml.slice(lt, lt + 6))) fail(`XML declaration not at the start (offset ${lt})`);
    return e + 2;
  }

  private endTag(lt: number): number {
    const xml = this.xml;
    let k = lt + 2;
    while (k < this.n && isNameChar(xml.charCodeAt(k))) k++;
    const name = xml.slice(lt + 2, k);
    while (k < this.n && isSpace(xml.charCodeAt(k))) k++;
    if (xml[k] !== '>') fail(`malformed end tag </${name}> at offset ${lt}`);
    const open = this.stack.pop();
    this.scopes.pop();
    if (open !== name) fail(`end tag </${name}> at offset ${lt} does not match <${open ?? '(none)'}>`);
    this.ev.close?.(name, lt);
    if (!this.stack.length) this.rootClosed = true;
    return k + 1;
  }

  private startTag(lt: number): number {
    if (this.rootClosed) fail(`second root element at offset ${lt}`);
    const xml = this.xml;
    let k = lt + 1;
    if (!isNameStart(xml.charCodeAt(k))) fail(`bad tag name at offset ${lt}`);
    while (k < this.n && isNameChar(xml.charCodeAt(k))) k++;
    const name = xml.slice(lt + 1, k);
    const { attrs, selfClosing, end } = this.attributes(name, lt, k);
    const declared = this.checkNamespaces(name, attrs, lt);
    if (!this.stack.length) {
      if (this.rootSeen) fail(`second root element at offset ${lt}`);
      this.rootSeen = true;
    }
    if (this.ev.open) this.ev.open(name, attrs, selfClosing, lt, (q, attribute) => this.resolve(q, declared, attribute ?? false));
    if (selfClosing) {
      this.ev.close?.(name, lt);
      if (!this.stack.length) this.rootClosed = true;
    } else {
      this.stack.push(name);
      this.scopes.push(declared);
    }
    return end;
  }

  /** The attributes of the start tag `<name` whose name ends at `k`, up to its `>` or `/>`. */
  private attributes(name: string, lt: number, k: number): { attrs: Attr[]; selfClosing: boolean; end: number } {
    const xml = this.xml;
    const n = this.n;
    const attrs: Attr[] = [];
    const seen = new Set<string>();
    for (;;) {
      const before = k;
      while (k < n && isSpace(xml.charCodeAt(k))) k++;
      if (k >= n) fail(`unterminated tag <${name}> at offset ${lt}`);
      const c = xml[k];
      if (c === '>') return { attrs, selfClosing: false, end: k + 1 };
      if (c === '/') {
        if (xml[k + 1] !== '>') fail(`malformed tag <${name}> at offset ${lt}`);
        return { attrs, selfClosing: true, end: k + 2 };
      }
      if (k === before) fail(`missing space before attribute in <${name}> at offset ${k}`);
      const a = k;
      if (!isNameStart(xml.charCodeAt(k))) fail(`bad attribute name in <${name}> at offset ${k}`);
      while (k < n && isNameChar(xml.charCodeAt(k))) k++;
      const an = xml.slice(a, k);
      while (k < n && isSpace(xml.charCodeAt(k))) k++;
      if (xml[k] !== '=') fail(`attribute ${an} without value in <${name}> at offset ${a}`);
      k++;
      while (k < n && isSpace(xml.charCodeAt(k))) k++;
      const q = xml[k];
      if (q !== '"' && q !== "'") fail(`unquoted attribute ${an} in <${name}> at offset ${a}`);
      const e = xml.indexOf(q, k + 1);
      if (e < 0) fail(`unterminated attribute ${an} at offset ${a}`);
      const raw = xml.slice(k + 1, e);
      if (raw.includes('<')) fail(`'<' in attribute ${an} at offset ${a}`);
      checkEntities(raw, k + 1);
      if (seen.has(an)) fail(`duplicate attribute ${an} in <${name}> at offset ${a}`);
      seen.add(an);
      attrs.push({ name: an, value: unescapeXml(raw) });
      k = e + 1;
    }
  }

  /** The namespaces the tag binds; its own prefix and its attributes' must be in scope. */
  private checkNamespaces(name: string, attrs: Attr[], lt: number): Map<string, string> {
    const declared = new Map<string, string>();
    for (const a of attrs) {
      if (a.name === 'xmlns') declared.set('', a.value);
      else if (a.name.startsWith('xmlns:')) {
        if (a.value === '') fail(`namespace prefix ${a.name.slice(6)} bound to an empty name in <${name}> at offset ${lt}`);
        declared.set(a.name.slice(6), a.value);
      }
    }
    const inScope = (prefix: string) => prefix === 'xml' || prefix === 'xmlns' || this.lookup(prefix, declared) !== undefined;
    const colon = name.indexOf(':');
    if (colon >= 0 && !inScope(name.slice(0, colon))) fail(`undeclared namespace prefix in <${name}> at offset ${lt}`);
    for (const a of attrs) {
      const c = a.name.indexOf(':');
      if (c >= 0 && !inScope(a.name.slice(0, c))) fail(`undeclared namespace prefix in attribute ${a.name} of <${name}> at offset ${lt}`);
    }
    return declared;
  }

  /** The namespace bound to `prefix` by the tag being opened (`own`) or its ancestors. */
  private lookup(prefix: string, own: Map<string, string>): string | undefined {
    if (own.has(prefix)) return own.get(prefix);
    for (let i = this.scopes.length - 1; i >= 0; i--) if (this.scopes[i].has(prefix)) return this.scopes[i].get(prefix);
    return undefined;
  }

  private resolve(qname: string, own: Map<string, string>, attribute: boolean): string {
    const colon = qname.indexOf(':');
    if (colon < 0) return attribute ? '' : (this.lookup('', own) ?? '');
    const prefix = qname.slice(0, colon);
    if (prefix === 'xml') return 'http://www.w3.org/XML/1998/namespace';
    if (prefix === 'xmlns') return 'http://www.w3.org/2000/xmlns/';
    return this.lookup(prefix, own) ?? '';
  }
}
