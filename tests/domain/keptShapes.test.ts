import { letGo } from '../../src/domain/base/keptShapes';

describe('letGo: a finished object kept for its shape holds nothing else alive', () => {
  class Reader {
    rows: number[][] = [[1, 2]];
    name = 'sheet';
    count = 3;
    ratio = 0.5;
    done = true;
    missing: object | null = null;
    private readonly step = (x: number) => x + 1;
    use(): number {
      return this.step(this.count);
    }
  }

  test('objects, arrays and functions become null, text empty; numbers and booleans stay', () => {
    const r = new Reader();
    const rows = r.rows;
    expect(r.use()).toBe(4);
    letGo(r);
    expect({ ...r }).toEqual({ rows: null, name: '', count: 3, ratio: 0.5, done: true, missing: null, step: null });
    // what the object handed out stays whole
    expect(rows).toEqual([[1, 2]]);
  });

  test('the keys stay, in their order (the same fields, so the same hidden class)', () => {
    const r = new Reader();
    const before = Object.keys(r);
    letGo(r);
    expect(Object.keys(r)).toEqual(before);
  });
});
