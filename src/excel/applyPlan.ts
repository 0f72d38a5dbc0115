/**
 * A sheet's WritePlan as write operations: every RangeWrite is one 2-D assignment of values
 * and number formats (split by rows only when the request budget requires it), header
 * cells bold on the output header fill, data cells on the output data fill, widths of created
 * columns, the conditional formats of the output columns (ours cleared, the plan's added), and
 * the plan's page setup where the sheet has none of its own.
 */
import { columnLetters, rangeAddress } from '../domain/base/address';
import { departmentFit, type DepartmentFit } from '../domain/plan/pageSetup';
import { OUTPUT_DATA_FILL, OUTPUT_HEADER_FILL, type RangeWrite, type SheetPlan } from '../domain/plan/plan';
import { cellGrid } from './cellText';
import { ACTION_OVERHEAD, jsonBytes, rowBytes } from './chunking';
import { applyConditionalFormat } from './conditionalFormats';
import { columnWidthPoints, MAX_ROWS } from './excelGrid';
import { rowsOp, type WriteOp } from './writeOps';

/** the format actions that come with every block (fill, bold, alignment) */
const FORMAT_BYTES = 4 * ACTION_OVERHEAD;

function writeOp(sheet: string, w: RangeWrite): WriteOp {
  const values = cellGrid(w.values);
  const formats: string[][] = new Array(values.length);
  for (let i = 0; i < values.length; i++) formats[i] = w.numberFormats;
  const width = w.numberFormats.length;
  return rowsOp(sheet, rowBytes(values, formats), FORMAT_BYTES, (session, start, end) => {
    const range = session.sheet(sheet).getRangeByIndexes(w.top + start, w.left, end - start, width);
    const whole = start === 0 && end === values.length;
    // number formats first: a text (@) cell then keeps the string exactly as sent
    range.numberFormat = whole ? formats : formats.slice(start, end);
    range.values = whole ? values : values.slice(start, end);
    if (w.role === 'header') {
      range.format.font.bold = true;
      range.format.fill.color = OUTPUT_HEADER_FILL;
      range.format.horizontalAlignment = 'Center';
      range.format.verticalAlignment = 'Center';
      range.format.wrapText = true;
    } else {
      range.format.fill.color = OUTPUT_DATA_FILL;
    }
  });
}

/**
 * A4 landscape with the header rows on every page, one page wide — or, for a sheet too wide to
 * print readably so, at the scale that keeps the text readable with its key columns repeated
 */
function pageSetupOp(plan: SheetPlan, fit: DepartmentFit): WriteOp {
  const p = plan.pageSetup;
  return {
    sheet: plan.sheet,
    bytes: 6 * ACTION_OVERHEAD,
    apply(session) {
      const layout = session.sheet(plan.sheet).pageLayout;
      layout.paperSize = p.paper;
      layout.orientation = 'Landscape';
      // 0 pages down: as many as needed
      layout.zoom = fit.kind === 'fitWidth' ? { horizontalFitToPages: 1, verticalFitToPages: 0 } : { scale: fit.scale };
      layout.setPrintTitleRows(`$${p.titleRows.first + 1}:$${p.titleRows.last + 1}`);
      if (fit.kind === 'scale') layout.setPrintTitleColumns(`$${columnLetters(p.titleColumns.first)}:$${columnLetters(p.titleColumns.last)}`);
    },
  };
}

export interface SheetPlanOptions {
  /** the sheet has no page layout of its own: how it is to print */
  pageSetup: DepartmentFit | null;
}

/** how a sheet of these column widths (points, from column A) prints, given the plan's last column */
export function fitOfSheet(plan: SheetPlan, columnWidths: readonly number[]): DepartmentFit {
  const last = Math.max(...plan.columns.map((c) => c.col));
  let width = 0;
  // Excel's standard width where a column was not measured
  for (let c = 0; c <= last; c++) width += columnWidths[c] ?? 48;
  // Excel's default body font
  return departmentFit(width, 11);
}

export function sheetPlanOps(plan: SheetPlan, options: SheetPlanOptions = { pageSetup: null }): WriteOp[] {
  const sheet = plan.sheet;
  const ops: WriteOp[] = [];
  if (options.pageSetup) ops.push(pageSetupOp(plan, options.pageSetup));
  for (const w of plan.writes) ops.push(writeOp(sheet, w));
  const created = plan.columns.filter((c) => c.created);
  if (created.length) {
    ops.push({
      sheet,
      bytes: created.length * ACTION_OVERHEAD,
      apply(session) {
        const ws = session.sheet(sheet);
        for (const c of created) ws.getRangeByIndexes(0, c.col, 1, 1).format.columnWidth = columnWidthPoints(c.width);
      },
    });
  }
  const cols = plan.columns.map((c) => c.col);
  ops.push({
    sheet,
    bytes: cols.length * ACTION_OVERHEAD + plan.conditionalFormats.length * 5 * ACTION_OVERHEAD + jsonBytes(plan.conditionalFormats),
    apply(session) {
      const ws = session.sheet(sheet);
      // the output columns are the add-in's: clear what an earlier review put there, then add
      for (const col of cols) ws.getRangeByIndexes(plan.firstDataRow, col, MAX_ROWS - plan.firstDataRow, 1).conditionalFormats.clearAll();
      for (const cf of plan.conditionalFormats) applyConditionalFormat(ws, cf);
    },
  });
  return ops;
}

/** A1 range of the output columns (header to last data row) and the number of cells written */
export function writtenRange(plan: SheetPlan): { range: string; cells: number } {
  const cols = plan.columns.map((c) => c.col);
  const range = rangeAddress(plan.headerRow, Math.min(...cols), Math.max(plan.lastDataRow, plan.headerRow), Math.max(...cols));
  let cells = 0;
  for (const w of plan.writes) cells += w.values.length * w.numberFormats.length;
  return { range, cells };
}
