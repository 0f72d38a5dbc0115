/**
 * A sheet's WritePlan as write operations: every RangeWrite is one 2-D assignment of values
 * and number formats (split by rows only when the request budget requires it), header
 * cells bold on the output header fill, data cells on the output data fill, widths of created
 * columns, the conditional formats of the output columns (ours cleared, the plan's added), and
 * the plan's page setup where the sheet has none of its own.
 */
import { rangeAddress } from '../domain/base/address';
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

/** A4 landscape, one page wide, the header rows on every page (for a sheet with no page layout of its own) */
function pageSetupOp(plan: SheetPlan): WriteOp {
  const p = plan.pageSetup;
  return {
    sheet: plan.sheet,
    bytes: 5 * ACTION_OVERHEAD,
    apply(session) {
      const layout = session.sheet(plan.sheet).pageLayout;
      layout.paperSize = p.paper;
      layout.orientation = 'Landscape';
      layout.zoom = { horizontalFitToPages: p.fitToWidth, verticalFitToPages: p.fitToHeight };
      layout.setPrintTitleRows(`$${p.titleRows.first + 1}:$${p.titleRows.last + 1}`);
    },
  };
}

export interface SheetPlanOptions {
  /** the sheet has no page layout of its own: give it the plan's */
  pageSetup: boolean;
}

export function sheetPlanOps(plan: SheetPlan, options: SheetPlanOptions = { pageSetup: false }): WriteOp[] {
  const sheet = plan.sheet;
  const ops: WriteOp[] = [];
  if (options.pageSetup) ops.push(pageSetupOp(plan));
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
