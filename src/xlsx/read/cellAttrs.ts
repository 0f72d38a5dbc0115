/** A cell's r and s attributes as the worksheet reader takes them, from their text. */
import { parseCellRef } from '../../domain/base/address';

/** the column r names; -1 (the next column) without r or when r is not a reference */
export function cellColumn(r: string | undefined): number {
  return (r ? parseCellRef(r)?.col : undefined) ?? -1;
}

/** the style index s names: 0 without s (parseInt's reading otherwise, NaN matching no format) */
export function styleIndex(s: string | undefined): number {
  return s ? parseInt(s, 10) : 0;
}
