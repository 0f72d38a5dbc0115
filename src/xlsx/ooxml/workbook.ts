/**
 * The workbook part and its sheets, found through the package relationships
 * (`_rels/.rels` → officeDocument → workbook → its relationships).
 */
import type { ZipArchive } from '../zip/zipArchive';
import { attr, childElements, declaredNamespace, findTag, prefixOf, readStartTag, rootElement, type StartTag } from '../xml/tags';
import { isRelType, NS } from './namespaces';
import { PackageError } from './packageError';
import { parseRels, readText, relsOf, type Relationship } from './package';

/** The workbook part (xl/workbook.xml in practice), from the package relationships. */
export function workbookPart(zip: ZipArchive): string {
  const rels = readText(zip, '_rels/.rels');
  if (!rels) throw new PackageError('xlsx.package.noPackageRels');
  const r = parseRels(rels, '').find((x) => isRelType(x.type, 'officeDocument'));
  if (!r) throw new PackageError('xlsx.package.noOfficeDocument');
  return r.part;
}

export interface SheetEntry {
  name: string;
  sheetId: number;
  relId: string;
  state: string;
  /** resolved part, '' when the relationship is missing */
  part: string;
  relType: string;
}

export interface WorkbookInfo {
  part: string;
  xml: string;
  root: StartTag;
  prefix: string;
  sheets: SheetEntry[];
  /** qualified name of the r:id attribute used on <sheet> */
  idAttr: string;
  rels: Relationship[];
}

/** The workbook part, its relationships and its <sheet> entries. Strict Open XML is refused. */
export function readWorkbook(zip: ZipArchive): WorkbookInfo {
  const part = workbookPart(zip);
  const xml = readText(zip, part);
  if (xml === null) throw new PackageError('xlsx.package.partMissing', { part });
  const root = rootElement(xml);
  if (declaredNamespace(root) === NS.strictMain) throw new PackageError('xlsx.package.strict');
  const prefix = prefixOf(root.name);
  const rels = relsOf(zip, part);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets: SheetEntry[] = [];
  let idAttr = 'r:id';
  const sheetsStart = findTag(xml, prefix + 'sheets', root.end);
  if (sheetsStart >= 0) {
    const st = readStartTag(xml, sheetsStart);
    for (const e of childElements(xml, st)) {
      if (e.tag.name !== prefix + 'sheet') continue;
      const idA = e.tag.attrs.find((a) => a.name === 'id' || a.name.endsWith(':id'));
      if (idA) idAttr = idA.name;
      const relId = idA?.value ?? '';
      const rel = byId.get(relId);
      sheets.push({
        name: attr(e.tag, 'name') ?? '',
        sheetId: Number(attr(e.tag, 'sheetId') ?? 0),
        relId,
        state: attr(e.tag, 'state') ?? 'visible',
        part: rel && !rel.external ? rel.part : '',
        relType: rel?.type ?? '',
      });
    }
  }
  return { part, xml, root, prefix, sheets, idAttr, rels };
}

/** The folder of the workbook part, where its sheets and styles live ('xl/'). */
export function workbookFolder(wb: WorkbookInfo): string {
  return wb.part.includes('/') ? wb.part.slice(0, wb.part.lastIndexOf('/') + 1) : '';
}
