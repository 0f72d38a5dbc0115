/**
 * A small structural validator for .xlsx packages — what Excel checks before it offers to
 * "repair" a file: well-formed XML (strict tokenizer), content types and relationships
 * that resolve, the child order of <worksheet> and <styleSheet>, counts that match,
 * rows and cells in order, and style / dxf indices in range. Used by the tests and
 * available to the CLI as a self-check of a reviewed copy.
 */
import { ZipArchive } from '../zip';
import { contentTypeOf, parseRels, readWorkbook } from './opc';
import { parseCellRef, WORKSHEET_ORDER } from './sheet';
import { STYLESHEET_ORDER } from './styles';
import type { Attr } from './xml';

export interface XmlEvents {
  open?(name: string, attrs: Attr[], selfClosing: boolean, offset: number): void;
  close?(name: string, offset: number): void;
  text?(from: number, to: number): void;
}

function isNameStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c > 127;
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57) || c === 45 || c === 46 || c === 58;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

const ENTITY = /^&(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/;

function checkEntities(s: string, base: number): string | null {
  let i = s.indexOf('&');
  while (i >= 0) {
    if (!ENTITY.test(s.slice(i, i + 12))) return `bad entity reference at offset ${base + i}`;
    i = s.indexOf('&', i + 1);
  }
  return null;
}

function decode(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e],
  );
}

/**
 * Strict well-formedness check (XML 1.0 without DTDs, as OOXML requires): one root, balanced
 * tags, quoted attributes without duplicates, valid entity references, declared namespace
 * prefixes, no characters XML forbids. Returns the first problem or null; events are
 * reported while scanning.
 */
export function checkXml(xml: string, ev: XmlEvents = {}): string | null {
  // eslint-disable-next-line no-control-regex
  const bad = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.exec(xml);
  if (bad) return `character U+${bad[0].charCodeAt(0).toString(16).padStart(4, '0')} is not allowed in XML (offset ${bad.index})`;
  const n = xml.length;
  let i = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  const stack: string[] = [];
  const scopes: Set<string>[] = [];
  let rootSeen = false;
  let rootClosed = false;
  if (xml.startsWith('<?xml', i)) {
    const e = xml.indexOf('?>', i);
    if (e < 0) return 'unterminated XML declaration';
    i = e + 2;
  }
  while (i < n) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i) {
      const text = xml.slice(i, textEnd);
      if (!stack.length) {
        if (text.trim()) return `text outside the root element at offset ${i}`;
      } else {
        const err = checkEntities(text, i);
        if (err) return err;
        if (text.includes(']]>')) return `']]>' in text at offset ${i}`;
        ev.text?.(i, textEnd);
      }
    }
    if (lt < 0) break;
    if (xml.startsWith('<!--', lt)) {
      const e = xml.indexOf('-->', lt + 4);
      if (e < 0) return `unterminated comment at offset ${lt}`;
      if (xml.slice(lt + 4, e).includes('--')) return `'--' inside a comment at offset ${lt}`;
      i = e + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      if (!stack.length) return `CDATA outside the root at offset ${lt}`;
      const e = xml.indexOf(']]>', lt + 9);
      if (e < 0) return `unterminated CDATA at offset ${lt}`;
      i = e + 3;
      continue;
    }
    if (xml.startsWith('<!', lt)) return `DOCTYPE or other declaration at offset ${lt} (not allowed)`;
    if (xml.startsWith('<?', lt)) {
      const e = xml.indexOf('?>', lt + 2);
      if (e < 0) return `unterminated processing instruction at offset ${lt}`;
      if (/^<\?xml[\s?]/i.test(xml.slice(lt, lt + 6))) return `XML declaration not at the start (offset ${lt})`;
      i = e + 2;
      continue;
    }
    if (xml.charCodeAt(lt + 1) === 47) {
      // end tag
      let k = lt + 2;
      while (k < n && isNameChar(xml.charCodeAt(k))) k++;
      const name = xml.slice(lt + 2, k);
      while (k < n && isSpace(xml.charCodeAt(k))) k++;
      if (xml[k] !== '>') return `malformed end tag </${name}> at offset ${lt}`;
      const open = stack.pop();
      scopes.pop();
      if (open !== name) return `end tag </${name}> at offset ${lt} does not match <${open ?? '(none)'}>`;
      ev.close?.(name, lt);
      if (!stack.length) rootClosed = true;
      i = k + 1;
      continue;
    }
    // start tag
    if (rootClosed) return `second root element at offset ${lt}`;
    let k = lt + 1;
    if (!isNameStart(xml.charCodeAt(k))) return `bad tag name at offset ${lt}`;
    while (k < n && isNameChar(xml.charCodeAt(k))) k++;
    const name = xml.slice(lt + 1, k);
    const attrs: Attr[] = [];
    const seen = new Set<string>();
    let selfClosing = false;
    for (;;) {
      const before = k;
      while (k < n && isSpace(xml.charCodeAt(k))) k++;
      if (k >= n) return `unterminated tag <${name}> at offset ${lt}`;
      const c = xml[k];
      if (c === '>') {
        k++;
        break;
      }
      if (c === '/') {
        if (xml[k + 1] !== '>') return `malformed tag <${name}> at offset ${lt}`;
        selfClosing = true;
        k += 2;
        break;
      }
      if (k === before) return `missing space before attribute in <${name}> at offset ${k}`;
      const a = k;
      if (!isNameStart(xml.charCodeAt(k))) return `bad attribute name in <${name}> at offset ${k}`;
      while (k < n && isNameChar(xml.charCodeAt(k))) k++;
      const an = xml.slice(a, k);
      while (k < n && isSpace(xml.charCodeAt(k))) k++;
      if (xml[k] !== '=') return `attribute ${an} without value in <${name}> at offset ${a}`;
      k++;
      while (k < n && isSpace(xml.charCodeAt(k))) k++;
      const q = xml[k];
      if (q !== '"' && q !== "'") return `unquoted attribute ${an} in <${name}> at offset ${a}`;
      const e = xml.indexOf(q, k + 1);
      if (e < 0) return `unterminated attribute ${an} at offset ${a}`;
      const raw = xml.slice(k + 1, e);
      if (raw.includes('<')) return `'<' in attribute ${an} at offset ${a}`;
      const err = checkEntities(raw, k + 1);
      if (err) return err;
      if (seen.has(an)) return `duplicate attribute ${an} in <${name}> at offset ${a}`;
      seen.add(an);
      attrs.push({ name: an, value: decode(raw) });
      k = e + 1;
    }
    // namespaces
    const declared = new Set<string>();
    for (const a of attrs) if (a.name.startsWith('xmlns:')) declared.add(a.name.slice(6));
    const inScope = (prefix: string) => prefix === 'xml' || prefix === 'xmlns' || declared.has(prefix) || scopes.some((s) => s.has(prefix));
    const colon = name.indexOf(':');
    if (colon >= 0 && !inScope(name.slice(0, colon))) return `undeclared namespace prefix in <${name}> at offset ${lt}`;
    for (const a of attrs) {
      const c = a.name.indexOf(':');
      if (c >= 0 && !inScope(a.name.slice(0, c))) return `undeclared namespace prefix in attribute ${a.name} of <${name}> at offset ${lt}`;
    }
    if (!stack.length) {
      if (rootSeen) return `second root element at offset ${lt}`;
      rootSeen = true;
    }
    ev.open?.(name, attrs, selfClosing, lt);
    if (selfClosing) {
      ev.close?.(name, lt);
      if (!stack.length) rootClosed = true;
    } else {
      stack.push(name);
      scopes.push(declared);
    }
    i = k;
  }
  if (stack.length) return `element <${stack[stack.length - 1]}> is not closed`;
  if (!rootSeen) return 'no root element';
  return null;
}

const local = (q: string) => q.slice(q.indexOf(':') + 1);
const get = (attrs: Attr[], name: string) => attrs.find((a) => a.name === name)?.value;

interface StyleCounts {
  cellXfs: number;
  dxfs: number;
}

/** <styleSheet>: child order, counts, xf references in range. */
export function checkStyles(xml: string, problems: string[], part = 'xl/styles.xml'): StyleCounts {
  const depthNames: string[] = [];
  const order: string[] = [];
  const declared = new Map<string, number>();
  const actual = new Map<string, number>();
  const numFmtIds = new Set<number>();
  const xfRefs: { section: string; attrs: Attr[] }[] = [];
  const err = checkXml(xml, {
    open(name, attrs) {
      const d = depthNames.length;
      const ln = local(name);
      if (d === 1) {
        order.push(ln);
        const c = get(attrs, 'count');
        if (c !== undefined) declared.set(ln, Number(c));
        actual.set(ln, 0);
      } else if (d === 2) {
        const parent = depthNames[1];
        actual.set(parent, (actual.get(parent) ?? 0) + 1);
        if (parent === 'numFmts') numFmtIds.add(Number(get(attrs, 'numFmtId')));
        if (parent === 'cellXfs' || parent === 'cellStyleXfs') xfRefs.push({ section: parent, attrs });
      }
      depthNames.push(ln);
    },
    close() {
      depthNames.pop();
    },
  });
  if (err) {
    problems.push(`${part}: ${err}`);
    return { cellXfs: 0, dxfs: 0 };
  }
  checkOrder(order, STYLESHEET_ORDER, part, problems);
  for (const [sec, n] of declared) {
    if (sec === 'tableStyles' || sec === 'colors' || sec === 'extLst') continue;
    if ((actual.get(sec) ?? 0) !== n) problems.push(`${part}: <${sec} count="${n}"> holds ${actual.get(sec) ?? 0} entries`);
  }
  const limit = (sec: string) => actual.get(sec) ?? 0;
  xfRefs.forEach((x, i) => {
    const check = (attr: string, sec: string) => {
      const v = get(x.attrs, attr);
      if (v !== undefined && !(Number(v) >= 0 && Number(v) < limit(sec))) problems.push(`${part}: ${x.section}[${i}] ${attr}=${v} out of range (${limit(sec)} ${sec})`);
    };
    check('fontId', 'fonts');
    check('fillId', 'fills');
    check('borderId', 'borders');
    if (x.section === 'cellXfs') check('xfId', 'cellStyleXfs');
    const nf = Number(get(x.attrs, 'numFmtId') ?? 0);
    if (nf >= 164 && !numFmtIds.has(nf)) problems.push(`${part}: ${x.section}[${i}] numFmtId=${nf} is not defined`);
  });
  return { cellXfs: limit('cellXfs'), dxfs: limit('dxfs') };
}

function checkOrder(names: string[], schema: string[], part: string, problems: string[]): void {
  let last = -1;
  let lastName = '';
  for (const n of names) {
    if (n === 'AlternateContent') continue;
    const at = schema.indexOf(n);
    if (at < 0) {
      problems.push(`${part}: unknown child <${n}>`);
      continue;
    }
    const repeatable = n === 'conditionalFormatting';
    if (at < last || (at === last && !repeatable)) problems.push(`${part}: <${n}> after <${lastName}> breaks the schema order`);
    last = at;
    lastName = n;
  }
}

/** <worksheet>: child order, rows and cells in order, style and dxf indices in range, inline strings. */
export function checkWorksheet(xml: string, counts: StyleCounts, problems: string[], part: string): void {
  const path: string[] = [];
  const order: string[] = [];
  let prevRow = -1;
  let row = -1;
  let prevCol = -1;
  let cellType: string | undefined;
  let cellHasIs = false;
  let cellRef = '';
  let inText = false;
  let tPreserve = false;
  const max = 20;
  const report = (m: string) => {
    if (problems.length < max) problems.push(`${part}: ${m}`);
  };
  const err = checkXml(xml, {
    open(name, attrs) {
      const ln = local(name);
      const d = path.length;
      if (d === 1) order.push(ln);
      if (ln === 'row' && path[1] === 'sheetData' && d === 2) {
        const r = get(attrs, 'r');
        row = r !== undefined ? Number(r) - 1 : prevRow + 1;
        if (!(row > prevRow)) report(`row ${r} out of order (after ${prevRow + 1})`);
        prevRow = row;
        prevCol = -1;
        const s = get(attrs, 's');
        if (s !== undefined && !(Number(s) < counts.cellXfs)) report(`row ${r} s=${s} ≥ cellXfs count ${counts.cellXfs}`);
      } else if (ln === 'c' && path[2] === 'row' && d === 3) {
        const r = get(attrs, 'r');
        let col = prevCol + 1;
        if (r !== undefined) {
          const p = parseCellRef(r);
          if (!p) report(`bad cell reference ${r}`);
          else {
            if (p.row !== row) report(`cell ${r} inside row ${row + 1}`);
            col = p.col;
          }
        }
        if (!(col > prevCol)) report(`cell ${r ?? '(no r)'} out of order in row ${row + 1}`);
        prevCol = col;
        const s = get(attrs, 's');
        if (s !== undefined && !(Number(s) >= 0 && Number(s) < counts.cellXfs)) report(`cell ${r} s=${s} ≥ cellXfs count ${counts.cellXfs}`);
        cellType = get(attrs, 't');
        cellHasIs = false;
        cellRef = r ?? `(row ${row + 1})`;
      } else if (ln === 'is' && path[path.length - 1] === 'c') {
        cellHasIs = true;
        if (cellType !== 'inlineStr') report(`cell ${cellRef} has <is> but t="${cellType ?? ''}"`);
      } else if (ln === 't' && (path[path.length - 1] === 'is' || (path[path.length - 1] === 'r' && path[path.length - 2] === 'is'))) {
        inText = true;
        tPreserve = get(attrs, 'xml:space') === 'preserve';
      } else if (ln === 'cfRule') {
        const dxf = get(attrs, 'dxfId');
        if (dxf !== undefined && !(Number(dxf) < counts.dxfs)) report(`cfRule dxfId=${dxf} ≥ dxfs count ${counts.dxfs}`);
      }
      path.push(ln);
    },
    text(from, to) {
      if (inText) {
        const text = xml.slice(from, to);
        if (!tPreserve && text !== text.trim()) report(`cell ${cellRef}: text with leading/trailing spaces lacks xml:space="preserve"`);
      }
    },
    close(_name) {
      const ln = path.pop();
      if (ln === 'c' && path[path.length - 1] === 'row' && cellType === 'inlineStr' && !cellHasIs) report(`cell ${cellRef} is t="inlineStr" without <is>`);
      if (ln === 't') inText = false;
    },
  });
  if (err) {
    problems.push(`${part}: ${err}`);
    return;
  }
  checkOrder(order, WORKSHEET_ORDER, part, problems);
}

const SML = 'application/vnd.openxmlformats-officedocument.spreadsheetml.';
/** Content types a part must have, by the relationship type that points at it. */
const EXPECTED_TYPES: Record<string, string[]> = {
  officeDocument: [
    `${SML}sheet.main+xml`,
    `${SML}template.main+xml`,
    'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
    'application/vnd.ms-excel.template.macroEnabled.main+xml',
    'application/vnd.ms-excel.addin.macroEnabled.main+xml',
  ],
  worksheet: [`${SML}worksheet+xml`],
  styles: [`${SML}styles+xml`],
  sharedStrings: [`${SML}sharedStrings+xml`],
  calcChain: [`${SML}calcChain+xml`],
  theme: ['application/vnd.openxmlformats-officedocument.theme+xml'],
};

/** All problems found in the package; an empty list means it should open without repair. */
export async function validatePackage(bytes: Uint8Array): Promise<string[]> {
  const problems: string[] = [];
  const zip = ZipArchive.load(bytes);
  const parts = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
  const partSet = new Set(parts.map((p) => p.toLowerCase()));
  const typesXml = zip.files['[Content_Types].xml'] ? await zip.files['[Content_Types].xml'].async('string') : null;
  if (!typesXml) return ['[Content_Types].xml is missing'];
  const typesErr = checkXml(typesXml);
  if (typesErr) return [`[Content_Types].xml: ${typesErr}`];
  for (const p of parts) {
    if (p === '[Content_Types].xml') continue;
    if (!contentTypeOf(typesXml, p)) problems.push(`${p}: no content type`);
  }
  for (const m of typesXml.matchAll(/PartName\s*=\s*"([^"]+)"/g)) {
    if (!partSet.has(decodeURI(m[1]).replace(/^\//, '').toLowerCase())) problems.push(`[Content_Types].xml: override for missing part ${m[1]}`);
  }
  for (const p of parts) {
    if (!/\.(xml|rels)$/i.test(p)) continue;
    const xml = await zip.files[p].async('string');
    if (/\.rels$/i.test(p)) {
      const err = checkXml(xml);
      if (err) {
        problems.push(`${p}: ${err}`);
        continue;
      }
      const source = p.replace(/_rels\/([^/]+)\.rels$/i, '$1');
      const ids = new Set<string>();
      for (const r of parseRels(xml, source === p ? '' : source)) {
        if (ids.has(r.id)) problems.push(`${p}: duplicate relationship id ${r.id}`);
        ids.add(r.id);
        if (r.external) continue;
        if (!partSet.has(r.part.toLowerCase())) {
          problems.push(`${p}: ${r.id} targets missing part ${r.part}`);
          continue;
        }
        const want = EXPECTED_TYPES[r.type.slice(r.type.lastIndexOf('/') + 1)];
        const got = contentTypeOf(typesXml, r.part);
        if (want && got && !want.includes(got)) problems.push(`${r.part}: content type ${got} does not fit its relationship (${want.join(' or ')})`);
      }
    }
  }
  let wb;
  try {
    wb = await readWorkbook(zip);
  } catch (e) {
    problems.push(`workbook: ${(e as Error).message}`);
    return problems;
  }
  const wbErr = checkXml(wb.xml);
  if (wbErr) problems.push(`${wb.part}: ${wbErr}`);
  const names = new Set<string>();
  const ids = new Set<number>();
  for (const s of wb.sheets) {
    if (names.has(s.name.toLowerCase())) problems.push(`${wb.part}: duplicate sheet name ${s.name}`);
    names.add(s.name.toLowerCase());
    if (ids.has(s.sheetId)) problems.push(`${wb.part}: duplicate sheetId ${s.sheetId}`);
    ids.add(s.sheetId);
    if (!s.part) problems.push(`${wb.part}: sheet ${s.name} has no part (${s.relId})`);
  }
  if (!wb.sheets.some((s) => s.state === 'visible')) problems.push(`${wb.part}: no visible sheet`);
  const stylesRel = wb.rels.find((r) => r.type.endsWith('/styles'));
  let counts: StyleCounts = { cellXfs: 0, dxfs: 0 };
  if (stylesRel && zip.files[stylesRel.part]) counts = checkStyles(await zip.files[stylesRel.part].async('string'), problems, stylesRel.part);
  for (const s of wb.sheets) {
    if (!s.part || !zip.files[s.part] || !s.relType.endsWith('/worksheet')) continue;
    checkWorksheet(await zip.files[s.part].async('string'), counts, problems, s.part);
  }
  for (const p of parts) {
    if (!/\.xml$/i.test(p) || p === wb.part || p === '[Content_Types].xml') continue;
    if (wb.sheets.some((s) => s.part === p) || p === stylesRel?.part) continue;
    const err = checkXml(await zip.files[p].async('string'));
    if (err) problems.push(`${p}: ${err}`);
  }
  return problems;
}
