/**
 * Reads the workbook for a review in two syncs: (1) the workbook name and the sheet names,
 * (2) for every sheet at once: the used range (values only) with its number formats and
 * position, the merged areas, the protection state, our custom property and the page layout. Only when Excel
 * refuses the response as too large (Excel on the web: 5 MB) are the cells read again in row
 * slices, a few syncs more.
 */
import type { CellRect, RawSheet, RawValue } from '../domain/base/raw';
import { parseAreas } from './addresses';
import { ACTION_OVERHEAD } from './chunking';
import { MARKER_KEY } from './ownSheets';
import type { Session } from './session';

export interface SheetRead {
  name: string;
  visibility: string;
  position: number;
  raw: RawSheet;
  protected: boolean;
  protectionOptions: Excel.WorksheetProtectionOptions;
  /** our custom property's value, null when the sheet has none */
  marker: string | null;
  /** names of the sheet's tables (loaded on request) */
  tables: string[];
  /** the sheet's author set its page layout (then a review leaves it alone) */
  ownPageSetup: boolean;
  /** widths of the first MEASURED_COLUMNS columns in points, to choose how the sheet prints */
  columnWidths: number[];
}

/** columns whose widths are read (a review's output columns sit right of the table, rarely beyond) */
export const MEASURED_COLUMNS = 64;

export interface WorkbookRead {
  name: string;
  sheets: SheetRead[];
}

export interface ReadOptions {
  /** also load table names (the summary needs free names) */
  tables?: boolean;
  /** response budget for the sliced fallback */
  budget: number;
}

/** bytes per cell of values + number format assumed when slicing a read */
const CELL_BYTES = 48;

interface Queued {
  used: Excel.Range;
  merged: Excel.RangeAreas;
  protection: Excel.WorksheetProtection;
  marker: Excel.WorksheetCustomProperty;
  tables: Excel.TableCollection | null;
  layout: Excel.PageLayout;
  printTitles: Excel.Range;
  printArea: Excel.RangeAreas;
  widths: Excel.RangeFormat[];
}

/** cells: the used range with its values and number formats; otherwise only its shape */
function queueSheet(ws: Excel.Worksheet, cells: boolean, tables: boolean): Queued {
  const used = ws.getUsedRangeOrNullObject(true);
  if (cells) used.load(['values', 'numberFormat', 'address', 'rowIndex', 'columnIndex']);
  else used.load(['address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount']);
  const merged = ws.getRange().getMergedAreasOrNullObject();
  merged.load('address');
  const protection = ws.protection;
  protection.load('protected,options');
  const marker = ws.customProperties.getItemOrNullObject(MARKER_KEY);
  marker.load('value');
  let tableList: Excel.TableCollection | null = null;
  if (tables) {
    tableList = ws.tables;
    tableList.load('items/name');
  }
  // the page layout, to tell a sheet whose author set it (ExcelApi 1.9)
  const layout = ws.pageLayout;
  layout.load('orientation,paperSize,zoom');
  const printTitles = layout.getPrintTitleRowsOrNullObject();
  printTitles.load('address');
  const printArea = layout.getPrintAreaOrNullObject();
  printArea.load('address');
  const widths: Excel.RangeFormat[] = [];
  for (let c = 0; c < MEASURED_COLUMNS; c++) {
    const f = ws.getRangeByIndexes(0, c, 1, 1).format;
    f.load('columnWidth');
    widths.push(f);
  }
  return { used, merged, protection, marker, tables: tableList, layout, printTitles, printArea, widths };
}

/**
 * The author set the page layout: landscape, a zoom or fit other than 100%, print titles, a print
 * area, or a paper other than the two Excel starts with (A4 in Japan, Letter elsewhere).
 */
export function setsOwnPageLayout(q: Pick<Queued, 'layout' | 'printTitles' | 'printArea'>): boolean {
  const zoom = q.layout.zoom ?? {};
  if (q.layout.orientation === 'Landscape') return true;
  if ((zoom.scale !== undefined && zoom.scale !== null && zoom.scale !== 100) || zoom.horizontalFitToPages || zoom.verticalFitToPages) return true;
  if (q.layout.paperSize !== 'A4' && q.layout.paperSize !== 'Letter') return true;
  return !q.printTitles.isNullObject || !q.printArea.isNullObject;
}

export function toRawValues(values: readonly (readonly unknown[])[]): RawValue[][] {
  const out: RawValue[][] = new Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const src = values[i];
    const line: RawValue[] = new Array(src.length);
    for (let j = 0; j < src.length; j++) {
      const v = src[j];
      line[j] = v === '' || v === undefined || v === null ? null : typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : String(v);
    }
    out[i] = line;
  }
  return out;
}

/** number formats, null for General; undefined when every cell is General */
export function toRawFormats(formats: readonly (readonly unknown[])[]): (string | null)[][] | undefined {
  let any = false;
  const out: (string | null)[][] = new Array(formats.length);
  for (let i = 0; i < formats.length; i++) {
    const src = formats[i];
    const line: (string | null)[] = new Array(src.length);
    for (let j = 0; j < src.length; j++) {
      const f = src[j];
      if (typeof f === 'string' && f !== '' && f !== 'General') {
        line[j] = f;
        any = true;
      } else line[j] = null;
    }
    out[i] = line;
  }
  return any ? out : undefined;
}

function sheetRead(ws: Excel.Worksheet, position: number, q: Queued, cells: { top: number; left: number; values: RawValue[][]; numberFormats?: (string | null)[][] } | null): SheetRead {
  const merges: CellRect[] = q.merged.isNullObject ? [] : parseAreas(q.merged.address);
  const visibility = ws.visibility;
  const raw: RawSheet = { name: ws.name, top: cells?.top ?? 0, left: cells?.left ?? 0, values: cells?.values ?? [], merges, hidden: visibility !== 'Visible' };
  if (cells?.numberFormats) raw.numberFormats = cells.numberFormats;
  return {
    name: ws.name,
    visibility,
    position,
    raw,
    protected: q.protection.protected,
    protectionOptions: q.protection.options,
    marker: q.marker.isNullObject ? null : String(q.marker.value),
    tables: q.tables ? q.tables.items.map((t) => t.name) : [],
    ownPageSetup: setsOwnPageLayout(q),
    columnWidths: q.widths.map((f) => f.columnWidth),
  };
}

function isResponseTooLarge(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'ResponsePayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceededError';
}

export async function readWorkbook(session: Session, opts: ReadOptions): Promise<WorkbookRead> {
  const workbook = session.context.workbook;
  workbook.load('name');
  const worksheets = workbook.worksheets;
  worksheets.load('items/name,items/visibility');
  await session.sync(2 * ACTION_OVERHEAD);
  session.progress('read', 0.15);
  const items = worksheets.items;
  const name = workbook.name;
  try {
    const queued = items.map((ws) => queueSheet(ws, true, !!opts.tables));
    await session.sync(items.length * (9 + MEASURED_COLUMNS) * ACTION_OVERHEAD);
    session.progress('read', 0.4);
    return {
      name,
      sheets: items.map((ws, i) => {
        const u = queued[i].used;
        if (u.isNullObject) return sheetRead(ws, i, queued[i], null);
        return sheetRead(ws, i, queued[i], { top: u.rowIndex, left: u.columnIndex, values: toRawValues(u.values), numberFormats: toRawFormats(u.numberFormat) });
      }),
    };
  } catch (err) {
    if (!isResponseTooLarge(err)) throw err;
    return { name, sheets: await readInSlices(session, items, opts) };
  }
}

interface Slice {
  sheet: number;
  top: number;
  left: number;
  rows: number;
  cols: number;
}

/** The fallback for very large sheets: shapes first, then the cells in row slices. */
async function readInSlices(session: Session, items: Excel.Worksheet[], opts: ReadOptions): Promise<SheetRead[]> {
  const queued = items.map((ws) => queueSheet(ws, false, !!opts.tables));
  await session.sync(items.length * (9 + MEASURED_COLUMNS) * ACTION_OVERHEAD);
  const cells = items.map((_, i) => {
    const u = queued[i].used;
    return u.isNullObject ? null : { top: u.rowIndex, left: u.columnIndex, rows: u.rowCount, cols: u.columnCount, values: new Array<RawValue[]>(u.rowCount), formats: new Array<unknown[]>(u.rowCount) };
  });
  let cellBytes = CELL_BYTES;
  let pending: Slice[] = [];
  const plan = (): void => {
    pending = [];
    cells.forEach((c, i) => {
      if (!c) return;
      const per = Math.max(1, Math.floor(opts.budget / (c.cols * cellBytes)));
      let r = 0;
      while (r < c.rows) {
        if (c.values[r] !== undefined) {
          r++;
          continue;
        }
        let end = r;
        while (end < c.rows && end - r < per && c.values[end] === undefined) end++;
        pending.push({ sheet: i, top: c.top + r, left: c.left, rows: end - r, cols: c.cols });
        r = end;
      }
    });
  };
  plan();
  let attempts = 0;
  while (pending.length) {
    // as many slices as fit in one response
    const group: Slice[] = [];
    let bytes = 0;
    for (const s of pending) {
      const b = s.rows * s.cols * cellBytes;
      if (group.length && bytes + b > opts.budget) break;
      group.push(s);
      bytes += b;
    }
    const ranges = group.map((s) => {
      const r = items[s.sheet].getRangeByIndexes(s.top, s.left, s.rows, s.cols);
      r.load(['values', 'numberFormat']);
      return r;
    });
    try {
      await session.sync(group.length * ACTION_OVERHEAD);
    } catch (err) {
      if (!isResponseTooLarge(err) || ++attempts > 8) throw err;
      cellBytes *= 2;
      plan();
      continue;
    }
    group.forEach((s, k) => {
      const c = cells[s.sheet]!;
      const vals = toRawValues(ranges[k].values);
      const fmts = ranges[k].numberFormat;
      for (let r = 0; r < s.rows; r++) {
        c.values[s.top - c.top + r] = vals[r];
        c.formats[s.top - c.top + r] = fmts[r];
      }
    });
    pending = pending.slice(group.length);
    session.progress('read', 0.15 + 0.25 * (1 - pending.length / Math.max(1, pending.length + group.length)));
  }
  return items.map((ws, i) => {
    const c = cells[i];
    return sheetRead(ws, i, queued[i], c ? { top: c.top, left: c.left, values: c.values, numberFormats: toRawFormats(c.formats) } : null);
  });
}
