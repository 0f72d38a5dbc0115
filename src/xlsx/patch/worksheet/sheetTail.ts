/**
 * The tail of a worksheet (after <sheetData>): our <conditionalFormatting> blocks. Those lying
 * wholly inside our output columns are replaced by the plan's; others are kept, and the new
 * ones take priorities above every existing rule.
 */
import { cellAddress, parseRangeRef, rangeAddress } from '../../../domain/base/address';
import type { ConditionalFormatPlan } from '../../../domain/plan/plan';
import { followers, WORKSHEET_ORDER } from '../../ooxml/schemaOrder';
import { escapeAttr, escapeText } from '../../xml/escape';
import { attr, elementEnd, prefixOf, readStartTag } from '../../xml/tags';
import type { CellStyles } from '../cellStyles';
import { numberText } from './cells';
import type { SheetEdits, Splice } from './sheetEdits';

const AFTER_CF = followers(WORKSHEET_ORDER, 'conditionalFormatting');

interface TailElement {
  /** local name */
  name: string;
  start: number;
  end: number;
  raw: string;
  sqref?: string;
}

/** The splices of the tail that begins at `from` (just after </sheetData>). */
export function conditionalFormatSplices(xml: string, p: string, from: number, cf: NonNullable<SheetEdits['conditional']>, styles: CellStyles): Splice[] {
  const splices: Splice[] = [];
  const top = tailElements(xml, from);
  const ours = (sqref: string | undefined): boolean => {
    if (!sqref) return false;
    return sqref
      .trim()
      .split(/\s+/)
      .every((part) => {
        const r = parseRangeRef(part);
        if (!r || r.top < cf.top || r.right - r.left + 1 > cf.ownCols.size) return false;
        for (let c = r.left; c <= r.right; c++) if (!cf.ownCols.has(c)) return false;
        return true;
      });
  };
  let maxPriority = 0;
  for (const e of top) {
    if (e.name === 'conditionalFormatting' && ours(e.sqref)) {
      splices.push({ at: e.start, end: e.end, text: '' });
      continue;
    }
    if (e.name === 'conditionalFormatting' || e.name === 'extLst') {
      for (const m of e.raw.matchAll(/\spriority\s*=\s*["'](\d+)["']/g)) maxPriority = Math.max(maxPriority, Number(m[1]));
    }
  }
  if (cf.rules.length) {
    let priority = maxPriority;
    const text = cf.rules.map((r) => conditionalFormatXml(r, ++priority, p, styles)).join('');
    const next = top.find((e) => AFTER_CF.has(e.name) || e.name === 'AlternateContent');
    const at = next ? next.start : xml.lastIndexOf('</');
    splices.push({ at, end: at, text });
  }
  return splices;
}

/** The children of the root from `from` on (comments and processing instructions skipped). */
function tailElements(xml: string, from: number): TailElement[] {
  const top: TailElement[] = [];
  let i = from;
  for (;;) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) break;
    const c = xml[lt + 1];
    if (c === '/') break; // </worksheet>
    if (c === '!' || c === '?') {
      const e = c === '?' ? xml.indexOf('?>', lt) + 2 : xml.startsWith('<!--', lt) ? xml.indexOf('-->', lt) + 3 : xml.indexOf('>', lt) + 1;
      if (e <= lt) break;
      i = e;
      continue;
    }
    const tag = readStartTag(xml, lt);
    const end = elementEnd(xml, tag);
    top.push({ name: tag.name.slice(prefixOf(tag.name).length), start: lt, end, raw: xml.slice(lt, end), sqref: attr(tag, 'sqref') });
    i = end;
  }
  return top;
}

function conditionalFormatXml(cf: ConditionalFormatPlan, priority: number, p: string, styles: CellStyles): string {
  const sqref = rangeAddress(cf.top, cf.left, cf.bottom, cf.right);
  let rule: string;
  if (cf.kind === 'iconSet') {
    const v = (n: number) => escapeAttr(numberText(n, 'cfvo'));
    rule =
      `<${p}cfRule type="iconSet" priority="${priority}"><${p}iconSet iconSet="3TrafficLights1">` +
      `<${p}cfvo type="num" val="0"/><${p}cfvo type="num" val="${v(cf.thresholds[0])}"/><${p}cfvo type="num" val="${v(cf.thresholds[1])}"/>` +
      `</${p}iconSet></${p}cfRule>`;
  } else {
    const dxfId = styles.dxf(cf.fill, cf.fontColor);
    const formula = `${cellAddress(cf.top, cf.left)}="${cf.text.replace(/"/g, '""')}"`;
    rule = `<${p}cfRule type="expression" dxfId="${dxfId}" priority="${priority}"><${p}formula>${escapeText(formula)}</${p}formula></${p}cfRule>`;
  }
  return `<${p}conditionalFormatting sqref="${sqref}">${rule}</${p}conditionalFormatting>`;
}
