import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { review } from '../../src/domain/review';
import { DEFAULT_SETTINGS } from '../../src/domain/base/settings';
import { buildSummaryModel } from '../../src/domain/output/summaryModel';
import { summaryPackage } from '../../src/xlsx/summary/summaryPackage';
import type { RawValue } from '../../src/domain/base/raw';

const HEAD = ['基本目標', '施策', '指標名', '単位', '基準値', '実績R3', '目標値', '備考'];

function reviewOf(rows: RawValue[][], pledges: RawValue[][] = []) {
  const sheets = [{ name: '政策推進課', top: 0, left: 0, values: [HEAD, ...rows] }];
  if (pledges.length) sheets.push({ name: '市長公約', top: 0, left: 0, values: [['基本政策', '公約', '施策', '取組事業内容', '担当部署', '評価'], ...pledges] });
  return review([{ file: 'dept.xlsx', sheets }], DEFAULT_SETTINGS);
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

describe('summary.xlsx package', () => {
  const r = reviewOf(
    [
      [1, 1, '=HYPERLINK("http://evil.example","click")', '人', 10, 5, 20, '@SUM(A1)'],
      [1, 2, '+1+1', '人', 10, 20, 20, '-2+3'],
      [2, 5, '待機児童数', '人', 3, 0, 0, ''],
      [2, 7, 'ワークショップ参加者数', '人', 571, 0, 1000, '新型コロナウイルス感染症の影響で事業が中止'],
    ],
    [
      ['政策Ⅰ 行革', '1 SDGs', '① プラン', 'a', '課', 8],
      [null, null, '② 財政', 'b', '課', 6],
    ],
  );
  const model = buildSummaryModel(r, { date: '2026-11-22' });

  test('opens with exceljs: the title, one table per section, numbers as numbers', async () => {
    const wb = await load(await summaryPackage(model));
    const ws = wb.getWorksheet('集計')!;
    expect(ws.getCell('A1').value).toBe('進捗レビュー 集計');
    const tables = Object.keys((ws as unknown as { tables: Record<string, unknown> }).tables);
    expect(tables).toEqual(['PR_Goals', 'PR_Measures', 'PR_KPIs', 'PR_Pledges', 'PR_Measures_Stars', 'PR_Covid']);
    const goals = model.tables.find((t) => t.name === 'PR_Goals')!;
    const firstData = ws.getRow(goals.titleRow + 3);
    expect(firstData.getCell(1).value).toBe('基本目標1');
    expect(firstData.getCell(2).value).toBe(2);
    expect(firstData.getCell(3).numFmt).toBe('0.0%');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
  });

  test('text that looks like a formula is written as text, never as a formula', async () => {
    const bytes = await summaryPackage(model);
    const zip = await JSZip.loadAsync(bytes);
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheet).not.toContain('<f>');
    const strings = await zip.file('xl/sharedStrings.xml')!.async('string');
    expect(strings).toContain('<t>=HYPERLINK("http://evil.example","click")</t>');
    const wb = await load(bytes);
    const values: unknown[] = [];
    wb.getWorksheet('集計')!.eachRow((row) => row.eachCell((c) => values.push(c.value)));
    expect(values).toContain('=HYPERLINK("http://evil.example","click")');
    expect(values).toContain('+1+1');
    for (const v of values) expect(typeof v === 'object' && v !== null && 'formula' in v).toBe(false);
  });

  test('a native chart of mean achievement per goal, and links to cells', async () => {
    const linked = buildSummaryModel(r, { linkFile: (f) => `reviewed/${f}` });
    const zip = await JSZip.loadAsync(await summaryPackage(linked));
    const chart = await zip.file('xl/charts/chart1.xml')!.async('string');
    expect(chart).toContain('<c:barChart>');
    expect(chart).toContain("'集計'!$A$");
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheet).toMatch(/<hyperlink ref="[A-Z]+\d+" r:id="rId\d+" location="'政策推進課'!A\d+"/);
    const rels = await zip.file('xl/worksheets/_rels/sheet1.xml.rels')!.async('string');
    expect(rels).toContain('Target="reviewed/dept.xlsx" TargetMode="External"');
    expect(await zip.file('[Content_Types].xml')!.async('string')).toContain('/xl/charts/chart1.xml');
  });

  test('characters XML cannot hold are replaced, so the file always opens', async () => {
    const bad = reviewOf([[1, 1, 'a\u0001b\uD800c', '人', 1, 1, 1, '']]);
    const wb = await load(await summaryPackage(buildSummaryModel(bad)));
    const values: unknown[] = [];
    wb.getWorksheet('集計')!.eachRow((row) => row.eachCell((c) => values.push(c.value)));
    expect(values).toContain('a\uFFFDb\uFFFDc');
  });

  test('the same model gives the same bytes', async () => {
    const a = await summaryPackage(model);
    const b = await summaryPackage(model);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});
