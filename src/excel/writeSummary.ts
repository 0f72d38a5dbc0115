/**
 * The SummaryBook as write operations on new sheets (the same rendering as the package writer
 * src/xlsx/summary): per sheet the title block (merged, wrapped), each table as an Excel table
 * (TableStyleMedium2) with its values in one assignment, number formats, alignment and
 * wrapping per column, bold rows, links, data bar / icon set, rows fitted to their text, column
 * widths, frozen rows, the page setup (A4, orientation, scale, margins, print titles, footer,
 * page breaks) and the chart. Office.js has no sparklines (none up to the newest API set): the
 * 推移 column shows the model's trend in block characters instead. Every sheet is marked as ours
 * with a worksheet custom property; our earlier summary sheets are deleted in the same batch.
 */
import { cellAddress, quoteSheetName } from '../domain/base/address';
import { cellValue, richCell } from '../domain/output/summary/cell';
import { MARGINS_IN } from '../domain/output/summary/geometry';
import type { Align, CellLink, SummaryBook, SummarySheet, SummaryTable } from '../domain/output/summary/types';
import { cellGrid, cellRow, safeDisplayText } from './cellText';
import { ACTION_OVERHEAD, jsonBytes } from './chunking';
import { addDataBar, addIconSet } from './conditionalFormats';
import { columnWidthPoints } from './excelGrid';
import { MARKER_KEY, SUMMARY_MARKER } from './ownSheets';
import { addSummaryChart } from './summaryChart';
import { rowsOp, type WriteOp } from './writeOps';

export const TABLE_STYLE = 'TableStyleMedium2';
const LINK_COLOR = '#0563C1';
const LINKS_PER_OP = 200;
const TITLE_STYLE = { title: { size: 14, bold: true, color: null }, subtitle: { size: 10, bold: false, color: '#404040' }, banner: { size: 10, bold: true, color: '#C00000' } } as const;

export interface SummaryTarget {
  /** the workbook's name for each sheet of the book, in order */
  names: string[];
  /** our earlier summary sheets, deleted in the same batch */
  replace: string[];
  /** where the first sheet goes (0-based position among the sheets that stay), or null: at the end */
  position: number | null;
  /** temporary names when our earlier sheets are the only visible ones (added first, then renamed) */
  tempNames: string[] | null;
  /** table names used by other sheets */
  takenTableNames: readonly string[];
}

export function linkReference(link: CellLink): Excel.RangeHyperlink {
  const ref = `${quoteSheetName(link.sheet)}!${link.cell}`;
  return link.file ? { address: `${link.file}#${ref}` } : { documentReference: ref };
}

function uniqueTableName(wanted: string, taken: Set<string>): string {
  let name = wanted;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${wanted}_${n}`;
  taken.add(name.toLowerCase());
  return name;
}

/** runs of consecutive numbers: [3,4,5,9] → [[3,5],[9,9]] */
function spans(sorted: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const n of sorted) {
    const last = out[out.length - 1];
    if (last && last[1] === n - 1) last[1] = n;
    else out.push([n, n]);
  }
  return out;
}

function structureOp(target: SummaryTarget): WriteOp {
  return {
    sheet: null,
    bytes: (4 + 4 * target.names.length + target.replace.length) * ACTION_OVERHEAD,
    apply(session) {
      const sheets = session.context.workbook.worksheets;
      const old = target.replace.map((n) => sheets.getItem(n));
      if (!target.tempNames) for (const ws of old) ws.delete();
      const added = target.names.map((name, i) => {
        const ws = sheets.add(target.tempNames ? target.tempNames[i] : name);
        ws.customProperties.add(MARKER_KEY, SUMMARY_MARKER);
        return ws;
      });
      if (target.tempNames) {
        for (const ws of old) ws.delete();
        added.forEach((ws, i) => (ws.name = target.names[i]));
      }
      added.forEach((ws, i) => {
        session.register(target.names[i], ws);
        if (target.position !== null) ws.position = target.position + i;
      });
    },
  };
}

/** title block, column widths and the title rows' heights */
function sheetHeadOp(sheet: SummarySheet, name: string): WriteOp {
  const lines: [keyof typeof TITLE_STYLE, string][] = [
    ['title', sheet.title],
    ['subtitle', sheet.subtitle],
  ];
  if (sheet.banner) lines.push(['banner', sheet.banner]);
  return {
    sheet: name,
    bytes: (6 * lines.length + sheet.columnWidths.length) * ACTION_OVERHEAD + jsonBytes(lines),
    apply(session) {
      const ws = session.sheet(name);
      sheet.columnWidths.forEach((w, i) => (ws.getRangeByIndexes(0, i, 1, 1).format.columnWidth = columnWidthPoints(w)));
      lines.forEach(([role, text], r) => {
        const range = ws.getRangeByIndexes(r, 0, 1, Math.max(1, sheet.titleColumns));
        if (sheet.titleColumns > 1) range.merge(false);
        const cell = ws.getRangeByIndexes(r, 0, 1, 1);
        cell.values = [[cellRow([text])[0]]];
        const style = TITLE_STYLE[role];
        cell.format.font.size = style.size;
        cell.format.font.bold = style.bold;
        if (style.color) cell.format.font.color = style.color;
        range.format.wrapText = true;
        range.format.verticalAlignment = 'Center';
        range.format.rowHeight = sheet.titleHeights[r];
      });
    },
  };
}

const H_ALIGN: Record<Align, 'Left' | 'Center' | 'Right'> = { left: 'Left', center: 'Center', right: 'Right' };

function tableOps(t: SummaryTable, name: string, tableName: string): WriteOp[] {
  const ops: WriteOp[] = [];
  const headerRow = t.headerRow;
  const firstRow = headerRow + 1;
  const width = t.columns.length;
  ops.push({
    sheet: name,
    bytes: 6 * ACTION_OVERHEAD + jsonBytes([t.caption, t.emptyText]),
    apply(session) {
      const ws = session.sheet(name);
      if (t.caption) {
        const cap = ws.getRangeByIndexes(headerRow - 1, t.left, 1, width);
        if (width > 1) cap.merge(false);
        const cell = ws.getRangeByIndexes(headerRow - 1, t.left, 1, 1);
        cell.values = [[cellRow([t.caption])[0]]];
        cell.format.font.bold = true;
        cell.format.font.size = 11;
      }
      if (t.rows.length === 0) ws.getRangeByIndexes(headerRow, t.left, 1, 1).values = [[cellRow([t.emptyText])[0]]];
    },
  });
  if (t.rows.length === 0) return ops;

  // header + rows in one assignment; number formats per run of formatted columns, then the cells
  // whose format differs from their column's (a year other than the header's)
  const headers = t.columns.map((c) => c.header);
  const values = cellGrid([headers, ...t.rows.map((r) => r.map(cellValue))]);
  const formatRuns = spans(t.columns.flatMap((c, j) => (c.format ? [j] : [])));
  const rowFormats = formatRuns.map(([a, b]) => t.columns.slice(a, b + 1).map((c) => c.format!));
  const formatBytes = jsonBytes(rowFormats) + 2;
  const sizes = values.map((v, i) => jsonBytes(v) + 1 + (i > 0 ? formatBytes : 0));
  ops.push(
    rowsOp(name, sizes, (4 + 2 * formatRuns.length) * ACTION_OVERHEAD, (session, start, end) => {
      const ws = session.sheet(name);
      if (start === 0) ws.getRangeByIndexes(headerRow, t.left, 1, width).numberFormat = [headers.map(() => '@')];
      const from = Math.max(start, 1);
      if (end > from) {
        formatRuns.forEach(([a, b], k) => {
          ws.getRangeByIndexes(headerRow + from, t.left + a, end - from, b - a + 1).numberFormat = Array.from({ length: end - from }, () => rowFormats[k]);
        });
      }
      ws.getRangeByIndexes(headerRow + start, t.left, end - start, width).values = start === 0 && end === values.length ? values : values.slice(start, end);
    }),
  );

  const ownFormats: { row: number; col: number; format: string }[] = [];
  const boldRows: number[] = [];
  const boldCells: [number, number][] = [];
  t.rows.forEach((row, i) => {
    const bold = row.length > 0 && row.every((c) => richCell(c)?.bold);
    if (bold) boldRows.push(i);
    row.forEach((cell, j) => {
      const c = richCell(cell);
      if (c?.bold && !bold) boldCells.push([i, j]);
      if (c?.format) ownFormats.push({ row: i, col: j, format: c.format });
    });
  });

  // columns by alignment and wrapping: one range per run of columns alike
  const alignRuns: { a: number; b: number; align: 'Left' | 'Center' | 'Right' }[] = [];
  t.columns.forEach((c, j) => {
    const last = alignRuns[alignRuns.length - 1];
    if (last && last.b === j - 1 && last.align === H_ALIGN[c.align]) last.b = j;
    else alignRuns.push({ a: j, b: j, align: H_ALIGN[c.align] });
  });
  const wrapRuns = spans(t.columns.flatMap((c, j) => (c.wrap ? [j] : [])));
  ops.push({
    sheet: name,
    bytes: (8 + spans(boldRows).length + boldCells.length + 2 * alignRuns.length + wrapRuns.length + ownFormats.length) * ACTION_OVERHEAD + jsonBytes(tableName) + jsonBytes(ownFormats),
    apply(session) {
      const ws = session.sheet(name);
      const whole = ws.getRangeByIndexes(headerRow, t.left, t.rows.length + 1, width);
      const table = ws.tables.add(whole, true);
      table.name = tableName;
      table.style = TABLE_STYLE;
      for (const o of ownFormats) ws.getRangeByIndexes(firstRow + o.row, t.left + o.col, 1, 1).numberFormat = [[o.format]];
      for (const r of alignRuns) ws.getRangeByIndexes(headerRow, t.left + r.a, t.rows.length + 1, r.b - r.a + 1).format.horizontalAlignment = r.align;
      ws.getRangeByIndexes(headerRow, t.left, 1, width).format.wrapText = true;
      for (const [a, b] of wrapRuns) ws.getRangeByIndexes(firstRow, t.left + a, t.rows.length, b - a + 1).format.wrapText = true;
      ws.getRangeByIndexes(firstRow, t.left, t.rows.length, width).format.verticalAlignment = t.valign === 'top' ? 'Top' : 'Bottom';
      for (const [a, b] of spans(boldRows)) ws.getRangeByIndexes(firstRow + a, t.left, b - a + 1, width).format.font.bold = true;
      for (const [i, j] of boldCells) ws.getRangeByIndexes(firstRow + i, t.left + j, 1, 1).format.font.bold = true;
      // Excel fits the rows to their wrapped text with its own fonts
      whole.format.autofitRows();
    },
  });

  const links: { row: number; col: number; link: Excel.RangeHyperlink }[] = [];
  const linkCols = new Map<number, number[]>();
  t.rows.forEach((row, i) =>
    row.forEach((cell, j) => {
      const c = richCell(cell);
      if (!c?.link || c.v === null) return;
      const text = safeDisplayText(String(c.v));
      links.push({ row: i, col: j, link: text === undefined ? linkReference(c.link) : { ...linkReference(c.link), textToDisplay: text } });
      const list = linkCols.get(j) ?? [];
      list.push(i);
      linkCols.set(j, list);
    }),
  );
  for (let k = 0; k < links.length; k += LINKS_PER_OP) {
    const part = links.slice(k, k + LINKS_PER_OP);
    ops.push({
      sheet: name,
      // each link is a new range object path, its instantiation and the property set
      bytes: part.length * 3 * ACTION_OVERHEAD + jsonBytes(part.map((p) => p.link)),
      apply(session) {
        const ws = session.sheet(name);
        for (const p of part) ws.getRangeByIndexes(firstRow + p.row, t.left + p.col, 1, 1).hyperlink = p.link;
      },
    });
  }
  if (linkCols.size) {
    const runs = [...linkCols].flatMap(([col, rowsOf]) => spans(rowsOf).map(([a, b]) => ({ col, a, b })));
    ops.push({
      sheet: name,
      bytes: runs.length * 2 * ACTION_OVERHEAD,
      apply(session) {
        const ws = session.sheet(name);
        for (const r of runs) {
          const range = ws.getRangeByIndexes(firstRow + r.a, t.left + r.col, r.b - r.a + 1, 1);
          range.format.font.color = LINK_COLOR;
          range.format.font.underline = 'Single';
        }
      },
    });
  }

  const { dataBar, iconSet } = t;
  if (dataBar || iconSet) {
    ops.push({
      sheet: name,
      bytes: 8 * ACTION_OVERHEAD,
      apply(session) {
        const ws = session.sheet(name);
        if (dataBar) addDataBar(ws.getRangeByIndexes(firstRow, t.left + dataBar.column, t.rows.length, 1), dataBar.max, '#9BC2E6');
        if (iconSet) addIconSet(ws.getRangeByIndexes(firstRow, t.left + iconSet.column, t.rows.length, 1), iconSet.thresholds);
      },
    });
  }
  return ops;
}

/** A4, orientation and scale, margins, print titles, the page footer and the page breaks */
function pageSetupOp(sheet: SummarySheet, name: string, footer: string): WriteOp {
  const p = sheet.print;
  return {
    sheet: name,
    bytes: (14 + p.breaks.length) * ACTION_OVERHEAD + jsonBytes(footer),
    apply(session) {
      const ws = session.sheet(name);
      const layout = ws.pageLayout;
      layout.paperSize = 'A4';
      layout.orientation = p.orientation === 'landscape' ? 'Landscape' : 'Portrait';
      layout.zoom = { scale: p.scale };
      layout.leftMargin = MARGINS_IN.left * 72;
      layout.rightMargin = MARGINS_IN.right * 72;
      layout.topMargin = MARGINS_IN.top * 72;
      layout.bottomMargin = MARGINS_IN.bottom * 72;
      layout.headerMargin = MARGINS_IN.header * 72;
      layout.footerMargin = MARGINS_IN.footer * 72;
      layout.centerHorizontally = true;
      layout.headersFooters.defaultForAllPages.centerFooter = footer;
      layout.setPrintTitleRows(`$${p.titleRows.first + 1}:$${p.titleRows.last + 1}`);
      for (const row of p.breaks) ws.horizontalPageBreaks.add(cellAddress(row, 0));
    },
  };
}

export function summaryOps(book: SummaryBook, target: SummaryTarget): WriteOp[] {
  const taken = new Set(target.takenTableNames.map((n) => n.toLowerCase()));
  const ops: WriteOp[] = [structureOp(target)];
  book.sheets.forEach((sheet, i) => {
    const name = target.names[i];
    ops.push(sheetHeadOp(sheet, name));
    for (const t of sheet.tables) for (const op of tableOps(t, name, uniqueTableName(t.name, taken))) ops.push(op);
    ops.push(pageSetupOp(sheet, name, book.footer));
    ops.push({
      sheet: name,
      bytes: 24 * ACTION_OVERHEAD,
      apply(session) {
        const ws = session.sheet(name);
        ws.freezePanes.freezeRows(sheet.freezeRows);
        const chart = sheet.chart;
        const table = chart ? sheet.tables.find((t) => t.name === chart.table) : undefined;
        if (chart && table && table.rows.length) addSummaryChart(ws, chart, table);
      },
    });
  });
  const first = target.names[0];
  ops.push({
    sheet: first,
    bytes: 2 * ACTION_OVERHEAD,
    apply(session) {
      const ws = session.sheet(first);
      ws.activate();
      ws.getRange(cellAddress(0, 0)).select();
    },
  });
  return ops;
}
