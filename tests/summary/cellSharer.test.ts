/** A long list's plain cells are shared, one frozen cell per value; cells with more than a value are kept. */
import { cellSharer } from '../../src/domain/output/summary/draft';

describe('cellSharer', () => {
  test('plain cells of one value are one frozen object; null, numbers and short codes alike', () => {
    const share = cellSharer();
    for (const v of [null, 'C', '人', 1.2, 0]) {
      const a = share({ v });
      expect(share({ v })).toBe(a);
      expect(a).toEqual({ v });
      expect(Object.isFrozen(a)).toBe(true);
    }
    expect(share({ v: 1 })).not.toBe(share({ v: '1' }));
  });

  test('a cell with a link, a format or bold, and long text, are kept as made', () => {
    const share = cellSharer();
    const linked = { v: 'A1', link: { sheet: 'S', cell: 'A1' } };
    const formatted = { v: 3, format: '0"(R2)"' };
    const bold = { v: 'x', bold: true };
    const long = { v: '新型コロナウイルス感染症の影響で中止' };
    for (const c of [linked, formatted, bold, long]) expect(share(c)).toBe(c);
  });

  test('each sharer keeps its own values, and stops sharing past its bound', () => {
    const a = cellSharer();
    const b = cellSharer();
    expect(a({ v: 'D' })).not.toBe(b({ v: 'D' }));
    for (let i = 0; i < 5000; i++) a({ v: i });
    const late = { v: 10_000 };
    expect(a(late)).toBe(late);
    expect(a({ v: 7 })).toBe(a({ v: 7 }));
  });
});
