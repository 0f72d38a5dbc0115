/** Excel's grid: column widths in characters (as the domain gives them) → points (Office.js), and its last row and column. */

/** Width in characters of the default font (Calibri 11: 7 px per character + 5 px padding) → points. */
export function columnWidthPoints(chars: number): number {
  const px = Math.round(chars * 7 + 5);
  return Math.round(px * 0.75 * 100) / 100;
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;
