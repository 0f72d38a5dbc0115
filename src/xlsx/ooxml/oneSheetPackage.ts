/**
 * The parts around one worksheet in a package written from scratch: content types, the package
 * and workbook relationships, core and app properties, the workbook part and the stylesheet.
 * A writer gives the worksheet's XML (and its other parts); the package is the same every time
 * for the same input.
 */
import { safeAttr, safeText } from '../xml/escape';
import { ZipArchive } from '../zip/zipArchive';
import { CT, NS, REL } from './namespaces';

export interface OneSheetPackage {
  sheetName: string;
  /** the document title (core properties) */
  title: string;
  sheetXml: string;
  stylesXml: string;
  /** more parts with their content types (shared strings, tables …), relative to the package root */
  parts?: { name: string; xml: string; contentType: string; workbookRel?: string }[];
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export function oneSheetParts(p: OneSheetPackage): Map<string, string> {
  const extra = p.parts ?? [];
  const overrides = [
    ['/xl/workbook.xml', CT.workbook],
    ['/xl/worksheets/sheet1.xml', CT.worksheet],
    ['/xl/styles.xml', CT.styles],
    ['/docProps/core.xml', CT.coreProperties],
    ['/docProps/app.xml', CT.extendedProperties],
    ...extra.map((e) => [`/${e.name}`, e.contentType]),
  ].map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`);
  const workbookRels = [
    `<Relationship Id="rId1" Type="${REL.worksheet}" Target="worksheets/sheet1.xml"/>`,
    `<Relationship Id="rId2" Type="${REL.styles}" Target="styles.xml"/>`,
    ...extra.filter((e) => e.workbookRel).map((e, i) => `<Relationship Id="rId${i + 3}" Type="${e.workbookRel}" Target="${safeAttr(e.name.replace(/^xl\//, ''))}"/>`),
  ];
  const parts = new Map<string, string>();
  parts.set(
    '[Content_Types].xml',
    `${XML_HEAD}<Types xmlns="${NS.contentTypes}"><Default Extension="rels" ContentType="${CT.relationships}"/><Default Extension="xml" ContentType="${CT.xml}"/>${overrides.join('')}</Types>`,
  );
  parts.set(
    '_rels/.rels',
    `${XML_HEAD}<Relationships xmlns="${NS.packageRelationships}"><Relationship Id="rId1" Type="${REL.officeDocument}" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="${REL.coreProperties}" Target="docProps/core.xml"/><Relationship Id="rId3" Type="${REL.extendedProperties}" Target="docProps/app.xml"/></Relationships>`,
  );
  parts.set(
    'docProps/core.xml',
    `${XML_HEAD}<cp:coreProperties xmlns:cp="${NS.coreProperties}" xmlns:dc="${NS.dublinCore}" xmlns:dcterms="${NS.dublinCoreTerms}" xmlns:xsi="${NS.xsi}"><dc:title>${safeText(p.title)}</dc:title><dc:creator>Progress Review</dc:creator></cp:coreProperties>`,
  );
  parts.set('docProps/app.xml', `${XML_HEAD}<Properties xmlns="${NS.extendedProperties}"><Application>Progress Review</Application></Properties>`);
  parts.set(
    'xl/workbook.xml',
    `${XML_HEAD}<workbook xmlns="${NS.main}" xmlns:r="${NS.relationships}"><bookViews><workbookView activeTab="0"/></bookViews><sheets><sheet name="${safeAttr(p.sheetName)}" sheetId="1" r:id="rId1"/></sheets><calcPr calcId="191029"/></workbook>`,
  );
  parts.set('xl/_rels/workbook.xml.rels', `${XML_HEAD}<Relationships xmlns="${NS.packageRelationships}">${workbookRels.join('')}</Relationships>`);
  parts.set('xl/worksheets/sheet1.xml', p.sheetXml);
  parts.set('xl/styles.xml', p.stylesXml);
  for (const e of extra) parts.set(e.name, e.xml);
  return parts;
}

/** the package's bytes; fixed dates keep them the same for the same parts */
export function zipParts(parts: ReadonlyMap<string, string>): Uint8Array {
  const zip = new ZipArchive();
  const date = new Date(2020, 0, 1);
  for (const [name, content] of parts) zip.file(name, content, { date });
  return zip.toBytes();
}
