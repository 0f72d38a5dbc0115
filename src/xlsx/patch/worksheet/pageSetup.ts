/**
 * The page setup of a reviewed sheet that has none of its own (the plan's PageSetupPlan): A4
 * landscape, fit to one page wide — or, where that would print text below 8.5 pt, the scale that
 * keeps it (domain/plan/pageSetup: departmentFit), measured from the sheet's column widths. "None of its own" means: no paper size, no landscape, no
 * scale other than 100, no fit-to-page, no page breaks — what a sheet written without a page
 * setup carries (exceljs writes `<pageSetup orientation="portrait" scale="100" …/>`). A sheet with
 * any of these keeps its setup untouched. The print titles are a workbook name (../printTitles).
 *
 * Two edits: `<sheetPr><pageSetUpPr fitToPage="1"/>` in the head (sheetPr is the first child of
 * the worksheet) and `<pageSetup>` in the tail, at its place in the schema order; an existing
 * `<pageSetup>` keeps its other attributes (printer settings r:id, dpi).
 */
import { columnLetters } from '../../../domain/base/address';
import { departmentFit, type DepartmentFit, type PageSetupPlan } from '../../../domain/plan/pageSetup';
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

export interface PageSetupEdit {
  plan: PageSetupPlan;
  /** the workbook's body font size (its first font) */
  fontPt: number;
  /** the rightmost column that prints (zero-based) */
  lastCol: number;
}

export interface PageSetupSplices {
  head: Splice[];
  tail: Splice[];
  fit: DepartmentFit;
}

/** the size of the workbook's first font, which sets its column unit and body text */
export function bodyFontPt(stylesXml: string | null): number {
  const font = stylesXml ? /<(?:\w+:)?font\b[^>]*>([\s\S]*?)<\/(?:\w+:)?font>/.exec(stylesXml.slice(stylesXml.search(/<(?:\w+:)?fonts\b/))) : null;
  const sz = font ? /<(?:\w+:)?sz\s+val\s*=\s*["']([\d.]+)["']/.exec(font[1]) : null;
  const n = sz ? Number(sz[1]) : NaN;
  return Number.isFinite(n) && n > 0 ? n : 11;
}

/**
 * Width of columns 0..lastCol at 100%, in points: each <col> width (0 when hidden), the sheet's
 * default width elsewhere; a unit is a digit of the body font, taken wide (8 px at 11 pt).
 */
function sheetWidthPt(xml: string, p: string, head: readonly Element[], edit: PageSetupEdit): number {
  const units = new Array<number>(edit.lastCol + 1);
  const format = head.find((e) => local(e, p) === 'sheetFormatPr');
  const defaultCol = format ? Number(attr(format.tag, 'defaultColWidth') ?? Number(attr(format.tag, 'baseColWidth') ?? 8) + 0.71) : 8.71;
  units.fill(Number.isFinite(defaultCol) ? defaultCol : 8.71);
  const cols = head.find((e) => local(e, p) === 'cols');
  if (cols && !cols.tag.selfClosing) {
    for (const c of childElements(xml, cols.tag, cols.end)) {
      const min = Number(attr(c.tag, 'min'));
      const max = Math.min(Number(attr(c.tag, 'max')), edit.lastCol + 1);
      const hidden = /^(1|true)$/.test(attr(c.tag, 'hidden') ?? '');
      const w = hidden ? 0 : Number(attr(c.tag, 'width') ?? defaultCol);
      for (let k = min; k <= max; k++) if (Number.isFinite(w)) units[k - 1] = w;
    }
  }
  const px = Math.max(1, Math.round((edit.fontPt * 8) / 11));
  return units.reduce((a, u) => a + u, 0) * px * 0.75;
}

/** the workbook's print titles of the sheet: header rows, and the key columns when it prints pages across */
export function printTitlesRef(sheetRef: string, plan: PageSetupPlan, fit: DepartmentFit): string {
  const rows = `${sheetRef}!$${plan.titleRows.first + 1}:$${plan.titleRows.last + 1}`;
  if (fit.kind === 'fitWidth') return rows;
  return `${sheetRef}!$${columnLetters(plan.titleColumns.first)}:$${columnLetters(plan.titleColumns.last)},${rows}`;
}

/**
 * The splices that give the sheet the plan's page setup, or null when the sheet has its own.
 * `root` is the worksheet's start tag, `sheetDataAt` where <sheetData> starts and `tailFrom`
 * just after it ends.
 */
export function pageSetupSplices(xml: string, p: string, root: StartTag, sheetDataAt: number, tailFrom: number, edit: PageSetupEdit): PageSetupSplices | null {
  const head = childElements(xml, root, sheetDataAt);
  const tail = childElements(xml, { ...root, end: tailFrom });
  if (hasOwnPageSetup(xml, head, tail, p)) return null;
  const fit = departmentFit(sheetWidthPt(xml, p, head, edit), edit.fontPt);
  return { head: fit.kind === 'fitWidth' ? [sheetPrSplice(xml, p, root, head)] : [], tail: [pageSetupElementSplice(xml, p, tail, fit)], fit };
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

function pageSetupElementSplice(xml: string, p: string, tail: readonly Element[], fit: DepartmentFit): Splice {
  const existing = tail.find((e) => local(e, p) === 'pageSetup');
  // OOXML's paper size 9 is A4; fitToHeight 0: as many pages down as needed
  const values = fit.kind === 'fitWidth' ? [['fitToWidth', '1'], ['fitToHeight', '0']] : [['scale', String(fit.scale)]];
  const set = (attrs: StartTag['attrs']) => [['paperSize', '9'], ['orientation', 'landscape'], ...values].reduce((a, [n, v]) => withAttr(a, n, v), attrs);
  const keep = (attrs: StartTag['attrs']) => attrs.filter((a) => a.name !== 'scale' && a.name !== 'fitToWidth' && a.name !== 'fitToHeight');
  if (existing) return { at: existing.tag.start, end: existing.end, text: startTag(existing.tag.name, set(keep(existing.tag.attrs)), true) };
  const next = tail.find((e) => AFTER_PAGE_SETUP.has(local(e, p)) || local(e, p) === 'AlternateContent');
  const at = next ? next.tag.start : xml.lastIndexOf('</');
  return { at, end: at, text: startTag(`${p}pageSetup`, set([]), true) };
}
