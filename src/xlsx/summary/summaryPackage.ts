/**
 * Writes the summary workbook (summary.xlsx) straight from the SummarySheetModel as an
 * OOXML package: one sheet with title lines, an Excel table per section, number formats,
 * bold rows, links, data bars and icon sets, frozen title rows, A4 landscape print setup and
 * the native chart. Written directly rather than through exceljs because exceljs cannot
 * write charts and is slow on a 10,000-row KPI list; tests read the result back with exceljs
 * and LibreOffice. Text is always a shared string, never a formula.
 */
import { cellAddress, columnLetters, quoteSheetName, rangeAddress } from '../../domain/base/address';
import type { SummarySheetModel, SummaryTable } from '../../domain/output/summaryModel';
import { CT, NS, REL } from '../ooxml/namespaces';
import { safeAttr, safeText } from '../xml/escape';
import { Utf8Blocks } from '../xml/utf8Blocks';
import { ZipArchive } from '../zip/zipArchive';
import type { PartContent } from '../zip/deflateParts';
import { chartXml, drawingXml } from './chartXml';
import { SummaryStyles, type StyleKey } from './summaryStyles';

interface Link {
  ref: string;
  /** external workbook, with the cell as location */
  file?: string;
  location: string;
  display: string;
}

/** Shared strings: each distinct text once (goal and measure labels repeat on every row). */
class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly list: string[] = [];
  count = 0;

  id(text: string): number {
    this.count++;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(text);
      this.index.set(text, i);
    }
    return i;
  }

  xml(): PartContent {
    const out = new Utf8Blocks();
    for (const t of this.list) out.text(`<si><t${/^\s|\s$/.test(t) ? ' xml:space="preserve"' : ''}>${safeText(t)}</t></si>`);
    return [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${NS.main}" count="${this.count}" uniqueCount="${this.list.length}">`, ...out.done(), '</sst>'];
  }
}

/**
 * The sheet's cells as XML, written top to bottom and left to right (the model's tables are
 * stacked), straight into UTF-8 blocks: a cell is markup, a reference and a number (text goes
 * to the shared strings), so writing 1.5 million of them makes no string per cell.
 */
class SheetWriter {
  private readonly out = new Utf8Blocks();
  /** the row being written, and whether its <row> is open */
  private row = -1;
  private rowOpen = false;
  private readonly letters: string[] = [];
  readonly links: Link[] = [];
  readonly strings = new SharedStrings();
  constructor(private readonly styles: SummaryStyles) {}

  set(row: number, col: number, value: string | number | null, style: StyleKey): void {
    this.put(row, col, value, this.styles.id(style));
  }

  /** rows must be put top to bottom, the cells of a row left to right */
  put(row: number, col: number, value: string | number | null, s: number): void {
    if (row !== this.row) this.moveTo(row);
    const out = this.out;
    if (!this.rowOpen) {
      out.ascii('<row r="');
      out.uint(row + 1);
      out.ascii('">');
      this.rowOpen = true;
    }
    out.ascii('<c r="');
    out.ascii((this.letters[col] ??= columnLetters(col)));
    out.uint(row + 1);
    if (s) {
      out.ascii('" s="');
      out.uint(s);
    }
    if (value === null || (typeof value === 'number' && !Number.isFinite(value))) out.ascii('"/>');
    else if (typeof value === 'number') {
      out.ascii('"><v>');
      out.ascii(String(value));
      out.ascii('</v></c>');
    } else {
      out.ascii('" t="s"><v>');
      out.uint(this.strings.id(value));
      out.ascii('</v></c>');
    }
  }

  private moveTo(row: number): void {
    if (row < this.row) throw new Error(`summary rows are written top to bottom (row ${row + 1} after ${this.row + 1})`);
    this.endRow();
    this.row = row;
  }

  private endRow(): void {
    if (this.rowOpen) this.out.ascii('</row>');
    this.rowOpen = false;
  }

  /** <sheetData> in blocks of bytes */
  sheetData(): (string | Uint8Array)[] {
    this.endRow();
    return ['<sheetData>', ...this.out.done(), '</sheetData>'];
  }

  maxRow(): number {
    return Math.max(0, this.row);
  }
}

function tableXml(t: SummaryTable, id: number, top: number): string {
  const ref = rangeAddress(top, t.left, top + t.rows.length, t.left + t.headers.length - 1);
  const cols = t.headers.map((h, i) => `<tableColumn id="${i + 1}" name="${safeAttr(h)}"/>`).join('');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="${NS.main}" id="${id}" name="${safeAttr(t.name)}" displayName="${safeAttr(t.name)}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${t.headers.length}">${cols}</tableColumns>` +
    '<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>'
  );
}


/** The parts; a big part comes as pieces, encoded one after another. */
export function summaryPackageParts(model: SummarySheetModel): Map<string, string | PartContent> {
  const styles = new SummaryStyles();
  const sheet = new SheetWriter(styles);
  // one key object per (format, bold, link): a 100,000-row summary asks for millions
  const normalKeys = new Map<string | null, StyleKey[]>();
  const normal = (fmt: string | null = null, bold = false, link = false): StyleKey => {
    let keys = normalKeys.get(fmt);
    if (!keys) normalKeys.set(fmt, (keys = []));
    const slot = (bold ? 1 : 0) | (link ? 2 : 0);
    return (keys[slot] ??= { fmt, bold, link, font: 'normal' });
  };
  sheet.set(0, 0, model.title, { fmt: null, bold: true, link: false, font: 'title' });
  sheet.set(1, 0, model.subtitle, { fmt: null, bold: false, link: false, font: 'subtitle' });

  const tables: { xml: string; name: string }[] = [];
  const conditional: string[] = [];
  let priority = 1;
  for (const t of model.tables) {
    sheet.set(t.titleRow, t.left, t.title, { fmt: null, bold: true, link: false, font: 'section' });
    const top = t.titleRow + 1;
    if (t.rows.length === 0) {
      sheet.set(top, t.left, t.emptyText, normal());
      continue;
    }
    const headers = t.headers;
    headers.forEach((h, j) => sheet.set(top, t.left + j, h, normal('@', true)));
    const letters = headers.map((_, j) => columnLetters(t.left + j));
    t.rows.forEach((r, i) => {
      const row = top + 1 + i;
      const rowText = String(row + 1);
      r.forEach((c, j) => {
        const link = c.link && c.v !== null;
        sheet.put(row, t.left + j, c.v, styles.id(normal(t.formats[j] ?? null, !!c.bold, !!link)));
        if (link) {
          const location = `${quoteSheetName(c.link!.sheet)}!${c.link!.cell}`;
          sheet.links.push({ ref: letters[j] + rowText, file: c.link!.file, location, display: String(c.v) });
        }
      });
    });
    tables.push({ xml: tableXml(t, tables.length + 1, top), name: t.name });
    const first = top + 1;
    const last = top + t.rows.length;
    if (t.dataBar) {
      const col = t.left + t.dataBar.column;
      conditional.push(
        `<conditionalFormatting sqref="${rangeAddress(first, col, last, col)}"><cfRule type="dataBar" priority="${priority++}"><dataBar><cfvo type="num" val="0"/><cfvo type="num" val="${t.dataBar.max}"/><color rgb="FF5B9BD5"/></dataBar></cfRule></conditionalFormatting>`,
      );
    }
    if (t.iconSet) {
      const col = t.left + t.iconSet.column;
      const [middle, top] = t.iconSet.thresholds;
      conditional.push(
        `<conditionalFormatting sqref="${rangeAddress(first, col, last, col)}"><cfRule type="iconSet" priority="${priority++}"><iconSet iconSet="3TrafficLights1"><cfvo type="num" val="0"/><cfvo type="num" val="${middle}"/><cfvo type="num" val="${top}"/></iconSet></cfRule></conditionalFormatting>`,
      );
    }
  }

  // a sheet's relationships and hyperlinks can number a hundred thousand: written as bytes
  const rels = new Utf8Blocks();
  let relCount = 0;
  const relId = (type: string, target: string, external = false): string => {
    const id = `rId${++relCount}`;
    rels.text(`<Relationship Id="${id}" Type="${type}" Target="${safeAttr(target)}"${external ? ' TargetMode="External"' : ''}/>`);
    return id;
  };
  const hyperlinks = new Utf8Blocks();
  for (const l of sheet.links) {
    const rid = l.file ? ` r:id="${relId(REL.hyperlink, l.file, true)}"` : '';
    hyperlinks.text(`<hyperlink ref="${l.ref}"${rid} location="${safeAttr(l.location)}" display="${safeAttr(l.display)}"/>`);
  }
  const drawingRid = model.chart ? relId(REL.drawing, '../drawings/drawing1.xml') : null;
  const tableRids = tables.map((_, i) => relId(REL.table, `../tables/table${i + 1}.xml`));

  const widths = model.columnWidths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  const lastCol = Math.max(model.columnWidths.length - 1, ...model.tables.map((t) => t.left + t.headers.length - 1));
  const sheetHead =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS.main}" xmlns:r="${NS.relationships}">` +
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
    `<dimension ref="A1:${columnLetters(lastCol)}${sheet.maxRow() + 1}"/>` +
    `<sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="${model.freezeRows}" topLeftCell="${cellAddress(model.freezeRows, 0)}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${model.freezeRows + 1}" sqref="A${model.freezeRows + 1}"/></sheetView></sheetViews>` +
    '<sheetFormatPr defaultRowHeight="18.75"/>' +
    `<cols>${widths}</cols>`;
  const sheetTail =
    conditional.join('') +
    '<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>' +
    '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>' +
    (drawingRid ? `<drawing r:id="${drawingRid}"/>` : '') +
    (tableRids.length ? `<tableParts count="${tableRids.length}">${tableRids.map((id) => `<tablePart r:id="${id}"/>`).join('')}</tableParts>` : '') +
    '</worksheet>';
  const sheetXml = [sheetHead, ...sheet.sheetData(), ...(sheet.links.length ? ['<hyperlinks>', ...hyperlinks.done(), '</hyperlinks>'] : []), sheetTail];

  const parts = new Map<string, string | PartContent>();
  const overrides = [
    `<Override PartName="/xl/workbook.xml" ContentType="${CT.workbook}"/>`,
    `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CT.worksheet}"/>`,
    `<Override PartName="/xl/styles.xml" ContentType="${CT.styles}"/>`,
    `<Override PartName="/xl/sharedStrings.xml" ContentType="${CT.sharedStrings}"/>`,
    `<Override PartName="/docProps/core.xml" ContentType="${CT.coreProperties}"/>`,
    `<Override PartName="/docProps/app.xml" ContentType="${CT.extendedProperties}"/>`,
    ...tables.map((_, i) => `<Override PartName="/xl/tables/table${i + 1}.xml" ContentType="${CT.table}"/>`),
  ];
  if (model.chart) {
    const table = model.tables.find((t) => t.name === model.chart!.table)!;
    parts.set('xl/charts/chart1.xml', chartXml({ sheetName: model.name, chart: model.chart, table }));
    parts.set('xl/drawings/drawing1.xml', drawingXml(model.chart, 'rId1'));
    parts.set('xl/drawings/_rels/drawing1.xml.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.packageRelationships}"><Relationship Id="rId1" Type="${REL.chart}" Target="../charts/chart1.xml"/></Relationships>`);
    overrides.push(
      `<Override PartName="/xl/charts/chart1.xml" ContentType="${CT.chart}"/>`,
      `<Override PartName="/xl/drawings/drawing1.xml" ContentType="${CT.drawing}"/>`,
    );
  }
  parts.set(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="${NS.contentTypes}"><Default Extension="rels" ContentType="${CT.relationships}"/><Default Extension="xml" ContentType="${CT.xml}"/>${overrides.join('')}</Types>`,
  );
  parts.set(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.packageRelationships}"><Relationship Id="rId1" Type="${REL.officeDocument}" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="${REL.coreProperties}" Target="docProps/core.xml"/><Relationship Id="rId3" Type="${REL.extendedProperties}" Target="docProps/app.xml"/></Relationships>`,
  );
  parts.set(
    'docProps/core.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="${NS.coreProperties}" xmlns:dc="${NS.dublinCore}" xmlns:dcterms="${NS.dublinCoreTerms}" xmlns:xsi="${NS.xsi}"><dc:title>${safeText(model.title)}</dc:title><dc:creator>Progress Review</dc:creator></cp:coreProperties>`,
  );
  parts.set(
    'docProps/app.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="${NS.extendedProperties}"><Application>Progress Review</Application></Properties>`,
  );
  parts.set(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS.main}" xmlns:r="${NS.relationships}"><bookViews><workbookView activeTab="0"/></bookViews><sheets><sheet name="${safeAttr(model.name)}" sheetId="1" r:id="rId1"/></sheets><calcPr calcId="191029"/></workbook>`,
  );
  parts.set(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.packageRelationships}"><Relationship Id="rId1" Type="${REL.worksheet}" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL.styles}" Target="styles.xml"/><Relationship Id="rId3" Type="${REL.sharedStrings}" Target="sharedStrings.xml"/></Relationships>`,
  );
  parts.set('xl/worksheets/sheet1.xml', sheetXml);
  if (relCount) parts.set('xl/worksheets/_rels/sheet1.xml.rels', [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.packageRelationships}">`, ...rels.done(), '</Relationships>']);
  tables.forEach((t, i) => parts.set(`xl/tables/table${i + 1}.xml`, t.xml));
  parts.set('xl/styles.xml', styles.xml());
  parts.set('xl/sharedStrings.xml', sheet.strings.xml());
  return parts;
}

/** Links to cells of other workbooks use the model's CellLink.file as the path to that file. */
export async function summaryPackage(model: SummarySheetModel): Promise<Uint8Array> {
  const zip = new ZipArchive();
  // fixed dates keep the bytes the same for the same summary
  const date = new Date(2020, 0, 1);
  for (const [name, content] of summaryPackageParts(model)) zip.file(name, content, { date });
  return zip.toBytesAsync();
}
