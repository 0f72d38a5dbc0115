/**
 * How a summary sheet prints: portrait when it fits at full size (or nearly), else landscape, at
 * the largest scale up to 100% that makes it one page wide — never below MIN_SCALE, so body text
 * prints at 8.5 pt or more; text columns give way (wrap narrower) before the scale goes below it.
 * Page breaks fall between groups (a goal's rows, a policy with its pledges) and between tables,
 * inside a group only when it is taller than a page.
 */
import { HEIGHT_SAFETY, MIN_SCALE, printableSize, UNIT_PT, WIDTH_SAFETY } from './geometry';

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
 * Rows that start a new page. `titleRows` print on every page; what is left of a page at the
 * scale takes whole groups while they fit.
 */
export function pageBreaks(blocks: readonly Block[], heightOf: (row: number) => number, titleRows: { first: number; last: number }, fit: PageFit): number[] {
  let titles = 0;
  for (let r = titleRows.first; r <= titleRows.last; r++) titles += heightOf(r);
  const capacity = (printableSize(fit.orientation).height * HEIGHT_SAFETY) / (fit.scale / 100) - titles;
  const breaks: number[] = [];
  let used = 0;
  const start = (row: number, h: number) => {
    if (used > 0) breaks.push(row);
    used = h;
  };
  // a group: rows [from, to]; kept whole when it fits on a page, else row by row
  const place = (from: number, to: number) => {
    let h = 0;
    for (let r = from; r <= to; r++) h += heightOf(r);
    if (used + h <= capacity) {
      used += h;
      return;
    }
    if (h <= capacity) {
      start(from, h);
      return;
    }
    for (let r = from; r <= to; r++) {
      const rh = heightOf(r);
      if (used + rh > capacity) start(r, rh);
      else used += rh;
    }
  };
  const firstContent = titleRows.last + 1;
  let prevEnd = firstContent - 1;
  for (const b of blocks) {
    // what lies between blocks (blank rows) goes with what follows
    const from = Math.max(b.top, firstContent);
    if (b.header !== null && b.header > titleRows.last) {
      // a table on a sheet of several: caption, header and first group together
      const firstGroupEnd = b.groupStarts.length > 1 ? b.groupStarts[1] - 1 : b.groupStarts.length ? b.bottom : Math.min(b.bottom, b.header + 1);
      place(Math.max(prevEnd + 1, firstContent), firstGroupEnd);
      placeGroups(b, firstGroupEnd + 1, place);
    } else if (b.header !== null) {
      placeGroups(b, from, place);
    } else place(Math.max(prevEnd + 1, firstContent), b.bottom);
    prevEnd = b.bottom;
  }
  return breaks;
}

function placeGroups(b: Block, from: number, place: (from: number, to: number) => void): void {
  if (from > b.bottom) return;
  const starts = b.groupStarts.filter((s) => s > from && s <= b.bottom);
  let s = from;
  if (!b.groupStarts.length) {
    for (let r = from; r <= b.bottom; r++) place(r, r);
    return;
  }
  for (const next of starts) {
    place(s, next - 1);
    s = next;
  }
  place(s, b.bottom);
}
