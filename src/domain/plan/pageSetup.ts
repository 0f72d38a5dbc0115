/**
 * How a reviewed department sheet prints when it has no page setup of its own: A4 landscape, one
 * page wide (as many pages down as it takes), its header rows repeated on every page. A sheet
 * whose author set anything (paper, orientation, scale, fit, print titles or area, breaks) keeps
 * it as it is: each adapter looks, and applies this only where nothing was set.
 */
export interface PageSetupPlan {
  paper: 'A4';
  orientation: 'landscape';
  /** pages across and down; 0 down: as many as needed */
  fitToWidth: 1;
  fitToHeight: 0;
  /** rows repeated at the top of every page (zero-based, inclusive): the table's header */
  titleRows: { first: number; last: number };
}

export function departmentPageSetup(headerRow: number, firstDataRow: number): PageSetupPlan {
  return { paper: 'A4', orientation: 'landscape', fitToWidth: 1, fitToHeight: 0, titleRows: { first: headerRow, last: Math.max(headerRow, firstDataRow - 1) } };
}
