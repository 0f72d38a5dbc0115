/**
 * The page setup of a reviewed sheet that has none of its own (the plan's PageSetupPlan): A4
 * landscape, fit to one page wide. "None of its own" means: no paper size, no landscape, no
 * scale other than 100, no fit-to-page, no page breaks — what a sheet written without a page
 * setup carries (exceljs writes `<pageSetup orientation="portrait" scale="100" …/>`). A sheet with
 * any of these keeps its setup untouched. The print titles are a workbook name (../printTitles).
 *
 * Two edits: `<sheetPr><pageSetUpPr fitToPage="1"/>` in the head (sheetPr is the first child of
 * the worksheet) and `<pageSetup>` in the tail, at its place in the schema order; an existing
 * `<pageSetup>` keeps its other attributes (printer settings r:id, dpi).
 */
import type { PageSetupPlan } from '../../../domain/plan/pageSetup';
import { followers, WORKSHEET_ORDER } from '../../ooxml/schemaOrder';
import { attr, childElements, startTag, withAttr, type Element, type StartTag } from '../../xml/tags';
import type { Splice } from './sheetEdits';

const AFTER_PAGE_SETUP = followers(WORKSHEET_ORDER, 'pageSetup');
/** CT_SheetPr children that come after pageSetUpPr */
const AFTER_PAGE_SETUP_PR = new Set(['extLst']);
/** CT_SheetPr children that come before it */
const BEFORE_PAGE_SETUP_PR = new Set(['tabColor', 'outlinePr']);

function local(e: Element, p: string): string {
  return e.tag.name.startsWith(p) ? e.tag.name.slice(p.length) : e.tag.name;
}

/** Does the sheet set any of its page layout itself? */
export function hasOwnPageSetup(xml: string, head: readonly Element[], tail: readonly Element[], p: string): boolean {
  const sheetPr = head.find((e) => local(e, p) === 'sheetPr');
  if (sheetPr && !sheetPr.tag.selfClosing) {
    const setUp = childElements(xml, sheetPr.tag, sheetPr.end).find((k) => local(k, p) === 'pageSetUpPr');
    if (setUp && /^(1|true)$/.test(attr(setUp.tag, 'fitToPage') ?? '')) return true;
  }
  for (const e of tail) {
    const name = local(e, p);
    if (name === 'rowBreaks' || name === 'colBreaks') return true;
    if (name !== 'pageSetup') continue;
    const t = e.tag;
    if (attr(t, 'paperSize') !== undefined || attr(t, 'paperHeight') !== undefined || attr(t, 'paperWidth') !== undefined) return true;
    if (attr(t, 'orientation') === 'landscape') return true;
    const scale = attr(t, 'scale');
    if (scale !== undefined && Number(scale) !== 100) return true;
  }
  return false;
}

export interface PageSetupSplices {
  head: Splice[];
  tail: Splice[];
}

/**
 * The splices that give the sheet the plan's page setup, or null when the sheet has its own.
 * `root` is the worksheet's start tag, `sheetDataAt` where <sheetData> starts and `tailFrom`
 * just after it ends.
 */
export function pageSetupSplices(xml: string, p: string, root: StartTag, sheetDataAt: number, tailFrom: number, plan: PageSetupPlan): PageSetupSplices | null {
  const head = childElements(xml, root, sheetDataAt);
  const tail = childElements(xml, { ...root, end: tailFrom });
  if (hasOwnPageSetup(xml, head, tail, p)) return null;
  return { head: [sheetPrSplice(xml, p, root, head)], tail: [pageSetupElementSplice(xml, p, tail, plan)] };
}

function sheetPrSplice(xml: string, p: string, root: StartTag, head: readonly Element[]): Splice {
  const setUp = `<${p}pageSetUpPr fitToPage="1"/>`;
  const sheetPr = head.find((e) => local(e, p) === 'sheetPr');
  if (!sheetPr) return { at: root.end, end: root.end, text: `<${p}sheetPr>${setUp}</${p}sheetPr>` };
  if (sheetPr.tag.selfClosing) return { at: sheetPr.tag.start, end: sheetPr.end, text: startTag(sheetPr.tag.name, sheetPr.tag.attrs, false) + setUp + `</${sheetPr.tag.name}>` };
  const kids = childElements(xml, sheetPr.tag, sheetPr.end);
  const existing = kids.find((k) => local(k, p) === 'pageSetUpPr');
  if (existing) return { at: existing.tag.start, end: existing.end, text: startTag(existing.tag.name, withAttr(existing.tag.attrs, 'fitToPage', '1'), true) };
  const next = kids.find((k) => AFTER_PAGE_SETUP_PR.has(local(k, p)) || !BEFORE_PAGE_SETUP_PR.has(local(k, p)));
  const at = next ? next.tag.start : xml.lastIndexOf('</', sheetPr.end - 1);
  return { at, end: at, text: setUp };
}

function pageSetupElementSplice(xml: string, p: string, tail: readonly Element[], plan: PageSetupPlan): Splice {
  const existing = tail.find((e) => local(e, p) === 'pageSetup');
  // OOXML's paper size 9 is A4
  const set = (attrs: StartTag['attrs']) =>
    [['paperSize', '9'], ['orientation', plan.orientation], ['fitToWidth', String(plan.fitToWidth)], ['fitToHeight', String(plan.fitToHeight)]].reduce((a, [n, v]) => withAttr(a, n, v), attrs);
  if (existing) return { at: existing.tag.start, end: existing.end, text: startTag(existing.tag.name, set(existing.tag.attrs.filter((a) => a.name !== 'scale')), true) };
  const next = tail.find((e) => AFTER_PAGE_SETUP.has(local(e, p)) || local(e, p) === 'AlternateContent');
  const at = next ? next.tag.start : xml.lastIndexOf('</');
  return { at, end: at, text: startTag(`${p}pageSetup`, set([]), true) };
}
