/**
 * Renders the SummarySheetModel into an exceljs worksheet: title lines, one Excel table per
 * section with number formats, bold rows, links, data bars / icon sets, frozen title rows.
 * exceljs cannot write charts; the chart is added to the saved package by addChart.ts.
 */
import type ExcelJS from 'exceljs';
import { cellAddress, rangeAddress } from '../domain/address';
import type { SummaryCell, SummarySheetModel, SummaryTable } from '../domain/summaryModel';

function linkTarget(cell: SummaryCell, fileHref: (file: string) => string): string | null {
  const l = cell.link;
  if (!l) return null;
  const ref = `'${l.sheet.replace(/'/g, "''")}'!${l.cell}`;
  return l.file ? `${fileHref(l.file)}#${ref}` : ref;
}

function cellValue(c: SummaryCell, fileHref: (file: string) => string): ExcelJS.CellValue {
  const target = linkTarget(c, fileHref);
  if (target && c.v !== null) return { text: String(c.v), hyperlink: target };
  return c.v;
}

function writeTable(ws: ExcelJS.Worksheet, t: SummaryTable, fileHref: (file: string) => string): void {
  const titleCell = ws.getCell(t.titleRow + 1, t.left + 1);
  titleCell.value = t.title;
  titleCell.font = { bold: true, size: 12 };
  const top = t.titleRow + 1;
  if (t.rows.length === 0) {
    ws.getCell(top + 1, t.left + 1).value = t.emptyText;
    return;
  }
  ws.addTable({
    name: t.name,
    ref: cellAddress(top, t.left),
    headerRow: true,
    totalsRow: false,
    style: { theme: 'TableStyleMedium2', showRowStripes: true },
    columns: t.headers.map((h) => ({ name: h, filterButton: true })),
    rows: t.rows.map((r) => r.map((c) => cellValue(c, fileHref))),
  });
  for (let i = 0; i < t.rows.length; i++) {
    const row = ws.getRow(top + 2 + i);
    t.rows[i].forEach((c, j) => {
      const cell = row.getCell(t.left + j + 1);
      const fmt = t.formats[j];
      if (fmt) cell.numFmt = fmt;
      if (c.bold) cell.font = { bold: true };
      if (c.link && c.v !== null) cell.font = { color: { argb: 'FF0563C1' }, underline: true, bold: c.bold };
    });
  }
  const first = top + 1;
  const last = top + t.rows.length;
  if (t.dataBarColumn !== undefined) {
    const col = t.left + t.dataBarColumn;
    ws.addConditionalFormatting({
      ref: rangeAddress(first, col, last, col),
      rules: [
        {
          type: 'dataBar',
          priority: 1,
          minLength: 0,
          maxLength: 100,
          gradient: true,
          cfvo: [
            { type: 'num', value: 0 },
            { type: 'num', value: 1.2 },
          ],
          color: { argb: 'FF5B9BD5' },
        } as unknown as ExcelJS.ConditionalFormattingRule,
      ],
    });
  }
  if (t.iconSetColumn !== undefined) {
    const col = t.left + t.iconSetColumn;
    ws.addConditionalFormatting({
      ref: rangeAddress(first, col, last, col),
      rules: [
        {
          type: 'iconSet',
          priority: 2,
          iconSet: '3TrafficLights1',
          showValue: true,
          cfvo: [
            { type: 'num', value: 0 },
            { type: 'num', value: 0.5 },
            { type: 'num', value: 1 },
          ],
        } as ExcelJS.ConditionalFormattingRule,
      ],
    });
  }
}

export function writeSummarySheet(ws: ExcelJS.Worksheet, model: SummarySheetModel, fileHref: (file: string) => string = (f) => f): void {
  ws.getCell(1, 1).value = model.title;
  ws.getCell(1, 1).font = { bold: true, size: 16 };
  ws.getCell(2, 1).value = model.subtitle;
  ws.getCell(2, 1).font = { color: { argb: 'FF595959' } };
  model.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const t of model.tables) writeTable(ws, t, fileHref);
  // A4 landscape, one page wide: how reviewers print it for publication
  ws.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: model.freezeRows, topLeftCell: cellAddress(model.freezeRows, 0), activeCell: 'A1' }];
}
