import { listOf, mapped, sparseListOf } from '../../src/domain/base/lists';

describe('lists made for hot loops behave as plain arrays', () => {
  test('listOf: empty, grows by push, any values', () => {
    const l = listOf<string | { a: number }>();
    expect(l).toEqual([]);
    l.push('x', { a: 1 });
    expect(l).toEqual(['x', { a: 1 }]);
    expect(Array.isArray(l)).toBe(true);
  });

  test('sparseListOf: empty, written at any index, holes read as undefined', () => {
    const l = sparseListOf<string>();
    expect(l.length).toBe(0);
    l[5] = 'F';
    expect(l.length).toBe(6);
    expect(l[2]).toBeUndefined();
    expect(l[5]).toBe('F');
    expect(2 in l).toBe(false);
  });

  test('each call is a new list', () => {
    const a = listOf<number>();
    a.push(1);
    expect(listOf<number>()).toEqual([]);
    expect(sparseListOf<number>()).toEqual([]);
  });

  test('mapped: as map(), with each value and its index; every slot written', () => {
    const xs = ['a', 'b', 'c'];
    const out = mapped(xs, (x, i) => `${x}${i}`);
    expect(out).toEqual(['a0', 'b1', 'c2']);
    expect(Object.keys(out)).toEqual(['0', '1', '2']);
    expect(mapped([], (x) => x)).toEqual([]);
    expect(mapped(xs, (x) => x)).not.toBe(xs);
  });
});
