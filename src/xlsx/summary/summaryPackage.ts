/**
 * Writes the summary book (summary.xlsx) straight from the SummaryBook model as an OOXML
 * package: one worksheet per table with its Excel table, formats, links, conditional formats,
 * sparklines and page setup; the chart of 総括; print titles as the workbook's
 * `_xlnm.Print_Titles` names. Written directly rather than through exceljs because exceljs cannot
 * write charts or sparklines and is slow on a 100,000-row KPI list; tests read the result back
 * with exceljs and render it with LibreOffice. Text is always a string (shared, or inline in a
 * column of names that never repeat), never a formula.
 */
import { quoteSheetName } from '../../domain/base/address';
import type { SummaryBook, SummarySheets } from '../../domain/output/summary/types';
import { CT, NS, REL } from '../ooxml/namespaces';
import { safeAttr, safeText } from '../xml/escape';
import { Utf8Blocks } from '../xml/utf8Blocks';
import { keepShape } from '../../domain/base/keptShapes';
import { DeflatingPart, encodePart } from '../zip/deflateParts';
import { joined, type EncodedPart } from '../zip/partBlocks';
import { storedEntry, ZipWriter } from '../zip/zipWriter';
import { chartXml, drawingXml } from './chartXml';
import { SharedStrings } from './sharedStrings';
import { sheetContent, sheetLinks, tableXml, worksheetTail } from './sheetXml';
import { SummaryStyles } from './summaryStyles';

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

function relsXml(rels: readonly string[]): string {
  return `${XML_HEAD}<Relationships xmlns="${NS.packageRelationships}">${rels.join('')}</Relationships>`;
}

/** UTF-8 blocks deflated as they fill; done() on the blocks, then end() on the part */
function deflating(): [Utf8Blocks, DeflatingPart] {
  const part = new DeflatingPart();
  return [new Utf8Blocks((block) => part.write(block)), part];
}

function rel(id: string, type: string, target: string, external = false): string {
  return `<Relationship Id="${id}` + relAfterId(type, target, external);
}

/** a relationship from the end of its Id on */
function relAfterId(type: string, target: string, external: boolean): string {
  return `" Type="${type}" Target="${safeAttr(target)}"${external ? ' TargetMode="External"' : ''}/>`;
}

/** A sheet's relationships part, written as they come: Ids rId1, rId2 … in order. */
class SheetRels {
  count = 0;

  constructor(private readonly out: Utf8Blocks) {
    keepShape(this);
    out.text(`${XML_HEAD}<Relationships xmlns="${NS.packageRelationships}">`);
  }

  /** the Id the next relationship takes */
  nextId(): string {
    return `rId${this.count + 1}`;
  }

  /** a relationship: its Id, then the rest (relAfterId) */
  put(id: string, afterId: string): void {
    this.out.ascii('<Relationship Id="');
    this.out.ascii(id);
    this.out.text(afterId);
    this.count++;
  }
}

/** a small part's text, or a big part (worksheet, its relationships, shared strings) deflated as it was written */
type Part = [name: string, content: string | EncodedPart];

/**
 * The parts, each sheet's as soon as it is made. The big ones are deflated as they are written
 * (a 100,000-row KPI list is never held whole), the small ones by the zip.
 */
export function* summaryPackageParts(book: SummaryBook | SummarySheets): Generator<Part> {
  const styles = new SummaryStyles();
  const strings = new SharedStrings();
  const overrides: string[] = [];
  const definedNames: string[] = [];
  const names: string[] = [];
  let title = '';
  let tableId = 0;
  let chartId = 0;

  // each sheet is let go once written (from SummarySheets, each is made when its turn comes)
  for (const sheet of book.sheets) {
    const i = names.length;
    const n = i + 1;
    if (!i) title = sheet.title;
    names.push(sheet.name);
    const [out, deflated] = deflating();
    sheetContent(sheet, strings, styles, out, i === 0);
    // a sheet's relationships (a link to another workbook each) can number a hundred thousand: deflated as written
    const [relsOut, relsDeflated] = deflating();
    const rels = new SheetRels(relsOut);
    // first the links to other workbooks, numbered as worksheetTail numbers them; a file's
    // relationship after its Id is the same for each of its (thousands of) links
    const linkTails = new Map<string, string>();
    for (const { link } of sheetLinks(sheet)) {
      if (!link.file) continue;
      let tail = linkTails.get(link.file);
      if (tail === undefined) linkTails.set(link.file, (tail = relAfterId(REL.hyperlink, link.file, true)));
      rels.put(rels.nextId(), tail);
    }
    let drawingId: string | null = null;
    if (sheet.chart) {
      const table = sheet.tables.find((t) => t.name === sheet.chart!.table);
      if (table && table.rows.length) {
        chartId++;
        drawingId = rels.nextId();
        rels.put(drawingId, relAfterId(REL.drawing, `../drawings/drawing${chartId}.xml`, false));
        yield [`xl/charts/chart${chartId}.xml`, chartXml({ sheetName: sheet.name, chart: sheet.chart, table })];
        yield [`xl/drawings/drawing${chartId}.xml`, drawingXml(sheet.chart, 'rId1')];
        yield [`xl/drawings/_rels/drawing${chartId}.xml.rels`, relsXml([rel('rId1', REL.chart, `../charts/chart${chartId}.xml`)])];
        overrides.push(`<Override PartName="/xl/charts/chart${chartId}.xml" ContentType="${CT.chart}"/>`, `<Override PartName="/xl/drawings/drawing${chartId}.xml" ContentType="${CT.drawing}"/>`);
      }
    }
    const tableIds: string[] = [];
    for (const t of sheet.tables) {
      if (!t.rows.length) continue;
      tableId++;
      const id = rels.nextId();
      rels.put(id, relAfterId(REL.table, `../tables/table${tableId}.xml`, false));
      tableIds.push(id);
      yield [`xl/tables/table${tableId}.xml`, tableXml(t, tableId)];
      overrides.push(`<Override PartName="/xl/tables/table${tableId}.xml" ContentType="${CT.table}"/>`);
    }
    worksheetTail(sheet, { footer: book.footer, relIds: { drawing: drawingId, tables: tableIds } }, out);
    out.done();
    yield [`xl/worksheets/sheet${n}.xml`, deflated.end()];
    // done either way: its block goes back for the next writer
    if (rels.count) relsOut.ascii('</Relationships>');
    relsOut.done();
    if (rels.count) yield [`xl/worksheets/_rels/sheet${n}.xml.rels`, relsDeflated.end()];
    overrides.push(`<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="${CT.worksheet}"/>`);
    const pt = sheet.print.titleRows;
    definedNames.push(`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${safeText(`${quoteSheetName(sheet.name)}!$${pt.first + 1}:$${pt.last + 1}`)}</definedName>`);
  }

  const sheetEntries = names.map((name, i) => `<sheet name="${safeAttr(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  const wbRels = names.map((_, i) => rel(`rId${i + 1}`, REL.worksheet, `worksheets/sheet${i + 1}.xml`));
  const k = names.length;
  wbRels.push(rel(`rId${k + 1}`, REL.styles, 'styles.xml'), rel(`rId${k + 2}`, REL.sharedStrings, 'sharedStrings.xml'));
  yield [
    'xl/workbook.xml',
    `${XML_HEAD}<workbook xmlns="${NS.main}" xmlns:r="${NS.relationships}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>${sheetEntries}</sheets><definedNames>${definedNames.join('')}</definedNames><calcPr calcId="191029"/></workbook>`,
  ];
  yield ['xl/_rels/workbook.xml.rels', relsXml(wbRels)];
  yield ['xl/styles.xml', styles.xml()];
  const [sst, sstDeflated] = deflating();
  strings.write(sst);
  yield ['xl/sharedStrings.xml', sstDeflated.end()];
  yield [
    'docProps/core.xml',
    `${XML_HEAD}<cp:coreProperties xmlns:cp="${NS.coreProperties}" xmlns:dc="${NS.dublinCore}" xmlns:dcterms="${NS.dublinCoreTerms}" xmlns:xsi="${NS.xsi}"><dc:title>${safeText(title)}</dc:title><dc:creator>Progress Review</dc:creator></cp:coreProperties>`,
  ];
  yield ['docProps/app.xml', `${XML_HEAD}<Properties xmlns="${NS.extendedProperties}"><Application>Progress Review</Application></Properties>`];
  yield [
    '_rels/.rels',
    relsXml([rel('rId1', REL.officeDocument, 'xl/workbook.xml'), rel('rId2', REL.coreProperties, 'docProps/core.xml'), rel('rId3', REL.extendedProperties, 'docProps/app.xml')]),
  ];
  yield [
    '[Content_Types].xml',
    `${XML_HEAD}<Types xmlns="${NS.contentTypes}"><Default Extension="rels" ContentType="${CT.relationships}"/><Default Extension="xml" ContentType="${CT.xml}"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="${CT.workbook}"/><Override PartName="/xl/styles.xml" ContentType="${CT.styles}"/><Override PartName="/xl/sharedStrings.xml" ContentType="${CT.sharedStrings}"/>` +
      `<Override PartName="/docProps/core.xml" ContentType="${CT.coreProperties}"/><Override PartName="/docProps/app.xml" ContentType="${CT.extendedProperties}"/>${overrides.join('')}</Types>`,
  ];
}

/**
 * The package's bytes in order, a part at a time (local header, stored bytes; the central
 * directory last), for writing to a file without holding the package whole. Links to cells of
 * other workbooks use the model's CellLink.file as the path to that file.
 */
export function* summaryPackageChunks(book: SummaryBook | SummarySheets): Generator<Uint8Array> {
  const zip = new ZipWriter();
  // fixed dates keep the bytes the same for the same summary
  const date = new Date(2020, 0, 1);
  for (const [name, content] of summaryPackageParts(book)) {
    yield* zip.entry(storedEntry(name, typeof content === 'string' ? encodePart([content]) : content, date));
  }
  yield zip.end();
}

/** The whole package in one buffer (the pane, the tests). */
export async function summaryPackage(book: SummaryBook | SummarySheets): Promise<Uint8Array> {
  return joined([...summaryPackageChunks(book)]);
}
