/**
 * One summary sheet as SpreadsheetML: the title block (merged, wrapped), each table's caption,
 * header and rows with their formats, alignment, wrapping and row heights, the data bars and
 * icon sets, links, frozen rows, the page setup (A4, orientation, scale, footer, page breaks)
 * and the sparklines (x14 extension). The part is written straight into the caller's UTF-8
 * blocks (which the summary writer deflates as they fill): nothing here makes a string per cell,
 * holds the part whole, or is quadratic in rows.
 */
import { cellAddress, columnLetters, quoteSheetName, rangeAddress } from '../../domain/base/address';
import { cellValue, richCell } from '../../domain/output/summary/cell';
import { DEFAULT_ROW_PT, MARGINS_IN } from '../../domain/output/summary/geometry';
import type { CellLink, SummaryColumn, SummarySheet, SummaryTable } from '../../domain/output/summary/types';
import { NS } from '../ooxml/namespaces';
import { safeAttr, safeText } from '../xml/escape';
import { Utf8Blocks } from '../xml/utf8Blocks';
import { keepsSpace, type SharedStrings } from './sharedStrings';
import { sparklineExtension, type SparklineColumn } from './sparklines';
import type { StyleKey, SummaryStyles } from './summaryStyles';
import { mapped, sparseListOf } from '../../domain/base/lists';
import { keepShape } from '../../domain/base/keptShapes';

/** Unique, non-empty column headers: an Excel table needs distinct header names. */
export function tableHeaders(headers: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return mapped(headers, (h) => {
    const base = h.trim() || 'Column';
    const n = (seen.get(base.toLowerCase()) ?? 0) + 1;
    seen.set(base.toLowerCase(), n);
    return n === 1 ? base : `${base}${n}`;
  });
}

/** texts of a column looked at before it may turn to inline text, and the share of them that must be new */
const INLINE_SAMPLE = 500;
const INLINE_FRESH = 0.9;

/**
 * The rows of <sheetData>, written in order, each with the height the layout gave it: neither
 * Excel nor LibreOffice fits rows to wrapped text when it opens a file, and the page breaks are
 * planned with these heights. A cell is markup, a reference and a number (text goes to the
 * shared strings, or inline in a column of names that never repeat), written byte by byte;
 * column letters are computed once per column, and empty cells of a table are left out (the
 * table's style covers them).
 */
class Rows {
  private readonly cellStarts: string[] = sparseListOf();
  private readonly styleAttrs: string[] = sparseListOf();
  /** the row number of the row started last, as written in each of its cells */
  private rowText = '';
  /** per column of this sheet: texts written, how many of them were new to the shared strings, and whether it writes its text inline */
  private readonly texts: number[] = sparseListOf();
  private readonly fresh: number[] = sparseListOf();
  private readonly inline: boolean[] = sparseListOf();
  private last = -1;
  private open = false;

  constructor(
    private readonly strings: SharedStrings,
    private readonly styles: SummaryStyles,
    private readonly out: Utf8Blocks,
  ) {
    keepShape(this);
    out.ascii('<sheetData>');
  }

  /** '<c r="AB': a cell's start up to its row number, made once per column */
  private cellStart(col: number): string {
    return (this.cellStarts[col] ??= '<c r="' + columnLetters(col));
  }

  /** '" s="7': a style attribute after the reference, made once per style */
  private styleAttr(s: number): string {
    return (this.styleAttrs[s] ??= '" s="' + s);
  }

  /** starts a row (rows come in order, top to bottom) */
  start(row: number, height: number): void {
    if (row <= this.last) throw new Error(`summary rows out of order: ${row + 1} after ${this.last + 1}`);
    this.end();
    this.last = row;
    this.rowText = String(row + 1);
    const out = this.out;
    out.ascii('<row r="');
    out.ascii(this.rowText);
    out.ascii('" ht="');
    out.ascii(String(height));
    out.ascii('" customHeight="1">');
    this.open = true;
  }

  /** a cell of the row started last, left to right (`s`: a cellXfs index); an empty cell without a style is left out */
  cell(col: number, value: string | number | null, s: number): void {
    const empty = value === null || (typeof value === 'number' && !Number.isFinite(value));
    if (empty && !s) return;
    const out = this.out;
    out.ascii(this.cellStart(col));
    out.ascii(this.rowText);
    if (s) out.ascii(this.styleAttr(s));
    if (empty) out.ascii('"/>');
    else if (typeof value === 'number') {
      out.ascii('"><v>');
      out.number(value);
      out.ascii('</v></c>');
    } else if (this.inline[col]) {
      out.ascii(keepsSpace(value as string) ? '" t="inlineStr"><is><t xml:space="preserve">' : '" t="inlineStr"><is><t>');
      out.text(safeText(value as string));
      out.ascii('</t></is></c>');
    } else {
      out.ascii('" t="s"><v>');
      out.uint(this.sharedString(value as string, col));
      out.ascii('</v></c>');
    }
  }

  /**
   * The text's shared-string index. A column whose first texts are nearly all new (names,
   * locations: a 100,000-row list has as many) writes the rest of its texts inline, as their
   * own cell's text: a table of every one of them would cost a hash lookup and insertion per
   * cell and never be shared.
   */
  private sharedString(text: string, col: number): number {
    const before = this.strings.size;
    const id = this.strings.id(text, col);
    const n = (this.texts[col] = (this.texts[col] ?? 0) + 1);
    const fresh = (this.fresh[col] = (this.fresh[col] ?? 0) + (this.strings.size > before ? 1 : 0));
    if (n === INLINE_SAMPLE && fresh >= INLINE_SAMPLE * INLINE_FRESH) this.inline[col] = true;
    return id;
  }

  /** a row holding one cell */
  single(row: number, height: number, col: number, value: string, style: StyleKey): void {
    this.start(row, height);
    this.cell(col, value, this.styles.id(style));
  }

  /** closes <sheetData> */
  close(): void {
    this.end();
    this.out.ascii('</sheetData>');
  }

  private end(): void {
    if (this.open) this.out.ascii('</row>');
    this.open = false;
  }
}

const text = (font: StyleKey['font'], wrap: boolean, bold = false): StyleKey => ({ fmt: null, bold, link: false, font, align: 'left', wrap });

/** a column's style with a cell's own boldness, link and format (every key written: see laidOutColumn) */
function cellStyle(k: StyleKey, bold: boolean, link: boolean, fmt: string | null): StyleKey {
  return { fmt, bold, link, font: k.font, align: k.align, wrap: k.wrap, top: k.top };
}

function putTable(t: SummaryTable, rows: Rows, styles: SummaryStyles): void {
  const width = t.columns.length;
  if (t.caption) rows.single(t.headerRow - 1, t.captionHeight, t.left, t.caption, text('caption', false));
  if (!t.rows.length) {
    rows.single(t.headerRow, DEFAULT_ROW_PT, t.left, t.emptyText, text('normal', false));
    return;
  }
  const headers = tableHeaders(mapped(t.columns, (c) => c.header));
  rows.start(t.headerRow, t.headerHeight);
  for (let j = 0; j < width; j++) rows.cell(t.left + j, headers[j], styles.id({ fmt: '@', bold: true, link: false, font: 'normal', align: t.columns[j].align, wrap: true }));
  // one style per column (and its bold / link / own-format variants), looked up once per cell
  const base: StyleKey[] = mapped(t.columns, (c) => ({ fmt: c.format, bold: false, link: false, font: 'normal', align: c.align, wrap: c.wrap, top: t.valign === 'top' }));
  const plain = mapped(base, (k) => styles.id(k));
  // the sparkline draws in an empty cell; the text trend is for surfaces without sparklines
  const spark = t.columns.findIndex(isSparkline);
  for (let i = 0; i < t.rows.length; i++) {
    const cells = t.rows[i];
    rows.start(t.headerRow + 1 + i, t.rowHeights[i]);
    for (let j = 0; j < width; j++) {
      const c = cells[j];
      if (j === spark || c === null) continue;
      if (typeof c !== 'object') {
        rows.cell(t.left + j, c, plain[j]);
        continue;
      }
      if (c.v === null) continue;
      const link = !!c.link;
      const style = c.bold || link || c.format ? styles.id(cellStyle(base[j], !!c.bold, link, c.format ?? base[j].fmt)) : plain[j];
      rows.cell(t.left + j, c.v, style);
    }
  }
}

/** A linked cell: its table, its row and column in the table, its link and its value. */
export interface LinkedCell {
  table: SummaryTable;
  row: number;
  col: number;
  link: CellLink;
  value: string | number;
}

/**
 * The links of a sheet's cells, in order. Walked again each time they are wanted rather than
 * kept: a KPI list links every KPI (a hundred thousand links). Iterated, not visited: the code
 * run per link stays in its module-level function (a visitor closure made per sheet would lose
 * its optimised code between reviews, see listCells.ts).
 */
export function* sheetLinks(sheet: SummarySheet): Generator<LinkedCell> {
  for (const t of sheet.tables) {
    const spark = t.columns.findIndex(isSparkline);
    for (let i = 0; i < t.rows.length; i++) {
      const cells = t.rows[i];
      for (let j = 0; j < cells.length; j++) {
        const c = richCell(cells[j]);
        if (j === spark || c === null || c.v === null || !c.link) continue;
        yield { table: t, row: i, col: j, link: c.link, value: c.v };
      }
    }
  }
}

function isSparkline(c: SummaryColumn): boolean {
  return !!c.sparkline;
}

/** <hyperlinks>, written in pieces; a link to another workbook takes the next relationship id, as summaryPackage numbers them */
function hyperlinks(sheet: SummarySheet, out: Utf8Blocks): void {
  // a location's sheet part ('KPI一覧'!) once per sheet linked to, not per link
  const sheetParts = new Map<string, string>();
  const letters: string[] = sparseListOf();
  let any = false;
  let external = 0;
  for (const { table: t, row: i, col: j, link, value } of sheetLinks(sheet)) {
    if (!any) out.ascii('<hyperlinks>');
    any = true;
    out.ascii('<hyperlink ref="');
    out.ascii((letters[t.left + j] ??= columnLetters(t.left + j)));
    out.uint(t.headerRow + 2 + i);
    if (link.file) {
      out.ascii('" r:id="rId');
      out.uint(++external);
    }
    out.ascii('" location="');
    let sheetPart = sheetParts.get(link.sheet);
    if (sheetPart === undefined) sheetParts.set(link.sheet, (sheetPart = safeAttr(`${quoteSheetName(link.sheet)}!`)));
    out.text(sheetPart);
    out.text(safeAttr(link.cell));
    out.ascii('" display="');
    out.text(safeAttr(typeof value === 'number' ? String(value) : value));
    out.ascii('"/>');
  }
  if (any) out.ascii('</hyperlinks>');
}

/** The sparklines of a sheet: per table with a trend, one per row that has one, in the trend column's empty cell. */
function sheetSparklines(sheet: SummarySheet): SparklineColumn[] {
  const sheetRef = quoteSheetName(sheet.name);
  const columns: SparklineColumn[] = [];
  for (const t of sheet.tables) {
    const j = t.columns.findIndex(isSparkline);
    if (j < 0) continue;
    const sp = t.columns[j].sparkline!;
    const rows: number[] = [];
    for (let i = 0; i < t.rows.length; i++) if (cellValue(t.rows[i][j]) !== null) rows.push(t.headerRow + 2 + i);
    const [from, to, at] = [sp.from, sp.to, j].map((k) => columnLetters(t.left + k));
    columns.push({ sheetRef, from, to, at, rows });
  }
  return columns;
}

function conditionalFormats(t: SummaryTable, priority: () => number): string[] {
  if (!t.rows.length) return [];
  const first = t.headerRow + 1;
  const last = t.headerRow + t.rows.length;
  const out: string[] = [];
  if (t.dataBar) {
    const col = t.left + t.dataBar.column;
    out.push(
      `<conditionalFormatting sqref="${rangeAddress(first, col, last, col)}"><cfRule type="dataBar" priority="${priority()}"><dataBar><cfvo type="num" val="0"/><cfvo type="num" val="${t.dataBar.max}"/><color rgb="FF9BC2E6"/></dataBar></cfRule></conditionalFormatting>`,
    );
  }
  if (t.iconSet) {
    const col = t.left + t.iconSet.column;
    const [middle, top] = t.iconSet.thresholds;
    out.push(
      `<conditionalFormatting sqref="${rangeAddress(first, col, last, col)}"><cfRule type="iconSet" priority="${priority()}"><iconSet iconSet="3TrafficLights1"><cfvo type="num" val="0"/><cfvo type="num" val="${middle}"/><cfvo type="num" val="${top}"/></iconSet></cfRule></conditionalFormatting>`,
    );
  }
  return out;
}

export interface SheetTailOptions {
  footer: string;
  /**
   * relationship ids of the sheet's drawing and its tables; its links to other workbooks come
   * first, rId1, rId2 … in the order of sheetLinks
   */
  relIds: { drawing: string | null; tables: string[] };
}

/** The worksheet part up to </sheetData>, written into `out`: the head (dimension, view, frozen rows, widths), then the cells. */
export function sheetContent(sheet: SummarySheet, strings: SharedStrings, styles: SummaryStyles, out: Utf8Blocks, selected: boolean): void {
  out.text(worksheetHead(sheet, selected));
  const rows = new Rows(strings, styles, out);
  rows.single(0, sheet.titleHeights[0], 0, sheet.title, text('title', true));
  rows.single(1, sheet.titleHeights[1], 0, sheet.subtitle, text('subtitle', true));
  if (sheet.banner) rows.single(2, sheet.titleHeights[2], 0, sheet.banner, text('banner', true));
  for (const t of sheet.tables) putTable(t, rows, styles);
  rows.close();
}

function worksheetHead(sheet: SummarySheet, selected: boolean): string {
  const lastCol = Math.max(sheet.columnWidths.length, sheet.titleColumns, ...sheet.tables.map((t) => t.left + t.columns.length)) - 1;
  const freeze = sheet.freezeRows;
  const widths = sheet.columnWidths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${Math.round(w * 100) / 100}" customWidth="1"/>`).join('');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS.main}" xmlns:r="${NS.relationships}">` +
    `<dimension ref="A1:${columnLetters(lastCol)}${sheet.lastRow + 1}"/>` +
    `<sheetViews><sheetView${selected ? ' tabSelected="1"' : ''} workbookViewId="0"><pane ySplit="${freeze}" topLeftCell="${cellAddress(freeze, 0)}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${freeze + 1}" sqref="A${freeze + 1}"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="${DEFAULT_ROW_PT}" customHeight="1"/>` +
    `<cols>${widths}</cols>`
  );
}

/** The rest of the worksheet part, after </sheetData>, into `out`: merges, conditional formats, links, page setup, parts, sparklines. */
export function worksheetTail(sheet: SummarySheet, o: SheetTailOptions, out: Utf8Blocks): void {
  let priority = 1;
  const conditional = sheet.tables.flatMap((t) => conditionalFormats(t, () => priority++));
  const merges: string[] = [];
  const titleRows = sheet.banner ? 3 : 2;
  if (sheet.titleColumns > 1) for (let r = 0; r < titleRows; r++) merges.push(rangeAddress(r, 0, r, sheet.titleColumns - 1));
  for (const t of sheet.tables) if (t.caption && t.columns.length > 1) merges.push(rangeAddress(t.headerRow - 1, t.left, t.headerRow - 1, t.left + t.columns.length - 1));
  if (merges.length) out.text(`<mergeCells count="${merges.length}">${merges.map((r) => `<mergeCell ref="${r}"/>`).join('')}</mergeCells>`);
  for (const c of conditional) out.text(c);
  hyperlinks(sheet, out);
  const p = sheet.print;
  const breaks = p.breaks.length ? `<rowBreaks count="${p.breaks.length}" manualBreakCount="${p.breaks.length}">${p.breaks.map((r) => `<brk id="${r}" max="16383" man="1"/>`).join('')}</rowBreaks>` : '';
  const m = MARGINS_IN;
  out.text(
    '<printOptions horizontalCentered="1"/>' +
      `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>` +
      `<pageSetup paperSize="9" scale="${p.scale}" orientation="${p.orientation}"/>` +
      `<headerFooter><oddFooter>${safeText('&C' + o.footer)}</oddFooter></headerFooter>` +
      breaks +
      (o.relIds.drawing ? `<drawing r:id="${o.relIds.drawing}"/>` : '') +
      (o.relIds.tables.length ? `<tableParts count="${o.relIds.tables.length}">${o.relIds.tables.map((id) => `<tablePart r:id="${id}"/>`).join('')}</tableParts>` : ''),
  );
  sparklineExtension(sheetSparklines(sheet), out);
  out.ascii('</worksheet>');
}

export function tableXml(t: SummaryTable, id: number): string {
  const ref = rangeAddress(t.headerRow, t.left, t.headerRow + t.rows.length, t.left + t.columns.length - 1);
  const cols = tableHeaders(t.columns.map((c) => c.header))
    .map((h, i) => `<tableColumn id="${i + 1}" name="${safeAttr(h)}"/>`)
    .join('');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="${NS.main}" id="${id}" name="${safeAttr(t.name)}" displayName="${safeAttr(t.name)}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${t.columns.length}">${cols}</tableColumns>` +
    '<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>'
  );
}
