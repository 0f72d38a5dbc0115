/**
 * Settings reach every output: with another cap and other grade bands, both summary writers — the
 * package on the command line and the Office.js adapter in the pane — draw their bars, axis and
 * icons on the scales the sheets use, and so do the review's own icon sets on 達成率 / 計画比.
 */
import { ZipArchive } from '../../src/xlsx/zip/zipArchive';
import { makeSettings, type Settings } from '../../src/domain/base/settings';
import { buildSummaryBook } from '../../src/domain/output/summary/build';
import { review } from '../../src/domain/review';
import { summaryPackage } from '../../src/xlsx/summary/summaryPackage';
import { snapshotSheet, workbookFromSpec } from '../support/fakeExcel';
import { sampleKpiSheet, samplePledgeSheet } from '../support/fakeExcel/samples';
import { gatewayFor } from '../excel/helpers';
import type { RawValue } from '../../src/domain/base/raw';

const SETTINGS: Settings = makeSettings({ cap: 150, grades: { A: 90, B: 70, C: 40 } });

const KPI_ROWS: RawValue[][] = [
  ['基本目標', '施策', '指標名', '単位', '基準値', '実績R3', '目標値'],
  [1, 1, '登録者数', '人', 10, 25, 20],
  [2, 1, '参加者数', '人', 10, 5, 20],
];
const PLEDGE_ROWS: RawValue[][] = [
  ['基本政策', '公約', '施策', '取組事業内容', '担当部署', '評価'],
  ['政策Ⅰ 行革', '1 SDGs', '① プラン', 'a', '課', 8],
];

/** every worksheet's XML joined, in sheet order, and the chart */
async function packageXml(settings: Settings): Promise<{ sheet: string; chart: string }> {
  const r = review([{ file: 'dept.xlsx', sheets: [{ name: '政策推進課', top: 0, left: 0, values: KPI_ROWS }, { name: '市長公約', top: 0, left: 0, values: PLEDGE_ROWS }] }], settings);
  const book = buildSummaryBook(r);
  const zip = ZipArchive.load(await summaryPackage(book));
  const sheet = book.sheets.map((_, i) => zip.files[`xl/worksheets/sheet${i + 1}.xml`].text()).join('');
  return { sheet, chart: zip.files['xl/charts/chart1.xml'].text() };
}

describe('the cap and the grade bands reach the summary', () => {
  test('the model carries the scales: bars and axis up to the cap, icons at grades C and A, pledge bars up to 100%', () => {
    const r = review([{ file: 'dept.xlsx', sheets: [{ name: '政策推進課', top: 0, left: 0, values: KPI_ROWS }, { name: '市長公約', top: 0, left: 0, values: PLEDGE_ROWS }] }], SETTINGS);
    const book = buildSummaryBook(r);
    const tables = book.sheets.flatMap((s) => s.tables);
    const table = (name: string) => tables.find((t) => t.name === name)!;
    const column = (name: string, header: string) => table(name).columns.findIndex((c) => c.header === header);
    expect(table('PR_Goals').dataBar).toEqual({ column: column('PR_Goals', '平均達成率'), max: 1.5 });
    expect(table('PR_Measures').dataBar).toEqual({ column: column('PR_Measures', '平均達成率'), max: 1.5 });
    expect(table('PR_KPIs').iconSet).toEqual({ column: column('PR_KPIs', '達成率'), thresholds: [0.4, 0.9] });
    // 002 prints the pledge percentages as whole numbers under a (%) header: bars up to 100
    expect(table('PR_Pledges').dataBar).toEqual({ column: 1, max: 100 });
    expect(book.sheets[0].chart?.axis).toEqual({ min: 0, max: 1.5, majorUnit: 0.2 });
    // the sheets' own icon sets use the same bands
    const kpiPlan = r.files[0].plan.sheets.find((p) => p.kind === 'kpi')!;
    expect(kpiPlan.conditionalFormats.filter((c) => c.kind === 'iconSet').map((c) => c.kind === 'iconSet' && c.thresholds)).toEqual([
      [0.4, 0.9],
      [0.4, 0.9],
    ]);
    // a 達成率 of 125% is kept up to the cap of 150 and shown on the bar
    expect(r.kpis[0].result.achievement).toBe(125);
  });

  test('the summary package (command line): data bars, icon set and chart axis', async () => {
    const { sheet, chart } = await packageXml(SETTINGS);
    const bars = [...sheet.matchAll(/<dataBar><cfvo type="num" val="([^"]+)"\/><cfvo type="num" val="([^"]+)"\/>/g)].map((m) => [m[1], m[2]]);
    expect(bars).toEqual([
      ['0', '1.5'],
      ['0', '1.5'],
      ['0', '100'],
    ]);
    const icons = [...sheet.matchAll(/<iconSet iconSet="3TrafficLights1">((?:<cfvo [^>]*\/>)+)<\/iconSet>/g)].map((m) => [...m[1].matchAll(/val="([^"]+)"/g)].map((v) => v[1]));
    expect(icons).toEqual([['0', '0.4', '0.9']]);
    expect(chart).toContain('<c:max val="1.5"/><c:min val="0"/>');
    expect(chart).toContain('<c:majorUnit val="0.2"/>');
  });

  test('the default settings give the published scales: 120% and bands 50 / 100', async () => {
    const { sheet, chart } = await packageXml(makeSettings({}));
    expect(sheet).toContain('<cfvo type="num" val="1.2"/>');
    expect(sheet).toContain('<cfvo type="num" val="0"/><cfvo type="num" val="0.5"/><cfvo type="num" val="1"/>');
    expect(chart).toContain('<c:max val="1.2"/>');
  });

  test('the Office.js summary (task pane): data bars, icon set and chart axis', async () => {
    const wb = workbookFromSpec({ name: 'kpi.xlsx', sheets: [sampleKpiSheet(), samplePledgeSheet()] });
    await gatewayFor(wb).buildSummary(SETTINGS, 'ja');
    const ours = wb.sheets.filter((x) => x.name.startsWith('集計_'));
    const cfs = ours.flatMap((x) => snapshotSheet(x).conditionalFormats);
    const bars = cfs.filter((c) => c.type === 'DataBar').map((c) => (c.detail as { upperBoundRule: { formula: string } }).upperBoundRule.formula);
    expect(bars).toEqual(['1.5', '1.5', '100']);
    const icons = cfs.filter((c) => c.type === 'IconSet').map((c) => (c.detail as { criteria: { formula?: string }[] }).criteria.map((x) => x.formula ?? null));
    expect(icons).toEqual([[null, '=0.4', '=0.9']]);
    expect(wb.sheet('集計_総括')!.charts[0].valueAxis).toMatchObject({ minimum: 0, maximum: 1.5, majorUnit: 0.2 });
  });
});
