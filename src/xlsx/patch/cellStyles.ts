/**
 * The formats of the cells the patch writer writes, made from the cell's own format (or the
 * row's or column's) on the workbook's stylesheet: what exceljs did with `cell.numFmt =` and
 * `cell.fill =`, keeping border, font and protection.
 */
import { OUTPUT_DATA_FILL, OUTPUT_HEADER_FILL } from '../../domain/plan/plan';
import type { StyleSheet } from '../ooxml/styleSheet';
import { keepShape } from '../../domain/base/keptShapes';

export type StyleRequest =
  /** output data cell: number format + data fill */
  | { kind: 'data'; numFmt: string }
  /** output header cell: bold, header fill, centred and wrapped, text format */
  | { kind: 'header' }
  /** log sheet header: bold */
  | { kind: 'bold' }
  /** text kept as text ('@') */
  | { kind: 'text' }
  /** the cell's own (or inherited) format, unchanged */
  | { kind: 'keep' };

const TEXT_FORMAT = 49; // '@'
const HEADER_ALIGNMENT = [
  { name: 'horizontal', value: 'center' },
  { name: 'vertical', value: 'center' },
  { name: 'wrapText', value: '1' },
];

export class CellStyles {
  private readonly cache = new Map<string, number>();

  constructor(readonly sheet: StyleSheet) {
    keepShape(this);
  }

  /** The cellXfs index for a cell whose current (or inherited) format is `base`, changed as requested. */
  cellStyle(base: number, req: StyleRequest): number {
    const b = this.sheet.validXf(base);
    if (req.kind === 'keep') return b;
    const key = `${b}|${req.kind}|${req.kind === 'data' ? req.numFmt : ''}`;
    let index = this.cache.get(key);
    if (index === undefined) {
      index = this.derive(b, req);
      this.cache.set(key, index);
    }
    return index;
  }

  /** Index of a differential format (conditional formatting): font colour and fill. */
  dxf(fill: string, fontColor: string): number {
    return this.sheet.dxf(fill, fontColor);
  }

  private derive(base: number, req: Exclude<StyleRequest, { kind: 'keep' }>): number {
    const fontId = () => Number(this.sheet.xfAttr(base, 'fontId') ?? 0);
    switch (req.kind) {
      case 'data':
        return this.sheet.xf(base, { set: { numFmtId: this.sheet.numFmtId(req.numFmt), fillId: this.sheet.solidFill(OUTPUT_DATA_FILL), applyNumberFormat: 1, applyFill: 1 } });
      case 'header':
        return this.sheet.xf(base, {
          set: { numFmtId: TEXT_FORMAT, fontId: this.sheet.boldFont(fontId()), fillId: this.sheet.solidFill(OUTPUT_HEADER_FILL), applyNumberFormat: 1, applyFont: 1, applyFill: 1, applyAlignment: 1 },
          alignment: HEADER_ALIGNMENT,
        });
      case 'bold':
        return this.sheet.xf(base, { set: { fontId: this.sheet.boldFont(fontId()), applyFont: 1 } });
      case 'text':
        return this.sheet.xf(base, { set: { numFmtId: TEXT_FORMAT, applyNumberFormat: 1 } });
    }
  }
}
