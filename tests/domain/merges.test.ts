/** The merge index against the obvious answer (every covered cell listed), and its cost. */
import fc from 'fast-check';
import { mergeLookup } from '../../src/domain/base/merges';
import type { CellRect, RawSheet } from '../../src/domain/base/raw';

function naive(merges: CellRect[], row: number, col: number): { row: number; col: number } | undefined {
  for (const m of merges) {
    if (m.top === m.bottom && m.left === m.right) continue;
    if (row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) return row === m.top && col === m.left ? undefined : { row: m.top, col: m.left };
  }
  return undefined;
}

/** Non-overlapping merges, as Excel writes them: one per cell of a coarse grid, each inside its own block. */
const mergesArb = fc
  .array(fc.record({ r: fc.integer({ min: 0, max: 30 }), c: fc.integer({ min: 0, max: 8 }), h: fc.integer({ min: 0, max: 4 }), w: fc.integer({ min: 0, max: 2 }) }), { maxLength: 60 })
  .map((list) => {
    const seen = new Set<string>();
    return list
      .filter((b) => !seen.has(`${b.r},${b.c}`) && seen.add(`${b.r},${b.c}`))
      .map((b) => ({ top: b.r * 5, left: b.c * 3, bottom: b.r * 5 + b.h, right: b.c * 3 + b.w }));
  });

test('anchorOf and anchorValue agree with a cell-by-cell answer', () => {
  fc.assert(
    fc.property(mergesArb, (merges) => {
      const sheet: RawSheet = { name: 'S', top: 0, left: 0, values: [[1, 2, 3]], merges };
      const index = mergeLookup(sheet);
      for (let row = 0; row < 160; row++) {
        for (let col = 0; col < 28; col++) {
          expect(index.anchorOf(row, col)).toEqual(naive(merges, row, col));
        }
      }
    }),
    { numRuns: 150, seed: 14 },
  );
});

test('whole-column merges and 50,000 merges are indexed, not expanded', () => {
  const tall: CellRect[] = [{ top: 0, left: 0, bottom: 1_048_575, right: 2 }];
  const wide = mergeLookup({ name: 'S', top: 0, left: 0, values: [['a']], merges: tall });
  expect(wide.anchorOf(1_000_000, 2)).toEqual({ row: 0, col: 0 });
  expect(wide.anchorValue(5, 1)).toBe('a');
  expect(wide.anchorOf(0, 0)).toBeUndefined();

  const many: CellRect[] = Array.from({ length: 50_000 }, (_, i) => ({ top: i, left: 0, bottom: i, right: 3 }));
  const index = mergeLookup({ name: 'S', top: 0, left: 0, values: [], merges: many });
  let hits = 0;
  for (let r = 0; r < 50_000; r++) for (let c = 0; c < 5; c++) if (index.anchorOf(r, c)) hits++;
  expect(hits).toBe(50_000 * 3);
});
