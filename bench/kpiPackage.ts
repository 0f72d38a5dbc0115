/**
 * A department workbook as a package, written directly (shared strings, a stylesheet, one KPI
 * sheet) in milliseconds, for benchmarks that need a thousand of them.
 */
import { cellAddress } from '../src/domain/base/address';
import type { RawSheet } from '../src/domain/base/raw';
import { escapeAttr, escapeText } from '../src/xlsx/xml/escape';
import { ZipArchive } from '../src/xlsx/zip/zipArchive';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export function kpiPackage(sheet: RawSheet): Uint8Array {
  const strings: string[] = [];
  const ids = new Map<string, number>();
  let rows = '';
  sheet.values.forEach((line, r) => {
    let cells = '';
    line.forEach((v, c) => {
      const ref = cellAddress(r, c);
      if (typeof v === 'number') cells += `<c r="${ref}"><v>${v}</v></c>`;
      else if (typeof v === 'string' && v !== '') {
        let id = ids.get(v);
        if (id === undefined) ids.set(v, (id = strings.push(v) - 1));
        cells += `<c r="${ref}" t="s"><v>${id}</v></c>`;
      }
    });
    rows += `<row r="${r + 1}">${cells}</row>`;
  });
  const zip = new ZipArchive();
  zip.file(
    '[Content_Types].xml',
    `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
  );
  zip.file('_rels/.rels', `${DECL}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  zip.file('xl/workbook.xml', `${DECL}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="${escapeAttr(sheet.name)}" sheetId="1" r:id="rId1"/></sheets></workbook>`);
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `${DECL}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  );
  zip.file(
    'xl/styles.xml',
    `${DECL}<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/><name val="游ゴシック"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>`,
  );
  zip.file('xl/sharedStrings.xml', `${DECL}<sst xmlns="${MAIN}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t>${escapeText(s)}</t></si>`).join('')}</sst>`);
  zip.file('xl/worksheets/sheet1.xml', `${DECL}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${rows}</sheetData></worksheet>`);
  return zip.toBytes();
}
