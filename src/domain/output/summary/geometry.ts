/**
 * The measures the layout works in. Widths are in the column unit of the file, the width of a
 * digit of the workbook's default font: Excel draws it 7 px (5.25 pt) with 游ゴシック 10 pt,
 * LibreOffice up to 6.35 pt with the Latin font it substitutes (DejaVu Sans), so a page is
 * planned with the wider one and Excel prints a little narrower, centred. Text is measured in
 * the same unit with East Asian characters counted 2, which holds in both. Heights are in
 * points, with 游ゴシック's tall line (1.7 × the font size), so wrapped text is never clipped in
 * Excel; LibreOffice's fonts are shorter and get a little air. The page is A4.
 */

export const FONT_SIZES = { body: 10, title: 14, subtitle: 10, caption: 11 } as const;

/** one column unit in points, as the widest application draws it */
export const UNIT_PT = 6.4;
/** room a cell needs beside its text, in column units (Excel pads 5 px of a 7 px unit) */
export const CELL_PAD = 1.2;
/** bold text is this much wider */
export const BOLD_FACTOR = 1.08;

export function lineHeight(fontSize: number): number {
  return Math.ceil(fontSize * 1.7);
}

/** height of a row of `lines` lines of body text */
export function rowHeight(lines: number, fontSize: number = FONT_SIZES.body): number {
  return lines * lineHeight(fontSize) + 2;
}

export const DEFAULT_ROW_PT = rowHeight(1);

/** a row's height in points: its own (`heights[row]`), or the default where it has none */
export function rowHeightIn(heights: readonly number[], row: number): number {
  return heights[row] ?? DEFAULT_ROW_PT;
}

/** inches, as OOXML and Excel's page setup take them */
export const MARGINS_IN = { left: 0.4, right: 0.4, top: 0.55, bottom: 0.65, header: 0.25, footer: 0.3 } as const;

/** A4 in points */
const A4 = { short: 595.3, long: 841.9 };

export function printableSize(orientation: 'portrait' | 'landscape'): { width: number; height: number } {
  const w = orientation === 'portrait' ? A4.short : A4.long;
  const h = orientation === 'portrait' ? A4.long : A4.short;
  return { width: w - (MARGINS_IN.left + MARGINS_IN.right) * 72, height: h - (MARGINS_IN.top + MARGINS_IN.bottom) * 72 };
}

/** the smallest print scale: 10 pt body text prints at 8 pt */
export const MIN_SCALE = 80;

/** share of the printable width the layout plans to fill: applications measure fonts differently */
export const WIDTH_SAFETY = 0.95;
/** share of the printable height: row heights are written, so only rounding is left */
export const HEIGHT_SAFETY = 0.99;
