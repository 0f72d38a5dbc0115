import ExcelJS from 'exceljs';
import { FirstTermRecord } from './types';
import { listValidation, newWorkbook, styleHeaderRow, validateColumn } from './xlsx-output';

export const FIRST_TERM_SHEET = '第1期数値目標';
export const FIRST_TERM_HEADER_ROW = 3;

const HEADERS = ['基本目標', '指標名', '単位', '集計', '基準年度', '基準値', '実績H28', '実績H29', '実績H30', '実績R1', '目標年度', '目標値', '備考'];
const WIDTHS = [10, 46, 7, 8, 10, 10, 10, 10, 10, 10, 10, 10, 44];

function numberCell(cell: ExcelJS.Cell, text: string): void {
  if (text === '—') {
    cell.value = '—';
    cell.alignment = { horizontal: 'right' };
    return;
  }
  const decimals = text.split('.')[1]?.length ?? 0;
  cell.value = Number(text.replace(/,/g, ''));
  cell.numFmt = decimals ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
}

/** 実績 of the latest year reported ÷ 目標, as the 1st-term table computed 達成状況. */
function computedAchievement(r: FirstTermRecord): number | null {
  const latest = [r.actualR1, r.actualH30, r.actualH29, r.actualH28].find((v) => v !== '—');
  if (!latest || r.targetH31 === '—') return null;
  const ratio = Number(latest.replace(/,/g, '')) / Number(r.targetH31.replace(/,/g, ''));
  return Math.round(ratio * 1000) / 10;
}

function remark(r: FirstTermRecord): string {
  const computed = computedAchievement(r);
  const published = `公表達成状況 ${r.publishedAchievement}%`;
  return computed !== null && Math.round(computed) !== r.publishedAchievement
    ? `${published}（表の実績÷目標では${computed}%）`
    : published;
}

export function firstTermWorkbook(records: FirstTermRecord[]): ExcelJS.Workbook {
  const wb = newWorkbook();
  const ws = wb.addWorksheet(FIRST_TERM_SHEET, { views: [{ state: 'frozen', xSplit: 0, ySplit: FIRST_TERM_HEADER_ROW }] });
  WIDTHS.forEach((w, i) => { ws.getColumn(i + 1).width = w; });
  ws.getCell(1, 1).value = '第1期苫小牧市総合戦略 基本目標における数値目標の実施結果（令和2年11月19日 総合戦略推進会議資料）';
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(2, 1).value = '※達成状況は公表値（各指標120%を上限）。';
  const header = ws.getRow(FIRST_TERM_HEADER_ROW);
  HEADERS.forEach((h, i) => { header.getCell(i + 1).value = h; });
  styleHeaderRow(header, 1, HEADERS.length);

  records.forEach((r, k) => {
    const row = ws.getRow(FIRST_TERM_HEADER_ROW + 1 + k);
    row.getCell(1).value = r.goal;
    row.getCell(2).value = r.indicator;
    row.getCell(3).value = r.unit || null;
    row.getCell(4).value = r.aggregation;
    row.getCell(5).value = 'H26';
    [r.baselineH26, r.actualH28, r.actualH29, r.actualH30, r.actualR1].forEach((v, i) => numberCell(row.getCell(6 + i), v));
    row.getCell(11).value = 'H31';
    numberCell(row.getCell(12), r.targetH31);
    row.getCell(13).value = remark(r);
  });
  validateColumn(ws, 4, FIRST_TERM_HEADER_ROW + 1, FIRST_TERM_HEADER_ROW + records.length, listValidation(['単年', '累計']));
  return wb;
}
