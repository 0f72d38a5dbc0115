/** A long list's plain cells are shared, one frozen cell per value; cells with more than a value are kept. */
import { cellSharer } from '../../src/domain/output/summary/draft';

describe('cellSharer', () => {
  test('plain cells of one value are one frozen object; null, numbers and short codes alike', () => {
    const share = cellSharer();
    for (const v of [null, 'C', '人', 1.2, 0]) {
      const a = share({ v }, 0);
      expect(share({ v }, 1)).toBe(a);
      expect(a).toEqual({ v });
      expect(Object.isFrozen(a)).toBe(true);
    }
    expect(share({ v: 1 }, 0)).not.toBe(share({ v: '1' }, 0));
  });

  test('a cell with a link, a format or bold, and long text, are kept as made', () => {
    const share = cellSharer();
    const linked = { v: 'A1', link: { sheet: 'S', cell: 'A1' } };
    const formatted = { v: 3, format: '0"(R2)"' };
    const bold = { v: 'x', bold: true };
    const long = { v: '新型コロナウイルス感染症の影響で中止' };
    for (const c of [linked, formatted, bold, long]) expect(share(c, 0)).toBe(c);
  });

  test('each sharer keeps its own values, and stops sharing past its bound', () => {
    const a = cellSharer();
    const b = cellSharer();
    expect(a({ v: 'D' }, 0)).not.toBe(b({ v: 'D' }, 0));
    // ten columns of new values: 500 of each are taken before the columns stop sharing
    for (let col = 1; col <= 10; col++) for (let i = 0; i < 600; i++) a({ v: col * 1000 + i }, col);
    const late = { v: 99_999 };
    expect(a(late, 11)).toBe(late);
    expect(a({ v: 1007 }, 11)).toBe(a({ v: 1007 }, 12));
  });

  test('a column whose first 500 values mostly do not repeat stops sharing; one of repeats goes on', () => {
    const share = cellSharer();
    for (let i = 0; i < 500; i++) {
      share({ v: i + 0.5 }, 0);
      share({ v: ['A', 'B', 'C', 'D'][i % 4] }, 1);
    }
    const late = { v: 3.5 };
    expect(share(late, 0)).toBe(late);
    expect(share({ v: 'B' }, 1)).toBe(share({ v: 'B' }, 1));
    expect(share({ v: null }, 0)).toBe(share({ v: null }, 1));
  });
});
