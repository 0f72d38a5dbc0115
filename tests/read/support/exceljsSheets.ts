/**
 * exceljs → RawSheet, the oracle side of the differential test (this was the command line's
 * reader before src/xlsx/read): plain values (formula results, rich text joined, errors kept
 * as errors), number formats and merged areas, with zero-based absolute positions. Cells
 * covered by a merge read as blank, as in Excel.
 * exceljs's `cell.value` leaves out a formula's cached result when it is falsy (0, FALSE) and
 * gives data-table formulas no `formula` key; the result is taken from the cell's model then,
 * which is what exceljs itself read from the file.
 */
import type ExcelJS from 'exceljs';
import type { CellRect, RawSheet, RawValue } from '../../../src/domain/base/raw';

const MERGE = 1; // ExcelJS.ValueType.Merge

function plain(v: ExcelJS.CellValue, modelResult?: unknown): RawValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('error' in v && typeof v.error === 'string') return { error: v.error };
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('formula' in v || 'sharedFormula' in v || 'result' in v) {
      const result = (v as { result?: ExcelJS.CellValue }).result ?? (modelResult as ExcelJS.CellValue | undefined);
      if (result === undefined) return null;
      if (typeof result === 'object' && result !== null && 'error' in result) return { error: String((result as { error: unknown }).error) };
      return plain(result as ExcelJS.CellValue);
    }
    if ('text' in v && 'hyperlink' in v) {
      const t = (v as { text: unknown }).text;
      return typeof t === 'string' ? t : plain(t as ExcelJS.CellValue);
    }
  }
  return String(v);
}

export function readSheet(ws: ExcelJS.Worksheet): RawSheet {
  const values: RawValue[][] = [];
  const numberFormats: (string | null)[][] = [];
  let hasFormats = false;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const line: RawValue[] = [];
    const fmts: (string | null)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const isMerged = cell.type === MERGE && cell.master !== cell;
      line[colNumber - 1] = isMerged ? null : plain(cell.value, (cell as unknown as { model: { result?: unknown } }).model.result);
      const f = cell.numFmt;
      if (f && f !== 'General') {
        fmts[colNumber - 1] = f;
        hasFormats = true;
      }
    });
    for (let i = 0; i < line.length; i++) if (line[i] === undefined) line[i] = null;
    values[rowNumber - 1] = line;
    numberFormats[rowNumber - 1] = fmts;
  });
  for (let i = 0; i < values.length; i++) {
    if (!values[i]) values[i] = [];
    if (!numberFormats[i]) numberFormats[i] = [];
  }
  const merges: CellRect[] = [];
  const internal = (ws as unknown as { _merges: Record<string, { top: number; left: number; bottom: number; right: number }> })._merges ?? {};
  for (const m of Object.values(internal)) {
    merges.push({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 });
  }
  const sheet: RawSheet = { name: ws.name, top: 0, left: 0, values, merges, hidden: ws.state !== 'visible' };
  if (hasFormats) sheet.numberFormats = numberFormats;
  return sheet;
}

export function readSheets(wb: ExcelJS.Workbook): RawSheet[] {
  return wb.worksheets.map(readSheet);
}
