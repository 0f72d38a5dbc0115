/**
 * Packages written by hand, part by part, so a test decides how each part spells its
 * namespaces: SpreadsheetML as the default namespace or under a prefix (`x:`), the
 * relationships namespace bound on the root, on <sheets>, on each <sheet> (openpyxl, pandas)
 * or under another prefix (`relationships:id`), and the legal minimal parts (an empty
 * `<styleSheet/>`, no styles part, no shared strings, no calcChain).
 */
import { ZipArchive } from '../../../src/xlsx/zip/zipArchive';

export const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
const NS_CT = 'http://schemas.openxmlformats.org/package/2006/content-types';
const SML = 'application/vnd.openxmlformats-officedocument.spreadsheetml.';

export type Cell = string | number | null | { formula: string; cached?: number };

export interface HandSheet {
  name: string;
  /** rows from A1 */
  rows: Cell[][];
  /** part name under xl/ (default worksheets/sheetN.xml) */
  part?: string;
}

export interface Spelling {
  /** SpreadsheetML prefix in workbook.xml ('' = default namespace) */
  workbookPrefix: string;
  /** where the relationships namespace is bound in workbook.xml */
  relSite: 'root' | 'sheets' | 'sheet';
  /** the prefix it is bound to (r, relationships, rel …) */
  relPrefix: string;
  /** root binds `r` to an unrelated namespace as well (our `r:` must not be assumed) */
  rootBindsROtherwise: boolean;
  /** SpreadsheetML prefix in the worksheets */
  sheetPrefix: string;
  /** <sheetData> repeats the SpreadsheetML binding */
  redeclareOnSheetData: boolean;
  styles: 'full' | 'prefixed' | 'empty' | 'emptyPrefixed' | 'none';
  sharedStrings: boolean;
  calcChain: boolean;
  /** <definedName name="…">formula</definedName> entries */
  definedNames?: [string, string][];
}

export const PLAIN: Spelling = {
  workbookPrefix: '',
  relSite: 'root',
  relPrefix: 'r',
  rootBindsROtherwise: false,
  sheetPrefix: '',
  redeclareOnSheetData: false,
  styles: 'full',
  sharedStrings: true,
  calcChain: false,
};

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function col(c: number): string {
  let n = c + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const q = (p: string, local: string) => (p ? `${p}:${local}` : local);
const bind = (p: string, uri: string) => (p ? ` xmlns:${p}="${uri}"` : ` xmlns="${uri}"`);

function workbookXml(sheets: HandSheet[], s: Spelling): string {
  const p = s.workbookPrefix;
  const rBind = bind(s.relPrefix, NS_R);
  const other = s.rootBindsROtherwise && s.relPrefix !== 'r' ? ' xmlns:r="urn:example:not-relationships"' : '';
  const sheetEls = sheets.map((sh, i) => `<${q(p, 'sheet')}${s.relSite === 'sheet' ? rBind : ''} name="${esc(sh.name)}" sheetId="${i + 1}" ${s.relPrefix}:id="rId${i + 1}"/>`).join('');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${q(p, 'workbook')}${bind(p, NS_MAIN)}${s.relSite === 'root' ? rBind : ''}${other}>` +
    `<${q(p, 'bookViews')}><${q(p, 'workbookView')} activeTab="0"/></${q(p, 'bookViews')}>` +
    `<${q(p, 'sheets')}${s.relSite === 'sheets' ? rBind : ''}>${sheetEls}</${q(p, 'sheets')}>` +
    (s.definedNames?.length ? `<${q(p, 'definedNames')}>${s.definedNames.map(([n, f]) => `<${q(p, 'definedName')} name="${esc(n)}">${esc(f)}</${q(p, 'definedName')}>`).join('')}</${q(p, 'definedNames')}>` : '') +
    `</${q(p, 'workbook')}>`
  );
}

function worksheetXml(sheet: HandSheet, s: Spelling, strings: Map<string, number> | null): string {
  const p = s.sheetPrefix;
  const rows = sheet.rows
    .map((line, r) => {
      const cells = line
        .map((v, c) => {
          const ref = `${col(c)}${r + 1}`;
          if (v === null || v === '') return '';
          if (typeof v === 'number') return `<${q(p, 'c')} r="${ref}"><${q(p, 'v')}>${v}</${q(p, 'v')}></${q(p, 'c')}>`;
          if (typeof v === 'object') return `<${q(p, 'c')} r="${ref}"><${q(p, 'f')}>${esc(v.formula)}</${q(p, 'f')}><${q(p, 'v')}>${v.cached ?? 0}</${q(p, 'v')}></${q(p, 'c')}>`;
          if (strings) {
            if (!strings.has(v)) strings.set(v, strings.size);
            return `<${q(p, 'c')} r="${ref}" t="s"><${q(p, 'v')}>${strings.get(v)}</${q(p, 'v')}></${q(p, 'c')}>`;
          }
          return `<${q(p, 'c')} r="${ref}" t="inlineStr"><${q(p, 'is')}><${q(p, 't')} xml:space="preserve">${esc(v)}</${q(p, 't')}></${q(p, 'is')}></${q(p, 'c')}>`;
        })
        .join('');
      return cells ? `<${q(p, 'row')} r="${r + 1}">${cells}</${q(p, 'row')}>` : '';
    })
    .join('');
  const last = Math.max(1, sheet.rows.length);
  const width = Math.max(1, ...sheet.rows.map((l) => l.length));
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${q(p, 'worksheet')}${bind(p, NS_MAIN)}${bind('r', NS_R)}>` +
    `<${q(p, 'dimension')} ref="A1:${col(width - 1)}${last}"/>` +
    `<${q(p, 'sheetData')}${s.redeclareOnSheetData ? bind(p, NS_MAIN) : ''}>${rows}</${q(p, 'sheetData')}>` +
    `<${q(p, 'pageMargins')} left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `</${q(p, 'worksheet')}>`
  );
}

function stylesXml(kind: Spelling['styles']): string | null {
  const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  switch (kind) {
    case 'none':
      return null;
    case 'empty':
      return `${head}<styleSheet xmlns="${NS_MAIN}"/>`;
    case 'emptyPrefixed':
      return `${head}<x:styleSheet xmlns:x="${NS_MAIN}"></x:styleSheet>`;
    case 'full':
    case 'prefixed': {
      const p = kind === 'prefixed' ? 'x' : '';
      const e = (local: string) => q(p, local);
      return (
        `${head}<${e('styleSheet')}${bind(p, NS_MAIN)}>` +
        `<${e('fonts')} count="1"><${e('font')}><${e('sz')} val="11"/><${e('name')} val="Calibri"/></${e('font')}></${e('fonts')}>` +
        `<${e('fills')} count="2"><${e('fill')}><${e('patternFill')} patternType="none"/></${e('fill')}><${e('fill')}><${e('patternFill')} patternType="gray125"/></${e('fill')}></${e('fills')}>` +
        `<${e('borders')} count="1"><${e('border')}/></${e('borders')}>` +
        `<${e('cellStyleXfs')} count="1"><${e('xf')} numFmtId="0" fontId="0" fillId="0" borderId="0"/></${e('cellStyleXfs')}>` +
        `<${e('cellXfs')} count="1"><${e('xf')} numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></${e('cellXfs')}>` +
        `</${e('styleSheet')}>`
      );
    }
  }
}

/** The package: workbook, its sheets and the parts `spelling` asks for. */
export function handPackage(sheets: HandSheet[], spelling: Partial<Spelling> = {}): Uint8Array {
  const s = { ...PLAIN, ...spelling };
  const files: [string, string][] = [];
  const zip = { file: (name: string, text: string) => files.push([name, text]) };
  const strings = s.sharedStrings ? new Map<string, number>() : null;
  const overrides: string[] = [`<Override PartName="/xl/workbook.xml" ContentType="${SML}sheet.main+xml"/>`];
  const rels: string[] = [];
  const parts = sheets.map((sh, i) => sh.part ?? `worksheets/sheet${i + 1}.xml`);
  sheets.forEach((sh, i) => {
    zip.file(`xl/${parts[i]}`, worksheetXml(sh, s, strings));
    overrides.push(`<Override PartName="/xl/${parts[i]}" ContentType="${SML}worksheet+xml"/>`);
    rels.push(`<Relationship Id="rId${i + 1}" Type="${NS_R}/worksheet" Target="${parts[i]}"/>`);
  });
  let n = sheets.length + 1;
  const styles = stylesXml(s.styles);
  if (styles) {
    zip.file('xl/styles.xml', styles);
    overrides.push(`<Override PartName="/xl/styles.xml" ContentType="${SML}styles+xml"/>`);
    rels.push(`<Relationship Id="rId${n++}" Type="${NS_R}/styles" Target="styles.xml"/>`);
  }
  if (strings && strings.size) {
    const items = [...strings.keys()].map((t) => `<si><t xml:space="preserve">${esc(t)}</t></si>`).join('');
    zip.file('xl/sharedStrings.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${NS_MAIN}" count="${strings.size}" uniqueCount="${strings.size}">${items}</sst>`);
    overrides.push(`<Override PartName="/xl/sharedStrings.xml" ContentType="${SML}sharedStrings+xml"/>`);
    rels.push(`<Relationship Id="rId${n++}" Type="${NS_R}/sharedStrings" Target="sharedStrings.xml"/>`);
  }
  if (s.calcChain) {
    const cells = sheets.flatMap((sh, i) => sh.rows.flatMap((line, r) => line.map((v, c) => (v && typeof v === 'object' ? `<c r="${col(c)}${r + 1}" i="${i + 1}"/>` : '')))).join('');
    zip.file('xl/calcChain.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="${NS_MAIN}">${cells}</calcChain>`);
    overrides.push(`<Override PartName="/xl/calcChain.xml" ContentType="${SML}calcChain+xml"/>`);
    rels.push(`<Relationship Id="rId${n++}" Type="${NS_R}/calcChain" Target="calcChain.xml"/>`);
  }
  zip.file('xl/workbook.xml', workbookXml(sheets, s));
  zip.file('xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS_PKG}">${rels.join('')}</Relationships>`);
  zip.file('_rels/.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS_PKG}"><Relationship Id="rId1" Type="${NS_R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="${NS_CT}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides.join('')}</Types>`,
  );
  // [Content_Types].xml first, as Office writes it
  const out = new ZipArchive();
  for (const [name, text] of [files[files.length - 1], ...files.slice(0, -1)]) out.file(name, text);
  return out.toBytes();
}
