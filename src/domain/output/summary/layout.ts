/**
 * Lays a drafted sheet out: column widths from the sheet's own content (East Asian width
 * counted), text wrapped where it is longer than its column may grow, headers aligned like their
 * data, row heights from the wrapped lines, the title block, the tables one under the other, the
 * chart, frozen rows, and the page setup (orientation, scale, print titles, page breaks) of
 * ./print. Linear in the cells: a 100,000-row KPI list is measured once.
 */
import { displayWidth, widestLine, wrappedLines } from '../../base/displayWidth';
import { mapped } from '../../base/lists';
import { cellValue, richCell } from './cell';
import type { DraftSheet, DraftTable } from './draft';
import { BOLD_FACTOR, CELL_PAD, DEFAULT_ROW_PT, FONT_SIZES, rowHeight, rowHeightIn, UNIT_PT } from './geometry';
import { fitToPage, pageBreaks, type Block } from './print';
import type { Align, ColumnSpec, SummaryCell, SummaryChart, SummaryColumn, SummarySheet, SummaryTable } from './types';

export interface SheetTexts {
  name: string;
  title: string;
  subtitle: string;
  banner: string | null;
}

/** widest a text column grows unless its section says otherwise */
const TEXT_MAX = 40;
const SPARKLINE_WIDTH = 6;
const ICON_WIDTH = 3;
const HEADER_MAX_LINES = 3;
/** headers up to seven Japanese characters wide stay on one line */
const SHORT_HEADER = 15;

interface NumberShape {
  percent: boolean;
  fixed: number;
  optional: number;
  commas: boolean;
  /** text after the number in quotes: #,##0" (H29)" */
  suffix: number;
}

/** 10 ** i, looked up: numberWidth runs for every number of a 100,000-row list */
const POW10 = Array.from({ length: 22 }, (_, i) => 10 ** i);

function pow10(n: number): number {
  return n < POW10.length ? POW10[n] : 10 ** n;
}

/** digits of a whole number before its point (1 for 0) */
function digitCount(whole: number): number {
  if (whole >= POW10[POW10.length - 1]) return Math.floor(Math.log10(whole)) + 1;
  let d = 1;
  while (whole >= POW10[d]) d++;
  return d;
}

const shapes = new Map<string, NumberShape>();

function shapeOf(format: string): NumberShape {
  let s = shapes.get(format);
  if (!s) {
    const quoted = [...format.matchAll(/"([^"]*)"/g)].map((m) => m[1]).join('');
    const bare = format.replace(/"[^"]*"/g, '');
    const dot = bare.indexOf('.');
    const decimals = dot < 0 ? '' : bare.slice(dot + 1);
    s = { percent: bare.includes('%'), fixed: (decimals.match(/0/g) ?? []).length, optional: (decimals.match(/#/g) ?? []).length, commas: bare.includes(','), suffix: displayWidth(quoted) };
    shapes.set(format, s);
  }
  return s;
}

/** Digits (and the quoted text) a number shows under a number format such as 0%, 0.0%, #,##0.### or 0.00. */
export function numberWidth(v: number, format: string | null): number {
  if (!Number.isFinite(v)) return 0;
  if (format === null || format === '@' || format === 'General') return Math.min(11, String(v).length);
  const f = shapeOf(format);
  const x = Math.abs(f.percent ? v * 100 : v);
  let decimals = f.fixed;
  if (f.optional) {
    const scaled = Math.round(x * pow10(f.fixed + f.optional));
    let extra = f.optional;
    for (let s = scaled; extra > 0 && s % 10 === 0; s = Math.floor(s / 10)) extra--;
    decimals = f.fixed + extra;
  }
  const whole = Math.floor(Math.round(x * pow10(decimals)) / pow10(decimals));
  const digits = digitCount(whole);
  const commas = f.commas ? Math.floor((digits - 1) / 3) : 0;
  return digits + commas + (decimals ? decimals + 1 : 0) + (f.percent ? 1 : 0) + (v < 0 ? 1 : 0) + f.suffix;
}

function cellWidth(c: SummaryCell, format: string | null): number {
  if (c === null) return 0;
  if (typeof c === 'number') return numberWidth(c, format);
  if (typeof c === 'string') return widestLine(c);
  const v = c.v;
  if (v === null) return 0;
  const w = typeof v === 'number' ? numberWidth(v, c.format ?? format) : widestLine(v);
  return c.bold ? w * BOLD_FACTOR : w;
}

/** the longest word of Latin text, which cannot break inside */
function longestWord(text: string): number {
  let longest = 0;
  for (const word of text.split(/[\s/]+/)) if (!/[^\x20-\x7e]/.test(word)) longest = Math.max(longest, displayWidth(word));
  return longest;
}

function alignOf(spec: ColumnSpec): Align {
  return spec.kind === 'number' ? 'right' : spec.kind === 'code' ? 'center' : 'left';
}

interface Measured {
  table: DraftTable;
  /** the widest content of each column, in units */
  content: number[];
  /** the width each column asks for */
  wanted: number[];
  /** the narrowest each column may be (text columns can give way to fit the page) */
  least: number[];
}

function measure(t: DraftTable): Measured {
  const n = t.columns.length;
  const content = new Array<number>(n).fill(0);
  for (const row of t.rows) {
    for (let j = 0; j < n; j++) {
      const w = cellWidth(row[j], t.columns[j].format);
      if (w > content[j]) content[j] = w;
    }
  }
  const wanted: number[] = [];
  const least: number[] = [];
  t.columns.forEach((spec, j) => {
    const header = widestLine(spec.header) * BOLD_FACTOR;
    // a header with its own line breaks keeps them; a short one stays on one line (a Japanese word
    // broken mid-way reads badly); a longer one over a narrow column takes two lines (three when long)
    const headerMin = spec.header.includes('\n') || header <= SHORT_HEADER ? header : Math.max(longestWord(spec.header) * BOLD_FACTOR, header / (header > 24 ? HEADER_MAX_LINES : 2) + 0.5);
    let w: number;
    let min: number;
    if (spec.kind === 'text' && !spec.noWrap) {
      const max = spec.maxWidth ?? TEXT_MAX;
      w = Math.min(max, Math.max(content[j], Math.min(header, max), 4));
      // text may give way down to 9 characters (it wraps), or its own width when shorter
      min = Math.min(w, Math.max(headerMin, Math.min(content[j], 9)));
    } else {
      w = Math.max(content[j], headerMin, 2);
      min = w;
    }
    if (spec.sparkline) w = min = Math.max(w, SPARKLINE_WIDTH);
    // an icon set draws its icon at the left of the cell, beside the number
    if (t.iconSet?.column === j) w = min = w + ICON_WIDTH;
    wanted.push(w + CELL_PAD);
    least.push(min + CELL_PAD);
  });
  return { table: t, content, wanted, least };
}

/** lines of one cell in a column of `width` units */
function cellLines(c: SummaryCell, width: number): number {
  const v = cellValue(c);
  return typeof v === 'string' ? wrappedLines(v, (width - CELL_PAD) / (richCell(c)?.bold ? BOLD_FACTOR : 1)) : 1;
}

interface Placed {
  table: SummaryTable;
  /** first row of its block (caption or header) and last row (its last data row) */
  top: number;
  bottom: number;
}

function hasLineBreak(v: string | number | null): boolean {
  return typeof v === 'string' && v.includes('\n');
}

/** whether a cell of column `j` has a line break (a loop rather than some() and a closure per column: it runs for every row) */
function anyLineBreak(rows: readonly SummaryCell[][], j: number): boolean {
  for (let i = 0; i < rows.length; i++) if (hasLineBreak(cellValue(rows[i][j]))) return true;
  return false;
}

/**
 * A column as laid out, every key written (the optional ones undefined): a copy by spread gets a
 * map of its own in each review, and code V8 optimised for one review's columns would be thrown
 * away in the next.
 */
function laidOutColumn(spec: ColumnSpec, align: Align, wrap: boolean): SummaryColumn {
  return { header: spec.header, format: spec.format, kind: spec.kind, maxWidth: spec.maxWidth, noWrap: spec.noWrap, sparkline: spec.sparkline, align, wrap };
}

function placeTable(m: Measured, widths: readonly number[], top: number): Placed {
  const t = m.table;
  const headerRow = top + (t.caption ? 1 : 0);
  const columns: SummaryColumn[] = mapped(t.columns, (spec, j) => {
    const width = widths[j];
    const wrap = spec.kind === 'text' && (m.content[j] > width - CELL_PAD + 0.01 || anyLineBreak(t.rows, j));
    return laidOutColumn(spec, alignOf(spec), wrap);
  });
  let headerLines = 1;
  t.columns.forEach((spec, j) => {
    headerLines = Math.max(headerLines, wrappedLines(spec.header, (widths[j] - CELL_PAD) / BOLD_FACTOR));
  });
  const wrapCols = columns.flatMap((c, j) => (c.wrap ? [j] : []));
  const rowHeights = new Array<number>(t.rows.length);
  for (let i = 0; i < t.rows.length; i++) {
    let lines = 1;
    for (const j of wrapCols) {
      const l = cellLines(t.rows[i][j], widths[j]);
      if (l > lines) lines = l;
    }
    rowHeights[i] = lines === 1 ? DEFAULT_ROW_PT : rowHeight(lines);
  }
  const table: SummaryTable = {
    name: t.name,
    caption: t.caption,
    headerRow,
    left: 0,
    columns,
    rows: t.rows,
    // every key written, undefined when absent (see laidOutColumn)
    dataBar: t.dataBar,
    iconSet: t.iconSet,
    valign: t.iconSet ? 'bottom' : 'top',
    groupStarts: t.groupStarts ?? [],
    captionHeight: rowHeight(1, FONT_SIZES.caption),
    headerHeight: rowHeight(headerLines),
    rowHeights,
    emptyText: t.emptyText,
  };
  return { table, top, bottom: headerRow + t.rows.length };
}

/** Lays a drafted sheet out; `texts` are its name and title lines. */
export function layoutSheet(draft: DraftSheet, texts: SheetTexts): SummarySheet {
  const measured = mapped(draft.tables, measure);
  const ncols = Math.max(1, ...measured.map((m) => m.wanted.length));
  const wanted = new Array<number>(ncols).fill(0);
  const least = new Array<number>(ncols).fill(0);
  for (const m of measured) {
    m.wanted.forEach((w, j) => (wanted[j] = Math.max(wanted[j], w)));
    m.least.forEach((w, j) => (least[j] = Math.max(least[j], w)));
  }
  const fit = fitToPage(wanted, least);
  const widths = fit.widths;

  // the title block: title, subtitle, banner, one blank row
  const titleColumns = ncols;
  const titleWidth = widths.reduce((a, b) => a + b, 0) - CELL_PAD;
  const titleHeights = [rowHeight(wrappedLines(texts.title, titleWidth / (FONT_SIZES.title / FONT_SIZES.body) / BOLD_FACTOR), FONT_SIZES.title) + 4, rowHeight(wrappedLines(texts.subtitle, titleWidth), FONT_SIZES.subtitle)];
  if (texts.banner) titleHeights.push(rowHeight(wrappedLines(texts.banner, titleWidth / BOLD_FACTOR)));
  let row = titleHeights.length + 1;

  const heights: number[] = [...titleHeights];
  const blocks: Block[] = [];
  const tables: SummaryTable[] = [];
  let chart: SummaryChart | null = null;
  /** the chart's cells: `rows` rows from `top` (the heights known so far, else the default), from column `left` on */
  const placeChart = (c: NonNullable<DraftSheet['chart']>, top: number, left: number): SummaryChart => {
    let bottom = top;
    for (let h = 0; h < c.height; bottom++) h += rowHeightIn(heights, bottom);
    let right = left;
    for (let units = 0; right < Math.max(ncols, left + 1) && units * UNIT_PT < c.width; right++) units += widths[right] ?? 8.43;
    return { title: c.title, table: c.table, categoryColumn: c.categoryColumn, valueColumns: c.valueColumns, rowCount: c.rowCount, axis: c.axis, labelFormat: c.labelFormat, top, left, bottom, right: Math.max(right, left + 1) };
  };
  for (const m of measured) {
    const placed = placeTable(m, widths, row);
    const t = placed.table;
    tables.push(t);
    heights[t.headerRow] = t.rows.length ? t.headerHeight : DEFAULT_ROW_PT;
    if (t.caption) heights[placed.top] = t.captionHeight;
    for (let i = 0; i < t.rowHeights.length; i++) heights[t.headerRow + 1 + i] = t.rowHeights[i];
    const c = draft.chart;
    if (c && c.beside === t.name) {
      // the chart stands right of this table, one column apart; what follows starts below both
      chart = placeChart(c, placed.top, t.columns.length + 1);
      const bottom = Math.max(placed.bottom, chart.bottom - 1);
      blocks.push({ top: placed.top, bottom, header: null, groupStarts: [] });
      row = bottom + 2;
      continue;
    }
    blocks.push({ top: placed.top, bottom: placed.bottom, header: t.headerRow, groupStarts: t.groupStarts.map((i) => t.headerRow + 1 + i) });
    row = placed.bottom + 2;
    if (c && !c.beside && c.table === t.name) {
      chart = placeChart(c, row, 0);
      blocks.push({ top: row, bottom: chart.bottom - 1, header: null, groupStarts: [] });
      row = chart.bottom + 1;
    }
  }

  const single = tables.length === 1;
  const titleRows = single ? { first: 0, last: tables[0].headerRow } : { first: 0, last: titleHeights.length - 1 };
  const lastRow = row - 2;
  return {
    key: draft.key,
    name: texts.name,
    title: texts.title,
    subtitle: texts.subtitle,
    banner: texts.banner,
    titleHeights,
    titleColumns,
    tables,
    chart,
    columnWidths: widths,
    freezeRows: single && tables[0].rows.length ? tables[0].headerRow + 1 : titleHeights.length,
    print: {
      orientation: fit.orientation,
      scale: fit.scale,
      titleRows,
      breaks: pageBreaks(blocks, heights, titleRows, fit),
    },
    lastRow,
  };
}
