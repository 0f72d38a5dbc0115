/** 集計シート作成 through the Office.js gateway: the same book as summary.xlsx, as sheets of the workbook. */
import { cellValue, richCell } from '../../src/domain/output/summary/cell';
import { cellAddress } from '../../src/domain/base/address';
import { translate } from '../../src/messages/translate';
import { DEFAULT_SETTINGS } from '../../src/domain/base/settings';
import { MARKER_KEY, SUMMARY_MARKER } from '../../src/excel/ownSheets';
import { buildSummaryBook } from '../../src/domain/output/summary/build';
import type { SummaryBook } from '../../src/domain/output/summary/types';
import { reviewBook } from '../../src/excel/reviewBook';
import { columnWidthPoints } from '../../src/excel/excelGrid';
import { cellInfo, cellInfoAt, formulasOf, snapshotSheet, valuesOf, workbookFromSpec, type FakeWorkbook } from '../support/fakeExcel';
import { errorKpiSheet, sampleKpiSheet, samplePledgeSheet } from '../support/fakeExcel/samples';
import { gatewayFor, readAll } from './helpers';

function book(extra: Parameters<typeof workbookFromSpec>[0]['sheets'] = []): FakeWorkbook {
  return workbookFromSpec({ name: 'kpi.xlsx', sheets: [sampleKpiSheet(), samplePledgeSheet(), errorKpiSheet(), ...extra] });
}

async function modelOf(wb: FakeWorkbook, lang: 'ja' | 'en' = 'ja'): Promise<SummaryBook> {
  return buildSummaryBook(reviewBook(await readAll(wb), DEFAULT_SETTINGS), { lang, date: '2026-11-22' });
}

// rows without a 施策 are KPI rows unless 区分 or the sheet's name says 数値目標 (the evaluation's kinds): no 数値目標 sheet here
const OURS = ['集計_総括', '集計_施策別', '集計_KPI一覧', '集計_公約総括表', '集計_公約施策別', '集計_コロナ影響', '集計_問題'];

/** a sheet as it is, apart from its place among the sheets */
function unplaced(s: Parameters<typeof snapshotSheet>[0]) {
  const { position: _position, ...rest } = snapshotSheet(s);
  return rest;
}

describe('buildSummary (Office.js adapter)', () => {
  test('renders the book: a sheet per table, tables, formats, alignment, links, conditional formats, chart, page setup; 3 syncs', async () => {
    const wb = book();
    const others = wb.sheets.map((s) => snapshotSheet(s));
    const out = await gatewayFor(wb).buildSummary(DEFAULT_SETTINGS, 'ja');
    expect(out).toMatchObject({ sheet: '集計_総括', sheets: OURS, replaced: false, complete: false, syncs: 3, kpiCount: 7, activityCount: 5 });
    expect(wb.syncCount).toBe(3);
    // no other sheet changed; ours follow them, the first one active
    expect(wb.sheets.filter((s) => !OURS.includes(s.name)).map((s) => snapshotSheet(s))).toEqual(others);
    expect(wb.sheets.map((s) => s.name)).toEqual(['政策推進課', '市長公約', '建設課', ...OURS]);
    expect(wb.activeSheetId).toBe(wb.sheet('集計_総括')!.id);

    const model = await modelOf(book());
    model.sheets.forEach((m, i) => {
      const s = snapshotSheet(wb.sheet(OURS[i])!);
      expect(s.customProperties).toEqual({ [MARKER_KEY]: SUMMARY_MARKER });
      // title block: merged over the sheet's columns, the 未完了 banner (the workbook has errors)
      expect(valuesOf(wb, OURS[i], 'A1')).toEqual([[m.title]]);
      expect(valuesOf(wb, OURS[i], 'A3')[0][0]).toMatch(/^未完了：/);
      if (m.titleColumns > 1) expect(s.merges).toEqual(expect.arrayContaining(['A1:' + String.fromCharCode(64 + m.titleColumns) + '1']));
      expect(cellInfo(wb, OURS[i], 'A1')).toMatchObject({ bold: true, fontSize: 14 });
      expect(cellInfo(wb, OURS[i], 'A3')).toMatchObject({ bold: true, fontColor: '#C00000' });
      // each table where the model puts it, with its headers; header alignment as its data
      for (const t of m.tables.filter((x) => x.rows.length)) {
        const xt = s.tables.find((x) => x.name === t.name)!;
        expect(xt.style).toBe('TableStyleMedium2');
        expect(valuesOf(wb, OURS[i], xt.range)[0]).toEqual(t.columns.map((c) => c.header));
        t.columns.forEach((c, j) => {
          const want = c.align === 'right' ? 'Right' : c.align === 'center' ? 'Center' : 'Left';
          expect(cellInfoAt(wb.sheet(OURS[i])!, t.headerRow, t.left + j).horizontalAlignment).toBe(want);
          expect(cellInfoAt(wb.sheet(OURS[i])!, t.headerRow + 1, t.left + j).horizontalAlignment).toBe(want);
          if (c.wrap) expect(cellInfoAt(wb.sheet(OURS[i])!, t.headerRow + 1, t.left + j).wrapText).toBe(true);
        });
        expect(s.autofitRows).toContain(xt.range);
      }
      // widths are the sheet's own
      m.columnWidths.forEach((w, j) => expect(wb.sheet(OURS[i])!.columnWidth(j)).toBe(columnWidthPoints(w)));
      // page setup as the model says
      expect(s.pageLayout).toMatchObject({
        paperSize: 'A4',
        orientation: m.print.orientation === 'landscape' ? 'Landscape' : 'Portrait',
        zoom: { scale: m.print.scale },
        centerHorizontally: true,
        centerFooter: 'ページ &P / &N',
        printTitleRows: `$${m.print.titleRows.first + 1}:$${m.print.titleRows.last + 1}`,
      });
      expect(s.pageBreaks).toEqual(m.print.breaks.map((r) => r + 1));
      expect(s.freezeRows).toBe(m.freezeRows);
    });

    // goals table: total row in bold; the chart of 総括 over the goal rows
    const overview = model.sheets[0];
    const goals = overview.tables[1];
    const total = goals.headerRow + goals.rows.length;
    expect(cellInfoAt(wb.sheet('集計_総括')!, total, 0)).toMatchObject({ bold: true });
    expect(snapshotSheet(wb.sheet('集計_総括')!).charts).toEqual([
      expect.objectContaining({ name: 'PR_GoalChart', type: 'ColumnClustered', title: '基本目標別 平均達成率', position: { start: cellAddress(overview.chart!.top, overview.chart!.left), end: cellAddress(overview.chart!.bottom - 1, overview.chart!.right - 1) } }),
    ]);

    // every link of the model is an internal hyperlink on its cell, styled as a link
    let links = 0;
    model.sheets.forEach((m, i) => {
      for (const t of m.tables)
        t.rows.forEach((row, r) =>
          row.forEach((c, j) => {
            const link = richCell(c)?.link;
            if (!link || cellValue(c) === null) return;
            links++;
            const info = cellInfoAt(wb.sheet(OURS[i])!, t.headerRow + 1 + r, t.left + j);
            expect(info.value).toBe(cellValue(c));
            expect(info.hyperlink).toEqual({ documentReference: `'${link.sheet}'!${link.cell}`, textToDisplay: String(cellValue(c)) });
            expect(info).toMatchObject({ fontColor: '#0563C1', underline: 'Single' });
          }),
        );
    });
    expect(links).toBeGreaterThan(0);

    // data bars and the icon set where the model says
    const cf = (name: string) => snapshotSheet(wb.sheet(name)!).conditionalFormats.map((c) => c.type);
    expect(cf('集計_総括')).toEqual(['DataBar']);
    expect(cf('集計_KPI一覧')).toEqual(['IconSet']);
    expect(cf('集計_公約総括表')).toEqual(['DataBar']);

    // 公約総括表 as 002 prints it: whole percentages under a (%) header, 全体 with one decimal
    const pledges = model.sheets.find((s) => s.key === 'pledges')!.tables[0];
    expect(valuesOf(wb, '集計_公約総括表', `A${pledges.headerRow + 2}:B${pledges.headerRow + 2}`)).toEqual([['Ⅰ 行革', 68]]);
    expect(cellInfoAt(wb.sheet('集計_公約総括表')!, pledges.headerRow + 1, 1)).toMatchObject({ numberFormat: '0', bold: true });

    // the trend: Office.js has no sparklines, the column shows the model's block characters
    const kpis = model.sheets.find((s) => s.key === 'kpis')!.tables[0];
    const trendCol = kpis.columns.findIndex((c) => c.sparkline);
    expect(cellInfoAt(wb.sheet('集計_KPI一覧')!, kpis.headerRow + 1, trendCol).value).toMatch(/^[▁▂▃▄▅▆▇█ ]+$/);
  });

  test('text that looks like a formula stays text on the summary (no injection)', async () => {
    const wb = book();
    await gatewayFor(wb).buildSummary(DEFAULT_SETTINGS, 'ja');
    for (const name of OURS) expect(formulasOf(wb, name)).toEqual({});
    const kpiRow = valuesOf(wb, '集計_KPI一覧').find((r) => r.includes('@SUM(1+1)'));
    expect(kpiRow).toBeDefined();
    expect(kpiRow).toContain('=cmd|" /C calc"!A0');
  });

  test('rebuilding replaces only our earlier sheets, in their place, in the other language', async () => {
    const wb = book([{ name: '後ろ', values: [['x']] }]);
    const gw = gatewayFor(wb);
    await gw.buildSummary(DEFAULT_SETTINGS, 'ja');
    // move ours between the others, then rebuild
    for (const [i, name] of OURS.entries()) wb.moveSheet(wb.sheet(name)!, 1 + i);
    const others = wb.sheets.filter((s) => !OURS.includes(s.name)).map(unplaced);
    wb.resetSyncLog();
    const again = await gw.buildSummary(DEFAULT_SETTINGS, 'en');
    const en = (await modelOf(book(), 'en')).sheets.map((s) => 'Summary_' + s.name);
    expect(again).toMatchObject({ sheet: 'Summary_Overview', sheets: en, replaced: true, syncs: 3 });
    expect(wb.sheets.map((s) => s.name)).toEqual(['政策推進課', ...en, '市長公約', '建設課', '後ろ']);
    expect(wb.sheets.filter((s) => !en.includes(s.name)).map(unplaced)).toEqual(others);
    expect(valuesOf(wb, 'Summary_Overview', 'A1')[0][0]).toContain(translate('en', 'summary.heading.overview'));
  });

  test('the single 集計 sheet of an earlier version is replaced; a foreign sheet with one of our names is left alone', async () => {
    const wb = book([
      { name: '集計', values: [['old']], customProperties: { progressReview: 'summary' } },
      { name: '集計_総括', values: [['部署が作った総括'], [1, 2, 3]] },
    ]);
    const foreign = unplaced(wb.sheet('集計_総括')!);
    const out = await gatewayFor(wb).buildSummary(DEFAULT_SETTINGS, 'ja');
    expect(out.sheet).toBe('集計_総括 (2)');
    expect(wb.sheet('集計')).toBeUndefined();
    expect(unplaced(wb.sheet('集計_総括')!)).toEqual(foreign);
    expect(wb.sheets.map((s) => s.name).slice(0, 4)).toEqual(['政策推進課', '市長公約', '建設課', '集計_総括 (2)']);
  });

  test('a table name used elsewhere gets a suffix; an empty section shows its text instead of a table', async () => {
    const wb = workbookFromSpec({ sheets: [samplePledgeSheet()] });
    wb.addTable(wb.sheet('市長公約')!, { top: 0, left: 0, bottom: 5, right: 5 }, true);
    wb.renameTable(wb.sheet('市長公約')!.tables[0], 'PR_Pledges');
    const out = await gatewayFor(wb).buildSummary(DEFAULT_SETTINGS, 'ja');
    expect(out.sheets).toEqual(['集計_総括', '集計_公約総括表', '集計_公約施策別', '集計_コロナ影響', '集計_問題']);
    expect(snapshotSheet(wb.sheet('集計_公約総括表')!).tables.map((t) => t.name)).toEqual(['PR_Pledges_2']);
    // no KPIs: the goal table says 該当なし, no chart
    expect(valuesOf(wb, '集計_総括').some((r) => r[0] === '該当なし')).toBe(true);
    expect(snapshotSheet(wb.sheet('集計_総括')!).charts).toEqual([]);
    expect(valuesOf(wb, '集計_問題').some((r) => r[0] === '問題はありません')).toBe(true);
  });

  test('our sheets as the only visible ones are still replaced (added first, then the old ones deleted)', async () => {
    const wb = workbookFromSpec({ sheets: [{ ...samplePledgeSheet(), hidden: true }, { name: '集計', values: [['old']], customProperties: { progressReview: 'summary' } }] });
    const out = await gatewayFor(wb).buildSummary(DEFAULT_SETTINGS, 'ja');
    expect(out).toMatchObject({ sheet: '集計_総括', replaced: true });
    expect(wb.sheets.map((s) => s.name)).toEqual(['市長公約', ...out.sheets]);
  });
});
