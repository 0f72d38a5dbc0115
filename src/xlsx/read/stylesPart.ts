/**
 * The stylesheet as the reader needs it: for each cell format (cellXfs), the number format
 * when it marks a percentage or a date, the only two things the review reads from formats.
 * An empty or absent stylesheet is legal: every cell is then General.
 */
import { isDateFormat, isPercentFormat } from '../../domain/cells/numberCell';
import { BUILTIN_NUMBER_FORMATS } from '../ooxml/numberFormats';
import { isDateNumberFormat } from './dateFormat';
import type { PartSink } from './partStream';
import { NS_SHEET, type TagAttributes } from './xmlStream';
import { keepShape } from '../../domain/base/keptShapes';

export interface CellFormats {
  /** per cellXfs index: the format code when it is a percentage or date format, else null */
  kept: (string | null)[];
  /** per cellXfs index: numbers in this format are dates */
  date: boolean[];
}

export const NO_FORMATS: CellFormats = { kept: [], date: [] };

export class StylesSink implements PartSink {
  wantText = false;
  done = false;
  private readonly custom = new Map<number, string>();
  private readonly xfFormatIds: number[] = [];
  private inCellXfs = false;
  private inNumFmts = false;

  constructor() {
    keepShape(this);
  }

  start(local: string, ns: number, tag: TagAttributes, selfClosing: boolean): void {
    if (ns !== NS_SHEET) return;
    if (local === 'numFmts') this.inNumFmts = !selfClosing;
    else if (local === 'cellXfs') this.inCellXfs = !selfClosing;
    else if (local === 'numFmt' && this.inNumFmts) {
      const id = Number(tag.get('numFmtId'));
      const code = tag.get('formatCode');
      if (Number.isInteger(id) && code !== undefined) this.custom.set(id, code);
    } else if (local === 'xf' && this.inCellXfs) {
      const id = Number(tag.get('numFmtId') ?? 0);
      this.xfFormatIds.push(Number.isInteger(id) ? id : 0);
    }
  }

  end(local: string, ns: number): void {
    if (ns !== NS_SHEET) return;
    if (local === 'numFmts') this.inNumFmts = false;
    else if (local === 'cellXfs') this.inCellXfs = false;
  }

  text(): void {}

  formats(): CellFormats {
    const kept: (string | null)[] = [];
    const date: boolean[] = [];
    const byId = new Map<number, { kept: string | null; date: boolean }>();
    for (const id of this.xfFormatIds) {
      let f = byId.get(id);
      if (!f) {
        const code = this.custom.get(id) ?? BUILTIN_NUMBER_FORMATS[id] ?? null;
        const isDate = isDateNumberFormat(code);
        f = { kept: code !== null && (isDate || isDateFormat(code) || isPercentFormat(code)) ? code : null, date: isDate };
        byId.set(id, f);
      }
      kept.push(f.kept);
      date.push(f.date);
    }
    return { kept, date };
  }
}
