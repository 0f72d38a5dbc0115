/**
 * A small structural validator for .xlsx packages — what Excel checks before it offers to
 * "repair" a file: well-formed XML (strict tokenizer), content types and relationships
 * that resolve, the child order of <worksheet> and <styleSheet>, counts that match,
 * rows and cells in order, and style / dxf indices in range. Used by the tests and
 * available to the CLI as a self-check of a reviewed copy.
 */
import { parseCellRef } from '../../domain/base/address';
import { CT, isRelType, NS } from '../ooxml/namespaces';
import { contentTypeOf, parseRels, readText } from '../ooxml/package';
import { STYLESHEET_ORDER, WORKSHEET_ORDER } from '../ooxml/schemaOrder';
import { readWorkbook, type WorkbookInfo } from '../ooxml/workbook';
import type { Attr } from '../xml/tags';
import { checkXml, type ResolveNamespace } from '../xml/wellFormed';
import { ZipArchive } from '../zip/zipArchive';

const local = (q: string) => q.slice(q.indexOf(':') + 1);

/**
 * Namespaces as a namespace-aware reader (Excel, LibreOffice, openpyxl) sees them: the root of
 * a SpreadsheetML part is in SpreadsheetML, and no element is in no namespace (an unprefixed
 * element under a prefixed root is, and such readers skip it).
 */
function namespaceCheck(part: string, report: (m: string) => void): (name: string, depth: number, ns: ResolveNamespace) => void {
  return (name, depth, ns) => {
    const uri = ns(name);
    if (depth === 0 && uri !== NS.main) report(`${part}: root <${name}> is in namespace "${uri}", not SpreadsheetML`);
    else if (uri === '') report(`${part}: <${name}> is in no namespace`);
  };
}
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
  const nsCheck = namespaceCheck(part, (m) => problems.push(m));
  const err = checkXml(xml, {
    open(name, attrs, _selfClosing, _offset, ns) {
      const d = depthNames.length;
      nsCheck(name, d, ns);
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
  // at most 20 problems from one sheet, whatever other parts reported
  let left = 20;
  const report = (m: string) => {
    if (left-- > 0) problems.push(`${part}: ${m}`);
  };
  const nsCheck = namespaceCheck(part, report);
  const err = checkXml(xml, {
    open(name, attrs, _selfClosing, _offset, ns) {
      const ln = local(name);
      const d = path.length;
      nsCheck(name, d, ns);
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

/** Content types a part must have, by the relationship type that points at it. */
const EXPECTED_TYPES: Record<string, string[]> = {
  officeDocument: [CT.workbook, CT.template, CT.workbookMacroEnabled, CT.templateMacroEnabled, CT.addinMacroEnabled],
  worksheet: [CT.worksheet],
  styles: [CT.styles],
  sharedStrings: [CT.sharedStrings],
  calcChain: [CT.calcChain],
  theme: [CT.theme],
};

/** All problems found in the package; an empty list means it should open without repair. */
export async function validatePackage(bytes: Uint8Array): Promise<string[]> {
  const problems: string[] = [];
  const zip = ZipArchive.load(bytes);
  const entries = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
  // part names as OPC reads them: `xl\\workbook.xml` (some zip tools) is xl/workbook.xml
  const parts = entries.map((n) => n.replace(/\\/g, '/'));
  const partSet = new Set(parts.map((p) => p.toLowerCase()));
  const typesXml = readText(zip, '[Content_Types].xml');
  if (!typesXml) return ['[Content_Types].xml is missing'];
  const typesErr = checkXml(typesXml);
  if (typesErr) return [`[Content_Types].xml: ${typesErr}`];
  checkContentTypes(typesXml, parts, partSet, problems);
  parts.forEach((p, i) => {
    if (/\.rels$/i.test(p)) checkRelationships(p, zip.files[entries[i]].text(), typesXml, partSet, problems);
  });
  let wb;
  try {
    wb = readWorkbook(zip);
  } catch (e) {
    problems.push(`workbook: ${(e as Error).message}`);
    return problems;
  }
  checkWorkbookXml(wb.part, wb.xml, problems);
  checkSheetList(wb, problems);
  const stylesRel = wb.rels.find((r) => isRelType(r.type, 'styles'));
  let counts: StyleCounts = { cellXfs: 0, dxfs: 0 };
  const stylesXml = stylesRel ? readText(zip, stylesRel.part) : null;
  if (stylesRel && stylesXml !== null) counts = checkStyles(stylesXml, problems, stylesRel.part);
  for (const s of wb.sheets) {
    const xml = s.part && isRelType(s.relType, 'worksheet') ? readText(zip, s.part) : null;
    if (xml !== null) checkWorksheet(xml, counts, problems, s.part);
  }
  // every other XML part: well-formed
  parts.forEach((p, i) => {
    if (!/\.xml$/i.test(p) || p === wb.part || p === '[Content_Types].xml') return;
    if (wb.sheets.some((s) => s.part === p) || p === stylesRel?.part) return;
    const err = checkXml(zip.files[entries[i]].text());
    if (err) problems.push(`${p}: ${err}`);
  });
  return problems;
}

/** Every part has a content type; every override names a part. */
function checkContentTypes(typesXml: string, parts: string[], partSet: Set<string>, problems: string[]): void {
  for (const p of parts) {
    if (p === '[Content_Types].xml') continue;
    if (!contentTypeOf(typesXml, p)) problems.push(`${p}: no content type`);
  }
  for (const m of typesXml.matchAll(/PartName\s*=\s*"([^"]+)"/g)) {
    if (!partSet.has(decodeURI(m[1]).replace(/^\//, '').toLowerCase())) problems.push(`[Content_Types].xml: override for missing part ${m[1]}`);
  }
}

/** A .rels part: well-formed, unique ids, internal targets that exist with the content type their relationship wants. */
function checkRelationships(part: string, xml: string, typesXml: string, partSet: Set<string>, problems: string[]): void {
  const err = checkXml(xml);
  if (err) {
    problems.push(`${part}: ${err}`);
    return;
  }
  const source = part.replace(/_rels\/([^/]+)\.rels$/i, '$1');
  const ids = new Set<string>();
  for (const r of parseRels(xml, source === part ? '' : source)) {
    if (ids.has(r.id)) problems.push(`${part}: duplicate relationship id ${r.id}`);
    ids.add(r.id);
    if (r.external) continue;
    if (!partSet.has(r.part.toLowerCase())) {
      problems.push(`${part}: ${r.id} targets missing part ${r.part}`);
      continue;
    }
    const want = EXPECTED_TYPES[r.type.slice(r.type.lastIndexOf('/') + 1)];
    const got = contentTypeOf(typesXml, r.part);
    if (want && got && !want.includes(got)) problems.push(`${r.part}: content type ${got} does not fit its relationship (${want.join(' or ')})`);
  }
}

/** workbook.xml: well-formed, in SpreadsheetML, each <sheet> with an r:id in the relationships namespace. */
function checkWorkbookXml(part: string, xml: string, problems: string[]): void {
  let depth = 0;
  const nsCheck = namespaceCheck(part, (m) => problems.push(m));
  const err = checkXml(xml, {
    open(name, attrs, _selfClosing, _offset, ns) {
      nsCheck(name, depth, ns);
      if (depth === 2 && local(name) === 'sheet' && ns(name) === NS.main) {
        if (!attrs.some((a) => local(a.name) === 'id' && ns(a.name, true) === NS.relationships)) problems.push(`${part}: <${name} name="${get(attrs, 'name') ?? ''}"> has no r:id in the relationships namespace`);
      }
      depth++;
    },
    close() {
      depth--; // self-closing elements are closed too
    },
  });
  if (err) problems.push(`${part}: ${err}`);
}

/** <sheets>: unique names and ids, each with a part, at least one visible. */
function checkSheetList(wb: WorkbookInfo, problems: string[]): void {
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
}
