/**
 * Edits one worksheet part in place: the cells of the output columns in the planned rows,
 * the widths of created columns, <dimension>, our <conditionalFormatting> blocks, and the page
 * setup of a sheet that has none of its own (./pageSetup).
 * Everything else in the part is copied from the original as it is.
 *
 * The sheet can be tens of MB. Three steps, each over its own stretch of the part, written in
 * order: the head (before <sheetData>: <cols>, <dimension>), <sheetData> (one pass over row
 * start tags, section by section: ./sheetText), the tail (after </sheetData>: conditional
 * formats). Cost is linear in the part. The result is UTF-8 blocks (./pieces), never one
 * string; on Node they are deflated as they fill.
 */
import { contentText } from '../../zip/partBlocks';
import { attr, type StartTag } from '../../xml/tags';
import type { CellStyles } from '../cellStyles';
import { CellWriter } from './cells';
import { conditionalFormatSplices } from './sheetTail';
import { pageSetupSplices } from './pageSetup';
import type { DepartmentFit } from '../../../domain/plan/pageSetup';
import { checkFormulas } from './formulas';
import { SheetHead } from './sheetHead';
import { patchSheetData } from './sheetData';
import { readSheetText, type SheetText } from './sheetText';
import { Pieces } from './pieces';
import { xmlRefusal, type SheetEdits, type Splice } from './sheetEdits';
import { letGo } from '../../../domain/base/keptShapes';

export interface SheetPatchResult {
  /** the edited part as UTF-8 blocks, in order (none when a sink took them) */
  pieces: Uint8Array[];
  /** the edited part as one string (decoded when asked: small parts, tests) */
  readonly xml: string;
  /** an overwritten cell held a formula (calcChain must not list it any more) */
  overwroteFormula: boolean;
  /** how the sheet now prints when it was given the plan's page setup (it had none): it needs its print titles */
  pageSetup: DepartmentFit | null;
}

/**
 * `source`: the part's bytes, or its text (a part edited before, tests). `sink`: takes the
 * edited part's UTF-8 blocks as they fill, at once (the part's deflater).
 */
export function patchSheetXml(source: string | Uint8Array | SheetText, edits: SheetEdits, styles: CellStyles, sink?: (block: Uint8Array) => void): SheetPatchResult {
  const text = typeof source === 'string' || source instanceof Uint8Array ? readSheetText(source, edits) : source;
  const { frame: xml, root, prefix: p, span } = text;
  const prefixKept = prefixCheck(root, p, edits);
  prefixKept(span.tag);

  const head = new SheetHead(xml, p, root.end, span.tag.start);
  if (head.colsTag) prefixKept(head.colsTag);
  // the edits before and after <sheetData> are known ahead, so the part is written in order
  const headSplices = head.splices(edits);
  const tailSplices = edits.conditional ? conditionalFormatSplices(xml, p, span.end, edits.conditional, styles) : [];
  const page = edits.pageSetup ? pageSetupSplices(xml, p, root, span.tag.start, span.end, edits.pageSetup) : null;
  if (page) {
    // <sheetPr> is inserted ahead of an edit of <dimension> at the same offset
    headSplices.unshift(...page.head);
    tailSplices.push(...page.tail);
  }

  const out = new Pieces(xml, sink);
  out.copy(spliceInto(out, 0, headSplices.sort((a, b) => a.at - b.at)), span.tag.start);
  const data = patchSheetData(text, edits, head, new CellWriter(p, edits.sheet, styles), prefixKept, out);
  checkFormulas(text, edits, data.overwritten);
  out.copy(data.copiedTo, span.end);
  out.copy(spliceInto(out, span.end, tailSplices.sort((a, b) => a.at - b.at || a.end - b.end)), xml.length);
  const pieces = out.done();
  letGo(out); // it holds the text last copied from
  return {
    pieces,
    get xml() {
      return contentText(pieces);
    },
    overwroteFormula: data.overwritten.length > 0,
    pageSetup: page ? page.fit : null,
  };
}

/**
 * The elements we add are named with the root's prefix, bound to SpreadsheetML on the root.
 * Inside an element that binds that prefix to another namespace they would not be
 * SpreadsheetML any more: such a part (legal XML, written by no known producer) is refused.
 */
function prefixCheck(root: StartTag, p: string, edits: SheetEdits): (tag: StartTag) => void {
  const decl = p ? `xmlns:${p.slice(0, -1)}` : 'xmlns';
  const uri = attr(root, decl);
  return (tag) => {
    const v = attr(tag, decl);
    if (v !== undefined && v !== uri) throw xmlRefusal(edits, 'patch.xml.prefixRebound', { element: tag.name });
  };
}

/** Writes the original from `at` with the sorted splices applied; returns where copying stopped. */
function spliceInto(out: Pieces, at: number, splices: Splice[]): number {
  for (const e of splices) {
    out.copy(at, e.at);
    out.push(e.text);
    at = e.end;
  }
  return at;
}
