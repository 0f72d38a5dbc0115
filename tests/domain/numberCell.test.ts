import { parseNumberCell, parseNumberText, isPercentFormat, isDateFormat } from '../../src/domain/cells/numberCell';

const value = (text: string, unit?: string) => {
  const p = parseNumberText(text, unit);
  if (p.kind !== 'number') throw new Error(`${text} → ${JSON.stringify(p)}`);
  return p;
};

describe('numbers as people type or paste them', () => {
  test.each([
    ['1627', 1627],
    ['1,627', 1627],
    ['１６２７', 1627],
    ['１，６２７', 1627],
    ['1,627件', 1627],
    ['累計45人', 45],
    ['累計 1,627 件', 1627],
    ['93.9%', 93.9],
    ['９３．９％', 93.9],
    ['17,550 千t', 17550],
    ['17,550 千ｔ', 17550],
    ['199.5万人', 199.5],
    ['△12', -12],
    ['▲ 2,007', -2007],
    ['-12', -12],
    ['0人', 0],
    ['1.8', 1.8],
    ['8,969,733件', 8969733],
    ['35,780 人泊', 35780],
    ['  46人 ', 46],
    ['12,099 件', 12099],
  ])('%s → %d', (text, expected) => {
    expect(value(text).value).toBeCloseTo(expected, 10);
  });

  test('累計 marks a running total, % a percentage, the suffix is the unit', () => {
    expect(value('累計45人')).toMatchObject({ cumulative: true, unit: '人', percent: false });
    expect(value('93.9%')).toMatchObject({ cumulative: false, unit: '%', percent: true });
    expect(value('17,550 千t').unit).toBe('千t');
    expect(value('1,627').unit).toBe('');
  });

  test.each(['', '   ', '—', '－', '-', '―', 'ー', '　'])('"%s" means no value', (text) => {
    expect(parseNumberText(text).kind).toBe('empty');
  });

  test.each([
    ['約50', 'text'],
    ['未集計', 'text'],
    ['#DIV/0!', 'excelError'],
    ['#N/A', 'excelError'],
    ['50人程度', 'unit'],
    ['100%（6隊）の見込み', 'unit'],
    ['（6隊）100%', 'text'],
    ['100%（）', 'unit'],
    ['4.5‰', 'unit'],
    ['1.2.3', 'text'],
    ['12,34', 'text'],
    ['abc', 'text'],
    ['累計', 'text'],
  ])('"%s" is invalid (%s)', (text, problem) => {
    const p = parseNumberText(text);
    expect(p).toMatchObject({ kind: 'invalid', problem });
  });

  test('a bracketed detail after the number (as the documents print 100%（6隊）) reads as the number and is kept apart', () => {
    expect(value('100%（6隊）')).toMatchObject({ value: 100, percent: true, unit: '%', detail: '6隊' });
    expect(value('累計45人(見込み)')).toMatchObject({ value: 45, cumulative: true, unit: '人', detail: '見込み' });
    expect(value('１２（うち市外 3）')).toMatchObject({ value: 12, unit: '', detail: 'うち市外 3' });
    expect(value('12人')).toMatchObject({ detail: '' });
    // the unit before the bracket is checked as any unit is
    expect(parseNumberText('50程度（6隊）')).toMatchObject({ kind: 'invalid', problem: 'unit' });
  });

  test('‰ reads as per-mille where the 単位 counts per 1,000 (‰, ×1,000, 人口千人当たり), recorded as that unit', () => {
    for (const unit of ['‰', '×1,000', '×1000', '人口千人当たり', '人口1,000人当たり', '千人あたり']) {
      expect({ unit, read: parseNumberText('4.5‰', unit) }).toMatchObject({ unit, read: { kind: 'number', value: 4.5, unit } });
    }
    expect(parseNumberText('4.5‰', '%')).toMatchObject({ kind: 'invalid', problem: 'unit' });
    expect(parseNumberText('4.5‰', '人')).toMatchObject({ kind: 'invalid', problem: 'unit' });
  });

  test("the row's own unit is accepted even when it is not a common unit", () => {
    expect(parseNumberText('12 ケース').kind).toBe('invalid');
    expect(parseNumberText('12 ケース', 'ケース')).toMatchObject({ kind: 'number', value: 12 });
  });

  test('raw cell values: numbers, percent formats, dates, booleans, errors', () => {
    expect(parseNumberCell(1627)).toMatchObject({ kind: 'number', value: 1627 });
    expect(parseNumberCell(0.939, '0.0%')).toMatchObject({ kind: 'number', percent: true });
    expect((parseNumberCell(0.939, '0.0%') as { value: number }).value).toBeCloseTo(93.9, 10);
    expect(parseNumberCell(45000, 'yyyy/m/d')).toMatchObject({ kind: 'invalid', problem: 'date' });
    expect(parseNumberCell(new Date('2021-04-01'))).toMatchObject({ kind: 'invalid', problem: 'date' });
    expect(parseNumberCell(true)).toMatchObject({ kind: 'invalid', problem: 'boolean' });
    expect(parseNumberCell({ error: '#DIV/0!' })).toMatchObject({ kind: 'invalid', problem: 'excelError', found: '#DIV/0!' });
    expect(parseNumberCell(Number.NaN)).toMatchObject({ kind: 'invalid', problem: 'notFinite' });
    expect(parseNumberCell(null).kind).toBe('empty');
    expect(parseNumberCell(undefined).kind).toBe('empty');
  });

  test('number formats', () => {
    expect(isPercentFormat('0.0%')).toBe(true);
    expect(isPercentFormat('0.0"%"')).toBe(false);
    expect(isPercentFormat('#,##0')).toBe(false);
    expect(isDateFormat('yyyy/m/d')).toBe(true);
    expect(isDateFormat('[$-ja-JP]ggge"年"m"月"d"日"')).toBe(true);
    expect(isDateFormat('#,##0"人"')).toBe(false);
    expect(isDateFormat('General')).toBe(false);
    expect(isDateFormat('0.0%')).toBe(false);
  });
});
