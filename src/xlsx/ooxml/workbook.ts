/**
 * The workbook part and its sheets, found through the package relationships
 * (`_rels/.rels` → officeDocument → workbook → its relationships).
 */
import type { PackageZip } from '../zip/packageZip';
import { NamespaceScope } from '../xml/namespaceScope';
import { attr, childElements, declaredNamespace, findTag, prefixOf, readStartTag, rootElement, type Attr, type StartTag } from '../xml/tags';
import { isRelType, NS } from './namespaces';
import { PackageError } from './packageError';
import { parseRels, readText, relsOf, type Relationship } from './package';

/** The workbook part (xl/workbook.xml in practice), from the package relationships. */
export function workbookPart(zip: PackageZip): string {
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
  /** the <sheets> start tag (null when the workbook has none) */
  sheetsTag: StartTag | null;
  rels: Relationship[];
}

/** The workbook part, its relationships and its <sheet> entries. Strict Open XML is refused. */
export function readWorkbook(zip: PackageZip): WorkbookInfo {
  const part = workbookPart(zip);
  const xml = readText(zip, part);
  if (xml === null) throw new PackageError('xlsx.package.partMissing', { part });
  const root = rootElement(xml);
  if (declaredNamespace(root) === NS.strictMain) throw new PackageError('xlsx.package.strict');
  const prefix = prefixOf(root.name);
  const rels = relsOf(zip, part);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets: SheetEntry[] = [];
  const sheetsStart = findTag(xml, prefix + 'sheets', root.end);
  const sheetsTag = sheetsStart >= 0 ? readStartTag(xml, sheetsStart) : null;
  if (sheetsTag) {
    for (const e of childElements(xml, sheetsTag)) {
      if (e.tag.name !== prefix + 'sheet') continue;
      const relId = relationshipId(NamespaceScope.of([root, sheetsTag, e.tag]), e.tag.attrs) ?? '';
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
  return { part, xml, root, prefix, sheets, sheetsTag, rels };
}

/**
 * The r:id of an element: the attribute `id` in the relationships namespace, whatever its
 * prefix and wherever the prefix is bound (the root, the element, `relationships:id` …).
 */
export function relationshipId(scope: NamespaceScope, attrs: readonly Attr[]): string | undefined {
  for (const a of attrs) {
    const colon = a.name.indexOf(':');
    if (colon > 0 && a.name.slice(colon + 1) === 'id' && scope.uri(a.name.slice(0, colon)) === NS.relationships) return a.value;
  }
  // an undeclared prefix (the part is not namespace-well-formed): the usual spelling still names the relationship
  return attrs.find((a) => a.name.endsWith(':id') && !a.name.startsWith('xmlns'))?.value;
}

/** The folder of the workbook part, where its sheets and styles live ('xl/'). */
export function workbookFolder(wb: WorkbookInfo): string {
  return wb.part.includes('/') ? wb.part.slice(0, wb.part.lastIndexOf('/') + 1) : '';
}
