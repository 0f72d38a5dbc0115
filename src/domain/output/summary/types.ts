/**
 * The summary book as data: one sheet per table, each laid out (widths from its own content,
 * wrapping, alignment, row heights) and set up for printing (A4, orientation, scale, print
 * titles, page breaks). Both writers render this same model — the package writer
 * (src/xlsx/summary) on the command line and the Office.js adapter (src/excel/writeSummary.ts)
 * in the task pane — so they publish the same sheets.
 */

export type SummaryValue = string | number | null;

export interface CellLink {
  /** workbook file the cell is in, relative to the summary; undefined = this workbook */
  file?: string;
  sheet: string;
  cell: string;
}

/** A cell with more than its value. */
export interface RichCell {
  v: SummaryValue;
  bold?: boolean;
  link?: CellLink;
  /** number format of this cell when it differs from its column's */
  format?: string;
}

/**
 * A cell: its value alone (nearly every cell: a 100,000-row list holds no object per cell), or
 * a RichCell. Read through cellValue and richCell (./cell.ts).
 */
export type SummaryCell = SummaryValue | RichCell;

/** text: left, wraps when long; number: right; code: short labels, centred (評価, コロナ影響) */
export type ColumnKind = 'text' | 'number' | 'code';

export type Align = 'left' | 'center' | 'right';

/** A column as a section asks for it. */
export interface ColumnSpec {
  header: string;
  /** number format (null = General) */
  format: string | null;
  kind: ColumnKind;
  /** the widest a text column may grow, in characters; longer text wraps */
  maxWidth?: number;
  /** never wrapped (★ strings): the column grows to its longest value */
  noWrap?: boolean;
  /** a sparkline column: its cells stay empty in the package, which draws the sparkline there */
  sparkline?: { from: number; to: number };
}

/** A column as laid out. */
export interface SummaryColumn extends ColumnSpec {
  align: Align;
  /** data cells wrap (some value is wider than the column) */
  wrap: boolean;
}

export interface SummaryTable {
  /** Excel table name, unique in the book */
  name: string;
  /** a caption in the row above the header (sheets with more than one table), or null */
  caption: string | null;
  /** sheet row of the header; the rows follow it */
  headerRow: number;
  left: number;
  columns: SummaryColumn[];
  rows: SummaryCell[][];
  /** a data bar from 0 to `max` (stored units: 1.2 = 120%) on one column */
  dataBar?: { column: number; max: number };
  /** traffic lights on one column: red below thresholds[0], yellow from it, green from thresholds[1] */
  iconSet?: { column: number; thresholds: [number, number] };
  /**
   * vertical alignment of the rows: top, so long text reads from the top; bottom in a table with
   * an icon set, where LibreOffice draws the icon at the bottom of the cell
   */
  valign: 'top' | 'bottom';
  /** indexes of the rows that start a group kept on one page where it fits (a goal's rows) */
  groupStarts: number[];
  /** the caption's, the header's and each row's height, in points */
  captionHeight: number;
  headerHeight: number;
  rowHeights: number[];
  /** shown in the header row's place when the table has no rows */
  emptyText: string;
}

/** What a chart shows: a table's columns per row, on a value axis. */
export interface ChartData {
  title: string;
  /** table whose rows feed the chart */
  table: string;
  categoryColumn: number;
  valueColumns: number[];
  /** number of leading table rows charted (the total row is left out) */
  rowCount: number;
  /** the value axis, in stored units (1.2 = 120%) */
  axis: { min: number; max: number; majorUnit: number };
  /** value labels' number format */
  labelFormat: string;
}

export interface SummaryChart extends ChartData {
  /** cells it covers: from (top, left) to (bottom, right), exclusive ends */
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface PrintSetup {
  orientation: 'portrait' | 'landscape';
  /** percent; chosen so the sheet is one page wide and body text prints at 8.5 pt or more */
  scale: number;
  /** rows repeated at the top of every page (inclusive, zero-based) */
  titleRows: { first: number; last: number };
  /** rows that start a new page (zero-based) */
  breaks: number[];
}

export type SummarySheetKey =
  | 'overview'
  | 'goalTargets'
  | 'measures'
  | 'directions'
  | 'kpis'
  | 'departments'
  | 'revisions'
  | 'exclusions'
  | 'pledges'
  | 'pledgeMeasures'
  | 'covid'
  | 'problems';

export interface SummarySheet {
  key: SummarySheetKey;
  name: string;
  title: string;
  subtitle: string;
  /** the 未完了 line, on every sheet of a summary built with errors */
  banner: string | null;
  /** rows of the title block (title, subtitle, banner) and their heights in points */
  titleHeights: number[];
  /** columns the title block spans (merged) */
  titleColumns: number;
  tables: SummaryTable[];
  chart: SummaryChart | null;
  /** width of each column, in characters of the body font */
  columnWidths: number[];
  /** rows frozen at the top */
  freezeRows: number;
  print: PrintSetup;
  /** the last row used (zero-based) */
  lastRow: number;
}

/** The book without its sheets. */
export interface SummaryBookHead {
  /** false when errors or skipped sheets make the figures provisional */
  complete: boolean;
  /** page footer: page n of N, in Excel's header/footer codes */
  footer: string;
  /** body, header and title font sizes in points */
  fonts: { body: number; title: number; subtitle: number; caption: number };
}

export interface SummaryBook extends SummaryBookHead {
  /** document title (the first sheet's title) */
  title: string;
  sheets: SummarySheet[];
}

/** The book with its sheets made as they are iterated, once (build.ts summarySheets). */
export interface SummarySheets extends SummaryBookHead {
  sheets: Iterable<SummarySheet>;
}
