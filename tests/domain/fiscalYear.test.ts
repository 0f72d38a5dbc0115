import { findFiscalYear, parseFiscalYearCell, eraNumber } from '../../src/domain/cells/fiscalYear';

describe('fiscal years in headers', () => {
  test.each([
    ['実績R3', 2021],
    ['実績(令和3年度)', 2021],
    ['実績（令和３年度）', 2021],
    ['実績2021', 2021],
    ['R3実績', 2021],
    ['FY2021 actual', 2021],
    ['令和3年度実績', 2021],
    ['令和元年度', 2019],
    ['R1', 2019],
    ['H30', 2018],
    ['平成30年度', 2018],
    ['H30実績', 2018],
    ['2021', 2021],
    ['FY2021', 2021],
    ['令和三年度', 2021],
    ['H26基準', 2014],
    ['H31目標', 2019],
    ['実績値（令和3年度）※', 2021],
  ])('%s → %d', (text, year) => {
    expect(findFiscalYear(text)).toBe(year);
  });

  test('no year, or two different years', () => {
    expect(findFiscalYear('実績')).toBeNull();
    expect(findFiscalYear('HOUR')).toBeNull();
    expect(Number.isNaN(findFiscalYear('R2-R3') as number)).toBe(true);
  });

  test('year cells', () => {
    expect(parseFiscalYearCell('H30')).toEqual({ ok: true, year: 2018 });
    expect(parseFiscalYearCell('平成30年度')).toEqual({ ok: true, year: 2018 });
    expect(parseFiscalYearCell(2018)).toEqual({ ok: true, year: 2018 });
    expect(parseFiscalYearCell('2018年度')).toEqual({ ok: true, year: 2018 });
    expect(parseFiscalYearCell('令和元年度')).toEqual({ ok: true, year: 2019 });
    expect(parseFiscalYearCell('')).toEqual({ ok: true, year: null });
    expect(parseFiscalYearCell(null)).toEqual({ ok: true, year: null });
    expect(parseFiscalYearCell('—')).toEqual({ ok: true, year: null });
    expect(parseFiscalYearCell(new Date(Date.UTC(2019, 2, 31)))).toEqual({ ok: true, year: 2018 });
    expect(parseFiscalYearCell(30)).toEqual({ ok: false });
    expect(parseFiscalYearCell('昨年')).toEqual({ ok: false });
    expect(parseFiscalYearCell(true)).toEqual({ ok: false });
  });

  test('kanji era numbers', () => {
    expect(eraNumber('元')).toBe(1);
    expect(eraNumber('十')).toBe(10);
    expect(eraNumber('三十一')).toBe(31);
    expect(eraNumber('二十')).toBe(20);
    expect(eraNumber('x')).toBeNull();
  });
});
