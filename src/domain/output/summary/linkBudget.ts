/**
 * The links of one summary sheet, up to what Excel keeps on a worksheet: 65,530 hyperlinks, the
 * limit XlsxWriter, libxlsxwriter, DevExpress and Syncfusion document and stop at. The cells past
 * it keep their text and lose only the link; the sheet says so in its table's caption.
 */
import { linkedCell } from './cell';
import type { CellLink, SummaryCell, SummaryValue } from './types';

export const MAX_LINKS_PER_SHEET = 65_530;

export class LinkBudget {
  private used = 0;
  private refused = 0;

  constructor(private readonly limit = MAX_LINKS_PER_SHEET) {}

  /** the value linked while the sheet has links left, else the value alone */
  cell(v: SummaryValue, link: CellLink): SummaryCell {
    if (this.used < this.limit) {
      this.used++;
      return linkedCell(v, link);
    }
    this.refused++;
    return v;
  }

  /** how many cells were left without their link */
  get unlinked(): number {
    return this.refused;
  }
}
