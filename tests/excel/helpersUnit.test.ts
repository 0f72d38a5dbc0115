/** The small pieces: text that Excel would reinterpret, request sizes, row slices. */
import { cellGrid, cellValue, needsTextPrefix, safeDisplayText } from '../../src/excel/cellText';
import { jsonBytes, pack, rowBytes, utf8Length } from '../../src/excel/chunking';
import { rowsOp } from '../../src/excel/writeOps';
import { columnWidthPoints } from '../../src/excel/excelGrid';

describe('cellValue: what goes into Range.values', () => {
  test('null becomes "" (Office.js would leave the cell unchanged)', () => {
    expect(cellValue(null)).toBe('');
    expect(cellValue(undefined)).toBe('');
    expect(cellGrid([[null, 1, 'a']])).toEqual([['', 1, 'a']]);
  });
  test('formula starts are written as text', () => {
    for (const s of ['=1+1', '+1', '-x', '@SUM(A1)', '\tx', '\rx', "'quoted", '=cmd|" /C calc"!A0']) expect(cellValue(s)).toBe("'" + s);
  });
  test('strings Excel would turn into numbers, dates or booleans stay text', () => {
    for (const s of ['2021', '1,627', '93.9%', '1/2', '2024-05-01', '12:30', 'TRUE', 'false', '１２３', '＝SUM(1)', '3月1日']) expect(needsTextPrefix(s)).toBe(true);
    for (const s of ['累計45人', 'コロナ中止', 'D', '—', '★★★★★ ☆☆☆☆☆', '政策推進課!5行', 'R3', '2026-11-22T01:02:03.000Z', '2020-2024']) expect(needsTextPrefix(s)).toBe(false);
  });
  test('numbers and booleans pass; non-finite numbers are emptied', () => {
    expect(cellValue(0.5)).toBe(0.5);
    expect(cellValue(true)).toBe(true);
    expect(cellValue(Number.NaN)).toBe('');
  });
  test('hyperlink display text only when Excel shows it unchanged', () => {
    expect(safeDisplayText('政策推進課 5行')).toBe('政策推進課 5行');
    expect(safeDisplayText('=x')).toBeUndefined();
  });
});

describe('chunking', () => {
  test('UTF-8 sizes', () => {
    expect(utf8Length('abc')).toBe(3);
    expect(utf8Length('達成率')).toBe(9);
    expect(utf8Length('😀')).toBe(4);
    expect(jsonBytes([['達成率', 1]])).toBe(Buffer.byteLength(JSON.stringify([['達成率', 1]])));
  });
  test('row sizes of grids sent together', () => {
    expect(rowBytes([[1, 'a']], [['0%', '@']])).toEqual([jsonBytes([1, 'a']) + 1 + jsonBytes(['0%', '@']) + 1]);
  });
  test('packing keeps the order; what cannot be split gets its own batch', () => {
    const items = [5, 5, 5, 20, 1].map((bytes, i) => ({ bytes, i }));
    expect(pack(items, 12).map((b) => b.map((x) => x.i))).toEqual([[0, 1], [2], [3], [4]]);
    expect(pack(items, 100)).toHaveLength(1);
  });
  test('a large block is split by rows to fill each batch: about total / budget batches', () => {
    const applied: [number, number][] = [];
    const block = rowsOp('S', new Array(100).fill(10), 5, (_s, a, b) => applied.push([a, b]));
    const small = { sheet: 'S', bytes: 30, apply: () => undefined };
    const batches = pack([small, block, small], 400);
    expect(batches.map((b) => b.reduce((n, o) => n + o.bytes, 0))).toEqual([395, 395, 285]);
    batches.flat().forEach((op) => op.apply(undefined as never));
    expect(applied).toEqual([[0, 36], [36, 75], [75, 100]]);
    // everything fits: one batch, the block whole
    expect(pack([small, block, small], 5000)).toEqual([[small, block, small]]);
  });
  test('column widths: characters → points (8.43 characters = 48 pt)', () => {
    expect(columnWidthPoints(8.43)).toBe(48);
    expect(columnWidthPoints(10)).toBe(56.25);
  });
});
