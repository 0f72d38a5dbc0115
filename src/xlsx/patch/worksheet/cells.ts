/**
 * The XML of the cells the patch writer writes: numbers as <v>, text as inline strings
 * (lossless `_xHHHH_` encoding, never shared strings, never formulas), null as an empty
 * styled cell.
 */
import { columnLetters } from '../../../domain/base/address';
import { encodeXstring } from '../../xml/escape';
import { PatchError, type PatchPlace } from '../patchError';
import type { CellStyles, StyleRequest } from '../cellStyles';
import type { CellWrite } from './sheetEdits';

/** A number as cell text; NaN and ±Infinity are refused, -0 is written as 0. */
export function numberText(n: number, where: string, place: PatchPlace = {}): string {
  if (!Number.isFinite(n)) throw new PatchError('value', 'patch.value.notFinite', { where, value: String(n) }, place);
  return Object.is(n, -0) ? '0' : String(n);
}

export class CellWriter {
  // hot path caches: column letters, and style per (request object, base style)
  private readonly letters: string[] = [];
  private readonly styleCache = new Map<StyleRequest, Map<number, number>>();

  /** `p`: the worksheet's prefix (`x:` or ''); `sheet`: its name, for messages */
  constructor(
    private readonly p: string,
    private readonly sheet: string,
    private readonly styles: CellStyles,
  ) {}

  /** <c> for a write in zero-based `row`, its format derived from `base`. */
  cell(w: CellWrite, row: number, base: number): string {
    const p = this.p;
    const s = this.styleOf(base, w.style);
    const ref = (this.letters[w.col] ??= columnLetters(w.col)) + (row + 1);
    const sAttr = s ? ` s="${s}"` : '';
    const v = w.value;
    if (v === null || v === undefined) return `<${p}c r="${ref}"${sAttr}/>`;
    if (typeof v === 'number') {
      // the place is made only for the refusal: a 100,000-row plan writes half a million numbers
      const text = Number.isFinite(v) ? numberText(v, '') : numberText(v, `${this.sheet}!${ref}`, { sheet: this.sheet, cell: ref });
      return `<${p}c r="${ref}"${sAttr}><${p}v>${text}</${p}v></${p}c>`;
    }
    return `<${p}c r="${ref}"${sAttr} t="inlineStr"><${p}is><${p}t xml:space="preserve">${encodeXstring(String(v))}</${p}t></${p}is></${p}c>`;
  }

  /** A whole new <row>; `baseOf` gives each column's inherited format. */
  row(row: number, writes: readonly CellWrite[], baseOf: (col: number) => number): string {
    let s = `<${this.p}row r="${row + 1}">`;
    for (const w of writes) s += this.cell(w, row, baseOf(w.col));
    return s + `</${this.p}row>`;
  }

  private styleOf(base: number, req: StyleRequest): number {
    let byBase = this.styleCache.get(req);
    if (!byBase) this.styleCache.set(req, (byBase = new Map()));
    let s = byBase.get(base);
    if (s === undefined) byBase.set(base, (s = this.styles.cellStyle(base, req)));
    return s;
  }
}
