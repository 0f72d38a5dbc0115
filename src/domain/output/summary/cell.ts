/**
 * Making and reading a summary cell, bare value or RichCell (./types). Every RichCell is made
 * here with all its keys (undefined where not set), so the cells of every section share one
 * hidden class and the per-cell code of the layout and the writers, which sees them all, reads
 * one shape (bold, linked and own-format cells made as literals were three).
 */
import type { CellLink, RichCell, SummaryCell, SummaryValue } from './types';

function richOf(v: SummaryValue, bold: boolean | undefined, link: CellLink | undefined, format: string | undefined): RichCell {
  return { v, bold, link, format };
}

/** a bold cell, with its own number format when given */
export function boldCell(v: SummaryValue, format?: string): RichCell {
  return richOf(v, true, undefined, format);
}

/** a cell linked to a place in a workbook */
export function linkedCell(v: SummaryValue, link: CellLink): RichCell {
  return richOf(v, undefined, link, undefined);
}

/** a cell with a number format of its own (not its column's) */
export function formattedCell(v: SummaryValue, format: string): RichCell {
  return richOf(v, undefined, undefined, format);
}

/** the cell in bold, keeping its link and format */
export function emboldened(c: SummaryCell): RichCell {
  const r = richCell(c);
  return richOf(cellValue(c), true, r?.link, r?.format);
}

export function cellValue(c: SummaryCell): SummaryValue {
  return c !== null && typeof c === 'object' ? c.v : c;
}

/** the cell's bold, link and format, or null for a bare value */
export function richCell(c: SummaryCell): RichCell | null {
  return c !== null && typeof c === 'object' ? c : null;
}
