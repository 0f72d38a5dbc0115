/**
 * The font and the normal cell style of workbooks written from scratch, as Excel's Japanese
 * edition makes them: 游ゴシック (the theme's minor font) and the built-in style 標準. Names inside
 * the package, not words users read.
 */

/** a <font> of 游ゴシック with `inner` (size, bold, colour …) */
export function japaneseFont(inner: string): string {
  return `<font>${inner}<name val="游ゴシック"/><family val="3"/><charset val="128"/><scheme val="minor"/></font>`;
}

/** the built-in Normal style (builtinId 0) under its Japanese name */
export const NORMAL_CELL_STYLE = '<cellStyles count="1"><cellStyle name="標準" xfId="0" builtinId="0"/></cellStyles>';
