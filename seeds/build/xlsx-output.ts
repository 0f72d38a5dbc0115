import ExcelJS from 'exceljs';
import JSZip from 'jszip';

/** Every generated workbook carries this date, so a rebuild gives identical files. */
export const BUILD_DATE = new Date('2022-11-30T00:00:00Z');

export function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Progress Review seeds (seeds/build)';
  wb.lastModifiedBy = wb.creator;
  wb.created = BUILD_DATE;
  wb.modified = BUILD_DATE;
  return wb;
}

/**
 * exceljs stamps each zip entry with the time of writing; re-zipping with a fixed entry date
 * makes the bytes depend on the content only.
 */
export async function deterministicXlsx(wb: ExcelJS.Workbook): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const out = new JSZip();
  for (const name of Object.keys(zip.files).sort()) {
    const entry = zip.files[name];
    if (entry.dir) continue;
    out.file(name, await entry.async('uint8array'), { date: BUILD_DATE, createFolders: false });
  }
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

export function styleHeaderRow(row: ExcelJS.Row, from: number, to: number): void {
  for (let c = from; c <= to; c++) {
    const cell = row.getCell(c);
    cell.font = { bold: true };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
  }
}

export function listValidation(values: string[]): ExcelJS.DataValidation {
  return { type: 'list', allowBlank: true, formulae: [`"${values.join(',')}"`], showErrorMessage: true };
}

/**
 * One validation over rows `from`–`to` of a column. Per-cell validations are merged by exceljs
 * with addresses compared as strings, which writes G10 and G4:G10 twice; a range avoids that.
 * (worksheet.dataValidations exists in exceljs 4.4 but is missing from its typings.)
 */
export function validateColumn(ws: ExcelJS.Worksheet, col: number, from: number, to: number, v: ExcelJS.DataValidation): void {
  if (to < from) return;
  const range = `${ws.getCell(from, col).address}:${ws.getCell(to, col).address}`;
  (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(range, v);
}
