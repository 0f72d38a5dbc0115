import ExcelJS from 'exceljs';
import { SheetVariant, ValueMode, variantFor, YearStyle } from './sheet-variants';
import { numberToCircled } from './text';
import { KpiRecord } from './types';
import { parseValue } from './value-text';
import { listValidation, newWorkbook, styleHeaderRow, validateColumn } from './xlsx-output';

/**
 * strategy-2nd-term.xlsx: the 数値目標 sheet, then one KPI sheet per 担当課 (the first one listed
 * for a KPI), laid out as SPEC §2 describes, without the output columns the engine adds; with the
 * optional 基本的方向, 変更区分 and 変更前目標値 columns filled from what 000 prints.
 */

export const GOAL_SHEET = '数値目標';
export const NO_DEPARTMENT_SHEET = '担当課未記載';

interface Column {
  key: string;
  header: (v: SheetVariant) => string;
  width: number;
  cell: (r: KpiRecord, v: SheetVariant) => Written;
}

interface Written {
  value: ExcelJS.CellValue;
  numFmt?: string;
  remark?: string;
}

function eraShort(year: number): string {
  return year <= 2018 ? `H${year - 1988}` : `R${year - 2018}`;
}

function eraLong(year: number): string {
  if (year <= 2018) return `平成${year - 1988}年度`;
  return year === 2019 ? '令和元年度' : `令和${year - 2018}年度`;
}

function yearCell(year: number, style: YearStyle): Written {
  if (style === 'short') return { value: eraShort(year) };
  if (style === 'long') return { value: eraLong(year) };
  return { value: year };
}

function numberFormat(decimals: number): string {
  return decimals ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
}

/** A value cell as a department would type it in this sheet's way. */
export function valueCell(text: string, unit: string, mode: ValueMode, noValue: '—' | null): Written {
  const v = parseValue(text);
  if (!v) return { value: noValue };
  // `100%（6隊）`: the department types the number and says the rest in 備考.
  if (v.remark) return { value: v.number, numFmt: numberFormat(v.decimals), remark: v.remark };
  if (mode === 'text') return { value: text };
  if (mode === 'percent-format' && unit === '%') return { value: Number(`${v.number}e-2`), numFmt: `0.${'0'.repeat(Math.max(1, v.decimals))}%` };
  return { value: v.number, numFmt: numberFormat(v.decimals) };
}

/** The Japanese header, or its English alias on the sheets that use them (some: only when enOnSome). */
function aliased(ja: string, en: string, enOnSome: boolean): (v: SheetVariant) => string {
  return (v) => (v.english === 'all' || (v.english === 'some' && enOnSome) ? en : ja);
}

const COLUMNS: Column[] = [
  {
    key: 'goal', header: aliased('基本目標', 'goal', true), width: 10,
    cell: (r, v) => ({ value: v.goalStyle === 'plain' ? r.goal : v.goalStyle === 'circled' ? numberToCircled(r.goal) : `基本目標${r.goal}` }),
  },
  {
    key: 'basic_direction', header: aliased('基本的方向', 'basic_direction', true), width: 18,
    cell: (r, v) => ({ value: (v.directionTitle ? r.basicDirection : r.basicDirection.split(' ')[0]) || null }),
  },
  {
    key: 'measure', header: aliased('施策', 'measure', true), width: 9,
    cell: (r, v) => {
      if (r.measure === null) return { value: null };
      return { value: v.measureStyle === 'plain' ? r.measure : v.measureStyle === 'circled' ? numberToCircled(r.measure) : `施策${numberToCircled(r.measure)}` };
    },
  },
  { key: 'project', header: aliased('事業名', 'project', true), width: 34, cell: (r) => ({ value: r.project || null }) },
  { key: 'department', header: aliased('担当課', 'department', true), width: 24, cell: (r) => ({ value: r.department || null }) },
  { key: 'indicator', header: aliased('指標名', 'indicator', false), width: 42, cell: (r) => ({ value: r.indicator }) },
  { key: 'unit', header: aliased('単位', 'unit', true), width: 7, cell: (r) => ({ value: r.unit || null }) },
  { key: 'direction', header: aliased('方向', 'direction', false), width: 8, cell: (r) => ({ value: r.direction }) },
  { key: 'aggregation', header: aliased('集計', 'aggregation', false), width: 8, cell: (r) => ({ value: r.aggregation }) },
  { key: 'baseline_year', header: aliased('基準年度', 'baseline_year', true), width: 12, cell: (r, v) => yearCell(r.baselineYear, v.yearStyle) },
  { key: 'baseline', header: aliased('基準値', 'baseline', true), width: 14, cell: (r, v) => valueCell(r.baseline, r.unit, v.valueMode, v.noValue) },
  { key: 'actual', header: (v) => v.actualHeader, width: 14, cell: (r, v) => valueCell(r.actual, r.unit, v.valueMode, v.noValue) },
  { key: 'target_year', header: aliased('目標年度', 'target_year', false), width: 12, cell: (r, v) => yearCell(r.targetYear, v.yearStyle) },
  { key: 'target', header: aliased('目標値', 'target', false), width: 14, cell: (r, v) => valueCell(r.target, r.unit, v.valueMode, v.noValue) },
  { key: 'revision', header: aliased('変更区分', 'revision', true), width: 14, cell: (r) => ({ value: r.markers.join('・') || null }) },
  {
    key: 'original_target', header: aliased('変更前目標値', 'original_target', true), width: 14,
    cell: (r, v) => (r.originalTarget ? valueCell(r.originalTarget, r.unit, v.valueMode, v.noValue) : { value: null }),
  },
  { key: 'notes', header: aliased('備考', 'notes', true), width: 60, cell: (r) => ({ value: r.notes || null }) },
];

const columnNumber = (key: string) => COLUMNS.findIndex((c) => c.key === key) + 1;
const NOTES_COLUMN = columnNumber('notes');
const DIRECTION_COLUMN = columnNumber('direction');
const AGGREGATION_COLUMN = columnNumber('aggregation');
const REVISION_COLUMN = columnNumber('revision');
/** the marks of the FY2022 revision (000 lines 88–93); a row may carry two, so the list only suggests */
const REVISION_MARKS = ['KPI変更', '新規事業', '事業内容変更', '取組終了', '数値目標変更', '新規施策'];

function addKpiSheet(wb: ExcelJS.Workbook, name: string, title: string, records: KpiRecord[], variant: SheetVariant): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: variant.headerRow }] });
  COLUMNS.forEach((c, i) => { ws.getColumn(i + 1).width = c.width; });
  ws.getCell(1, 1).value = title;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  if (variant.mergeTitle) ws.mergeCells(1, 1, 1, COLUMNS.length);
  if (variant.noteRow) ws.getCell(2, 1).value = '※令和4年度の中間見直し後の指標です。累計の指標は令和2～3年度の合計を記入しています。';

  const header = ws.getRow(variant.headerRow);
  COLUMNS.forEach((c, i) => { header.getCell(i + 1).value = c.header(variant); });
  styleHeaderRow(header, 1, COLUMNS.length);

  records.forEach((r, k) => {
    const row = ws.getRow(variant.headerRow + 1 + k);
    const remarks = new Set<string>();
    COLUMNS.forEach((c, i) => {
      const w = c.cell(r, variant);
      const cell = row.getCell(i + 1);
      cell.value = w.value;
      if (w.numFmt) cell.numFmt = w.numFmt;
      if (w.remark) remarks.add(w.remark);
    });
    if (remarks.size) row.getCell(NOTES_COLUMN).value = [r.notes, ...remarks].filter(Boolean).join(' ／ ');
    row.getCell(NOTES_COLUMN).alignment = { wrapText: true, vertical: 'top' };
  });
  const [first, last] = [variant.headerRow + 1, variant.headerRow + records.length];
  validateColumn(ws, DIRECTION_COLUMN, first, last, listValidation(['増加', '減少']));
  validateColumn(ws, AGGREGATION_COLUMN, first, last, listValidation(['単年', '累計']));
  validateColumn(ws, REVISION_COLUMN, first, last, { ...listValidation(REVISION_MARKS), errorStyle: 'information' });
}

function sheetName(department: string): string {
  const first = department.split('／')[0].trim() || NO_DEPARTMENT_SHEET;
  if (first.length > 31 || /[\\/?*[\]:]/.test(first)) throw new Error(`not a legal sheet name: ${first}`);
  return first;
}

/** Departments' KPIs grouped by sheet, sheets in order of first appearance in the document. */
export function kpisBySheet(kpis: KpiRecord[]): Map<string, KpiRecord[]> {
  const sheets = new Map<string, KpiRecord[]>();
  for (const k of kpis) {
    const name = sheetName(k.department);
    sheets.set(name, [...(sheets.get(name) ?? []), k]);
  }
  return sheets;
}

export function strategyWorkbook(kpis: KpiRecord[], goalTargets: KpiRecord[]): ExcelJS.Workbook {
  const wb = newWorkbook();
  addKpiSheet(wb, GOAL_SHEET, '第2期苫小牧市総合戦略 基本目標の数値目標（令和3年度実績）', goalTargets, variantFor(0));
  [...kpisBySheet(kpis)].forEach(([name, records], i) => {
    addKpiSheet(wb, name, `第2期苫小牧市総合戦略 KPI実績（令和3年度） 担当課：${name}`, records, variantFor(i + 1));
  });
  return wb;
}
