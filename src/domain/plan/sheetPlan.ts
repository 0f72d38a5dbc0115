/** The write plan of one sheet: its output columns placed, then the cells they get. */
import type { Issue } from '../base/issues';
import type { RawSheet } from '../base/raw';
import { mergesOverOutputs, placeOutputColumns, type OutputSpec } from './outputColumns';
import { departmentPageSetup } from './pageSetup';
import { dataWrites, headerWrites, type ConditionalFormatPlan, type PlannedColumn, type PlanValue, type SheetPlan } from './plan';

export interface PlannedHeader<K extends string> {
  row: number;
  firstDataRow: number;
  /** output columns the table already has */
  outputs: Partial<Record<K, number>>;
  /** the input columns found (their key column repeats on printed pages across) */
  fields: Partial<Record<string, number>>;
}

/** The rows to write: `rows[i]` is the sheet row of `values[i]` (one value per output, in spec order). */
export interface PlannedRows {
  rows: number[];
  values: PlanValue[][];
}

/** the column a reader finds a row by: the indicator of a KPI sheet, the 施策 of a pledge sheet */
function keyColumn(kind: SheetPlan['kind'], fields: Partial<Record<string, number>>): number {
  const cols = Object.values(fields).filter((c): c is number => c !== undefined);
  return (kind === 'kpi' ? fields.indicator : fields.measure) ?? (cols.length ? Math.min(...cols) : 0);
}

/**
 * Output columns placed (or the issues that block them: no room, merged cells in the way), then
 * the header cells of created columns and one block per run of rows.
 */
export function planSheet<K extends string>(
  sheet: RawSheet,
  kind: SheetPlan['kind'],
  header: PlannedHeader<K>,
  lastRow: number,
  spec: OutputSpec<K>,
  data: PlannedRows,
  conditionalFormats: (columns: PlannedColumn[]) => ConditionalFormatPlan[],
): { plan: SheetPlan } | { blocked: Issue[] } {
  const placed = placeOutputColumns(sheet, header.row, lastRow, header.outputs, spec);
  const blocked = [...placed.issues, ...mergesOverOutputs(sheet, placed.columns, header.firstDataRow, lastRow)];
  if (blocked.length) return { blocked };
  return {
    plan: {
      sheet: sheet.name,
      kind,
      headerRow: header.row,
      firstDataRow: header.firstDataRow,
      lastDataRow: lastRow,
      columns: placed.columns,
      writes: [...headerWrites(placed.columns, header.row), ...dataWrites(placed.columns, data.rows, data.values)],
      conditionalFormats: conditionalFormats(placed.columns),
      pageSetup: departmentPageSetup(header.row, header.firstDataRow, keyColumn(kind, header.fields)),
    },
  };
}
