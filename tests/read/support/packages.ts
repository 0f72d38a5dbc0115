/**
 * Hand-made .xlsx packages for reader tests: every part given as text, so a test can write
 * exactly the XML another program writes (prefixes, Strict namespaces, odd part names …).
 */
import { ZipArchive } from '../../../src/xlsx/zip/zipArchive';

export const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const STRICT = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
export const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const STRICT_REL = 'http://purl.oclc.org/ooxml/officeDocument/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export interface SheetSpec {
  name: string;
  /** the <sheetData> content (rows), or a whole worksheet part when it starts with '<?xml' or '<' + root */
  data: string;
  /** extra worksheet children after </sheetData> (mergeCells …) */
  after?: string;
  state?: 'hidden' | 'veryHidden';
  /** part name; default xl/worksheets/sheetN.xml */
  part?: string;
}

export interface PackageSpec {
  sheets: SheetSpec[];
  strings?: string[];
  /** whole xl/sharedStrings.xml */
  sharedStringsXml?: string;
  /** whole xl/styles.xml */
  stylesXml?: string;
  date1904?: boolean;
  strict?: boolean;
  /** parts added or replacing the generated ones; null removes one */
  parts?: Record<string, string | Uint8Array | null>;
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function worksheetXml(data: string, after = '', ns = MAIN): string {
  return `${XML_DECL}<worksheet xmlns="${ns}" xmlns:r="${ns === STRICT ? STRICT_REL : REL}"><sheetData>${data}</sheetData>${after}</worksheet>`;
}

/** The parts of a package, as text. */
export function packageParts(spec: PackageSpec): Map<string, string | Uint8Array> {
  const main = spec.strict ? STRICT : MAIN;
  const rel = spec.strict ? STRICT_REL : REL;
  const relType = (t: string) => `${rel}/${t}`;
  const parts = new Map<string, string | Uint8Array>();
  const overrides: string[] = [];
  const wbRels: string[] = [];
  const sheetEls: string[] = [];
  spec.sheets.forEach((s, i) => {
    const part = s.part ?? `xl/worksheets/sheet${i + 1}.xml`;
    parts.set(part, /^\s*</.test(s.data) && /<(\w+:)?worksheet[\s>]/.test(s.data) ? s.data : worksheetXml(s.data, s.after, main));
    overrides.push(`<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`);
    wbRels.push(`<Relationship Id="rId${i + 1}" Type="${relType('worksheet')}" Target="/${part}"/>`);
    sheetEls.push(`<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`);
  });
  const n = spec.sheets.length;
  if (spec.strings || spec.sharedStringsXml) {
    parts.set('xl/sharedStrings.xml', spec.sharedStringsXml ?? `${XML_DECL}<sst xmlns="${main}">${spec.strings!.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join('')}</sst>`);
    wbRels.push(`<Relationship Id="rId${n + 1}" Type="${relType('sharedStrings')}" Target="sharedStrings.xml"/>`);
  }
  if (spec.stylesXml) {
    parts.set('xl/styles.xml', spec.stylesXml);
    wbRels.push(`<Relationship Id="rId${n + 2}" Type="${relType('styles')}" Target="styles.xml"/>`);
  }
  parts.set(
    'xl/workbook.xml',
    `${XML_DECL}<workbook xmlns="${main}" xmlns:r="${rel}">${spec.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets>${sheetEls.join('')}</sheets></workbook>`,
  );
  parts.set('xl/_rels/workbook.xml.rels', `${XML_DECL}<Relationships xmlns="${PKG}">${wbRels.join('')}</Relationships>`);
  parts.set('_rels/.rels', `${XML_DECL}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${relType('officeDocument')}" Target="xl/workbook.xml"/></Relationships>`);
  parts.set(
    '[Content_Types].xml',
    `${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides.join('')}</Types>`,
  );
  for (const [name, content] of Object.entries(spec.parts ?? {})) {
    if (content === null) parts.delete(name);
    else parts.set(name, content);
  }
  return parts;
}

export function zipParts(parts: Map<string, string | Uint8Array> | [string, string | Uint8Array][]): Uint8Array {
  const zip = new ZipArchive();
  for (const [name, content] of parts) zip.file(name, content);
  return zip.toBytes();
}

export function buildPackage(spec: PackageSpec): Uint8Array {
  return zipParts(packageParts(spec));
}

/** <c> helpers for sheetData */
export const cell = {
  n: (ref: string, v: number | string, s?: number) => `<c r="${ref}"${s !== undefined ? ` s="${s}"` : ''}><v>${v}</v></c>`,
  s: (ref: string, index: number) => `<c r="${ref}" t="s"><v>${index}</v></c>`,
  inline: (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${esc(text)}</t></is></c>`,
};

export function row(r: number, cells: string): string {
  return `<row r="${r}">${cells}</row>`;
}
