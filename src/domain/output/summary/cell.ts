/** Reading a summary cell, bare value or RichCell (./types). */
import type { RichCell, SummaryCell, SummaryValue } from './types';

export function cellValue(c: SummaryCell): SummaryValue {
  return c !== null && typeof c === 'object' ? c.v : c;
}

/** the cell's bold, link and format, or null for a bare value */
export function richCell(c: SummaryCell): RichCell | null {
  return c !== null && typeof c === 'object' ? c : null;
}
