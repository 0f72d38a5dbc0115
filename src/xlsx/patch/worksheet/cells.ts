/**
 * The XML of the cells the patch writer writes: numbers as <v>, text as inline strings
 * (lossless `_xHHHH_` encoding, never shared strings, never formulas), null as an empty
 * styled cell.
 */
import { columnLetters } from '../../../domain/base/address';
import { encodeXstring } from '../../xml/escape';
import { PatchError, type PatchPlace } from '../patchError';
import type { CellStyles, StyleRequest } from '../cellStyles';
import type { Pieces } from './pieces';
import type { CellWrite } from './sheetEdits';
import { sparseListOf } from '../../../domain/base/lists';
import { keepShape } from '../../../domain/base/keptShapes';

/** The refusal of NaN or ±Infinity, which a cell cannot store, with where it was to go. */
function notFinite(n: number, where: string, place: PatchPlace = {}): PatchError {
  return new PatchError('value', 'patch.value.notFinite', { where, value: String(n) }, place);
}

/** A number as cell text; NaN and ±Infinity are refused, -0 is written as 0. */
export function numberText(n: number, where: string, place: PatchPlace = {}): string {
  if (!Number.isFinite(n)) throw notFinite(n, where, place);
  return Object.is(n, -0) ? '0' : String(n);
}

export class CellWriter {
  // hot path caches: column letters, and style per (request object, base style)
  private readonly letters: string[] = sparseListOf();
  private readonly styleCache = new Map<StyleRequest, Map<number, number>>();
  /** the markup around a cell's parts, with the worksheet's prefix */
  private readonly markup: { open: string; style: string; empty: string; value: string; valueEnd: string; inline: string; inlineEnd: string; row: string; rowEnd: string };
  /** a prefix outside ASCII (allowed in XML names, never seen) is written as text */
  private readonly put: (out: Pieces, markup: string) => void;

  /** `p`: the worksheet's prefix (`x:` or ''); `sheet`: its name, for messages */
  constructor(
    p: string,
    private readonly sheet: string,
    private readonly styles: CellStyles,
  ) {
    keepShape(this);
    this.markup = {
      open: `<${p}c r="`,
      style: '" s="',
      empty: '"/>',
      value: `"><${p}v>`,
      valueEnd: `</${p}v></${p}c>`,
      inline: `" t="inlineStr"><${p}is><${p}t xml:space="preserve">`,
      inlineEnd: `</${p}t></${p}is></${p}c>`,
      row: `<${p}row r="`,
      rowEnd: `</${p}row>`,
    };
    this.put = /^[ -~]*$/.test(p) ? (out, m) => out.pushAscii(m) : (out, m) => out.push(m);
  }

  /**
   * Writes <c> for a write in zero-based `row` into `out`, its format derived from `base`: the
   * markup, reference and numbers straight as bytes (a 100,000-row plan writes half a million
   * cells), the text encoded.
   */
  cell(out: Pieces, w: CellWrite, row: number, base: number): void {
    const v = w.value;
    const letters = (this.letters[w.col] ??= columnLetters(w.col));
    // refused before anything of the cell is written; the place is made only then
    if (typeof v === 'number' && !Number.isFinite(v)) throw notFinite(v, `${this.sheet}!${letters}${row + 1}`, { sheet: this.sheet, cell: `${letters}${row + 1}` });
    const m = this.markup;
    const s = this.styleOf(base, w.style);
    this.put(out, m.open);
    out.pushAscii(letters);
    out.pushUint(row + 1);
    if (s) {
      out.pushAscii(m.style);
      out.pushUint(s);
    }
    if (v === null || v === undefined) out.pushAscii(m.empty);
    else if (typeof v === 'number') {
      this.put(out, m.value);
      out.pushNumber(v); // -0 as 0, as numberText writes it
      this.put(out, m.valueEnd);
    } else {
      this.put(out, m.inline);
      out.push(encodeXstring(String(v)));
      this.put(out, m.inlineEnd);
    }
  }

  /** Writes a whole new <row> into `out`; `baseOf` gives each column's inherited format. */
  row(out: Pieces, row: number, writes: readonly CellWrite[], baseOf: (col: number) => number): void {
    this.put(out, this.markup.row);
    out.pushUint(row + 1);
    out.pushAscii('">');
    for (const w of writes) this.cell(out, w, row, baseOf(w.col));
    this.put(out, this.markup.rowEnd);
  }

  private styleOf(base: number, req: StyleRequest): number {
    let byBase = this.styleCache.get(req);
    if (!byBase) this.styleCache.set(req, (byBase = new Map()));
    let s = byBase.get(base);
    if (s === undefined) byBase.set(base, (s = this.styles.cellStyle(base, req)));
    return s;
  }
}
