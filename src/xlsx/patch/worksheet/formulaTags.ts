/**
 * The <f> elements of a worksheet's XML, in order: what the formula guard (formulas.ts) counts
 * and what the recalculation scan (recalc/recalcNeed.ts) reads, found in one way.
 */
import { findTag, readStartTag, type StartTag } from '../../xml/tags';

export interface FormulaTag {
  tag: StartTag;
  /**
   * The formula as written (still escaped); '' for a self-closing <f/> (a shared formula's
   * other cells); null for an <f> never closed.
   */
  body: string | null;
}

/** The <f> elements of `xml` from offset `from`, `prefix` being the worksheet's (e.g. 'x:'). */
export function* formulaTags(xml: string, prefix: string, from = 0): Generator<FormulaTag> {
  const close = `</${prefix}f>`;
  for (let lt = findTag(xml, prefix + 'f', from); lt >= 0; ) {
    const tag = readStartTag(xml, lt);
    const end = tag.selfClosing ? tag.end : xml.indexOf(close, tag.end);
    yield { tag, body: tag.selfClosing ? '' : end < 0 ? null : xml.slice(tag.end, end) };
    lt = findTag(xml, prefix + 'f', tag.end);
  }
}
