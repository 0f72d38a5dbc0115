/** The measures the summary's layout rests on: text widths, wrapped lines, number widths, dates, page fitting and breaks. */
import { displayWidth, widestLine, wrappedLines } from '../../src/domain/base/displayWidth';
import { dateEra, fiscalYearName, japaneseDate } from '../../src/domain/cells/fiscalYear';
import { departmentFit, MIN_PRINT_PT } from '../../src/domain/plan/pageSetup';
import { MIN_SCALE, printableSize, UNIT_PT } from '../../src/domain/output/summary/geometry';
import { numberWidth } from '../../src/domain/output/summary/layout';
import { fitToPage, pageBreaks } from '../../src/domain/output/summary/print';
import { trendText } from '../../src/domain/output/summary/trend';

describe('text widths (East Asian width)', () => {
  test('kanji, kana, full-width forms and the ambiguous marks Japanese fonts draw wide count 2; ASCII 1 (capitals a little more)', () => {
    expect(displayWidth('苫小牧')).toBe(6);
    expect(displayWidth('★★★★★ ★★☆☆☆')).toBe(21);
    expect(displayWidth('①Ⅲ※〜')).toBe(8);
    expect(displayWidth('1,627')).toBe(5);
    expect(displayWidth('KPI')).toBeCloseTo(3.9, 9);
    expect(displayWidth('ｱｲｳ')).toBe(3); // half-width katakana
    expect(displayWidth('𠮷')).toBe(2); // a surrogate pair
  });

  test('the widest line; lines when wrapped (line breaks start lines; Latin words take a unit more)', () => {
    expect(widestLine('・ab\n・長い行です')).toBe(12);
    expect(wrappedLines('あいうえお', 10)).toBe(1);
    expect(wrappedLines('あいうえおか', 10)).toBe(2);
    expect(wrappedLines('a\nb\n', 10)).toBe(3);
    expect(wrappedLines('aaaa bbbb cc', 10)).toBe(2);
  });
});

describe('numbers as a format shows them', () => {
  test.each([
    [0.5185, '0%', 3],
    [0.592, '0.0%', 5],
    [1234567, '#,##0.###', 9],
    [1.56, '#,##0.###', 4],
    [-12, '#,##0.###', 3],
    [7.6667, '0.00', 4],
    [12, '#,##0.###"(H29)"', 7.3],
    [62, '0', 2],
    // digits are counted, not taken from log10, which rounds 999999999999999 up to 15
    [999999999999999, '0', 15],
    [1000000000000000, '0', 16],
    [0, '0.00', 4],
    [1e25, '0', 26],
  ])('%p under %s is %p wide', (v, f, w) => expect(numberWidth(v, f)).toBe(w));
});

describe('dates and years as the city writes them', () => {
  test('eras by day and by fiscal year; 元年', () => {
    expect(japaneseDate(2025, 12, 5)).toBe('令和7年12月5日');
    expect(japaneseDate(2019, 5, 1)).toBe('令和元年5月1日');
    expect(japaneseDate(2019, 4, 30)).toBe('平成31年4月30日');
    expect(dateEra(1989, 1, 7).era).toBe('昭和');
    expect(fiscalYearName(2021)).toBe('令和3年度');
    expect(fiscalYearName(2019)).toBe('令和元年度');
    expect(fiscalYearName(2018)).toBe('平成30年度');
  });
});

describe('pages', () => {
  test('portrait when the sheet fits it at 92% or more; else landscape at the largest scale, text columns narrower before the scale drops below 80%', () => {
    expect(fitToPage([40, 20], [10, 20])).toMatchObject({ orientation: 'portrait', scale: 100 });
    const wide = fitToPage([60, 60, 60], [20, 20, 20]);
    expect(wide.orientation).toBe('landscape');
    expect(wide.scale).toBeGreaterThanOrEqual(MIN_SCALE);
    expect(wide.widths.reduce((a, b) => a + b, 0) * UNIT_PT * (wide.scale / 100)).toBeLessThanOrEqual(printableSize('landscape').width);
    // nothing can give way: the smallest scale, however wide
    expect(fitToPage([300], [300]).scale).toBe(MIN_SCALE);
  });

  test('breaks fall between groups; inside a group only when it is taller than a page', () => {
    const fit = { widths: [10], orientation: 'portrait' as const, scale: 100 };
    const room = printableSize('portrait').height * 0.99;
    // rows 0..1 titles (print titles), groups of 10 rows of 19 pt from row 2
    const h = new Array<number>(400).fill(19);
    const groups = Array.from({ length: 10 }, (_, i) => 2 + i * 10);
    const breaks = pageBreaks([{ top: 2, bottom: 101, header: 1, groupStarts: groups }], h, { first: 0, last: 1 }, fit);
    expect(breaks.length).toBeGreaterThan(0);
    for (const b of breaks) expect(groups).toContain(b);
    const perPage = Math.floor((room - 38) / 19);
    expect(breaks[0]).toBe(2 + Math.floor(perPage / 10) * 10);
    // a group taller than a page breaks inside
    const tall = pageBreaks([{ top: 2, bottom: 301, header: 1, groupStarts: [2] }], h, { first: 0, last: 1 }, fit);
    expect(tall[0]).toBe(2 + perPage);
  });

  test('a department sheet: one page wide while its text prints at 6.5 pt or more, else the scale that keeps it', () => {
    expect(departmentFit(700, 11)).toEqual({ kind: 'fitWidth' });
    expect(departmentFit(1000, 11)).toEqual({ kind: 'fitWidth' }); // 70% of 11 pt = 7.7 pt
    expect(departmentFit(2000, 11)).toEqual({ kind: 'scale', scale: Math.ceil((MIN_PRINT_PT / 11) * 100) });
  });
});

test('the trend as block characters: scaled from the lowest to the highest value, blanks as gaps', () => {
  expect(trendText([10, 20, 30])).toBe('▁▅█');
  expect(trendText([5, null, 5])).toBe('▄ ▄');
  expect(trendText([1])).toBeNull();
});
