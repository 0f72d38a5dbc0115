/**
 * The summary's cell formats: each distinct (number format, font, alignment, wrap) once, on the
 * one stylesheet builder (ooxml/styleSheet) started from the summary's own fonts. The Normal
 * style's font (游ゴシック 10 pt) sets Excel's column unit the layout measures in.
 */
import type { Align } from '../../domain/output/summary/types';
import { NS } from '../ooxml/namespaces';
import { StyleSheet } from '../ooxml/styleSheet';
import { keepShape } from '../../domain/base/keptShapes';

export type FontRole = 'normal' | 'title' | 'subtitle' | 'caption' | 'banner';

export interface StyleKey {
  fmt: string | null;
  bold: boolean;
  link: boolean;
  font: FontRole;
  align: Align | null;
  wrap: boolean;
  /** top for rows that read from the top; absent: bottom, Excel's default */
  top?: boolean;
}

const FONT = (inner: string) => `<font>${inner}<name val="游ゴシック"/><family val="3"/><charset val="128"/><scheme val="minor"/></font>`;

/** fonts by index: normal, bold, link, title, subtitle, caption, banner */
const FONTS = [
  FONT('<sz val="10"/>'),
  FONT('<b/><sz val="10"/>'),
  FONT('<u/><sz val="10"/><color rgb="FF0563C1"/>'),
  FONT('<b/><sz val="14"/>'),
  FONT('<sz val="10"/><color rgb="FF404040"/>'),
  FONT('<b/><sz val="11"/>'),
  FONT('<b/><sz val="10"/><color rgb="FFC00000"/>'),
];

const BASE_STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS.main}">` +
  `<fonts count="${FONTS.length}">${FONTS.join('')}</fonts>` +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="標準" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
  '</styleSheet>';

const FONT_SLOT: Record<FontRole, number> = { normal: 0, title: 1, subtitle: 2, caption: 3, banner: 4 };
const ALIGN_SLOT: Record<Align, number> = { left: 1, center: 2, right: 3 };

function fontOf(k: StyleKey): number {
  switch (k.font) {
    case 'title':
      return 3;
    case 'subtitle':
      return 4;
    case 'caption':
      return 5;
    case 'banner':
      return 6;
    default:
      return k.link ? 2 : k.bold ? 1 : 0;
  }
}

export class SummaryStyles {
  private readonly sheet = new StyleSheet(BASE_STYLES);
  private readonly fast = new Map<string | null, number[]>();

  constructor() {
    keepShape(this);
  }

  /** The cellXfs index of a key. */
  id(k: StyleKey): number {
    // nested lookup, no key string per cell: a 100,000-row summary asks millions of times
    let slots = this.fast.get(k.fmt);
    if (!slots) this.fast.set(k.fmt, (slots = []));
    const slot = (k.bold ? 1 : 0) | (k.link ? 2 : 0) | (FONT_SLOT[k.font] << 2) | ((k.align ? ALIGN_SLOT[k.align] : 0) << 5) | (k.wrap ? 128 : 0) | (k.top ? 256 : 0);
    let hit = slots[slot];
    if (hit === undefined) slots[slot] = hit = this.xf(k);
    return hit;
  }

  xml(): string {
    return this.sheet.serialize();
  }

  private xf(k: StyleKey): number {
    const numFmtId = k.fmt ? this.sheet.numFmtId(k.fmt) : 0;
    const fontId = fontOf(k);
    const set: Record<string, number> = { numFmtId, fontId };
    if (numFmtId) set.applyNumberFormat = 1;
    if (fontId) set.applyFont = 1;
    const alignment = [];
    if (k.align) alignment.push({ name: 'horizontal', value: k.align });
    if (k.top) alignment.push({ name: 'vertical', value: 'top' });
    if (k.wrap) alignment.push({ name: 'wrapText', value: '1' });
    if (!alignment.length) return this.sheet.xf(0, { set });
    set.applyAlignment = 1;
    return this.sheet.xf(0, { set, alignment });
  }
}
