/** Merged cells: Excel keeps the value in the top-left cell; the others read as blank. */
import type { RawSheet, RawValue } from './raw';
import { rawAt } from './raw';

export interface MergeLookup {
  /** the anchor's value when (row, col) is covered by a merge but is not its anchor */
  anchorValue(row: number, col: number): RawValue | undefined;
  /** the anchor position when (row, col) is covered by a merge but is not its anchor */
  anchorOf(row: number, col: number): { row: number; col: number } | undefined;
}

const MAX_MERGED_CELLS = 2_000_000;
const COLS = 16384;

export function mergeLookup(sheet: RawSheet): MergeLookup {
  const covered = new Map<number, number>();
  let budget = MAX_MERGED_CELLS;
  for (const m of sheet.merges ?? []) {
    const size = (m.bottom - m.top + 1) * (m.right - m.left + 1);
    if (size <= 1 || size > budget) continue;
    budget -= size;
    const anchor = m.top * COLS + m.left;
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) {
        if (r === m.top && c === m.left) continue;
        covered.set(r * COLS + c, anchor);
      }
    }
  }
  return {
    anchorOf(row, col) {
      if (covered.size === 0) return undefined;
      const a = covered.get(row * COLS + col);
      return a === undefined ? undefined : { row: Math.floor(a / COLS), col: a % COLS };
    },
    anchorValue(row, col) {
      if (covered.size === 0) return undefined;
      const a = covered.get(row * COLS + col);
      return a === undefined ? undefined : rawAt(sheet, Math.floor(a / COLS), a % COLS);
    },
  };
}
