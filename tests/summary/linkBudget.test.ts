/**
 * A summary sheet links at most the 65,530 cells Excel keeps on a worksheet: past that a cell
 * keeps its text without a link, and the table's caption says how many.
 */
import JSZip from 'jszip';
import { review } from '../../src/domain/review';
import { DEFAULT_SETTINGS } from '../../src/domain/base/settings';
import { buildSummaryBook } from '../../src/domain/output/summary/build';
import { cellValue, richCell } from '../../src/domain/output/summary/cell';
import { LinkBudget, MAX_LINKS_PER_SHEET } from '../../src/domain/output/summary/linkBudget';
import { summaryPackage } from '../../src/xlsx/summary/summaryPackage';
import type { RawValue } from '../../src/domain/base/raw';

// a summary of 65,533 KPIs is written and read back whole: seconds, more on a loaded CI machine
jest.setTimeout(60_000);

const HEAD = ['基本目標', '施策', '指標名', '単位', '基準値', '実績R2', '実績R3', '目標値', '備考'];

describe('LinkBudget', () => {
  test('links cells up to its limit, then gives the value alone and counts it', () => {
    const links = new LinkBudget(2);
    const at = (cell: string) => ({ file: 'a.xlsx', sheet: '課', cell });
    const cells = ['A1', 'A2', 'A3', 'A4'].map((c) => links.cell(c, at(c)));
    expect(cells.map((c) => richCell(c)?.link?.cell ?? null)).toEqual(['A1', 'A2', null, null]);
    expect(cells.map(cellValue)).toEqual(['A1', 'A2', 'A3', 'A4']);
    expect(links.unlinked).toBe(2);
  });
});

describe('a コロナ影響 sheet of more KPIs than a worksheet holds links', () => {
  const extra = 3;
  const rows: RawValue[][] = [];
  for (let i = 0; i < MAX_LINKS_PER_SHEET + extra; i++) rows.push([1, 1, `指標${i}`, '人', 571, 100, 0, 1000, '新型コロナウイルス感染症の影響で事業が中止']);
  const result = review([{ file: 'dept.xlsx', sheets: [{ name: '政策推進課', top: 0, left: 0, values: [HEAD, ...rows] }] }], DEFAULT_SETTINGS);
  const book = buildSummaryBook(result, { date: '2026-12-08', linkFile: (f) => `reviewed/${f}` });
  const covid = book.sheets.find((s) => s.key === 'covid')!;

  test('every KPI is listed; the first 65,530 places are linked, the rest are their text alone', () => {
    const table = covid.tables[0];
    expect(table.rows).toHaveLength(MAX_LINKS_PER_SHEET + extra);
    const place = table.rows.map((r) => r[r.length - 1]);
    expect(place.filter((c) => richCell(c)?.link).length).toBe(MAX_LINKS_PER_SHEET);
    expect(place.slice(-extra).map((c) => [richCell(c), cellValue(c)])).toEqual(
      [MAX_LINKS_PER_SHEET, MAX_LINKS_PER_SHEET + 1, MAX_LINKS_PER_SHEET + 2].map((i) => [null, `政策推進課 ${i + 2}行`]),
    );
    expect(table.caption).toBe('リンクは Excel が1シートに持てる 65,530 件までです。残りの 3 件の場所はリンクなしの文字で示します');
  });

  test('the package holds 65,530 hyperlinks and relationships on that sheet, and the caption above the table', async () => {
    const zip = await JSZip.loadAsync(await summaryPackage(book));
    const index = book.sheets.indexOf(covid) + 1;
    const sheet = await zip.file(`xl/worksheets/sheet${index}.xml`)!.async('string');
    const rels = await zip.file(`xl/worksheets/_rels/sheet${index}.xml.rels`)!.async('string');
    expect(sheet.match(/<hyperlink /g)).toHaveLength(MAX_LINKS_PER_SHEET);
    expect(rels.match(/relationships\/hyperlink"/g)).toHaveLength(MAX_LINKS_PER_SHEET);
    const shared = await zip.file('xl/sharedStrings.xml')!.async('string');
    expect(shared).toContain('65,530 件まで');
  });

  test('a sheet within the limit has no caption', () => {
    const small = review([{ file: 'dept.xlsx', sheets: [{ name: '政策推進課', top: 0, left: 0, values: [HEAD, ...rows.slice(0, 3)] }] }], DEFAULT_SETTINGS);
    const sheet = buildSummaryBook(small, { date: '2026-12-08' }).sheets.find((s) => s.key === 'covid')!;
    expect(sheet.tables[0].caption).toBeNull();
  });
});
