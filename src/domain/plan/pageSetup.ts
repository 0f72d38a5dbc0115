/**
 * How a reviewed department sheet prints when it has no page setup of its own: A4 landscape, one
 * page wide (as many pages down as it takes), its header rows repeated on every page — unless one
 * page wide would print its text below 6.5 pt (a printed text box of about 8 pt; department
 * sheets can be very wide: a 60-character 備考 …). Then it prints at the scale that keeps 6.5 pt,
 * pages across, with the indicator column (or the 施策) repeated on every page as well. The
 * summary, which is laid out for print, keeps 8 pt (domain/output/summary). A sheet whose author
 * set anything (paper, orientation, scale, fit, print titles or area, breaks) keeps it as it is:
 * each adapter measures the sheet, looks, and applies this only where nothing was set.
 */
export interface PageSetupPlan {
  paper: 'A4';
  orientation: 'landscape';
  /** rows repeated at the top of every page (zero-based, inclusive): the table's header */
  titleRows: { first: number; last: number };
  /** columns repeated on the left when the sheet needs pages across: the indicator's */
  titleColumns: { first: number; last: number };
}

/** the smallest text a printed department sheet may hold */
export const MIN_PRINT_PT = 6.5;

/** the printable width of A4 landscape inside Excel's default side margins (0.7 in), with room for rounding */
const ROOM_PT = (841.9 - 2 * 0.7 * 72) * 0.95;

/** one page wide, or the smallest scale that keeps the text readable (pages across) */
export type DepartmentFit = { kind: 'fitWidth' } | { kind: 'scale'; scale: number };

/** `widthPt`: the printed width of the sheet's used columns at 100%; `fontPt`: its body text size */
export function departmentFit(widthPt: number, fontPt: number): DepartmentFit {
  const fit = ROOM_PT / widthPt;
  if (fit >= 1 || fit * fontPt >= MIN_PRINT_PT) return { kind: 'fitWidth' };
  return { kind: 'scale', scale: Math.min(100, Math.ceil((MIN_PRINT_PT / fontPt) * 100)) };
}

export function departmentPageSetup(headerRow: number, firstDataRow: number, keyCol: number): PageSetupPlan {
  return {
    paper: 'A4',
    orientation: 'landscape',
    titleRows: { first: headerRow, last: Math.max(headerRow, firstDataRow - 1) },
    titleColumns: { first: keyCol, last: keyCol },
  };
}
