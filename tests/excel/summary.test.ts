/** 集計シート作成 through the Office.js gateway. */
import { translate } from '../../src/messages/translate';
import { DEFAULT_SETTINGS } from '../../src/domain/base/settings';
import { MARKER_KEY, SUMMARY_MARKER } from '../../src/excel/ownSheets';
import { buildSummaryModel, type SummarySheetModel } from '../../src/domain/output/summaryModel';
import { reviewBook } from '../../src/excel/reviewBook';
import { cellInfo, cellInfoAt, formulasOf, snapshotSheet, valuesOf, workbookFromSpec, type FakeWorkbook } from '../support/fakeExcel';
import { errorKpiSheet, sampleKpiSheet, samplePledgeSheet } from '../support/fakeExcel/samples';
import { gatewayFor, readAll } from './helpers';

function book(extra: Parameters<typeof workbookFromSpec>[0]['sheets'] = []): FakeWorkbook {
  return workbookFromSpec({ name: 'kpi.xlsx', sheets: [sampleKpiSheet(), samplePledgeSheet(), errorKpiSheet(), ...extra] });
}

async function modelOf(wb: FakeWorkbook): Promise<SummarySheetModel> {
  return buildSummaryModel(reviewBook(await readAll(wb), DEFAULT_SETTINGS), { lang: 'ja', date: '2026-11-22' });
}

/** the row of a table whose first cell is `first` (values of the used range) */
function rowStarting(wb: FakeWorkbook, sheet: string, first: string): (string | number | boolean)[] | undefined {
  return valuesOf(wb, sheet).find((r) => r[0] === first);
}

describe('buildSummary (Office.js adapter)', () => {
  test('renders the model: tables, formats, links, conditional formats, chart, frozen rows, active sheet; 3 syncs', async () => {
    const wb = book();
    const others = wb.sheets.map((s) => snapshotSheet(s));
    const out = await gatewayFor(wb).buildSummary(DEFAULT_SETTINGS, 'ja');
    expect(out).toMatchObject({ sheet: '集計', replaced: false, syncs: 3, kpiCount: 7, activityCount: 5 });
    expect(wb.syncCount).toBe(3);
    // no other sheet changed
    expect(wb.sheets.filter((s) => s.name !== '集計').map((s) => snapshotSheet(s))).toEqual(others);

    const s = snapshotSheet(wb.sheet('集計')!);
    expect(s.customProperties).toEqual({ [MARKER_KEY]: SUMMARY_MARKER });
    expect(s.tables.map((t) => t.name)).toEqual(['PR_Goals', 'PR_Measures', 'PR_KPIs', 'PR_Pledges', 'PR_Measures_Stars', 'PR_Covid', 'PR_Problems']);
    expect(new Set(s.tables.map((t) => t.style))).toEqual(new Set(['TableStyleMedium2']));
    expect(s.freezeRows).toBe(2);
    expect(wb.activeSheetId).toBe(wb.sheet('集計')!.id);
    expect(valuesOf(wb, '集計', 'A1')).toEqual([['進捗レビュー 集計']]);
    expect(cellInfo(wb, '集計', 'A1')).toMatchObject({ bold: true, fontSize: 16 });
    expect(valuesOf(wb, '集計', 'A2')[0][0]).toContain('作成日 2026-11-22');
    expect(wb.sheet('集計')!.columnWidth(3)).toBe(Math.round((34 * 7 + 5) * 0.75 * 100) / 100);

    // goals table: header row, values, number formats, total row in bold
    const goals = s.tables[0];
    expect(goals.range).toBe('A5:K10');
    expect(valuesOf(wb, '集計', 'A5:C5')).toEqual([['基本目標', 'KPI数', '平均達成率']]);
    expect(cellInfo(wb, '集計', 'A5')).toMatchObject({ bold: true, numberFormat: '@' });
    expect(cellInfo(wb, '集計', 'A2')).toMatchObject({ fontColor: '#595959', fontSize: 10 });
    expect(cellInfo(wb, '集計', 'C6')).toMatchObject({ numberFormat: '0.0%' });
    expect(cellInfo(wb, '集計', 'B6')).toMatchObject({ numberFormat: '0' });
    expect(valuesOf(wb, '集計', 'A10')).toEqual([['全体']]);
    expect(cellInfo(wb, '集計', 'K10')).toMatchObject({ bold: true });
    expect(cellInfo(wb, '集計', 'K9')).toMatchObject({ bold: false });

    // every link of the model is an internal hyperlink on its cell, styled as a link
    const model = await modelOf(book());
    let links = 0;
    for (const t of model.tables) {
      t.rows.forEach((row, i) =>
        row.forEach((c, j) => {
          if (!c.link || c.v === null) return;
          links++;
          const info = cellInfoAt(wb.sheet('集計')!, t.titleRow + 2 + i, t.left + j);
          expect(info.value).toBe(c.v);
          expect(info.hyperlink).toEqual({ documentReference: `'${c.link.sheet}'!${c.link.cell}`, textToDisplay: String(c.v) });
          expect(info).toMatchObject({ fontColor: '#0563C1', underline: 'Single' });
        }),
      );
    }
    expect(links).toBeGreaterThan(0);
    // every non-empty section is an Excel table at its place, with the model's headers
    for (const t of model.tables.filter((x) => x.rows.length)) {
      const xt = s.tables.find((x) => x.name === t.name)!;
      expect(xt.range.split(':')[0]).toBe(`A${t.titleRow + 2}`);
      expect(valuesOf(wb, '集計', xt.range)[0]).toEqual(t.headers);
    }

    // data bars and icon set where the model says
    expect(s.conditionalFormats.map((c) => [c.type, c.ranges])).toEqual([
      ['DataBar', ['C6:C10']],
      ['DataBar', [expect.stringMatching(/^D\d+:D\d+$/)]],
      ['IconSet', [expect.stringMatching(/^J\d+:J\d+$/)]],
      ['DataBar', [expect.stringMatching(/^B\d+:B\d+$/)]],
    ]);
    expect(s.conditionalFormats[0].detail).toMatchObject({ lowerBoundRule: { type: 'Number', formula: '0' }, upperBoundRule: { type: 'Number', formula: '1.2' } });

    // the chart: mean achievement per goal, the goal names as categories
    expect(s.charts).toEqual([
      {
        name: 'PR_GoalChart',
        type: 'ColumnClustered',
        source: 'C5:C9',
        title: '基本目標別 平均達成率',
        position: { start: 'M4', end: 'V19' },
        series: [
          { name: '平均達成率', values: 'C6:C9', xValues: 'A6:A9' },
          { name: '平均達成率（コロナ中止を除く）', values: 'D6:D9', xValues: 'A6:A9' },
        ],
      },
    ]);
    expect(wb.sheet('集計')!.charts[0].valueAxis).toMatchObject({ minimum: 0, maximum: 1.2, numberFormat: '0%' });

    // pledge overview (総括表): policy row bold with its %, 全体 last
    expect(rowStarting(wb, '集計', '全体')).toBeDefined();
    const pledges = s.tables.find((t) => t.name === 'PR_Pledges')!;
    const pTop = Number(pledges.range.split(':')[0].slice(1));
    expect(valuesOf(wb, '集計', `A${pTop + 1}:B${pTop + 1}`)).toEqual([['Ⅰ 行革', 0.68]]);
    expect(cellInfo(wb, '集計', `A${pTop + 1}`).bold).toBe(true);
  });

  test('text that looks like a formula stays text on the summary (no injection)', async () => {
    const wb = book();
    await gatewayFor(wb).buildSummary(DEFAULT_SETTINGS, 'ja');
    expect(formulasOf(wb, '集計')).toEqual({});
    const kpiRow = valuesOf(wb, '集計').find((r) => r[3] === '@SUM(1+1)');
    expect(kpiRow).toBeDefined();
    expect(kpiRow![2]).toBe('=cmd|" /C calc"!A0');
    // numbers-as-text and dates-as-text in user cells stay text too
    expect(valuesOf(wb, '集計').some((r) => r.includes('+危険な備考'))).toBe(false); // not a COVID row: not listed
  });

  test('rebuilding replaces only our previous summary, in place', async () => {
    const wb = book([{ name: '後ろ', values: [['x']] }]);
    const gw = gatewayFor(wb);
    await gw.buildSummary(DEFAULT_SETTINGS, 'ja');
    // move ours between the others, then rebuild
    wb.moveSheet(wb.sheet('集計')!, 1);
    const others = wb.sheets.filter((s) => s.name !== '集計').map((s) => snapshotSheet(s));
    const names = wb.sheets.map((s) => s.name);
    wb.resetSyncLog();
    const again = await gw.buildSummary(DEFAULT_SETTINGS, 'en');
    expect(again).toMatchObject({ sheet: '集計', replaced: true, syncs: 3 });
    expect(wb.sheets.map((s) => s.name)).toEqual(names);
    expect(wb.sheets.filter((s) => s.name !== '集計').map((s) => snapshotSheet(s))).toEqual(others);
    expect(valuesOf(wb, '集計', 'A1')).toEqual([[translate('en', 'summary.title')]]);
    expect(valuesOf(wb, '集計', 'A5')).toEqual([[translate('en', 'summary.col.goal')]]);
    expect(snapshotSheet(wb.sheet('集計')!).tables.map((t) => t.name)).toContain('PR_Goals');
  });

  test('a foreign sheet named 集計 is left alone; ours becomes 集計 (2) and is the one replaced next time', async () => {
    const wb = book([{ name: '集計', values: [['部署が作った集計'], [1, 2, 3]] }]);
    const foreign = snapshotSheet(wb.sheet('集計')!);
    const gw = gatewayFor(wb);
    const first = await gw.buildSummary(DEFAULT_SETTINGS, 'ja');
    expect(first).toMatchObject({ sheet: '集計 (2)', replaced: false });
    expect(snapshotSheet(wb.sheet('集計')!)).toEqual(foreign);
    const second = await gw.buildSummary(DEFAULT_SETTINGS, 'ja');
    expect(second).toMatchObject({ sheet: '集計 (2)', replaced: true });
    expect(snapshotSheet(wb.sheet('集計')!)).toEqual(foreign);
    expect(wb.sheets.map((s) => s.name)).toEqual(['政策推進課', '市長公約', '建設課', '集計', '集計 (2)']);
  });

  test('a table name used elsewhere gets a suffix; an empty section shows its text instead of a table', async () => {
    const wb = workbookFromSpec({ sheets: [samplePledgeSheet()] });
    wb.addTable(wb.sheet('市長公約')!, { top: 0, left: 0, bottom: 5, right: 5 }, true);
    wb.renameTable(wb.sheet('市長公約')!.tables[0], 'PR_Pledges');
    const out = await gatewayFor(wb).buildSummary(DEFAULT_SETTINGS, 'ja');
    const s = snapshotSheet(wb.sheet(out.sheet)!);
    expect(s.tables.map((t) => t.name)).toContain('PR_Pledges_2');
    // no KPIs: the KPI list is replaced by 該当なし, no chart
    expect(valuesOf(wb, out.sheet).some((r) => r[0] === '該当なし')).toBe(true);
    expect(s.charts).toEqual([]);
    expect(s.tables.map((t) => t.name)).not.toContain('PR_KPIs');
  });

  test('our summary as the only visible sheet is still replaced (added first, then the old one deleted)', async () => {
    const wb = workbookFromSpec({ sheets: [{ ...samplePledgeSheet(), hidden: true }, { name: '集計', values: [['old']], customProperties: { progressReview: 'summary' } }] });
    const out = await gatewayFor(wb).buildSummary(DEFAULT_SETTINGS, 'ja');
    expect(out).toMatchObject({ sheet: '集計', replaced: true });
    expect(wb.sheets.map((s) => s.name)).toEqual(['市長公約', '集計']);
    expect(valuesOf(wb, '集計', 'A1')).toEqual([['進捗レビュー 集計']]);
  });
});
