/**
 * The summary book as data, on the bundled sample: one sheet per table in the city's forms (002's
 * 総括表 and table Ⅱ, 001's per-goal figures and yearly actuals), titles with the plan, the year of
 * the actuals and the date in the language's form, widths from each sheet's own content, and a
 * page setup that keeps body text at 8 pt or more and a goal's rows on one page.
 */
import { cellValue, richCell } from '../../src/domain/output/summary/cell';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { widestLine } from '../../src/domain/base/displayWidth';
import { buildSummaryBook } from '../../src/domain/output/summary/build';
import { CELL_PAD, FONT_SIZES, HEIGHT_SAFETY, MIN_SCALE, printableSize, UNIT_PT, WIDTH_SAFETY } from '../../src/domain/output/summary/geometry';
import { numberWidth } from '../../src/domain/output/summary/layout';
import type { SummaryBook, SummarySheet, SummaryTable } from '../../src/domain/output/summary/types';
import { review, type Review } from '../../src/domain/review';
import { DEFAULT_SETTINGS } from '../../src/domain/base/settings';
import { translate } from '../../src/messages/translate';
import { reviewSeeds, SEEDS } from './seedBook';

const published: { overall: number; policies: { publishedPercent: number }[]; pledges: { policy: number; number: number; publishedPercent: number }[]; measures: { policy: number; pledge: number; measure: number; stars: string; departments: string[] }[] } = JSON.parse(
  readFileSync(path.join(SEEDS, 'data', 'pledges.json'), 'utf8'),
);

function sheet(book: SummaryBook, key: SummarySheet['key']): SummarySheet {
  const s = book.sheets.find((x) => x.key === key);
  if (!s) throw new Error(`no sheet ${key}: ${book.sheets.map((x) => x.key).join(', ')}`);
  return s;
}

/** the height a page holds below the repeated title rows, in sheet points */
function pageRoom(s: SummarySheet): number {
  const titles = s.titleHeights.reduce((a, b) => a + b, 0) + (s.print.titleRows.last >= s.titleHeights.length ? 19 + (s.tables[0]?.headerHeight ?? 0) : 0);
  return (printableSize(s.print.orientation).height * HEIGHT_SAFETY) / (s.print.scale / 100) - titles;
}

function col(t: SummaryTable, header: string): number {
  const j = t.columns.findIndex((c) => c.header === header);
  if (j < 0) throw new Error(`no column ${header} in ${t.name}: ${t.columns.map((c) => c.header).join(' | ')}`);
  return j;
}

describe('the summary book of the bundled sample', () => {
  let r: Review;
  let book: SummaryBook;
  beforeAll(async () => {
    r = await reviewSeeds(['strategy-2nd-term.xlsx', 'pledges.xlsx'], { planName: '第2期苫小牧市総合戦略', asOf: '令和5年度末' });
    book = buildSummaryBook(r, { lang: 'ja', date: '2025-12-05' });
  });

  test('one sheet per table, in reading order', () => {
    // the sample carries 基本的方向, 担当課 and the mid-term revision, so their sheets appear; no row is 対象外
    expect(book.sheets.map((s) => s.name)).toEqual(['総括', '数値目標', '基本的方向別', '施策別', 'KPI一覧', '担当課別', '見直し', '公約総括表', '公約施策別', 'コロナ影響', '問題']);
    expect(book.sheets.map((s) => s.tables.length)).toEqual([2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(book.complete).toBe(true);
    expect(book.footer).toBe('ページ &P / &N');
  });

  test('a cell is its bare value unless it has a link, bold or a format of its own (a long list holds no object per cell)', () => {
    let bare = 0;
    for (const s of book.sheets)
      for (const t of s.tables)
        for (const row of t.rows)
          for (const c of row) {
            const rich = richCell(c);
            if (rich === null) bare++;
            else expect(rich.link !== undefined || rich.bold !== undefined || rich.format !== undefined).toBe(true);
          }
    const kpis = sheet(book, 'kpis').tables[0];
    expect(kpis.rows.length).toBeGreaterThan(50);
    expect(kpis.rows.every((row) => row.filter((c) => richCell(c) !== null).length <= 3)).toBe(true);
    expect(bare).toBeGreaterThan(1000);
    expect(cellValue({ v: 3, bold: true })).toBe(3);
    expect([cellValue(null), cellValue('A'), richCell(0.5)]).toEqual([null, 'A', null]);
  });

  test('titles: the plan, the year of the actuals (KPI sheets) or the as-of label (pledge sheets), the date in Japanese form', () => {
    const o = sheet(book, 'overview');
    expect(o.title).toBe('第2期苫小牧市総合戦略　進捗状況の総括');
    expect(o.subtitle).toContain('令和3年度実績');
    expect(o.subtitle).toContain('作成日 令和7年12月5日');
    expect(o.banner).toBeNull();
    const p = sheet(book, 'pledges');
    expect(p.title).toBe('Ⅰ 市長公約取組状況総括表');
    expect(p.subtitle).toContain('令和5年度末現在');
    expect(p.subtitle).not.toContain('実績');
  });

  test('総括: headline figures and the 001 form per goal (施策数, 指標総数, KPI mean, 数値目標 apart)', () => {
    const [headline, goals] = sheet(book, 'overview').tables;
    expect(headline.rows.map((x) => cellValue(x[0]))).toEqual(['重要業績評価指標（KPI）の平均達成率', 'KPI の平均達成率（コロナ中止を除く）', '基本目標の数値目標の平均達成率', '市長公約の進捗状況（全体）']);
    expect(richCell(headline.rows[3][1])?.format).toBe('0.0%');
    expect(cellValue(headline.rows[3][1])).toBeCloseTo(0.592, 12);
    expect(cellValue(headline.rows[3][2])).toBe(50);
    expect(goals.rows.map((x) => cellValue(x[0]))).toEqual(['基本目標1', '基本目標2', '基本目標3', '基本目標4', '全体']);
    // the evaluation's kinds: KPI rows counted in 指標総数, the basic goals' 数値目標 apart
    const kpiRows = r.kpis.filter((k) => k.row.kind === 'kpi' && !k.row.excluded);
    for (const [i, g] of [1, 2, 3, 4].entries()) {
      const mine = kpiRows.filter((k) => k.row.goal === g);
      expect(cellValue(goals.rows[i][col(goals, '施策数')])).toBe(new Set(mine.map((k) => k.row.measure)).size);
      expect(cellValue(goals.rows[i][col(goals, '指標総数')])).toBe(mine.length);
      expect(cellValue(goals.rows[i][col(goals, '数値\n目標数')])).toBe(r.kpis.filter((k) => k.row.kind === 'goalTarget' && !k.row.excluded && k.row.goal === g).length);
    }
    expect(cellValue(goals.rows[4][col(goals, '指標総数')])).toBe(94);
    expect(cellValue(goals.rows[4][col(goals, '施策数')])).toBe(19);
    // whole percentages, as the city publishes them
    expect(goals.columns[col(goals, '平均達成率')].format).toBe('0%');
    // the chart charts the goal table but stands right of the headline figures, one column apart, and the goal table starts below both
    const overview = sheet(book, 'overview');
    const chart = overview.chart!;
    expect(chart).toMatchObject({ table: 'PR_Goals', rowCount: 4, top: headline.headerRow - 1, left: headline.columns.length + 1 });
    expect(chart.right).toBeGreaterThan(chart.left);
    expect(goals.headerRow - 1).toBeGreaterThan(chart.bottom);
  });

  test('公約総括表 in the form of 002: every policy and pledge with its published whole percentage, 全体 59.2', () => {
    const t = sheet(book, 'pledges').tables[0];
    const values = t.rows.map((x) => cellValue(x[1]));
    const expected: number[] = [];
    published.policies.forEach((p, i) => {
      expected.push(p.publishedPercent);
      for (const q of published.pledges.filter((x) => x.policy === i + 1)) expected.push(q.publishedPercent);
    });
    expect(values).toEqual([...expected, published.overall]);
    expect(t.columns[1].format).toBe('0');
    expect(t.rows[t.rows.length - 1][1]).toMatchObject({ v: 59.2, format: '0.0', bold: true });
    // full names: the first policy and its first pledge as 002 writes them
    expect(t.rows[0][0]).toMatchObject({ v: expect.stringMatching(/^Ⅰ 行革を進め、無駄のない効率的な都市機能をもつまち苫小牧 築きます！/), bold: true });
    expect(cellValue(t.rows[1][0])).toBe('\u30001 SDGsなど時代の変化を捉え、持続可能な行財政運営を行います');
    // a page break never separates a policy from its pledges
    expect(t.groupStarts).toEqual(t.rows.flatMap((x, i) => (richCell(x[0])?.bold && i < t.rows.length - 1 ? [i] : [])));
  });

  test('公約施策別 (002 table Ⅱ): each 施策 with its 取組事業内容, 担当部署, 施策進捗 and ★ as 002 writes them', () => {
    const t = sheet(book, 'pledgeMeasures').tables[0];
    const measures = t.rows.filter((x) => cellValue(x[4]) !== null);
    expect(measures).toHaveLength(50);
    expect(measures.map((x) => cellValue(x[4]))).toEqual(published.measures.map((m) => m.stars));
    const first = measures[0];
    expect(String(cellValue(first[1])).split('\n')[0]).toMatch(/^・苫小牧市公式ホームページ/);
    expect(String(cellValue(first[2])).split('\n')).toEqual(published.measures[0].departments);
    // ★ is never wrapped: its column holds the whole string
    const stars = t.columns[4];
    expect(stars.noWrap).toBe(true);
    expect(stars.wrap).toBe(false);
    expect(sheet(book, 'pledgeMeasures').columnWidths[4]).toBeGreaterThanOrEqual(widestLine('★★★★★ ☆☆☆☆☆') + CELL_PAD);
  });

  test('KPI一覧: one column per fiscal year of actuals, the years of baseline and target in the headers, a trend per KPI', () => {
    const t = sheet(book, 'kpis').tables[0];
    const headers = t.columns.map((c) => c.header);
    expect(headers).toEqual(expect.arrayContaining(['基準値\n（H30）', 'R3実績', '目標値\n（R6）', '達成率', '推移']));
    const trend = t.columns[col(t, '推移')];
    expect(trend.sparkline).toEqual({ from: col(t, '基準値\n（H30）'), to: col(t, 'R3実績') });
    // the one KPI with another baseline year shows it after its value
    const other = r.kpis.find((k) => k.row.measure !== null && k.row.baselineYear === 2017)!;
    const row = t.rows.find((x) => x.some((c) => cellValue(c) === other.row.indicator))!;
    expect(richCell(row[col(t, '基準値\n（H30）')])?.format).toBe('#,##0.###"(H29)"');
    // rows in goal order, each goal a group the page breaks keep together
    expect(t.groupStarts).toHaveLength(4);
    expect(t.iconSet).toEqual({ column: col(t, '達成率'), thresholds: [0.5, 1] });
  });

  test('every text cell fits its column or wraps; headers sit over their data', () => {
    for (const s of book.sheets) {
      for (const t of s.tables) {
        t.columns.forEach((c, j) => {
          expect({ sheet: s.name, header: c.header, align: c.align }).toEqual({ sheet: s.name, header: c.header, align: c.kind === 'number' ? 'right' : c.kind === 'code' ? 'center' : 'left' });
          const room = s.columnWidths[t.left + j] - CELL_PAD + 0.01;
          for (const row of t.rows) {
            const v = cellValue(row[j]);
            const w = typeof v === 'string' ? widestLine(v) * (richCell(row[j])?.bold ? 1.08 : 1) : typeof v === 'number' ? numberWidth(v, richCell(row[j])?.format ?? c.format) : 0;
            if (w > room && !c.wrap && !c.sparkline) throw new Error(`${s.name} › ${c.header}: "${v}" (${w}) is wider than its column (${room}) and does not wrap`);
          }
        });
      }
    }
  });

  test('print: A4 at 80% or more (body text 8 pt), one page wide, titles repeated, a goal never split when it fits a page', () => {
    for (const s of book.sheets) {
      const p = s.print;
      expect(p.scale).toBeGreaterThanOrEqual(MIN_SCALE);
      expect((FONT_SIZES.body * p.scale) / 100).toBeGreaterThanOrEqual(8);
      const width = s.columnWidths.reduce((a, b) => a + b, 0) * UNIT_PT * (p.scale / 100);
      expect({ sheet: s.name, fits: width <= printableSize(p.orientation).width * WIDTH_SAFETY + 1 }).toEqual({ sheet: s.name, fits: true });
      expect(p.titleRows.first).toBe(0);
      if (s.tables.length === 1 && s.tables[0].rows.length) expect(p.titleRows.last).toBe(s.tables[0].headerRow);
      // a break inside a group only where the group is taller than a page
      const room = pageRoom(s);
      for (const t of s.tables) {
        if (!t.groupStarts.length) continue;
        const starts = t.groupStarts.map((i) => t.headerRow + 1 + i);
        for (const b of p.breaks) {
          if (b <= t.headerRow || b > t.headerRow + t.rows.length || starts.includes(b)) continue;
          const g = starts.filter((x) => x < b).length - 1;
          const end = g + 1 < starts.length ? starts[g + 1] : t.headerRow + t.rows.length + 1;
          const height = t.rowHeights.slice(starts[g] - t.headerRow - 1, end - t.headerRow - 1).reduce((a, x) => a + x, 0);
          expect({ sheet: s.name, row: b, groupTallerThanPage: height > room }).toEqual({ sheet: s.name, row: b, groupTallerThanPage: true });
        }
      }
    }
    expect(sheet(book, 'pledges').print.orientation).toBe('portrait');
    expect(sheet(book, 'kpis').print.orientation).toBe('landscape');
    expect(sheet(book, 'pledgeMeasures').print.breaks.length).toBeGreaterThan(5);
  });
});

describe('the 1st-term table in the form of 001', () => {
  test('数値目標 per goal with one column per fiscal year of actuals (H28 … R1) and the achievement as published', async () => {
    const r = await reviewSeeds(['first-term.xlsx'], { planStart: 2015, planEnd: 2019 });
    const book = buildSummaryBook(r, { lang: 'ja' });
    expect(book.sheets.map((s) => s.key)).toEqual(['overview', 'goalTargets', 'covid', 'problems']);
    const t = sheet(book, 'goalTargets').tables[0];
    // the target year FY2019 (001: H31) is 令和元年度 when written short: R1
    expect(t.columns.map((c) => c.header)).toEqual(expect.arrayContaining(['基準値\n（H26）', 'H28実績', 'H29実績', 'H30実績', 'R1実績', '目標値\n（R1）']));
    const row = t.rows.find((x) => x.some((c) => cellValue(c) === '転入者数'))!;
    expect([col(t, 'H28実績'), col(t, 'H29実績'), col(t, 'H30実績'), col(t, 'R1実績')].map((j) => cellValue(row[j]))).toEqual([5806, 5792, 6122, 6166]);
    expect(Math.round((cellValue(row[col(t, '達成率')]) as number) * 100)).toBe(95);
    expect(t.groupStarts).toEqual([0, 2, 5, 8]);
    const [headline] = sheet(book, 'overview').tables;
    expect(headline.rows.map((x) => cellValue(x[0]))).toEqual(['基本目標の数値目標の平均達成率']);
    expect(Math.round((cellValue(headline.rows[0][1]) as number) * 100)).toBe(86);
  });
});

describe('the summary reports what the evaluation decides', () => {
  const HEAD = ['区分', '基本目標', '基本的方向', '施策', '担当課', '指標名', '単位', '集計', '基準値', '実績R3', '目標年度', '目標値', '評価対象', '変更区分', '変更前目標値', '備考'];
  const rows = [
    // a 累計 KPI before its target year: 49% achieved, graded A on its pace (122.5%, capped 120)
    ['KPI', 1, '1-1 若者の雇用機会の確保・拡大', 1, '介護福祉課', '介護職員育成支援人数', '人', '累計', 29, '累計98人', 2024, '累計200人', null, null, null, ''],
    ['KPI', 1, '1-1', 1, '政策推進課', '登録者数', '件', '単年', null, 80, 2024, 100, '対象', null, null, ''],
    // left out by staff: listed, in no count and no mean
    ['KPI', 1, '1-1', 2, '建設課', '実施しなかった事業', '件', '単年', null, 0, 2024, 100, '対象外', null, null, '策定当初に掲げたが実施しなかった'],
    // a basic goal's 数値目標, revised: 90% of the new target, 75% of the one before
    ['数値目標', 1, null, null, '政策推進課', '転入者数', '人', '単年', null, 90, 2024, 100, null, '数値目標変更', 120, ''],
  ];
  const r = review([{ file: 'book.xlsx', sheets: [{ name: '政策推進課', top: 0, left: 0, values: [HEAD, ...rows] }] }], DEFAULT_SETTINGS);
  const book = buildSummaryBook(r, { lang: 'ja', date: '2025-12-05' });

  test('the review reads the rows as meant (no error)', () => {
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(r.kpis.map((k) => [k.row.kind, k.row.excluded, k.result.gradeBasis])).toEqual([
      ['kpi', false, 'pace'],
      ['kpi', false, 'achievement'],
      ['kpi', true, 'achievement'],
      ['goalTarget', false, 'achievement'],
    ]);
  });

  test('the sheets of 基本的方向, 担当課, 見直し and 対象外 appear', () => {
    expect(book.sheets.map((s) => s.key)).toEqual(['overview', 'goalTargets', 'directions', 'measures', 'kpis', 'departments', 'revisions', 'exclusions', 'covid', 'problems']);
    expect(book.complete).toBe(true);
  });

  test('総括: KPI mean over the rows in scope, 数値目標 apart, the rows left out counted in a column of their own', () => {
    const [headline, goals] = sheet(book, 'overview').tables;
    expect(headline.rows.map((x) => [cellValue(x[0]), cellValue(x[2])])).toEqual([
      ['重要業績評価指標（KPI）の平均達成率', 2],
      ['KPI の平均達成率（コロナ中止を除く）', 2],
      ['基本目標の数値目標の平均達成率', 1],
    ]);
    expect(cellValue(headline.rows[0][1])).toBeCloseTo((0.49 + 0.8) / 2, 12);
    expect(cellValue(headline.rows[2][1])).toBeCloseTo(0.9, 12);
    const g1 = goals.rows[0];
    expect(cellValue(g1[col(goals, '施策数')])).toBe(1);
    expect(cellValue(g1[col(goals, '指標総数')])).toBe(2);
    expect([cellValue(g1[col(goals, 'A')]), cellValue(g1[col(goals, 'B')]), cellValue(g1[col(goals, 'D')])]).toEqual([1, 1, 0]);
    expect(cellValue(g1[col(goals, '対象外')])).toBe(1);
    expect(cellValue(g1[col(goals, '数値\n目標数')])).toBe(1);
    // the 数値目標 mean stays the last column, where the chart reads it
    expect(goals.columns.length - 1).toBe(col(goals, '数値目標の\n平均達成率'));
    expect(sheet(book, 'overview').chart!.valueColumns).toContain(goals.columns.length - 1);
  });

  test('KPI一覧 lists every KPI row with what gave its grade and the 対象外 mark; 数値目標 on their own sheet', () => {
    const t = sheet(book, 'kpis').tables[0];
    expect(t.rows.map((x) => cellValue(x[col(t, '指標名')]))).toEqual(['介護職員育成支援人数', '登録者数', '実施しなかった事業']);
    expect(t.rows.map((x) => cellValue(x[col(t, '評価\n根拠')]))).toEqual(['計画比', '達成率', '達成率']);
    expect(t.rows.map((x) => cellValue(x[col(t, '評価')]))).toEqual(['A', 'B', 'D']);
    expect(t.rows.map((x) => cellValue(x[col(t, '評価対象')]))).toEqual([null, null, '対象外']);
    expect(sheet(book, 'goalTargets').tables[0].rows.map((x) => cellValue(x[col(sheet(book, 'goalTargets').tables[0], '指標名')]))).toEqual(['転入者数']);
  });

  test('基本的方向別, 施策別 and 担当課別 count the rows in scope and those left out apart', () => {
    const d = sheet(book, 'directions').tables[0];
    expect(d.rows.map((x) => [cellValue(x[0]), cellValue(x[1]), cellValue(x[col(d, '指標総数')]), cellValue(x[col(d, '対象外')])])).toEqual([['1-1', '若者の雇用機会の確保・拡大', 2, 1]]);
    const m = sheet(book, 'measures').tables[0];
    expect(m.rows.map((x) => [cellValue(x[1]), cellValue(x[col(m, '指標総数')]), cellValue(x[col(m, '対象外')])])).toEqual([
      ['施策①', 2, 0],
      ['施策②', 0, 1],
    ]);
    const dep = sheet(book, 'departments').tables[0];
    expect(dep.rows.map((x) => [cellValue(x[0]), cellValue(x[col(dep, '指標総数')]), cellValue(x[col(dep, '対象外')])])).toEqual([
      ['介護福祉課', 1, 0],
      ['政策推進課', 1, 0],
      ['建設課', 0, 1],
    ]);
  });

  test('見直し: the revised row with its targets before and after; 対象外: the row left out with its reason', () => {
    const rev = sheet(book, 'revisions').tables[0];
    expect(rev.rows).toHaveLength(1);
    const x = rev.rows[0];
    expect([cellValue(x[0]), cellValue(x[col(rev, '指標名')]), cellValue(x[col(rev, '変更区分')]), cellValue(x[col(rev, '変更前\n目標値')]), cellValue(x[col(rev, '目標値')])]).toEqual(['数値目標', '転入者数', '数値目標変更', 120, 100]);
    expect(cellValue(x[col(rev, '変更前目標\nでの達成率')])).toBeCloseTo(0.75, 12);
    expect(cellValue(x[col(rev, '達成率')])).toBeCloseTo(0.9, 12);
    const ex = sheet(book, 'exclusions').tables[0];
    expect(ex.rows.map((y) => [cellValue(y[0]), cellValue(y[col(ex, '指標名')]), cellValue(y[col(ex, '理由（備考）')])])).toEqual([['KPI指標', '実施しなかった事業', '策定当初に掲げたが実施しなかった']]);
  });
});

describe('honest state and language', () => {
  const HEAD = ['基本目標', '施策', '指標名', '単位', '基準値', '実績R3', '目標値', '備考'];
  const withError = () =>
    review(
      [
        { file: 'a.xlsx', sheets: [{ name: '政策推進課', top: 0, left: 0, values: [HEAD, [1, 1, '登録者数', '人', 10, 25, 20, '']] }] },
        { file: 'b.xlsx', sheets: [{ name: '建設課', top: 0, left: 0, values: [HEAD, [1, 2, '道路補修延長', 'm', '約50', 12, 20, '']] }] },
      ],
      DEFAULT_SETTINGS,
    );

  test('a summary built with errors says 未完了 on every sheet, naming the sheets and the copies not written', () => {
    const book = buildSummaryBook(withError(), { lang: 'ja', notWritten: ['c.xlsx'] });
    expect(book.complete).toBe(false);
    for (const s of book.sheets) {
      expect(s.banner).toMatch(/^未完了：エラー 1 件/);
      expect(s.banner).toContain('b.xlsx › 建設課（1件）');
      expect(s.banner).toContain('c.xlsx');
      expect(s.banner).toContain('「問題」シート');
      expect(s.titleHeights).toHaveLength(3);
    }
  });

  test('English: sheet names, titles, headers and labels in English; the date in English form', () => {
    const book = buildSummaryBook(withError(), { lang: 'en', date: '2025-12-05' });
    expect(book.sheets.map((s) => s.name)).toEqual(['Overview', 'By measure', 'KPIs', 'COVID', 'Problems']);
    expect(book.sheets[0].subtitle).toContain('made 5 December 2025');
    expect(book.sheets[0].banner).toMatch(/^Incomplete: 1 errors/);
    const japanese = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
    for (const s of book.sheets) {
      // the city's terms may follow in parentheses; the words themselves are English
      const strip = (x: string) => x.replace(/\([^)]*\)/g, '');
      expect({ sheet: s.name, title: japanese.test(strip(s.title)) }).toEqual({ sheet: s.name, title: false });
      for (const t of s.tables) for (const c of t.columns) expect({ sheet: s.name, header: c.header, japanese: japanese.test(strip(c.header)) }).toEqual({ sheet: s.name, header: c.header, japanese: false });
    }
    const goals = book.sheets[0].tables[1];
    expect(goals.rows.map((x) => cellValue(x[0]))).toEqual(['Goal 1', 'All']);
    expect(translate('en', 'summary.footer')).toBe('Page &P of &N');
  });

  test('the decimals setting: one decimal for the city\u2019s whole percentages, 全体 with two', async () => {
    const r = await reviewSeeds(['pledges.xlsx'], { percentDecimals: 1 });
    const book = buildSummaryBook(r);
    const t = sheet(book, 'pledges').tables[0];
    expect(t.columns[1].format).toBe('0.0');
    expect(richCell(t.rows[t.rows.length - 1][1])?.format).toBe('0.0');
    expect(sheet(book, 'overview').tables[0].columns[1].format).toBe('0.0%');
  });
});
