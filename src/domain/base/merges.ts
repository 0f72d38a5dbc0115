/**
 * Merged cells: Excel keeps the value in the top-left cell; the others read as blank.
 *
 * The merges are kept in an index, never expanded into cells: a merge over whole columns
 * costs what a two-cell merge costs, and 50,000 merges are indexed in O(n log n). The index
 * is a centred interval tree over rows; each node holds the merges that cross its centre row,
 * sorted by left column. Excel's merges do not overlap, so at a node at most one merge can hold
 * a given column; a lookup visits O(log n) nodes with a binary search in each.
 */
import type { CellRect, RawSheet, RawValue } from './raw';
import { rawAt } from './raw';

export interface MergeLookup {
  /** the anchor's value when (row, col) is covered by a merge but is not its anchor */
  anchorValue(row: number, col: number): RawValue | undefined;
  /** the anchor position when (row, col) is covered by a merge but is not its anchor */
  anchorOf(row: number, col: number): { row: number; col: number } | undefined;
}

interface Node {
  centre: number;
  /** merges crossing `centre`, by left column */
  here: CellRect[];
  /** the largest right column among here[0..i] (overlapping merges, which Excel never writes, stay findable) */
  reach: number[];
  below: Node | null;
  above: Node | null;
}

function build(merges: CellRect[]): Node | null {
  if (!merges.length) return null;
  const mids = merges.map((m) => (m.top + m.bottom) / 2).sort((a, b) => a - b);
  const centre = Math.floor(mids[mids.length >> 1]);
  const below: CellRect[] = [];
  const above: CellRect[] = [];
  const here: CellRect[] = [];
  for (const m of merges) {
    if (m.bottom < centre) below.push(m);
    else if (m.top > centre) above.push(m);
    else here.push(m);
  }
  here.sort((a, b) => a.left - b.left);
  const reach: number[] = [];
  for (let i = 0; i < here.length; i++) reach.push(Math.max(here[i].right, i ? reach[i - 1] : -1));
  return { centre, here, reach, below: build(below), above: build(above) };
}

/** The merge of `node` covering (row, col), if any. */
function findHere(node: Node, row: number, col: number): CellRect | undefined {
  const { here, reach } = node;
  // last merge whose left is at or before col
  let lo = 0;
  let hi = here.length - 1;
  let at = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (here[mid].left <= col) {
      at = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  for (let i = at; i >= 0 && reach[i] >= col; i--) {
    const m = here[i];
    if (m.right >= col && m.top <= row && row <= m.bottom) return m;
  }
  return undefined;
}

export function mergeLookup(sheet: RawSheet): MergeLookup {
  const merges = (sheet.merges ?? []).filter((m) => m.bottom > m.top || m.right > m.left);
  const root = build(merges);
  const find = (row: number, col: number): CellRect | undefined => {
    for (let node = root; node; ) {
      const m = findHere(node, row, col);
      if (m) return m;
      if (row === node.centre) return undefined;
      node = row < node.centre ? node.below : node.above;
    }
    return undefined;
  };
  const anchorOf = (row: number, col: number) => {
    const m = root ? find(row, col) : undefined;
    return m && (m.top !== row || m.left !== col) ? { row: m.top, col: m.left } : undefined;
  };
  return {
    anchorOf,
    anchorValue(row, col) {
      const a = anchorOf(row, col);
      return a ? rawAt(sheet, a.row, a.col) : undefined;
    },
  };
}
