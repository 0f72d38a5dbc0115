/**
 * The state of the fake workbook: sheets of cells (value or formula, number format and cell
 * formats), formats applied to large areas, merges, protection, custom properties, conditional
 * formats, data validation, tables, charts, frozen panes, the active sheet and selection, and the
 * log of every sync (request and response size). No Node APIs: it also runs in a browser.
 */
import { cellA1, cols, contains, intersects, MAX_COLS, MAX_ROWS, qualified, rows, subtract, type Rect } from './a1';
import { fail } from './errors';

export type CellValue = string | number | boolean;

export interface Hyperlink {
  address?: string;
  documentReference?: string;
  textToDisplay?: string;
  screenTip?: string;
}

export interface CellFormat {
  numberFormat: string;
  fill: string | null;
  bold: boolean;
  italic: boolean;
  fontColor: string;
  fontSize: number;
  underline: string;
  locked: boolean;
  horizontalAlignment: string;
  verticalAlignment: string;
  wrapText: boolean;
}

export type FormatKey = keyof CellFormat;

export const DEFAULT_FORMAT: CellFormat = {
  numberFormat: 'General',
  fill: null,
  bold: false,
  italic: false,
  fontColor: '#000000',
  fontSize: 11,
  underline: 'None',
  locked: true,
  horizontalAlignment: 'General',
  verticalAlignment: 'Bottom',
  wrapText: false,
};

interface Cell {
  v?: CellValue;
  f?: string;
  link?: Hyperlink;
  fmt?: Partial<Record<FormatKey, [unknown, number]>>;
}

interface Layer {
  rect: Rect;
  value: unknown;
  seq: number;
}

export interface FakeConditionalFormat {
  id: number;
  type: 'IconSet' | 'DataBar' | 'Custom' | 'ColorScale' | 'CellValue' | 'ContainsText';
  ranges: Rect[];
  iconSet?: { style?: string; criteria?: unknown[]; showIconOnly?: boolean; reverseIconOrder?: boolean };
  dataBar?: { barDirection?: string; showDataBarOnly?: boolean; lowerBoundRule?: unknown; upperBoundRule?: unknown; positiveFormat: Record<string, unknown> };
  custom?: { rule: { formula?: string }; format: { fill: { color?: string }; font: { color?: string; bold?: boolean } } };
  stopIfTrue?: boolean;
}

export interface FakeValidation {
  ranges: Rect[];
  rule: unknown;
  errorAlert?: unknown;
  prompt?: unknown;
}

export interface FakeTable {
  id: number;
  name: string;
  rect: Rect;
  style: string;
  showHeaders: boolean;
  showBandedRows: boolean;
  showFilterButton: boolean;
}

export interface FakeSeries {
  name: string;
  values: Rect;
  xValues: Rect | null;
}

export interface FakeChart {
  id: number;
  name: string;
  type: string;
  source: Rect;
  seriesBy: string;
  series: FakeSeries[];
  title: { text: string; visible: boolean };
  position: { start: string; end: string } | null;
  top: number;
  left: number;
  width: number;
  height: number;
  legend: { position?: string; visible?: boolean };
  dataLabels: { showValue?: boolean; numberFormat?: string };
  valueAxis: { minimum?: number; maximum?: number; numberFormat?: string; majorUnit?: number };
  categoryAxis: Record<string, unknown>;
}

export interface Protection {
  protected: boolean;
  options: Record<string, unknown>;
  password?: string;
}

export interface SyncRecord {
  /** JSON bytes of the queued actions */
  requestBytes: number;
  /** JSON bytes of the values returned for loads */
  responseBytes: number;
  actions: number;
  error?: string;
}

export const PROTECTION_OPTION_KEYS = [
  'allowAutoFilter',
  'allowDeleteColumns',
  'allowDeleteRows',
  'allowEditObjects',
  'allowEditScenarios',
  'allowFormatCells',
  'allowFormatColumns',
  'allowFormatRows',
  'allowInsertColumns',
  'allowInsertHyperlinks',
  'allowInsertRows',
  'allowPivotTables',
  'allowSort',
  'selectionMode',
] as const;

export function defaultProtectionOptions(): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const k of PROTECTION_OPTION_KEYS) o[k] = k === 'selectionMode' ? 'Normal' : k === 'allowEditObjects' || k === 'allowEditScenarios' ? false : false;
  return o;
}

/**
 * UTF-8 length of a string. Kept apart from src/excel/chunking.ts on purpose: the fake measures
 * what is sent independently of the gateway's estimate, and runs in a bare VM without TextEncoder.
 */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** the page layout of a sheet (./pageLayout has its proxies) */
export interface FakePageLayout {
  orientation: 'Portrait' | 'Landscape';
  paperSize: string;
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  centerHorizontally: boolean;
  centerFooter: string;
  printTitleRows: Rect | null;
  printTitleColumns: Rect | null;
  printArea: Rect | null;
}

/** what a new sheet has in Excel with Japanese settings */
export function defaultPageLayout(): FakePageLayout {
  return {
    orientation: 'Portrait',
    paperSize: 'A4',
    zoom: { scale: 100 },
    margins: { left: 50.4, right: 50.4, top: 54, bottom: 54, header: 21.6, footer: 21.6 },
    centerHorizontally: false,
    centerFooter: '',
    printTitleRows: null,
    printTitleColumns: null,
    printArea: null,
  };
}

export class FakeSheet {
  readonly id: string;
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  readonly rowsMap = new Map<number, Cell[]>();
  private readonly layers = new Map<FormatKey, Layer[]>();
  merges: Rect[] = [];
  protection: Protection = { protected: false, options: defaultProtectionOptions() };
  readonly customProperties = new Map<string, { key: string; value: string }>();
  freezeRows = 0;
  freezeColumns = 0;
  tables: FakeTable[] = [];
  charts: FakeChart[] = [];
  conditionalFormats: FakeConditionalFormat[] = [];
  validations: FakeValidation[] = [];
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  /** ranges whose rows were fitted to their text (Range.format.autofitRows) */
  autofitRows: Rect[] = [];
  pageLayout: FakePageLayout = defaultPageLayout();
  /** rows a manual page break sits above */
  pageBreaks: number[] = [];

  constructor(
    readonly workbook: FakeWorkbook,
    name: string,
  ) {
    this.id = `{sheet-${++workbook.idCounter}}`;
    this.name = name;
  }

  cell(row: number, col: number, create: true): Cell;
  cell(row: number, col: number, create?: false): Cell | undefined;
  cell(row: number, col: number, create = false): Cell | undefined {
    let line = this.rowsMap.get(row);
    if (!line) {
      if (!create) return undefined;
      line = [];
      this.rowsMap.set(row, line);
    }
    let c = line[col];
    if (!c && create) {
      c = {};
      line[col] = c;
    }
    return c;
  }

  // ---- formats ------------------------------------------------------------------------------

  format<K extends FormatKey>(row: number, col: number, key: K): CellFormat[K] {
    const c = this.cell(row, col);
    const own = c?.fmt?.[key];
    let best: unknown = DEFAULT_FORMAT[key];
    let seq = -1;
    if (own) {
      best = own[0];
      seq = own[1];
    }
    const list = this.layers.get(key);
    if (list) {
      for (let i = list.length - 1; i >= 0; i--) {
        const l = list[i];
        if (l.seq <= seq) break;
        if (contains(l.rect, row, col)) {
          best = l.value;
          break;
        }
      }
    }
    return best as CellFormat[K];
  }

  formatOf(row: number, col: number): CellFormat {
    const out = {} as Record<FormatKey, unknown>;
    for (const k of Object.keys(DEFAULT_FORMAT) as FormatKey[]) out[k] = this.format(row, col, k);
    return out as unknown as CellFormat;
  }

  /** one value over a rectangle: per cell when small, as a layer when large */
  setFormat(rect: Rect, key: FormatKey, value: unknown): void {
    const seq = ++this.workbook.seq;
    if (rows(rect) * cols(rect) <= 4096) {
      for (let r = rect.top; r <= rect.bottom; r++) {
        for (let c = rect.left; c <= rect.right; c++) {
          const cell = this.cell(r, c, true);
          (cell.fmt ??= {})[key] = [value, seq];
        }
      }
      return;
    }
    let list = this.layers.get(key);
    if (!list) this.layers.set(key, (list = []));
    list.push({ rect, value, seq });
  }

  setCellFormat(row: number, col: number, key: FormatKey, value: unknown): void {
    const cell = this.cell(row, col, true);
    (cell.fmt ??= {})[key] = [value, ++this.workbook.seq];
  }

  /** the value of a format over a rectangle: the common value, or null when the cells differ */
  uniformFormat(rect: Rect, key: FormatKey): unknown {
    const first = this.format(rect.top, rect.left, key);
    const cells = rows(rect) * cols(rect);
    if (cells > 100_000) return first;
    for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) if (this.format(r, c, key) !== first) return null;
    return first;
  }

  // ---- values -------------------------------------------------------------------------------

  /** what Range.values reads: the value, '' for empty, the cached result ('' here) for formulas */
  valueAt(row: number, col: number): CellValue {
    const c = this.cell(row, col);
    if (!c) return '';
    if (c.f !== undefined) return c.v ?? '';
    return c.v ?? '';
  }

  formulaAt(row: number, col: number): CellValue {
    const c = this.cell(row, col);
    if (!c) return '';
    return c.f ?? c.v ?? '';
  }

  /**
   * Writes one value as Excel's Range.values setter does: null/undefined leave the cell alone,
   * '' clears it, a leading ' stores the rest as text, a text-formatted cell (@) keeps any string
   * as text, = starts a formula, + - @ start a formula unless a number follows, plain numbers in
   * strings become numbers.
   */
  writeValue(row: number, col: number, v: unknown): void {
    if (v === null || v === undefined) return;
    const cell = this.cell(row, col, true);
    delete cell.f;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) fail('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.', 'Range.values');
      cell.v = v;
      return;
    }
    if (typeof v === 'boolean') {
      cell.v = v;
      return;
    }
    if (typeof v !== 'string') fail('InvalidArgument', `unsupported value ${String(v)}`, 'Range.values');
    if (v === '') {
      delete cell.v;
      return;
    }
    if (v.length > 32767) fail('InvalidArgument', 'text longer than 32,767 characters', 'Range.values');
    if (v.startsWith("'")) {
      cell.v = v.slice(1);
      if (cell.v === '') delete cell.v;
      return;
    }
    if (this.format(row, col, 'numberFormat') === '@') {
      cell.v = v;
      return;
    }
    if (PLAIN_NUMBER.test(v)) {
      cell.v = Number(v);
      return;
    }
    if (v.startsWith('=') && v.length > 1) {
      cell.f = v;
      cell.v = '';
      return;
    }
    if ((v[0] === '+' || v[0] === '-' || v[0] === '@') && v.length > 1) {
      cell.f = '=' + v;
      cell.v = '';
      return;
    }
    if (/^(true|false)$/i.test(v)) {
      cell.v = v.toLowerCase() === 'true';
      return;
    }
    cell.v = v;
  }

  writeFormula(row: number, col: number, v: unknown): void {
    if (typeof v === 'string' && v.startsWith('=')) {
      const cell = this.cell(row, col, true);
      cell.f = v;
      cell.v = '';
    } else this.writeValue(row, col, v);
  }

  linkAt(row: number, col: number): Hyperlink | undefined {
    return this.cell(row, col)?.link;
  }

  setLink(row: number, col: number, link: Hyperlink | null): void {
    const cell = this.cell(row, col, true);
    if (link) cell.link = { ...link };
    else delete cell.link;
  }

  /** bounding box of cells with a value or formula (valuesOnly) or any record */
  usedRect(valuesOnly: boolean): Rect | null {
    let top = Infinity;
    let bottom = -1;
    let left = Infinity;
    let right = -1;
    for (const [r, line] of this.rowsMap) {
      let any = false;
      for (const k in line) {
        const c = line[k];
        if (!c) continue;
        if (valuesOnly ? c.v !== undefined || c.f !== undefined : true) {
          const col = Number(k);
          if (col < left) left = col;
          if (col > right) right = col;
          any = true;
        }
      }
      if (any) {
        if (r < top) top = r;
        if (r > bottom) bottom = r;
      }
    }
    if (bottom < 0) return null;
    return { top, left, bottom, right };
  }

  address(rect: Rect): string {
    return qualified(this.name, rect);
  }

  // ---- protection ---------------------------------------------------------------------------

  /** throws like Excel when a protected sheet refuses the change */
  guard(kind: 'values' | 'format' | 'columns' | 'rows' | 'objects' | 'structure', rect?: Rect, where = ''): void {
    const p = this.protection;
    if (!p.protected) return;
    const denied = (): never =>
      fail('AccessDenied', 'The cell or chart you are trying to change is on a protected sheet. To make a change, unprotect the sheet.', where);
    if (kind === 'values') {
      if (!rect) return denied();
      for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) if (this.format(r, c, 'locked')) denied();
      return;
    }
    if (kind === 'format' && !p.options.allowFormatCells) denied();
    if (kind === 'columns' && !p.options.allowFormatColumns) denied();
    if (kind === 'rows' && !p.options.allowFormatRows) denied();
    if (kind === 'objects' && !p.options.allowEditObjects) denied();
    if (kind === 'structure') denied();
  }

  // ---- merges, conditional formats, validation ------------------------------------------------

  merge(rect: Rect, across: boolean): void {
    const parts: Rect[] = across ? Array.from({ length: rows(rect) }, (_, i) => ({ top: rect.top + i, left: rect.left, bottom: rect.top + i, right: rect.right })) : [rect];
    for (const p of parts) {
      if (rows(p) * cols(p) <= 1) continue;
      if (this.tables.some((t) => intersects(t.rect, p))) fail('InvalidOperation', 'Cannot merge cells in a table.', 'Range.merge');
      this.merges = this.merges.filter((m) => !intersects(m, p));
      this.merges.push(p);
      // Excel keeps the top-left value only
      for (let r = p.top; r <= p.bottom; r++) for (let c = p.left; c <= p.right; c++) if ((r !== p.top || c !== p.left) && this.cell(r, c)) this.writeValue(r, c, '');
    }
  }

  clearConditionalFormats(rect: Rect): void {
    const keep: FakeConditionalFormat[] = [];
    for (const cf of this.conditionalFormats) {
      cf.ranges = cf.ranges.flatMap((r) => subtract(r, rect));
      if (cf.ranges.length) keep.push(cf);
    }
    this.conditionalFormats = keep;
  }

  clearValidation(rect: Rect): void {
    const keep: FakeValidation[] = [];
    for (const v of this.validations) {
      v.ranges = v.ranges.flatMap((r) => subtract(r, rect));
      if (v.ranges.length) keep.push(v);
    }
    this.validations = keep;
  }

  validationAt(row: number, col: number): FakeValidation | undefined {
    return this.validations.find((v) => v.ranges.some((r) => contains(r, row, col)));
  }

  conditionalFormatsAt(row: number, col: number): FakeConditionalFormat[] {
    return this.conditionalFormats.filter((cf) => cf.ranges.some((r) => contains(r, row, col)));
  }

  /** column width in points (Excel's default 8.43 characters = 48 pt) */
  columnWidth(col: number): number {
    return this.columnWidths.get(col) ?? 48;
  }
}

export interface WorkbookOptions {
  name?: string;
  /** a sync whose request is larger than this throws RequestPayloadSizeLimitExceeded (Excel on the web: 5 MB) */
  requestLimitBytes?: number;
  /** a sync whose response is larger than this throws ResponsePayloadSizeLimitExceeded */
  responseLimitBytes?: number;
}

export class FakeWorkbook {
  name: string;
  sheets: FakeSheet[] = [];
  activeSheetId: string | null = null;
  selection: { sheetId: string; rect: Rect } | null = null;
  idCounter = 0;
  seq = 0;
  syncLog: SyncRecord[] = [];
  requestLimitBytes: number | undefined;
  responseLimitBytes: number | undefined;
  private tableCounter = 0;
  private chartCounter = 0;
  private cfCounter = 0;

  constructor(opts: WorkbookOptions = {}) {
    this.name = opts.name ?? 'Book1.xlsx';
    this.requestLimitBytes = opts.requestLimitBytes;
    this.responseLimitBytes = opts.responseLimitBytes;
  }

  get syncCount(): number {
    return this.syncLog.length;
  }

  resetSyncLog(): void {
    this.syncLog = [];
  }

  sheet(name: string): FakeSheet | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  sheetById(id: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  requireSheet(name: string): FakeSheet {
    const s = this.sheet(name);
    if (!s) fail('ItemNotFound', `The requested resource doesn't exist: worksheet ${name}`, 'WorksheetCollection.getItem');
    return s;
  }

  static checkSheetName(name: string): void {
    if (!name || name.length > 31 || /[:\\/?*[\]]/.test(name) || name.startsWith("'") || name.endsWith("'")) {
      fail('InvalidArgument', `The argument is invalid or missing or has an incorrect format: sheet name "${name}"`, 'Worksheet.name');
    }
  }

  addSheet(name?: string): FakeSheet {
    let n = name;
    if (n === undefined) {
      let i = this.sheets.length + 1;
      while (this.sheet(`Sheet${i}`)) i++;
      n = `Sheet${i}`;
    }
    FakeWorkbook.checkSheetName(n);
    if (this.sheet(n)) fail('ItemAlreadyExists', `A resource with the same name or identifier already exists: ${n}`, 'WorksheetCollection.add');
    const s = new FakeSheet(this, n);
    this.sheets.push(s);
    if (!this.activeSheetId) this.activeSheetId = s.id;
    return s;
  }

  renameSheet(s: FakeSheet, name: string): void {
    FakeWorkbook.checkSheetName(name);
    const other = this.sheet(name);
    if (other && other !== s) fail('ItemAlreadyExists', `A resource with the same name or identifier already exists: ${name}`, 'Worksheet.name');
    s.name = name;
  }

  deleteSheet(s: FakeSheet): void {
    const visible = this.sheets.filter((x) => x.visibility === 'Visible');
    if (s.visibility === 'Visible' && visible.length <= 1) fail('InvalidOperation', 'A workbook must contain at least one visible worksheet.', 'Worksheet.delete');
    this.sheets = this.sheets.filter((x) => x !== s);
    if (this.activeSheetId === s.id) this.activeSheetId = this.sheets.find((x) => x.visibility === 'Visible')?.id ?? null;
    if (this.selection?.sheetId === s.id) this.selection = null;
  }

  setVisibility(s: FakeSheet, v: string): void {
    if (v !== 'Visible' && v !== 'Hidden' && v !== 'VeryHidden') fail('InvalidArgument', `bad visibility ${v}`, 'Worksheet.visibility');
    if (v !== 'Visible' && s.visibility === 'Visible' && this.sheets.filter((x) => x.visibility === 'Visible').length <= 1) {
      fail('InvalidOperation', 'A workbook must contain at least one visible worksheet.', 'Worksheet.visibility');
    }
    s.visibility = v;
    if (v !== 'Visible' && this.activeSheetId === s.id) this.activeSheetId = this.sheets.find((x) => x.visibility === 'Visible')?.id ?? null;
  }

  moveSheet(s: FakeSheet, position: number): void {
    const rest = this.sheets.filter((x) => x !== s);
    const p = Math.max(0, Math.min(position, rest.length));
    rest.splice(p, 0, s);
    this.sheets = rest;
  }

  activate(s: FakeSheet): void {
    if (s.visibility !== 'Visible') fail('InvalidOperation', 'A hidden worksheet cannot be activated.', 'Worksheet.activate');
    this.activeSheetId = s.id;
  }

  allTables(): FakeTable[] {
    return this.sheets.flatMap((s) => s.tables);
  }

  addTable(s: FakeSheet, rect: Rect, hasHeaders: boolean): FakeTable {
    s.guard('structure', rect, 'TableCollection.add');
    if (s.tables.some((t) => intersects(t.rect, rect))) fail('InvalidOperation', 'A table cannot overlap another table.', 'TableCollection.add');
    if (s.merges.some((m) => intersects(m, rect))) fail('MergedRangeConflict', 'A table cannot contain merged cells.', 'TableCollection.add');
    if (!hasHeaders) fail('NotImplemented', 'the fake supports tables.add(range, true) only', 'TableCollection.add');
    const r = rect;
    const seen = new Set<string>();
    for (let c = r.left; c <= r.right; c++) {
      let h = hasHeaders ? String(s.valueAt(r.top, c)) : '';
      if (!h) h = `Column${c - r.left + 1}`;
      let name = h;
      for (let n = 2; seen.has(name.toLowerCase()); n++) name = h + n;
      seen.add(name.toLowerCase());
      const cell = s.cell(r.top, c, true);
      delete cell.f;
      cell.v = name;
    }
    let n = this.tableCounter + 1;
    while (this.allTables().some((t) => t.name.toLowerCase() === `table${n}`)) n++;
    this.tableCounter = n;
    const t: FakeTable = { id: ++this.idCounter, name: `Table${n}`, rect: r, style: 'TableStyleMedium2', showHeaders: true, showBandedRows: true, showFilterButton: true };
    s.tables.push(t);
    return t;
  }

  renameTable(t: FakeTable, name: string): void {
    if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name) || name.length > 255 || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]$/.test(name)) {
      fail('InvalidArgument', `The argument is invalid or missing or has an incorrect format: table name "${name}"`, 'Table.name');
    }
    if (this.allTables().some((x) => x !== t && x.name.toLowerCase() === name.toLowerCase())) fail('ItemAlreadyExists', `A table named ${name} already exists.`, 'Table.name');
    t.name = name;
  }

  addChart(s: FakeSheet, type: string, source: Rect, sourceSheet: FakeSheet, seriesBy: string): FakeChart {
    s.guard('objects', undefined, 'ChartCollection.add');
    const byCols = seriesBy === 'Columns' || (seriesBy !== 'Rows' && rows(source) >= cols(source));
    const text = (r: number, c: number) => typeof sourceSheet.valueAt(r, c) === 'string' && sourceSheet.valueAt(r, c) !== '';
    const headerRow = rows(source) > 1 && Array.from({ length: cols(source) }, (_, i) => i).every((i) => text(source.top, source.left + i) || sourceSheet.valueAt(source.top, source.left + i) === '');
    const headerCol = cols(source) > 1 && Array.from({ length: rows(source) - (headerRow ? 1 : 0) }, (_, i) => i).every((i) => text(source.top + (headerRow ? 1 : 0) + i, source.left));
    const dataTop = source.top + (headerRow ? 1 : 0);
    const dataLeft = source.left + (headerCol ? 1 : 0);
    const series: FakeSeries[] = [];
    if (byCols) {
      for (let c = dataLeft; c <= source.right; c++) {
        series.push({
          name: headerRow ? String(sourceSheet.valueAt(source.top, c)) : `Series${series.length + 1}`,
          values: { top: dataTop, left: c, bottom: source.bottom, right: c },
          xValues: headerCol ? { top: dataTop, left: source.left, bottom: source.bottom, right: source.left } : null,
        });
      }
    } else {
      for (let r = dataTop; r <= source.bottom; r++) {
        series.push({
          name: headerCol ? String(sourceSheet.valueAt(r, source.left)) : `Series${series.length + 1}`,
          values: { top: r, left: dataLeft, bottom: r, right: source.right },
          xValues: headerRow ? { top: source.top, left: dataLeft, bottom: source.top, right: source.right } : null,
        });
      }
    }
    if (!series.length) fail('InvalidArgument', 'The chart source has no data.', 'ChartCollection.add');
    const chart: FakeChart = {
      id: ++this.chartCounter,
      name: `Chart ${this.chartCounter}`,
      type,
      source,
      seriesBy,
      series,
      title: { text: '', visible: false },
      position: null,
      top: 0,
      left: 0,
      width: 360,
      height: 216,
      legend: {},
      dataLabels: {},
      valueAxis: {},
      categoryAxis: {},
    };
    s.charts.push(chart);
    return chart;
  }

  addConditionalFormat(s: FakeSheet, rect: Rect, type: string): FakeConditionalFormat {
    s.guard('format', rect, 'ConditionalFormatCollection.add');
    const known = ['IconSet', 'DataBar', 'Custom', 'ColorScale', 'CellValue', 'ContainsText'];
    if (!known.includes(type)) fail('InvalidArgument', `unsupported conditional format type ${type}`, 'ConditionalFormatCollection.add');
    const cf: FakeConditionalFormat = { id: ++this.cfCounter, type: type as FakeConditionalFormat['type'], ranges: [rect] };
    if (type === 'IconSet') cf.iconSet = {};
    if (type === 'DataBar') cf.dataBar = { positiveFormat: {} };
    if (type === 'Custom') cf.custom = { rule: {}, format: { fill: {}, font: {} } };
    s.conditionalFormats.push(cf);
    return cf;
  }
}

export { MAX_ROWS, MAX_COLS, cellA1 };
