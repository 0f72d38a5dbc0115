/**
 * Helpers for tests: build a fake workbook from 2-D arrays or RawSheets (merges, number formats,
 * protection, custom properties), read cells back (value, formula, format, link), and take a
 * JSON snapshot of everything (used by the browser bundle too).
 */
import { cellA1, cols, parseRect, rectA1, rows, splitSheet, type Rect } from './a1';
import { DEFAULT_FORMAT, FakeWorkbook, type CellFormat, type FakePageLayout, type CellValue, type FakeSheet, type Hyperlink, type WorkbookOptions } from './model';

/** strings are stored as text (as if typed with a leading '); formulas are written as {formula} */
export type SpecValue = string | number | boolean | null | undefined | Date | { error: string } | { formula: string; value?: CellValue };

export interface SheetSpec {
  name: string;
  /** zero-based absolute row/column of values[0][0] */
  top?: number;
  left?: number;
  values: SpecValue[][];
  numberFormats?: (string | null | undefined)[][];
  /** "A1:C1" or zero-based rectangles, absolute */
  merges?: (string | Rect)[];
  hidden?: boolean;
  /** protect the sheet (optionally with a password / options) after filling it */
  protected?: boolean | { password?: string; options?: Record<string, unknown> };
  /** cells left unlocked on a protected sheet ("B3:D200") */
  unlocked?: string[];
  customProperties?: Record<string, string>;
  /** a page layout its author set (see FakePageLayout) */
  pageLayout?: Partial<FakePageLayout>;
}

export interface WorkbookSpec extends WorkbookOptions {
  sheets: SheetSpec[];
  active?: string;
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function stored(v: SpecValue): CellValue | { formula: string; value?: CellValue } | undefined {
  if (v === null || v === undefined || v === '') return undefined;
  if (v instanceof Date) return (v.getTime() - EXCEL_EPOCH) / 86_400_000;
  if (typeof v === 'object') return 'error' in v ? v.error : v;
  return v;
}

export function addSheetFromSpec(wb: FakeWorkbook, spec: SheetSpec): FakeSheet {
  const s = wb.addSheet(spec.name);
  const top = spec.top ?? 0;
  const left = spec.left ?? 0;
  spec.values.forEach((line, i) => {
    line.forEach((v, j) => {
      const x = stored(v);
      if (x === undefined) return;
      const cell = s.cell(top + i, left + j, true);
      if (typeof x === 'object') {
        cell.f = x.formula;
        cell.v = x.value ?? '';
      } else cell.v = x;
    });
  });
  spec.numberFormats?.forEach((line, i) => line?.forEach((f, j) => f && f !== 'General' && s.setCellFormat(top + i, left + j, 'numberFormat', f)));
  for (const m of spec.merges ?? []) s.merges.push(typeof m === 'string' ? parseRect(m) : { ...m });
  for (const [k, v] of Object.entries(spec.customProperties ?? {})) s.customProperties.set(k.toLowerCase(), { key: k, value: v });
  if (spec.pageLayout) Object.assign(s.pageLayout, spec.pageLayout);
  for (const u of spec.unlocked ?? []) s.setFormat(parseRect(u), 'locked', false);
  if (spec.protected) {
    const p = typeof spec.protected === 'object' ? spec.protected : {};
    s.protection = { protected: true, options: { ...s.protection.options, ...(p.options ?? {}) }, ...(p.password ? { password: p.password } : {}) };
  }
  if (spec.hidden) s.visibility = 'Hidden';
  return s;
}

export function workbookFromSpec(spec: WorkbookSpec): FakeWorkbook {
  const wb = new FakeWorkbook(spec);
  for (const s of spec.sheets) addSheetFromSpec(wb, s);
  const active = spec.active ? wb.sheet(spec.active) : wb.sheets.find((s) => s.visibility === 'Visible');
  wb.activeSheetId = active?.id ?? null;
  return wb;
}

/** Same as workbookFromSpec, for plain JSON (the browser bundle): no Dates, errors as {error}. */
export function workbookFromJson(json: WorkbookSpec | string): FakeWorkbook {
  return workbookFromSpec(typeof json === 'string' ? (JSON.parse(json) as WorkbookSpec) : json);
}

export function sheetOf(wb: FakeWorkbook, name: string): FakeSheet {
  const s = wb.sheet(name);
  if (!s) throw new Error(`fake workbook has no sheet ${name} (has ${wb.sheets.map((x) => x.name).join(', ')})`);
  return s;
}

function at(a1: string): { row: number; col: number } {
  const r = parseRect(a1);
  return { row: r.top, col: r.left };
}

export interface CellInfo extends CellFormat {
  /** what Range.values returns: '' for empty */
  value: CellValue;
  /** the formula when the cell holds one */
  formula: string | null;
  hyperlink: Hyperlink | null;
}

export function cellInfo(wb: FakeWorkbook, sheet: string, a1: string): CellInfo {
  const s = sheetOf(wb, sheet);
  const { row, col } = at(a1);
  return cellInfoAt(s, row, col);
}

export function cellInfoAt(s: FakeSheet, row: number, col: number): CellInfo {
  const c = s.cell(row, col);
  return { value: s.valueAt(row, col), formula: c?.f ?? null, hyperlink: c?.link ? { ...c.link } : null, ...s.formatOf(row, col) };
}

export function valueAt(wb: FakeWorkbook, sheet: string, a1: string): CellValue {
  return cellInfo(wb, sheet, a1).value;
}

/** values of a range ("A1:C3") as Range.values would return them */
export function valuesOf(wb: FakeWorkbook, sheet: string, range?: string): CellValue[][] {
  const s = sheetOf(wb, sheet);
  const rect = range ? parseRect(splitSheet(range).local) : s.usedRect(true);
  if (!rect) return [];
  return Array.from({ length: rows(rect) }, (_, i) => Array.from({ length: cols(rect) }, (_, j) => s.valueAt(rect.top + i, rect.left + j)));
}

/** every cell of a rectangle with its value, formula and effective format, keyed by A1 */
export function gridSnapshot(wb: FakeWorkbook, sheet: string, rect: Rect, skip: (row: number, col: number) => boolean = () => false): Record<string, CellInfo> {
  const s = sheetOf(wb, sheet);
  const out: Record<string, CellInfo> = {};
  for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) if (!skip(r, c)) out[cellA1(r, c)] = cellInfoAt(s, r, c);
  return out;
}

/** all cells that were ever written, formulas included */
export function formulasOf(wb: FakeWorkbook, sheet: string): Record<string, string> {
  const s = sheetOf(wb, sheet);
  const out: Record<string, string> = {};
  for (const [r, line] of s.rowsMap) for (const k in line) if (line[k]?.f !== undefined) out[cellA1(r, Number(k))] = line[k].f!;
  return out;
}

export interface SheetSnapshot {
  name: string;
  visibility: string;
  position: number;
  protection: { protected: boolean; options: Record<string, unknown>; hasPassword: boolean };
  customProperties: Record<string, string>;
  used: string | null;
  /** non-empty cells: value (or =formula), and format where it differs from the default */
  cells: Record<string, { v: CellValue; f?: string; link?: Hyperlink; fmt?: Partial<CellFormat> }>;
  merges: string[];
  freezeRows: number;
  columnWidths: Record<string, number>;
  tables: { name: string; range: string; style: string }[];
  charts: { name: string; type: string; source: string; title: string; position: { start: string; end: string } | null; series: { name: string; values: string; xValues: string | null }[] }[];
  conditionalFormats: { type: string; ranges: string[]; detail: unknown }[];
  validations: { ranges: string[]; rule: unknown }[];
  pageLayout: Omit<FakePageLayout, 'printTitleRows' | 'printTitleColumns' | 'printArea'> & { printTitleRows: string | null; printTitleColumns: string | null; printArea: string | null };
  /** rows (1-based) a page break sits above */
  pageBreaks: number[];
  /** ranges fitted to their text */
  autofitRows: string[];
  rowHeights: Record<string, number>;
}

export interface WorkbookSnapshot {
  name: string;
  active: string | null;
  selection: string | null;
  syncs: number;
  requestBytes: number[];
  sheets: SheetSnapshot[];
}

export function snapshotSheet(s: FakeSheet, withFormats = true): SheetSnapshot {
  const cells: SheetSnapshot['cells'] = {};
  const used = s.usedRect(false);
  for (const [r, line] of s.rowsMap) {
    for (const k in line) {
      const c = line[k];
      if (!c) continue;
      const col = Number(k);
      const entry: SheetSnapshot['cells'][string] = { v: s.valueAt(r, col) };
      if (c.f !== undefined) entry.f = c.f;
      if (c.link) entry.link = { ...c.link };
      if (withFormats) {
        const f = s.formatOf(r, col);
        const diff: Partial<CellFormat> = {};
        for (const key of Object.keys(f) as (keyof CellFormat)[]) if (f[key] !== DEFAULT_FORMAT[key]) (diff as Record<string, unknown>)[key] = f[key];
        if (Object.keys(diff).length) entry.fmt = diff;
      }
      if (entry.v === '' && entry.f === undefined && !entry.link && !entry.fmt) continue;
      cells[cellA1(r, col)] = entry;
    }
  }
  const widths: Record<string, number> = {};
  for (const [c, w] of s.columnWidths) widths[cellA1(0, c).replace(/\d+$/, '')] = w;
  return {
    name: s.name,
    visibility: s.visibility,
    position: s.workbook.sheets.indexOf(s),
    protection: { protected: s.protection.protected, options: { ...s.protection.options }, hasPassword: s.protection.password !== undefined },
    customProperties: Object.fromEntries([...s.customProperties.values()].map((p) => [p.key, p.value])),
    used: used ? rectA1(used) : null,
    cells,
    merges: s.merges.map(rectA1),
    freezeRows: s.freezeRows,
    columnWidths: widths,
    tables: s.tables.map((t) => ({ name: t.name, range: rectA1(t.rect), style: t.style })),
    charts: s.charts.map((c) => ({
      name: c.name,
      type: c.type,
      source: rectA1(c.source),
      title: c.title.text,
      position: c.position,
      series: c.series.map((x) => ({ name: x.name, values: rectA1(x.values), xValues: x.xValues ? rectA1(x.xValues) : null })),
    })),
    conditionalFormats: s.conditionalFormats.map((cf) => ({ type: cf.type, ranges: cf.ranges.map(rectA1), detail: cf.iconSet ?? cf.dataBar ?? cf.custom ?? null })),
    validations: s.validations.map((v) => ({ ranges: v.ranges.map(rectA1), rule: v.rule })),
    pageLayout: {
      ...s.pageLayout,
      zoom: { ...s.pageLayout.zoom },
      margins: { ...s.pageLayout.margins },
      printTitleRows: s.pageLayout.printTitleRows ? `$${s.pageLayout.printTitleRows.top + 1}:$${s.pageLayout.printTitleRows.bottom + 1}` : null,
      printTitleColumns: s.pageLayout.printTitleColumns ? `$${cellA1(0, s.pageLayout.printTitleColumns.left).replace(/\d+$/, '')}:$${cellA1(0, s.pageLayout.printTitleColumns.right).replace(/\d+$/, '')}` : null,
      printArea: s.pageLayout.printArea ? rectA1(s.pageLayout.printArea) : null,
    },
    pageBreaks: [...s.pageBreaks].sort((a, b) => a - b).map((r) => r + 1),
    autofitRows: s.autofitRows.map(rectA1),
    rowHeights: Object.fromEntries([...s.rowHeights].map(([r, h]) => [String(r + 1), h])),
  };
}

export function snapshot(wb: FakeWorkbook, withFormats = true): WorkbookSnapshot {
  const active = wb.activeSheetId ? wb.sheetById(wb.activeSheetId) : undefined;
  const sel = wb.selection ? wb.sheetById(wb.selection.sheetId) : undefined;
  return {
    name: wb.name,
    active: active?.name ?? null,
    selection: sel && wb.selection ? sel.address(wb.selection.rect) : null,
    syncs: wb.syncCount,
    requestBytes: wb.syncLog.map((r) => r.requestBytes),
    sheets: wb.sheets.map((s) => snapshotSheet(s, withFormats)),
  };
}

export function requestSizes(wb: FakeWorkbook): number[] {
  return wb.syncLog.map((r) => r.requestBytes);
}
