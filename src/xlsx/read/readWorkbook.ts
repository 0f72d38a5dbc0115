/**
 * A package → the domain's RawSheet[]: the workbook part found through the package
 * relationships (_rels/.rels → officeDocument; content types as a fallback), its sheets through
 * the workbook's relationships (absolute or relative targets, any part names), the shared
 * strings and number formats once, then each worksheet streamed. Chart sheets and dialog
 * sheets have no cells and are not read. A worksheet that cannot be read is skipped and
 * reported; damage that makes the whole package doubtful (checksums, limits, DOCTYPE) refuses it.
 */
import type { RawSheet } from '../../domain/base/raw';
import { CT, isRelType } from '../ooxml/namespaces';
import { contentTypeOf, parseRels, relsPathOf, type Relationship } from '../ooxml/package';
import { partText, streamPart } from './partStream';
import { ReadError, type SkippedSheet } from './readError';
import { SharedStringsSink } from './sharedStringsPart';
import { PartNames, type PackageSource } from './source';
import { NO_FORMATS, StylesSink, type CellFormats } from './stylesPart';
import { WorkbookSink, type WorkbookFacts } from './workbookPart';
import { WorksheetSink, type SheetContext } from './worksheetPart';
import { letGo } from '../../domain/base/keptShapes';

export interface ReadOptions {
  /**
   * Offered each worksheet's first rows (HEAD_ROWS); when it returns false the rest of that
   * sheet's cells are not parsed and the sheet holds only those rows. Without it every cell is read.
   */
  keepReading?: (head: RawSheet) => boolean;
}

export interface ReadResult {
  sheets: RawSheet[];
  /** worksheets that could not be read (missing or damaged part) */
  skipped: SkippedSheet[];
}

const WORKBOOK_TYPES: string[] = [CT.workbook, CT.template, CT.workbookMacroEnabled, CT.templateMacroEnabled, CT.addinMacroEnabled];
/** the main part of an .xlsb (its content type, without the +xml of the others) */
const XLSB_TYPE = 'application/vnd.ms-excel.sheet.binary.macroEnabled.main';
/** the first entry of an OpenDocument spreadsheet */
const ODS_MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet';

class Package {
  readonly parts: PartNames;
  constructor(readonly source: PackageSource) {
    this.parts = new PartNames(source);
  }

  async text(part: string): Promise<string | null> {
    const name = this.parts.find(part);
    return name === null ? null : partText(this.source, name);
  }

  async rels(part: string): Promise<Relationship[]> {
    const rels = relsPathOf(part);
    const xml = await this.text(rels);
    if (xml === null) return [];
    try {
      return parseRels(xml, part);
    } catch {
      throw new ReadError('read.xml', { part: rels });
    }
  }
}

/** The workbook part's name (package-relative), or the ReadError saying what the package is instead. */
async function findWorkbook(pkg: Package): Promise<string> {
  const names = pkg.parts.all;
  if (pkg.parts.find('mimetype') !== null) {
    const mime = await pkg.text('mimetype');
    if (mime?.trim().startsWith(ODS_MIMETYPE)) throw new ReadError('read.ods');
  }
  if (pkg.parts.find('content.xml') !== null && pkg.parts.find('META-INF/manifest.xml') !== null) throw new ReadError('read.ods');
  const types = await pkg.text('[Content_Types].xml');
  let part: string | null = null;
  const office = (await pkg.rels('')).find((r) => isRelType(r.type, 'officeDocument') && !r.external);
  if (office) part = office.part;
  else if (types !== null) {
    // no package relationships: the part typed as a workbook
    const typed = names.find((n) => WORKBOOK_TYPES.includes(safeContentType(types, n) ?? ''));
    if (typed) part = typed;
  }
  if (part !== null) {
    const type = types === null ? null : safeContentType(types, part);
    if (type?.startsWith(XLSB_TYPE) || /\.bin$/i.test(part)) throw new ReadError('read.xlsb');
    if (pkg.parts.find(part) !== null) return part;
    throw new ReadError('read.noWorkbook');
  }
  if (pkg.parts.find('xl/workbook.bin') !== null) throw new ReadError('read.xlsb');
  if (types === null && pkg.parts.find('_rels/.rels') === null) throw new ReadError('read.notWorkbook');
  if (names.some((n) => /^(word|ppt)\//i.test(n))) throw new ReadError('read.notWorkbook');
  throw new ReadError('read.noWorkbook');
}

function safeContentType(types: string, part: string): string | null {
  try {
    return contentTypeOf(types, part);
  } catch {
    throw new ReadError('read.xml', { part: '[Content_Types].xml' });
  }
}

async function readFacts(pkg: Package, part: string): Promise<WorkbookFacts> {
  const sink = new WorkbookSink();
  await streamPart(pkg.source, pkg.parts.find(part)!, sink);
  return sink.facts;
}

async function readStrings(pkg: Package, rels: Relationship[]): Promise<string[]> {
  const rel = rels.find((r) => isRelType(r.type, 'sharedStrings') && !r.external);
  const name = rel ? pkg.parts.find(rel.part) : null;
  if (!name) return [];
  const sink = new SharedStringsSink();
  await streamPart(pkg.source, name, sink);
  const strings = sink.strings;
  letGo(sink);
  return strings;
}

async function readFormats(pkg: Package, rels: Relationship[]): Promise<CellFormats> {
  const rel = rels.find((r) => isRelType(r.type, 'styles') && !r.external);
  const name = rel ? pkg.parts.find(rel.part) : null;
  if (!name) return NO_FORMATS;
  const sink = new StylesSink();
  await streamPart(pkg.source, name, sink);
  return sink.formats();
}

async function readSheet(pkg: Package, part: string, ctx: SheetContext): Promise<RawSheet> {
  const sink = new WorksheetSink(ctx);
  await streamPart(pkg.source, part, sink);
  const sheet = sink.sheet();
  // merged areas come after the cells: when they reach into the head, ask again with them
  const again = sink.headOnly && sink.mergesInHead() && ctx.keepReading!(sheet);
  letGo(sink); // it holds the sheet's rows
  if (!again) return sheet;
  const full = new WorksheetSink({ ...ctx, keepReading: undefined });
  await streamPart(pkg.source, part, full);
  const whole = full.sheet();
  letGo(full);
  return whole;
}

/** Reads every worksheet of the package (see ReadOptions for stopping early). */
export async function readWorkbook(source: PackageSource, options: ReadOptions = {}): Promise<ReadResult> {
  const pkg = new Package(source);
  const workbook = await findWorkbook(pkg);
  const facts = await readFacts(pkg, workbook);
  const rels = await pkg.rels(workbook);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const strings = await readStrings(pkg, rels);
  const formats = await readFormats(pkg, rels);
  const sheets: RawSheet[] = [];
  const skipped: SkippedSheet[] = [];
  for (const ref of facts.sheets) {
    const rel = byId.get(ref.relId);
    if (rel && !isRelType(rel.type, 'worksheet')) continue; // chart, dialog and macro sheets hold no cells
    const part = rel && !rel.external ? pkg.parts.find(rel.part) : null;
    if (!part) {
      skipped.push({ sheet: ref.name, reason: new ReadError('read.partMissing', { part: rel?.part || ref.name }) });
      continue;
    }
    const ctx: SheetContext = { name: ref.name, hidden: ref.state !== 'visible', strings, formats, date1904: facts.date1904, keepReading: options.keepReading };
    try {
      sheets.push(await readSheet(pkg, part, ctx));
    } catch (e) {
      // a malformed worksheet is skipped; damage or limits refuse the whole package
      if (e instanceof ReadError && e.code === 'read.xml') skipped.push({ sheet: ref.name, reason: e });
      else throw e;
    }
  }
  // damage anywhere refuses the package, also in parts the review does not read
  await source.verify?.();
  if (!sheets.length) throw new ReadError('read.noSheets', {}, skipped);
  return { sheets, skipped };
}
