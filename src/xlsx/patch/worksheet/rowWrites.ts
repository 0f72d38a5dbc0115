/**
 * The cells a sheet's edits write, row by row. From a write plan (PlanRows) a row's writes are
 * made when the patcher reaches it and let go after, so a 100,000-row plan adds no object per
 * cell beside the sheet being patched; CellRows holds explicit cells (the log sheet's row).
 */
import type { CellRect } from '../../../domain/base/raw';
import type { PlanValue, RangeWrite } from '../../../domain/plan/plan';
import type { StyleRequest } from '../cellStyles';
import { keepShape } from '../../../domain/base/keptShapes';
import { listOf } from '../../../domain/base/lists';

export interface CellWrite {
  /** zero-based column */
  col: number;
  value: PlanValue;
  style: StyleRequest;
}

/** zero-based rows and columns */
export interface RowWrites {
  /** the rows written, in order */
  rows(): readonly number[];
  /** the row's writes by column (made anew on each call from a plan) */
  get(row: number): readonly CellWrite[] | undefined;
  /** the rectangles written: they overlap only where a cell is written twice */
  rects(): readonly CellRect[];
  /** the first cell (in row, then column order) written twice, or null */
  writtenTwice(): { row: number; col: number } | null;
}

/** Explicit cells, each row's sorted by column. */
export class CellRows implements RowWrites {
  private readonly byRow: Map<number, CellWrite[]>;

  constructor(rows: Iterable<[number, readonly CellWrite[]]>) {
    keepShape(this);
    this.byRow = new Map([...rows].filter(([, l]) => l.length > 0).map(([r, l]) => [r, [...l].sort((a, b) => a.col - b.col)]));
  }

  rows(): number[] {
    return [...this.byRow.keys()].sort((a, b) => a - b);
  }

  get(row: number): readonly CellWrite[] | undefined {
    return this.byRow.get(row);
  }

  rects(): CellRect[] {
    return [...this.byRow].flatMap(([row, list]) => list.map((w) => ({ top: row, bottom: row, left: w.col, right: w.col })));
  }

  writtenTwice(): { row: number; col: number } | null {
    for (const row of this.rows()) {
      const list = this.byRow.get(row)!;
      for (let i = 1; i < list.length; i++) if (list[i].col === list[i - 1].col) return { row, col: list[i].col };
    }
    return null;
  }
}

/** values of a column shared at most; past it, writes are made one per cell */
const SHARED_WRITES = 256;

/**
 * The writes of one column: one (read-only) CellWrite per value that repeats down the column
 * (blanks, grades, labels, the 120% cap), so most cells make no object at all. A class, not a
 * closure per column: its code runs for every cell, and V8 keeps a closure's optimised code only
 * while the closure lives.
 */
class ColumnWrites {
  private readonly byValue = new Map<PlanValue, CellWrite>();

  constructor(
    private readonly col: number,
    private readonly style: StyleRequest,
  ) {
    keepShape(this);
  }

  of(value: PlanValue): CellWrite {
    let w = this.byValue.get(value);
    if (w === undefined) {
      w = { col: this.col, value, style: this.style };
      if (this.byValue.size < SHARED_WRITES) this.byValue.set(value, w);
    }
    return w;
  }
}

interface Block {
  write: RangeWrite;
  rect: CellRect;
  columns: ColumnWrites[];
}

/** blocks over the same rows, by column */
interface Band {
  top: number;
  bottom: number;
  blocks: Block[];
}

/**
 * A plan's blocks (RangeWrite: a rectangle, one value per column of it on each row), read as
 * rows. `styleOf` gives a block's column its style request (one object per format, so the
 * sheet editor caches styles by identity). Blocks over the same rows form a band; a plan's
 * bands do not share rows (dataWrites), so a row's band is found by bisection.
 */
export class PlanRows implements RowWrites {
  private readonly bands: Band[];
  private readonly order: number[];
  /** the bands share no row */
  private readonly disjoint: boolean;
  private readonly twice: { row: number; col: number } | null;

  constructor(writes: readonly RangeWrite[], styleOf: (write: RangeWrite, j: number) => StyleRequest) {
    keepShape(this);
    const byRows = new Map<string, Band>();
    for (const write of writes) {
      if (!write.values.length || !write.numberFormats.length) continue;
      const rect = { top: write.top, bottom: write.top + write.values.length - 1, left: write.left, right: write.left + write.numberFormats.length - 1 };
      const key = `${rect.top}:${rect.bottom}`;
      let band = byRows.get(key);
      if (!band) byRows.set(key, (band = { top: rect.top, bottom: rect.bottom, blocks: [] }));
      band.blocks.push({ write, rect, columns: write.numberFormats.map((_, j) => new ColumnWrites(write.left + j, styleOf(write, j))) });
    }
    this.bands = [...byRows.values()].sort((a, b) => a.top - b.top);
    for (const band of this.bands) band.blocks.sort((a, b) => a.rect.left - b.rect.left);
    this.disjoint = this.bands.every((b, i) => i === 0 || b.top > this.bands[i - 1].bottom);
    this.order = this.disjoint ? this.bands.flatMap((b) => range(b.top, b.bottom)) : [...new Set(this.bands.flatMap((b) => range(b.top, b.bottom)))].sort((a, b) => a - b);
    this.twice = firstOverlap(this.disjoint ? this.bands.map((b) => b.blocks) : [this.bands.flatMap((b) => b.blocks)]);
  }

  rows(): readonly number[] {
    return this.order;
  }

  get(row: number): readonly CellWrite[] | undefined {
    const blocks = this.disjoint ? this.bandOf(row)?.blocks : this.bands.flatMap((b) => (row >= b.top && row <= b.bottom ? b.blocks : []));
    if (!blocks?.length) return undefined;
    const list: CellWrite[] = listOf();
    for (const b of blocks) {
      const line = b.write.values[row - b.rect.top];
      for (let j = 0; j < line.length; j++) list.push(b.columns[j].of(line[j]));
    }
    // a band's blocks come in column order; blocks of several bands, or overlapping ones (a cell written twice), are sorted
    if (this.twice || !this.disjoint) list.sort((a, b) => a.col - b.col);
    return list;
  }

  rects(): CellRect[] {
    return this.bands.flatMap((b) => b.blocks.map((k) => k.rect));
  }

  writtenTwice(): { row: number; col: number } | null {
    return this.twice;
  }

  private bandOf(row: number): Band | undefined {
    let lo = 0;
    let hi = this.bands.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const b = this.bands[mid];
      if (row < b.top) hi = mid - 1;
      else if (row > b.bottom) lo = mid + 1;
      else return b;
    }
    return undefined;
  }
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** The first cell (row, then column) two blocks of a group both cover. */
function firstOverlap(groups: readonly Block[][]): { row: number; col: number } | null {
  let first: { row: number; col: number } | null = null;
  for (const blocks of groups) {
    for (let i = 0; i < blocks.length; i++) {
      for (let k = i + 1; k < blocks.length; k++) {
        const a = blocks[i].rect;
        const b = blocks[k].rect;
        const top = Math.max(a.top, b.top);
        const left = Math.max(a.left, b.left);
        if (top > Math.min(a.bottom, b.bottom) || left > Math.min(a.right, b.right)) continue;
        if (!first || top < first.row || (top === first.row && left < first.col)) first = { row: top, col: left };
      }
    }
  }
  return first;
}
