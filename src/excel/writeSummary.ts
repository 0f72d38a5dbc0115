/**
 * The SummarySheetModel as write operations on a new sheet (the same rendering as the package
 * writer src/xlsx/summaryPackage.ts): title lines, each section an Excel table (TableStyleMedium2) with
 * its values in one assignment, number formats, bold rows, internal links to cells, data bar /
 * icon set, frozen title rows, column widths and the native chart. The sheet is marked as ours
 * with a worksheet custom property; the earlier summary of ours is deleted in the same batch.
 */
import { cellAddress, quoteSheetName } from '../domain/base/address';
import type { CellLink, SummarySheetModel, SummaryTable } from '../domain/output/summaryModel';
import { cellGrid, cellRow, safeDisplayText } from './cellText';
import { ACTION_OVERHEAD, jsonBytes } from './chunking';
import { addDataBar, addIconSet } from './conditionalFormats';
import { MARKER_KEY, SUMMARY_MARKER } from './ownSheets';
import { addSummaryChart } from './summaryChart';
import { columnWidthPoints } from './excelGrid';
import { rowsOp, type WriteOp } from './writeOps';

export const TABLE_STYLE = 'TableStyleMedium2';
const LINK_COLOR = '#0563C1';
const LINKS_PER_OP = 200;

export interface SummaryTarget {
  /** name of the new summary sheet */
  name: string;
  /** our earlier summary, deleted in the same batch */
  replace: { name: string; position: number } | null;
  /** the earlier summary is the only visible sheet: add first under this name, then delete it and rename */
  tempName: string | null;
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

function structureOp(target: SummaryTarget): WriteOp {
  return {
    sheet: null,
    bytes: 6 * ACTION_OVERHEAD,
    apply(session) {
      const sheets = session.context.workbook.worksheets;
      const old = target.replace ? sheets.getItem(target.replace.name) : null;
      if (old && !target.tempName) old.delete();
      const ws = sheets.add(target.tempName ?? target.name);
      if (old && target.tempName) {
        old.delete();
        ws.name = target.name;
      }
      session.register(target.name, ws);
      ws.customProperties.add(MARKER_KEY, SUMMARY_MARKER);
      if (target.replace) ws.position = target.replace.position;
    },
  };
}

function headerOps(model: SummarySheetModel, name: string): WriteOp[] {
  return [
    {
      sheet: name,
      bytes: 6 * ACTION_OVERHEAD + jsonBytes([model.title, model.subtitle]) + jsonBytes(model.columnWidths),
      apply(session) {
        const ws = session.sheet(name);
        const title = ws.getRangeByIndexes(0, 0, 1, 1);
        title.values = [[cellRow([model.title])[0]]];
        title.format.font.bold = true;
        title.format.font.size = 16;
        const sub = ws.getRangeByIndexes(1, 0, 1, 1);
        sub.values = [[cellRow([model.subtitle])[0]]];
        sub.format.font.color = '#595959';
        sub.format.font.size = 10;
        model.columnWidths.forEach((w, i) => (ws.getRangeByIndexes(0, i, 1, 1).format.columnWidth = columnWidthPoints(w)));
      },
    },
  ];
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

function tableOps(t: SummaryTable, name: string, tableName: string): WriteOp[] {
  const ops: WriteOp[] = [];
  const headerRow = t.titleRow + 1;
  const firstRow = headerRow + 1;
  const width = t.headers.length;
  ops.push({
    sheet: name,
    bytes: 3 * ACTION_OVERHEAD + jsonBytes([t.title, t.emptyText]),
    apply(session) {
      const ws = session.sheet(name);
      const title = ws.getRangeByIndexes(t.titleRow, t.left, 1, 1);
      title.values = [[cellRow([t.title])[0]]];
      title.format.font.bold = true;
      title.format.font.size = 12;
      if (t.rows.length === 0) ws.getRangeByIndexes(headerRow, t.left, 1, 1).values = [[cellRow([t.emptyText])[0]]];
    },
  });
  if (t.rows.length === 0) return ops;

  // header + rows in one assignment; number formats only where a column has one (a new sheet is General)
  const headers = t.headers;
  const values = cellGrid([headers, ...t.rows.map((r) => r.map((c) => c.v))]);
  const formatRuns = spans(t.formats.flatMap((f, j) => (f ? [j] : [])));
  const rowFormats = formatRuns.map(([a, b]) => t.formats.slice(a, b + 1) as string[]);
  const formatBytes = jsonBytes(rowFormats) + 2;
  const sizes = values.map((v, i) => jsonBytes(v) + 1 + (i > 0 ? formatBytes : 0));
  ops.push(
    rowsOp(name, sizes, (4 + 2 * formatRuns.length) * ACTION_OVERHEAD, (session, start, end) => {
      const ws = session.sheet(name);
      if (start === 0) {
        const header = ws.getRangeByIndexes(headerRow, t.left, 1, width);
        header.numberFormat = [headers.map(() => '@')];
        header.format.font.bold = true;
      }
      // data rows of this part: values rows 1.. are table rows 0..
      const from = Math.max(start, 1);
      if (end > from) {
        formatRuns.forEach(([a, b], k) => {
          ws.getRangeByIndexes(headerRow + from, t.left + a, end - from, b - a + 1).numberFormat = Array.from({ length: end - from }, () => rowFormats[k]);
        });
      }
      ws.getRangeByIndexes(headerRow + start, t.left, end - start, width).values = start === 0 && end === values.length ? values : values.slice(start, end);
    }),
  );

  const boldRows: number[] = [];
  const boldCells: [number, number][] = [];
  t.rows.forEach((row, i) => {
    if (row.length && row.every((c) => c.bold)) boldRows.push(i);
    else row.forEach((c, j) => c.bold && boldCells.push([i, j]));
  });
  const links: { row: number; col: number; link: Excel.RangeHyperlink }[] = [];
  const linkCols = new Map<number, number[]>();
  t.rows.forEach((row, i) =>
    row.forEach((c, j) => {
      if (!c.link || c.v === null) return;
      const text = safeDisplayText(String(c.v));
      links.push({ row: i, col: j, link: text === undefined ? linkReference(c.link) : { ...linkReference(c.link), textToDisplay: text } });
      const list = linkCols.get(j) ?? [];
      list.push(i);
      linkCols.set(j, list);
    }),
  );

  ops.push({
    sheet: name,
    bytes: (4 + spans(boldRows).length + boldCells.length) * ACTION_OVERHEAD + jsonBytes(tableName),
    apply(session) {
      const ws = session.sheet(name);
      const table = ws.tables.add(ws.getRangeByIndexes(headerRow, t.left, t.rows.length + 1, width), true);
      table.name = tableName;
      table.style = TABLE_STYLE;
      for (const [a, b] of spans(boldRows)) ws.getRangeByIndexes(firstRow + a, t.left, b - a + 1, width).format.font.bold = true;
      for (const [i, j] of boldCells) ws.getRangeByIndexes(firstRow + i, t.left + j, 1, 1).format.font.bold = true;
    },
  });

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
        if (dataBar) addDataBar(ws.getRangeByIndexes(firstRow, t.left + dataBar.column, t.rows.length, 1), dataBar.max);
        if (iconSet) addIconSet(ws.getRangeByIndexes(firstRow, t.left + iconSet.column, t.rows.length, 1), iconSet.thresholds);
      },
    });
  }
  return ops;
}

export function summaryOps(model: SummarySheetModel, target: SummaryTarget): WriteOp[] {
  const name = target.name;
  const taken = new Set(target.takenTableNames.map((n) => n.toLowerCase()));
  const ops: WriteOp[] = [structureOp(target), ...headerOps(model, name)];
  for (const t of model.tables) for (const op of tableOps(t, name, uniqueTableName(t.name, taken))) ops.push(op);
  ops.push({
    sheet: name,
    bytes: 24 * ACTION_OVERHEAD,
    apply(session) {
      const ws = session.sheet(name);
      ws.freezePanes.freezeRows(model.freezeRows);
      const chart = model.chart;
      const table = chart ? model.tables.find((t) => t.name === chart.table) : undefined;
      if (chart && table) addSummaryChart(ws, chart, table);
      ws.activate();
      ws.getRange(cellAddress(0, 0)).select();
    },
  });
  return ops;
}
