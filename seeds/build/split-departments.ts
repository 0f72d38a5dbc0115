/**
 * The sample as the departments send it back: one workbook per 担当課 sheet of
 * strategy-2nd-term.xlsx (and one for 数値目標), pledges.xlsx as it is. Each part is the original
 * package with the other worksheets taken out (workbook, its relationships, content types,
 * docProps/app.xml's sheet list dropped), so cells, styles and shared strings stay as they were.
 * Used by the import tests (tests/e2e, tests/excel) and to try 取り込み by hand:
 *
 *   npx tsx seeds/build/split-departments.ts out/departments
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readText, relsPathOf, removeChildren } from '../../src/xlsx/ooxml/package';
import { readWorkbook, relationshipId, type WorkbookInfo } from '../../src/xlsx/ooxml/workbook';
import { NamespaceScope } from '../../src/xlsx/xml/namespaceScope';
import { attr, childElements, type StartTag } from '../../src/xlsx/xml/tags';
import { ZipArchive } from '../../src/xlsx/zip/zipArchive';

export interface DepartmentFile {
  name: string;
  bytes: Uint8Array;
}

const SEEDS = path.join(__dirname, '..');

/** A workbook per sheet of `bytes`, named `<sheet>.xlsx`. */
export function splitBySheet(bytes: Uint8Array): DepartmentFile[] {
  const info = readWorkbook(ZipArchive.load(bytes));
  return info.sheets.map((keep) => {
    const zip = ZipArchive.load(bytes);
    const drop = info.sheets.filter((s) => s !== keep);
    const dropIds = new Set(drop.map((s) => s.relId));
    const dropParts = new Set(drop.map((s) => s.part));
    zip.file(info.part, removeSheets(info, dropIds));
    const relsPath = relsPathOf(info.part);
    zip.file(relsPath, removeChildren(readText(zip, relsPath)!, (t) => dropIds.has(attr(t, 'Id') ?? '')));
    zip.file('[Content_Types].xml', removeChildren(readText(zip, '[Content_Types].xml')!, (t) => dropParts.has((attr(t, 'PartName') ?? '').replace(/^\//, ''))));
    for (const p of dropParts) {
      zip.remove(p);
      zip.remove(relsPathOf(p));
    }
    // the sheet titles in docProps/app.xml would name sheets that are gone: the part is optional
    if (zip.files['docProps/app.xml']) {
      zip.remove('docProps/app.xml');
      zip.file('[Content_Types].xml', removeChildren(readText(zip, '[Content_Types].xml')!, (t) => attr(t, 'PartName') === '/docProps/app.xml'));
      zip.file('_rels/.rels', removeChildren(readText(zip, '_rels/.rels')!, (t) => attr(t, 'Target')?.replace(/^\//, '') === 'docProps/app.xml'));
    }
    return { name: `${keep.name}.xlsx`, bytes: zip.toBytes() };
  });
}

/** the workbook XML without the <sheet> elements of `ids` (and no defined names: none in the sample) */
function removeSheets(info: WorkbookInfo, ids: ReadonlySet<string>): string {
  const sheets = info.sheetsTag;
  if (!sheets) return info.xml;
  const idOf = (tag: StartTag) => relationshipId(NamespaceScope.of([info.root, sheets, tag]), tag.attrs) ?? '';
  const drop = childElements(info.xml, sheets).filter((e) => ids.has(idOf(e.tag)));
  let xml = info.xml;
  for (const e of drop.reverse()) xml = xml.slice(0, e.tag.start) + xml.slice(e.end);
  return xml;
}

/** The sample's department workbooks: one per sheet of the strategy workbook, and pledges.xlsx. */
export function sampleDepartmentFiles(): DepartmentFile[] {
  const strategy = splitBySheet(new Uint8Array(readFileSync(path.join(SEEDS, 'strategy-2nd-term.xlsx'))));
  return [...strategy, { name: 'pledges.xlsx', bytes: new Uint8Array(readFileSync(path.join(SEEDS, 'pledges.xlsx'))) }];
}

if (require.main === module) {
  const out = path.resolve(process.argv[2] ?? 'out/departments');
  mkdirSync(out, { recursive: true });
  for (const f of sampleDepartmentFiles()) writeFileSync(path.join(out, f.name), f.bytes);
  console.log(`${out}: ${sampleDepartmentFiles().length} workbooks`);
}
