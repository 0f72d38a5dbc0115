/**
 * Print titles of a reviewed sheet: the workbook's `_xlnm.Print_Titles` name local to the sheet
 * (`'政策推進課'!$3:$3`), added to <definedNames> (created at its place in the schema order when
 * the workbook has none). A sheet that already has print titles or a print area keeps them: the
 * page setup is then left to its author altogether.
 */
import { escapeText } from '../xml/escape';
import { attr, childElements, findTag, readStartTag } from '../xml/tags';

/** CT_Workbook children after <definedNames> */
const AFTER_DEFINED_NAMES = new Set(['calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst']);
const PRINT_NAMES = new Set(['_xlnm.print_titles', '_xlnm.print_area']);

/** Does the sheet at `sheetIndex` (its place in <sheets>) have print titles or a print area? */
export function hasPrintNames(wbXml: string, prefix: string, sheetIndex: number): boolean {
  const at = findTag(wbXml, prefix + 'definedNames', 0);
  if (at < 0) return false;
  const tag = readStartTag(wbXml, at);
  return childElements(wbXml, tag).some((e) => PRINT_NAMES.has((attr(e.tag, 'name') ?? '').toLowerCase()) && attr(e.tag, 'localSheetId') === String(sheetIndex));
}

/** workbook.xml with the sheet's print titles (`'政策推進課'!$A:$E,'政策推進課'!$3:$3`) */
export function addPrintTitles(wbXml: string, prefix: string, sheetIndex: number, ref: string): string {
  const name = `<${prefix}definedName name="_xlnm.Print_Titles" localSheetId="${sheetIndex}">${escapeText(ref)}</${prefix}definedName>`;
  const rootAt = findTag(wbXml, prefix + 'workbook', 0);
  const root = readStartTag(wbXml, rootAt);
  const kids = childElements(wbXml, root);
  const names = kids.find((k) => k.tag.name === prefix + 'definedNames');
  if (names) {
    if (names.tag.selfClosing) return wbXml.slice(0, names.tag.start) + `<${names.tag.name}>${name}</${names.tag.name}>` + wbXml.slice(names.end);
    const close = wbXml.lastIndexOf('</', names.end - 1);
    return wbXml.slice(0, close) + name + wbXml.slice(close);
  }
  const next = kids.find((k) => AFTER_DEFINED_NAMES.has(k.tag.name.slice(prefix.length)));
  const at = next ? next.tag.start : wbXml.lastIndexOf(`</${root.name}`);
  return wbXml.slice(0, at) + `<${prefix}definedNames>${name}</${prefix}definedNames>` + wbXml.slice(at);
}
