import { parseOrdinal, romanNumeral, circledNumber } from '../../src/domain/cells/ordinals';

describe('ordinals for goals, measures, policies, pledges', () => {
  test.each([
    ['①', 1],
    ['基本目標1', 1],
    ['基本目標１', 1],
    ['1', 1],
    ['目標2', 2],
    ['goal 3', 3],
  ])('goal %s → %d', (text, n) => {
    expect(parseOrdinal(text, ['基本目標', '目標', 'goal'], false)?.value).toBe(n);
  });

  test.each([
    ['⑤', 5],
    ['施策⑤', 5],
    ['5', 5],
    ['施策⑲', 19],
    ['施策 12', 12],
  ])('measure %s → %d', (text, n) => {
    expect(parseOrdinal(text, ['施策', 'measure'], false)?.value).toBe(n);
  });

  test.each([
    ['Ⅲ', 3],
    ['III', 3],
    ['政策Ⅲ', 3],
    ['基本政策Ⅲ', 3],
    ['3', 3],
    ['iv', 4],
    ['Ⅴ', 5],
    ['政策Ⅰ 行革を進め、無駄のない効率的な都市機能をもつまち', 1],
  ])('policy %s → %d', (text, n) => {
    expect(parseOrdinal(text, ['基本政策', '政策', 'policy'], true)?.value).toBe(n);
  });

  test('titles after the number are kept', () => {
    expect(parseOrdinal('① 行政創革プラン', ['施策'], false)).toEqual({ value: 1, title: '行政創革プラン' });
    expect(parseOrdinal('1 SDGsなど時代の変化を捉え', ['公約'], false)).toEqual({ value: 1, title: 'SDGsなど時代の変化を捉え' });
    expect(parseOrdinal('政策Ⅰ 行革を進め', ['基本政策', '政策'], true)?.title).toBe('行革を進め');
  });

  test('numbers as numbers', () => {
    expect(parseOrdinal(4, [], false)?.value).toBe(4);
    expect(parseOrdinal(4.5, [], false)).toBeNull();
    expect(parseOrdinal(0, [], false)).toBeNull();
  });

  test.each(['1-1', '12.5', 'abc', '', '約3', '0'])('"%s" is not an ordinal', (text) => {
    expect(parseOrdinal(text, ['施策'], false)).toBeNull();
  });

  test('display', () => {
    expect(romanNumeral(3)).toBe('Ⅲ');
    expect(circledNumber(19)).toBe('⑲');
    expect(circledNumber(25)).toBe('㉕');
  });
});
