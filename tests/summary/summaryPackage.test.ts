/**
 * summary.xlsx as a package: one worksheet per sheet of the book, read back by exceljs; Excel
 * tables, text never a formula, links, the chart, x14 sparklines, print titles as workbook names,
 * A4 page setup with the footer and the page breaks, widths and wrapping as laid out.
 */
import { cellValue } from '../../src/domain/output/summary/cell';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { review } from '../../src/domain/review';
import { DEFAULT_SETTINGS } from '../../src/domain/base/settings';
import { buildSummaryBook, summarySheets } from '../../src/domain/output/summary/build';
import { summaryPackage, summaryPackageChunks } from '../../src/xlsx/summary/summaryPackage';
import { validatePackage } from '../../src/xlsx/patch';
import { WORKSHEET_ORDER } from '../../src/xlsx/ooxml/schemaOrder';
import type { RawValue } from '../../src/domain/base/raw';
import { topLevelElements } from '../xlsx/addChart';
import { reviewSeeds } from './seedBook';
import { readXlsx } from '../../src/xlsx/read';

const HEAD = ['基本目標', '施策', '指標名', '単位', '基準値', '実績R2', '実績R3', '目標値', '備考'];

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

const r = reviewOf(
  [
    [1, 1, '=HYPERLINK("http://evil.example","click")', '人', 10, 4, 5, 20, '@SUM(A1)'],
    [1, 2, '+1+1', '人', 10, 12, 20, 20, '-2+3'],
    [2, 5, '待機児童数', '人', 3, 1, 0, 0, ''],
    [2, 7, 'ワークショップ参加者数', '人', 571, 100, 0, 1000, '新型コロナウイルス感染症の影響で事業が中止'],
  ],
  [
    ['政策Ⅰ 行革', '1 SDGs', '① プラン', 'a', '課', 8],
    [null, null, '② 財政', 'b', '課', 6],
  ],
);
const book = buildSummaryBook(r, { date: '2026-11-22' });

describe('summary.xlsx package', () => {
  test('opens with exceljs: a sheet per table with its title, an Excel table each, numbers as numbers', async () => {
    const wb = await load(await summaryPackage(book));
    expect(wb.worksheets.map((w) => w.name)).toEqual(book.sheets.map((s) => s.name));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['総括', '施策別', 'KPI一覧', '公約総括表', '公約施策別', 'コロナ影響', '問題']);
    const ws = wb.getWorksheet('総括')!;
    expect(ws.getCell('A1').value).toBe(book.sheets[0].title);
    expect(ws.getCell('A2').value).toContain('作成日 令和8年11月22日');
    const tables = Object.keys((ws as unknown as { tables: Record<string, unknown> }).tables);
    expect(tables).toEqual(['PR_Headline', 'PR_Goals']);
    const goals = book.sheets[0].tables[1];
    const firstData = ws.getRow(goals.headerRow + 2);
    expect(firstData.getCell(1).value).toBe('基本目標1');
    expect(firstData.getCell(3).value).toBe(2);
    expect(firstData.getCell(4).numFmt).toBe('0%');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: book.sheets[0].freezeRows });
    expect(await validatePackage(await summaryPackage(book))).toEqual([]);
  });

  test('text that looks like a formula is written as text, never as a formula', async () => {
    const bytes = await summaryPackage(book);
    const zip = await JSZip.loadAsync(bytes);
    for (let i = 1; i <= book.sheets.length; i++) expect(await zip.file(`xl/worksheets/sheet${i}.xml`)!.async('string')).not.toContain('<f>');
    const strings = await zip.file('xl/sharedStrings.xml')!.async('string');
    expect(strings).toContain('<t>=HYPERLINK("http://evil.example","click")</t>');
    const wb = await load(bytes);
    const values: unknown[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => values.push(c.value))));
    expect(values).toContain('=HYPERLINK("http://evil.example","click")');
    expect(values).toContain('+1+1');
    for (const v of values) expect(typeof v === 'object' && v !== null && 'formula' in v).toBe(false);
  });

  test('the chart on 総括, links to cells of the reviewed copies', async () => {
    const linked = buildSummaryBook(r, { linkFile: (f) => `reviewed/${f}` });
    const zip = await JSZip.loadAsync(await summaryPackage(linked));
    const chart = await zip.file('xl/charts/chart1.xml')!.async('string');
    expect(chart).toContain('<c:barChart>');
    expect(chart).toContain("'総括'!$A$");
    const covid = linked.sheets.findIndex((s) => s.key === 'covid') + 1;
    const sheet = await zip.file(`xl/worksheets/sheet${covid}.xml`)!.async('string');
    expect(sheet).toMatch(/<hyperlink ref="[A-Z]+\d+" r:id="rId\d+" location="'政策推進課'!A\d+"/);
    const rels = await zip.file(`xl/worksheets/_rels/sheet${covid}.xml.rels`)!.async('string');
    expect(rels).toContain('Target="reviewed/dept.xlsx" TargetMode="External"');
    expect(await zip.file('[Content_Types].xml')!.async('string')).toContain('/xl/charts/chart1.xml');
  });

  test('linkFile is asked once per reviewed workbook, however many cells link to it', async () => {
    const asked: string[] = [];
    const linked = buildSummaryBook(r, { linkFile: (f) => (asked.push(f), `reviewed/${f}`) });
    await summaryPackage(linked);
    expect(asked.length).toBeGreaterThan(0);
    expect(asked).toEqual([...new Set(asked)]);
    expect(asked.sort()).toEqual(r.files.map((f) => f.file).sort());
  });

  test('Excel sparklines in KPI一覧: one column sparkline per KPI over its baseline and yearly actuals', async () => {
    const zip = await JSZip.loadAsync(await summaryPackage(book));
    const kpis = book.sheets.findIndex((s) => s.key === 'kpis');
    const xml = await zip.file(`xl/worksheets/sheet${kpis + 1}.xml`)!.async('string');
    const t = book.sheets[kpis].tables[0];
    const lines = [...xml.matchAll(/<x14:sparkline><xm:f>([^<]+)<\/xm:f><xm:sqref>([A-Z]+\d+)<\/xm:sqref><\/x14:sparkline>/g)];
    expect(lines).toHaveLength(t.rows.length);
    expect(lines[0][1]).toMatch(/^'KPI一覧'!E\d+:G\d+$/);
    expect(xml).toContain('<x14:sparklineGroup type="column"');
    // the extension is the worksheet's last child, where the schema puts extLst
    const order = topLevelElements(xml).map((e) => e.name);
    expect(order[order.length - 1]).toBe('extLst');
    const idx = order.map((n) => WORKSHEET_ORDER.indexOf(n));
    expect(idx).toEqual([...idx].sort((a, b) => a - b));
  });

  test('print setup: A4, the layout\u2019s orientation and scale, centred, page footer, page breaks, print titles as workbook names', async () => {
    const big = await reviewSeeds(['strategy-2nd-term.xlsx', 'pledges.xlsx']);
    const b = buildSummaryBook(big);
    const zip = await JSZip.loadAsync(await summaryPackage(b));
    const wbXml = await zip.file('xl/workbook.xml')!.async('string');
    for (const [i, s] of b.sheets.entries()) {
      const xml = await zip.file(`xl/worksheets/sheet${i + 1}.xml`)!.async('string');
      expect(xml).toContain(`<pageSetup paperSize="9" scale="${s.print.scale}" orientation="${s.print.orientation}"/>`);
      expect(xml).toContain('<oddFooter>&amp;Cページ &amp;P / &amp;N</oddFooter>');
      expect(xml).toContain('<printOptions horizontalCentered="1"/>');
      const breaks = [...xml.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]));
      expect(breaks).toEqual(s.print.breaks);
      expect(wbXml).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">'${s.name}'!$${s.print.titleRows.first + 1}:$${s.print.titleRows.last + 1}</definedName>`);
      // every row has the layout's height: neither Excel nor LibreOffice fits rows when it opens a file
      for (const row of xml.matchAll(/<row r="\d+"([^>]*)>/g)) expect(row[1]).toMatch(/ ht="[\d.]+" customHeight="1"/);
      const order = topLevelElements(xml).map((e) => WORKSHEET_ORDER.indexOf(e.name));
      expect(order).toEqual([...order].sort((x, y) => x - y));
    }
    // the column widths are each sheet's own
    const widths = await Promise.all(b.sheets.map(async (_, i) => (await zip.file(`xl/worksheets/sheet${i + 1}.xml`)!.async('string')).match(/<cols>.*<\/cols>/)![0]));
    expect(new Set(widths).size).toBe(b.sheets.length);
  });

  test('characters XML cannot hold are replaced, so the file always opens', async () => {
    const bad = reviewOf([[1, 1, 'a\u0001b\uD800c', '人', 1, 1, 1, 1, '']]);
    const wb = await load(await summaryPackage(buildSummaryBook(bad)));
    const values: unknown[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => values.push(c.value))));
    expect(values).toContain('a\uFFFDb\uFFFDc');
  });

  test('the same model gives the same bytes', async () => {
    const a = await summaryPackage(book);
    const b = await summaryPackage(book);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  test('numbers read back as written: negative, fractional, zero and past 32 bits (whole ones are written digit by digit)', async () => {
    const odd = reviewOf([[1, 1, '桁の確認', '円', -5, 1.25, 0, 12345678901, '']]);
    const wb = await load(await summaryPackage(buildSummaryBook(odd, { date: '2026-11-22' })));
    const numbers: number[] = [];
    wb.getWorksheet('KPI一覧')!.eachRow((row) => row.eachCell((cell) => typeof cell.value === 'number' && numbers.push(cell.value)));
    expect(numbers).toEqual(expect.arrayContaining([-5, 1.25, 0, 12345678901]));
  });

  test('a column of names that never repeat writes its text inline past its first 500; exceljs and our reader read every value of the model', async () => {
    const rows: RawValue[][] = [];
    for (let i = 0; i < 1200; i++) rows.push([1 + (i % 3), 1 + (i % 9), `指標 ${i}\n<&>`, ['人', '件', '%'][i % 3], 10 + i, 12, 14 + (i % 5), 20, i % 2 ? '' : `備考 ${i % 4}`]);
    const many = buildSummaryBook(reviewOf(rows), { date: '2026-11-22' });
    const bytes = await summaryPackage(many);
    const zip = await JSZip.loadAsync(bytes);
    const kpis = many.sheets.findIndex((sh) => sh.key === 'kpis');
    const xml = await zip.file(`xl/worksheets/sheet${kpis + 1}.xml`)!.async('string');
    const inline = [...xml.matchAll(/<c r="([A-Z]+)\d+"[^>]*t="inlineStr"><is><t( xml:space="preserve")?>([^<]*)<\/t><\/is><\/c>/g)];
    // the indicator column and the location column, each from its 501st row on; units and grades stay shared
    const table = many.sheets[kpis].tables[0];
    const letters = new Set(inline.map((m) => m[1]));
    expect([...letters].map((l) => table.columns[l.charCodeAt(0) - 65].header)).toEqual(expect.arrayContaining(['指標名']));
    expect(inline.length).toBeGreaterThan(1000);
    expect(inline.filter((m) => /^指標 \d+\n&lt;&amp;&gt;$/.test(m[3]) && m[2]).length).toBeGreaterThan(600);
    const model = new Map<string, unknown>();
    for (const sh of many.sheets)
      for (const t of sh.tables)
        t.rows.forEach((cells, i) => cells.forEach((c, j) => cellValue(c) !== null && !t.columns[j].sparkline && model.set(`${sh.name}!${String.fromCharCode(65 + t.left + j)}${t.headerRow + 2 + i}`, cellValue(c))));
    const byExceljs = new Map<string, unknown>();
    (await load(bytes)).eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => byExceljs.set(`${ws.name}!${c.address}`, c.value))));
    const byReader = new Map<string, unknown>();
    for (const sh of (await readXlsx(bytes)).sheets) sh.values.forEach((vals, r) => vals.forEach((v, c) => v !== null && v !== '' && byReader.set(`${sh.name}!${String.fromCharCode(65 + sh.left + c)}${sh.top + r + 1}`, v)));
    for (const [ref, v] of model) {
      expect([ref, byExceljs.get(ref)]).toEqual([ref, v]);
      expect([ref, byReader.get(ref)]).toEqual([ref, v]);
    }
  });

  test('written a part at a time (as the command line sends it to the file), the package is the same bytes', async () => {
    const chunks = [...summaryPackageChunks(book)];
    expect(chunks.length).toBeGreaterThan(10);
    expect(Buffer.concat(chunks).equals(Buffer.from(await summaryPackage(book)))).toBe(true);
  });

  test('sheets made one at a time (as the command line writes them) give the bytes of the whole book', async () => {
    const opts = { date: '2026-11-22', linkFile: (f: string) => `reviewed/${f}` };
    const lazy = summarySheets(r, opts);
    const made: string[] = [];
    const counted = {
      ...lazy,
      *sheets() {
        for (const s of lazy.sheets) {
          made.push(s.name);
          yield s;
        }
      },
    };
    const a = await summaryPackage({ ...counted, sheets: counted.sheets() });
    const b = await summaryPackage(buildSummaryBook(r, opts));
    expect(made).toEqual(['総括', '施策別', 'KPI一覧', '公約総括表', '公約施策別', 'コロナ影響', '問題']);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    // made as iterated, and only once
    expect([...lazy.sheets]).toEqual([]);
  });
});
