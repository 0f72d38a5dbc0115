/**
 * How a summary sheet prints: portrait when it fits at full size (or nearly), else landscape, at
 * the largest scale up to 100% that makes it one page wide — never below MIN_SCALE, so body text
 * prints at 8.5 pt or more; text columns give way (wrap narrower) before the scale goes below it.
 * Page breaks fall between groups (a goal's rows, a policy with its pledges) and between tables,
 * inside a group only when it is taller than a page.
 */
import { HEIGHT_SAFETY, MIN_SCALE, printableSize, rowHeightIn, UNIT_PT, WIDTH_SAFETY } from './geometry';
import { keepShape } from '../../base/keptShapes';

export interface PageFit {
  widths: number[];
  orientation: 'portrait' | 'landscape';
  scale: number;
}

/** a table's rows (or the chart's) on the sheet: rows a page may start at */
export interface Block {
  top: number;
  bottom: number;
  /** the header row of a table, or null */
  header: number | null;
  /** rows starting a group kept together; none: any row may start a page */
  groupStarts: number[];
}

function scaleFor(widthUnits: number, orientation: 'portrait' | 'landscape'): number {
  const room = printableSize(orientation).width * WIDTH_SAFETY;
  return Math.min(100, Math.floor((room / (widthUnits * UNIT_PT)) * 100));
}

const PORTRAIT_FROM = 92;

export function fitToPage(wanted: readonly number[], least: readonly number[]): PageFit {
  const widths = [...wanted];
  const total = () => widths.reduce((a, b) => a + b, 0);
  if (scaleFor(total(), 'portrait') >= PORTRAIT_FROM) return { widths, orientation: 'portrait', scale: scaleFor(total(), 'portrait') };
  // narrower text columns before a smaller scale: take a unit from the widest that can give one
  while (scaleFor(total(), 'landscape') < MIN_SCALE) {
    let best = -1;
    for (let j = 0; j < widths.length; j++) if (widths[j] - 1 >= least[j] && (best < 0 || widths[j] > widths[best])) best = j;
    if (best < 0) break;
    widths[best] -= 1;
  }
  return { widths, orientation: 'landscape', scale: Math.max(MIN_SCALE, scaleFor(total(), 'landscape')) };
}

/**
 * Pages filled row by row: the rows that start a new page. A class rather than closures over
 * the heights, so that code V8 optimised for one sheet still fits the next (a new closure per
 * call is a new call target in the loops that call it).
 */
class Pages {
  readonly breaks: number[] = [];
  private used = 0;

  constructor(
    private readonly heights: readonly number[],
    private readonly capacity: number,
  ) {
    keepShape(this);
  }

  /** a group: rows [from, to]; kept whole when it fits on a page, else row by row */
  place(from: number, to: number): void {
    let h = 0;
    for (let r = from; r <= to; r++) h += rowHeightIn(this.heights, r);
    if (this.used + h <= this.capacity) {
      this.used += h;
      return;
    }
    if (h <= this.capacity) {
      this.start(from, h);
      return;
    }
    for (let r = from; r <= to; r++) {
      const rh = rowHeightIn(this.heights, r);
      if (this.used + rh > this.capacity) this.start(r, rh);
      else this.used += rh;
    }
  }

  /** the groups of a table's block from row `from` on */
  placeGroups(b: Block, from: number): void {
    if (from > b.bottom) return;
    if (!b.groupStarts.length) {
      for (let r = from; r <= b.bottom; r++) this.place(r, r);
      return;
    }
    let s = from;
    for (const next of b.groupStarts) {
      if (next <= from || next > b.bottom) continue;
      this.place(s, next - 1);
      s = next;
    }
    this.place(s, b.bottom);
  }

  private start(row: number, h: number): void {
    if (this.used > 0) this.breaks.push(row);
    this.used = h;
  }
}

/**
 * Rows that start a new page, given each row's height (`heights[row]`, the default where
 * missing). `titleRows` print on every page; what is left of a page at the scale takes whole
 * groups while they fit.
 */
export function pageBreaks(blocks: readonly Block[], heights: readonly number[], titleRows: { first: number; last: number }, fit: PageFit): number[] {
  let titles = 0;
  for (let r = titleRows.first; r <= titleRows.last; r++) titles += rowHeightIn(heights, r);
  const pages = new Pages(heights, (printableSize(fit.orientation).height * HEIGHT_SAFETY) / (fit.scale / 100) - titles);
  const firstContent = titleRows.last + 1;
  let prevEnd = firstContent - 1;
  for (const b of blocks) {
    // what lies between blocks (blank rows) goes with what follows
    const from = Math.max(b.top, firstContent);
    if (b.header !== null && b.header > titleRows.last) {
      // a table on a sheet of several: caption, header and first group together
      const firstGroupEnd = b.groupStarts.length > 1 ? b.groupStarts[1] - 1 : b.groupStarts.length ? b.bottom : Math.min(b.bottom, b.header + 1);
      pages.place(Math.max(prevEnd + 1, firstContent), firstGroupEnd);
      pages.placeGroups(b, firstGroupEnd + 1);
    } else if (b.header !== null) {
      pages.placeGroups(b, from);
    } else pages.place(Math.max(prevEnd + 1, firstContent), b.bottom);
    prevEnd = b.bottom;
  }
  return pages.breaks;
}
