/** Appends the audit row to the hidden `_review_log` sheet (created with its header when missing). */
import type ExcelJS from 'exceljs';
import type { LogAppend } from '../domain/auditLog';

export function appendLog(wb: ExcelJS.Workbook, log: LogAppend): void {
  let ws = wb.getWorksheet(log.sheet);
  if (!ws) {
    ws = wb.addWorksheet(log.sheet, { state: 'hidden' });
    ws.getRow(1).values = log.header;
    ws.getRow(1).font = { bold: true };
    log.header.forEach((_, i) => (ws!.getColumn(i + 1).width = i === 5 ? 60 : 16));
  }
  const row = ws.getRow(log.row + 1);
  log.values.forEach((v, i) => {
    const cell = row.getCell(i + 1);
    cell.value = v;
    // text stays text: a file or sheet name is never read as a formula
    if (typeof v === 'string') cell.numFmt = '@';
  });
}
