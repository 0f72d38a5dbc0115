/**
 * The reviewed copy, made by editing the original package instead of rewriting it with
 * exceljs (which drops charts, drawings, pivot tables, VBA, slicers …). Only these parts
 * change:
 *   - the worksheet parts of the planned sheets (output cells, created columns' widths,
 *     <dimension>, our conditional formats, the page setup of a sheet that has none),
 *   - workbook.xml: the print titles of such a sheet,
 *   - xl/styles.xml (formats appended; existing indices unchanged),
 *   - for the audit log: a new hidden worksheet part + workbook.xml <sheet> + workbook
 *     relationships + [Content_Types].xml, or one more row in the existing log sheet,
 *   - xl/calcChain.xml is removed (with its relationship and content type) when an
 *     overwritten cell held a formula; Excel rebuilds it,
 *   - workbook.xml <calcPr fullCalcOnLoad="1"> only when a formula reads a written cell or
 *     an overwritten cell held a formula (recalc/recalcNeed.ts), so those results are
 *     refreshed when Excel opens the copy and nothing else (RAND, NOW) changes.
 * Every other part is carried over as it is (same bytes once decompressed).
 */
import type { LogAppend } from '../../domain/plan/auditLog';
import type { SheetPlan, WritePlan } from '../../domain/plan/plan';
import { CT, isRelType, NS, REL } from '../ooxml/namespaces';
import { addOverride, addRelationship, entryName, readText, relativeTarget, relsPathOf, removeChildren } from '../ooxml/package';
import { PackageError } from '../ooxml/packageError';
import { WORKBOOK_AFTER_CALCPR } from '../ooxml/schemaOrder';
import { MINIMAL_STYLES, StyleSheet } from '../ooxml/styleSheet';
import { readWorkbook, workbookFolder, type WorkbookInfo } from '../ooxml/workbook';
import { escapeAttr } from '../xml/escape';
import { NamespaceScope } from '../xml/namespaceScope';
import { attr, childElements, findTag, prefixOf, readStartTag, startTag, withAttr } from '../xml/tags';
import type { ZipCodec } from '../zip/codec';
import { PackageZip } from '../zip/packageZip';
import { joined } from '../zip/partBlocks';
import { CellStyles, type StyleRequest } from './cellStyles';
import { formulasReadWritten, WrittenCells, type FormulaSheet, type RecalcReason } from './recalc/recalcNeed';
import { PatchError, PatchRefusedError } from './patchError';
import { addPrintTitles, hasPrintNames } from './printTitles';
import { patchSheetXml } from './worksheet/patchWorksheet';
import { readSheetText, type SheetText } from './worksheet/sheetText';
import { bodyFontPt, printTitlesRef } from './worksheet/pageSetup';
import { quoteSheetName } from '../../domain/base/address';
import { letGo } from '../../domain/base/keptShapes';
import { CellRows, PlanRows, type CellWrite } from './worksheet/rowWrites';
import type { SheetEdits } from './worksheet/sheetEdits';
import type { PrefetchedSheets } from './prefetch';

export interface PatchOptions {
  /**
   * 'auto' (default): set fullCalcOnLoad when a formula reads a written cell (or a formula
   * was overwritten), so cached results that depend on the output columns are refreshed when
   * Excel opens the copy. 'never': leave workbook.xml alone unless the log sheet is created.
   */
  recalcOnOpen?: 'auto' | 'never';
  /** sheets of `original` already inflated (prefetchSheets); used only when made from these very bytes */
  prefetched?: PrefetchedSheets;
}

export interface PatchReport {
  /** the copy's package in the pieces it was made of, in order (the command line writes them as they are) */
  chunks: Uint8Array[];
  /** the copy's package as one buffer, joined when first asked for */
  readonly bytes: Uint8Array;
  /** parts whose content changed, was added or removed */
  changed: string[];
  added: string[];
  removed: string[];
  /** why Excel is asked to recalculate the copy when it opens it (null: not asked) */
  recalc: RecalcReason | null;
}

/** Cells, widths and conditional formats of one sheet plan, as sheet edits. */
export function sheetEditsFromPlan(sp: SheetPlan): SheetEdits {
  // one request object per format, so the sheet editor can cache styles by identity
  const header: StyleRequest = { kind: 'header' };
  const dataStyles = new Map<string, StyleRequest>();
  const dataStyle = (numFmt: string): StyleRequest => {
    let r = dataStyles.get(numFmt);
    if (!r) dataStyles.set(numFmt, (r = { kind: 'data', numFmt }));
    return r;
  };
  const rows = new PlanRows(sp.writes, (w, j) => (w.role === 'header' ? header : dataStyle(w.numberFormats[j])));
  return {
    sheet: sp.sheet,
    rows,
    widths: sp.columns.filter((c) => c.created).map((c) => ({ col: c.col, width: c.width })),
    conditional: { ownCols: new Set(sp.columns.map((c) => c.col)), top: sp.firstDataRow, rules: sp.conditionalFormats },
  };
}

/** the log row, and the header cells from `headerFrom` on (all of them in a new log sheet) */
function logEdits(log: LogAppend, headerFrom: number): SheetEdits {
  const rows: [number, CellWrite[]][] = [];
  const bold: StyleRequest = { kind: 'bold' };
  const text: StyleRequest = { kind: 'text' };
  const keep: StyleRequest = { kind: 'keep' };
  const withHeader = headerFrom === 0;
  if (headerFrom < log.header.length) rows.push([0, log.header.slice(headerFrom).map((h, i) => ({ col: headerFrom + i, value: h, style: bold }))]);
  rows.push([log.row, log.values.map((v, i) => ({ col: i, value: v, style: typeof v === 'string' ? text : keep }))]);
  return { sheet: log.sheet, rows: new CellRows(rows), widths: withHeader ? log.header.map((_, i) => ({ col: i, width: i === 5 ? 60 : 16 })) : [] };
}

const NEW_LOG_SHEET = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="${NS.main}" xmlns:r="${NS.relationships}"><dimension ref="A1"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;

function freePart(zip: PackageZip, make: (n: number) => string): string {
  let n = 1;
  while (entryName(zip, make(n))) n++;
  return make(n);
}

/**
 * Adds `<sheet … state="hidden">` at the end of <sheets>. Its r:id uses a prefix bound to the
 * relationships namespace where <sheets> is (the root, or <sheets> itself); when the workbook
 * binds it only on each <sheet> (openpyxl, pandas) or not at all, the element declares it.
 */
function addSheetToWorkbook(wb: WorkbookInfo, xml: string, name: string, relId: string): string {
  const at = findTag(xml, wb.prefix + 'sheets', wb.root.end);
  if (at < 0) throw new PatchError('package', 'patch.package.noSheets');
  const tag = readStartTag(xml, at);
  const scope = NamespaceScope.of([wb.root, tag]);
  const el = scope.names(NS.main, prefixOf(tag.name).slice(0, -1));
  const r = scope.names(NS.relationships, 'r', true);
  const sheetId = Math.max(0, ...wb.sheets.map((s) => s.sheetId)) + 1;
  const sheet = `<${el.prefix}sheet${el.declare}${r.declare} name="${escapeAttr(name)}" sheetId="${sheetId}" state="hidden" ${r.prefix}id="${relId}"/>`;
  if (tag.selfClosing) return xml.slice(0, at) + startTag(tag.name, tag.attrs, false) + sheet + `</${tag.name}>` + xml.slice(tag.end);
  const close = xml.indexOf(`</${tag.name}`, tag.end);
  return xml.slice(0, close) + sheet + xml.slice(close);
}

/** Sets <calcPr fullCalcOnLoad="1">, adding <calcPr> at its schema position when missing. */
export function setFullCalcOnLoad(xml: string, prefix: string): string {
  const root = readStartTag(xml, findTag(xml, prefix + 'workbook', 0));
  const kids = childElements(xml, root);
  const calc = kids.find((k) => k.tag.name === prefix + 'calcPr');
  if (calc) {
    if (/^(1|true)$/.test(attr(calc.tag, 'fullCalcOnLoad') ?? '')) return xml;
    return xml.slice(0, calc.tag.start) + startTag(calc.tag.name, withAttr(calc.tag.attrs, 'fullCalcOnLoad', '1'), calc.tag.selfClosing) + xml.slice(calc.tag.end);
  }
  const next = kids.find((k) => WORKBOOK_AFTER_CALCPR.has(k.tag.name.slice(prefix.length)));
  const at = next ? next.tag.start : xml.lastIndexOf(`</${root.name}`);
  return xml.slice(0, at) + `<${prefix}calcPr fullCalcOnLoad="1"/>` + xml.slice(at);
}

/**
 * Applies the write plan (and the audit-log row) to the original .xlsx/.xlsm bytes and
 * returns the reviewed copy, with the platform's zip codec (Node: src/xlsx/patch/index.ts passes
 * native zlib; the task pane the browser's streams, src/xlsx/zip/webCodec.ts). Throws PatchError
 * (PatchRefusedError when several sheets are refused) without producing anything when a sheet
 * cannot be edited safely.
 */
export async function patchWorkbookWith(original: Uint8Array, plan: WritePlan, log: LogAppend | null, codec: ZipCodec, options: PatchOptions = {}): Promise<PatchReport> {
  try {
    return await patch(original, plan, log, codec, options);
  } catch (e) {
    if (e instanceof PatchError) throw e;
    if (e instanceof PackageError) throw PatchError.fromPackage(e);
    throw new PatchError('package', 'patch.package.unreadable', { detail: (e as Error).message });
  }
}

async function patch(original: Uint8Array, plan: WritePlan, log: LogAppend | null, codec: ZipCodec, options: PatchOptions): Promise<PatchReport> {
  let zip: PackageZip;
  try {
    zip = await PackageZip.open(original, codec);
  } catch (e) {
    throw new PatchError('package', 'patch.package.notZip', { detail: (e as Error).message });
  }
  if (options.prefetched?.original === original) for (const [name, bytes] of options.prefetched.take()) if (zip.files[name]) zip.files[name].inflated = bytes;
  const wb = readWorkbook(zip);
  /** changed parts in report order, with their new text (null: an edited sheet, set in the zip when it was made) */
  const changed = new Map<string, string | null>();
  const added: string[] = [];
  const removed: string[] = [];

  let typesXml = readText(zip, '[Content_Types].xml');
  if (typesXml === null) throw new PatchError('package', 'patch.package.noContentTypes');
  let wbRelsXml = readText(zip, relsPathOf(wb.part));
  let wbXml = wb.xml;
  // styles.xml (a minimal one is created if the package has none)
  const stylesRel = wb.rels.find((r) => !r.external && isRelType(r.type, 'styles'));
  let stylesPart = stylesRel ? entryName(zip, stylesRel.part) : null;
  const stylesXml = stylesPart ? readText(zip, stylesPart) : null;
  const styleSheet = new StyleSheet(stylesXml ?? MINIMAL_STYLES);
  const styles = new CellStyles(styleSheet);

  const byName = new Map(wb.sheets.map((s) => [s.name, s]));
  const fontPt = bodyFontPt(stylesXml);
  const problems: PatchError[] = [];
  let overwroteFormula = false;
  /** edited worksheets, in the order edited */
  const editedSheets = new Set<string>();
  /** their text before our edits: its formulas are theirs (an overwritten formula is caught apart) */
  const originalText = new Map<string, SheetText>();
  const sheetSource = (part: string, edits: SheetEdits): SheetText => {
    // a part edited before (sheets sharing a part) is read back from the zip
    if (editedSheets.has(part)) return readSheetText(zip.files[part].text(), edits);
    const text = readSheetText(zip.files[part].bytes(), edits);
    originalText.set(part, text);
    return text;
  };
  /** A sheet edited and set in the zip at once: deflated as it is written where the platform can, else as its UTF-8 blocks. */
  const editSheet = (part: string, text: string | SheetText, edits: SheetEdits) => {
    const deflater = codec.deflating?.();
    const res = patchSheetXml(text, edits, styles, deflater && ((block) => deflater.write(block)));
    if (deflater) zip.fileEncoded(part, deflater.end());
    else zip.file(part, res.pieces);
    editedSheets.add(part);
    return res;
  };
  const written = new WrittenCells();

  const worksheetPart = (name: string): string => {
    const s = byName.get(name);
    if (!s) throw new PatchError('sheet', 'patch.sheet.missing', {}, { sheet: name });
    const part = s.part ? entryName(zip, s.part) : null;
    if (!part || !isRelType(s.relType, 'worksheet')) throw new PatchError('sheet', 'patch.sheet.notWorksheet', {}, { sheet: name });
    return part;
  };

  for (const sp of plan.sheets) {
    try {
      const part = worksheetPart(sp.sheet);
      const edits = sheetEditsFromPlan(sp);
      const source = sheetSource(part, edits);
      const index = wb.sheets.findIndex((s) => s.name === sp.sheet);
      if (!hasPrintNames(wbXml, wb.prefix, index)) edits.pageSetup = { plan: sp.pageSetup, fontPt, lastCol: Math.max(...sp.columns.map((c) => c.col)) };
      const res = editSheet(part, source, edits);
      written.add(edits);
      letGo(edits.rows); // the plan's values, written now
      overwroteFormula ||= res.overwroteFormula;
      if (res.pageSetup) wbXml = addPrintTitles(wbXml, wb.prefix, index, printTitlesRef(quoteSheetName(sp.sheet), sp.pageSetup, res.pageSetup));
    } catch (e) {
      if (e instanceof PatchError) problems.push(e);
      else throw new PatchError('xml', 'patch.sheet.uneditable', { detail: (e as Error).message }, { sheet: sp.sheet });
    }
  }
  if (problems.length === 1) throw problems[0];
  if (problems.length > 1) throw new PatchRefusedError(problems);

  if (log) {
    const existing = byName.get(log.sheet);
    if (existing) {
      const part = worksheetPart(log.sheet);
      const edits = logEdits(log, log.headerFrom);
      const source = sheetSource(part, edits);
      editSheet(part, source, edits);
      written.add(edits);
    } else {
      const part = freePart(zip, (n) => `${workbookFolder(wb)}worksheets/sheet${n}.xml`);
      editSheet(part, NEW_LOG_SHEET, logEdits(log, 0));
      const rel = addRelationship(wbRelsXml, REL.worksheet, relativeTarget(wb.part, part));
      wbRelsXml = rel.xml;
      wbXml = addSheetToWorkbook(wb, wbXml, log.sheet, rel.id);
      typesXml = addOverride(typesXml, part, CT.worksheet);
      added.push(part);
    }
  }

  if (overwroteFormula) {
    const calc = wb.rels.find((r) => !r.external && isRelType(r.type, 'calcChain'));
    const part = calc ? entryName(zip, calc.part) : null;
    if (calc && wbRelsXml) wbRelsXml = removeChildren(wbRelsXml, (t) => attr(t, 'Id') === calc.id);
    if (part) {
      zip.remove(part);
      removed.push(part);
      typesXml = removeChildren(typesXml, (t) => (attr(t, 'PartName') ?? '').toLowerCase() === '/' + part.toLowerCase());
    }
  }

  const recalc = recalcReason(zip, wb, originalText, written, overwroteFormula);
  if (recalc && (options.recalcOnOpen ?? 'auto') === 'auto') wbXml = setFullCalcOnLoad(wbXml, wb.prefix);

  if (styleSheet.changed) {
    if (!stylesPart) {
      // a styles.xml no relationship names (left by some writers) is not ours to overwrite
      stylesPart = freePart(zip, (n) => `${workbookFolder(wb)}styles${n === 1 ? '' : n}.xml`);
      const rel = addRelationship(wbRelsXml, REL.styles, relativeTarget(wb.part, stylesPart));
      wbRelsXml = rel.xml;
      typesXml = addOverride(typesXml, stylesPart, CT.styles);
      added.push(stylesPart);
    }
    changed.set(stylesPart, styleSheet.serialize());
  }
  for (const part of editedSheets) changed.set(part, null);
  if (wbXml !== wb.xml) changed.set(entryName(zip, wb.part) ?? wb.part, wbXml);
  const relsPart = relsPathOf(wb.part);
  if (wbRelsXml !== null && wbRelsXml !== readText(zip, relsPart)) changed.set(entryName(zip, relsPart) ?? relsPart, wbRelsXml);
  if (typesXml !== readText(zip, '[Content_Types].xml')) changed.set(entryName(zip, '[Content_Types].xml')!, typesXml);

  for (const [part, xml] of changed) {
    const date = zip.files[part]?.date; // a changed part keeps its timestamp
    if (xml !== null) zip.file(part, xml, date ? { date } : {});
  }
  const chunks = await zip.toChunksAsync();
  let bytes: Uint8Array | null = null;
  return {
    chunks,
    get bytes() {
      return (bytes ??= joined(chunks));
    },
    changed: [...changed.keys()].filter((p) => !added.includes(p)),
    added,
    removed,
    recalc,
  };
}

/** Why the copy must be recalculated when opened, or null (a new log sheet alone never needs it). */
function recalcReason(zip: PackageZip, wb: WorkbookInfo, originalText: Map<string, SheetText>, written: WrittenCells, overwroteFormula: boolean): RecalcReason | null {
  if (overwroteFormula) return 'formulaOverwritten';
  const sheets: FormulaSheet[] = [];
  for (const s of wb.sheets) {
    const part = s.part ? entryName(zip, s.part) : null;
    if (!part || !isRelType(s.relType, 'worksheet')) continue;
    // an edited sheet's formulas are those of its original text: we only write values, and an
    // overwritten formula returned above (scanning the original spares joining the pieces)
    sheets.push({ name: s.name, xml: () => originalText.get(part) ?? zip.files[part].text() });
  }
  return formulasReadWritten(wb.xml, sheets, written) ? 'formulaReadsWritten' : null;
}
