/**
 * A small, strict XML reader for the manifest tests: a character scanner (no regular
 * expressions), no dependencies. It keeps element order, resolves namespace prefixes and keeps
 * comments (the manifest documents its requirement set in one). It rejects what a real parser
 * rejects in practice: mismatched or unclosed tags, duplicate attributes, unquoted attribute
 * values, unknown entities, text or a second element after the root.
 */

export interface XmlElement {
  /** Qualified name as written, e.g. `bt:Image`. */
  name: string;
  /** Local part of the name, e.g. `Image`. */
  local: string;
  /** Namespace URI the prefix (or the default namespace) resolves to; '' for none. */
  ns: string;
  /** Attributes as written (qualified names), in document order. */
  attrs: Map<string, string>;
  children: XmlElement[];
  /** Concatenated character data directly inside this element, entities decoded. */
  text: string;
  parent: XmlElement | null;
}

export interface XmlDocument {
  root: XmlElement;
  /** Every comment in the document, in order, without the delimiters. */
  comments: string[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r';
}

function isNameChar(c: string): boolean {
  return c !== '' && !isSpace(c) && c !== '/' && c !== '>' && c !== '=' && c !== '<' && c !== '"' && c !== "'";
}

export function parseXml(source: string): XmlDocument {
  let pos = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  const comments: string[] = [];
  const stack: XmlElement[] = [];
  const scopes: Map<string, string>[] = [new Map([['xml', XML_NS]])];
  let root: XmlElement | null = null;

  function fail(message: string): never {
    let line = 1;
    for (let i = 0; i < pos && i < source.length; i++) if (source[i] === '\n') line++;
    throw new Error(`XML: ${message} (line ${line})`);
  }
  const startsWith = (s: string) => source.startsWith(s, pos);
  const skipSpace = () => {
    while (pos < source.length && isSpace(source[pos])) pos++;
  };
  const readUntil = (end: string, what: string): string => {
    const at = source.indexOf(end, pos);
    if (at < 0) fail(`unterminated ${what}`);
    const s = source.slice(pos, at);
    pos = at + end.length;
    return s;
  };
  const readName = (): string => {
    const start = pos;
    while (pos < source.length && isNameChar(source[pos])) pos++;
    if (pos === start) fail('expected a name');
    return source.slice(start, pos);
  };
  const decode = (raw: string): string => {
    let out = '';
    let i = 0;
    while (i < raw.length) {
      const amp = raw.indexOf('&', i);
      if (amp < 0) {
        out += raw.slice(i);
        break;
      }
      out += raw.slice(i, amp);
      const semi = raw.indexOf(';', amp);
      if (semi < 0) fail('unterminated entity');
      const ent = raw.slice(amp + 1, semi);
      if (ent.startsWith('#x')) out += String.fromCodePoint(parseInt(ent.slice(2), 16));
      else if (ent.startsWith('#')) out += String.fromCodePoint(parseInt(ent.slice(1), 10));
      else if (ent in ENTITIES) out += ENTITIES[ent];
      else fail(`unknown entity &${ent};`);
      i = semi + 1;
    }
    return out;
  };
  const resolve = (qname: string, scope: Map<string, string>, isAttr: boolean): [string, string] => {
    const colon = qname.indexOf(':');
    if (colon < 0) return [isAttr ? '' : scope.get('') ?? '', qname];
    const prefix = qname.slice(0, colon);
    const uri = scope.get(prefix);
    if (uri === undefined) fail(`undeclared namespace prefix "${prefix}"`);
    return [uri, qname.slice(colon + 1)];
  };

  while (pos < source.length) {
    if (startsWith('<?')) {
      readUntil('?>', 'processing instruction');
    } else if (startsWith('<!--')) {
      pos += 4;
      const body = readUntil('-->', 'comment');
      if (body.includes('--')) fail('"--" inside a comment');
      comments.push(body);
    } else if (startsWith('<![CDATA[')) {
      pos += 9;
      const data = readUntil(']]>', 'CDATA section');
      if (stack.length === 0) fail('CDATA outside the root element');
      stack[stack.length - 1].text += data;
    } else if (startsWith('<!')) {
      if (root || stack.length) fail('DOCTYPE after the root element');
      readUntil('>', 'DOCTYPE');
    } else if (startsWith('</')) {
      pos += 2;
      const name = readName();
      skipSpace();
      if (source[pos] !== '>') fail(`expected ">" after </${name}`);
      pos++;
      const open = stack.pop();
      if (!open) fail(`unexpected </${name}>`);
      if (open.name !== name) fail(`</${name}> closes <${open.name}>`);
      scopes.pop();
    } else if (startsWith('<')) {
      if (root && stack.length === 0) fail('a second root element');
      pos++;
      const name = readName();
      const attrs = new Map<string, string>();
      let selfClosing = false;
      for (;;) {
        const before = pos;
        skipSpace();
        if (startsWith('/>')) {
          pos += 2;
          selfClosing = true;
          break;
        }
        if (startsWith('>')) {
          pos++;
          break;
        }
        if (pos === before) fail(`expected whitespace before an attribute of <${name}>`);
        const attr = readName();
        skipSpace();
        if (source[pos] !== '=') fail(`attribute ${attr} of <${name}> has no value`);
        pos++;
        skipSpace();
        const quote = source[pos];
        if (quote !== '"' && quote !== "'") fail(`attribute ${attr} of <${name}> is not quoted`);
        pos++;
        const raw = readUntil(quote, 'attribute value');
        if (raw.includes('<')) fail(`"<" in attribute ${attr} of <${name}>`);
        if (attrs.has(attr)) fail(`duplicate attribute ${attr} on <${name}>`);
        attrs.set(attr, decode(raw));
      }
      const scope = new Map(scopes[scopes.length - 1]);
      for (const [attr, value] of attrs) {
        if (attr === 'xmlns') scope.set('', value);
        else if (attr.startsWith('xmlns:')) scope.set(attr.slice(6), value);
      }
      for (const attr of attrs.keys()) if (!attr.startsWith('xmlns')) resolve(attr, scope, true);
      const [ns, local] = resolve(name, scope, false);
      const parent = stack.length ? stack[stack.length - 1] : null;
      const element: XmlElement = { name, local, ns, attrs, children: [], text: '', parent };
      if (parent) parent.children.push(element);
      else root = element;
      if (!selfClosing) {
        stack.push(element);
        scopes.push(scope);
      }
    } else {
      const next = source.indexOf('<', pos);
      const raw = source.slice(pos, next < 0 ? source.length : next);
      pos = next < 0 ? source.length : next;
      if (stack.length === 0) {
        for (const c of raw) if (!isSpace(c)) fail('text outside the root element');
      } else {
        if (raw.includes(']]>')) fail('"]]>" in text');
        stack[stack.length - 1].text += decode(raw);
      }
    }
  }
  if (stack.length) fail(`<${stack[stack.length - 1].name}> is not closed`);
  if (!root) fail('no root element');
  return { root, comments };
}

/** Children with the given local name (any namespace). */
export function childrenNamed(el: XmlElement, local: string): XmlElement[] {
  return el.children.filter((c) => c.local === local);
}

/** The only child with the given local name; throws when there are none or several. */
export function child(el: XmlElement, local: string): XmlElement {
  const found = childrenNamed(el, local);
  if (found.length !== 1) throw new Error(`<${el.name}> has ${found.length} <${local}> children, expected 1`);
  return found[0];
}

/** Every element of the subtree (including el), depth first, document order. */
export function descendants(el: XmlElement): XmlElement[] {
  const out: XmlElement[] = [el];
  for (const c of el.children) out.push(...descendants(c));
  return out;
}

/** The chain of local names from the root down to el, e.g. `OfficeApp/Hosts/Host`. */
export function pathOf(el: XmlElement): string {
  const parts: string[] = [];
  for (let e: XmlElement | null = el; e; e = e.parent) parts.unshift(e.local);
  return parts.join('/');
}
