import ExcelJS from 'exceljs';
import { numberToCircled, numberToRoman } from './text';
import { ActivityRating, PledgeData } from './types';
import { newWorkbook, styleHeaderRow, validateColumn } from './xlsx-output';

export const PLEDGE_SHEET = '市長公約';
export const PLEDGE_HEADERS = ['基本政策', '公約', '施策', '取組事業内容', '担当部署', '評価'];
const WIDTHS = [30, 34, 40, 70, 28, 7];

/** Merges column `col` over each run of rows sharing a key; the value stays in the top cell. */
function mergeRuns(ws: ExcelJS.Worksheet, col: number, firstRow: number, keys: string[]): void {
  let start = 0;
  for (let i = 1; i <= keys.length; i++) {
    if (i < keys.length && keys[i] === keys[start]) continue;
    if (i - 1 > start) ws.mergeCells(firstRow + start, col, firstRow + i - 1, col);
    start = i;
  }
}

/** 市長公約: one row per activity, 基本政策 / 公約 / 施策 merged over the rows they span. */
export function pledgesWorkbook(data: PledgeData, ratings: ActivityRating[]): ExcelJS.Workbook {
  const wb = newWorkbook();
  const ws = wb.addWorksheet(PLEDGE_SHEET, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  WIDTHS.forEach((w, i) => { ws.getColumn(i + 1).width = w; });
  const header = ws.getRow(1);
  PLEDGE_HEADERS.forEach((h, i) => { header.getCell(i + 1).value = h; });
  styleHeaderRow(header, 1, PLEDGE_HEADERS.length);

  const keys: string[][] = [[], [], []];
  ratings.forEach((a, k) => {
    const policy = data.policies.find((p) => p.number === a.policy)!;
    const pledge = data.pledges.find((p) => p.policy === a.policy && p.number === a.pledge)!;
    const measure = data.measures.find((m) => m.policy === a.policy && m.pledge === a.pledge && m.measure === a.measure)!;
    const row = ws.getRow(2 + k);
    row.getCell(1).value = `政策${numberToRoman(policy.number)} ${policy.title}`;
    row.getCell(2).value = `${pledge.number} ${pledge.title}`;
    row.getCell(3).value = `${numberToCircled(measure.measure)} ${measure.title}`;
    row.getCell(4).value = a.activity;
    row.getCell(5).value = a.department || null;
    row.getCell(6).value = a.rating;
    for (let c = 1; c <= 5; c++) row.getCell(c).alignment = { wrapText: true, vertical: 'top' };
    keys[0].push(`${a.policy}`);
    keys[1].push(`${a.policy}-${a.pledge}`);
    keys[2].push(`${a.policy}-${a.pledge}-${a.measure}`);
  });
  keys.forEach((k, i) => mergeRuns(ws, i + 1, 2, k));
  validateColumn(ws, 6, 2, 1 + ratings.length, { type: 'whole', operator: 'between', formulae: [0, 10], allowBlank: true, showErrorMessage: true });
  return wb;
}
