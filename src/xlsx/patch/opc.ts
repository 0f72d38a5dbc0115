/**
 * The package (OPC) around the parts we edit: relationships, content types, the workbook
 * part and its sheets. Everything is read from the package itself (no fixed paths), and
 * edits are string splices so what we do not change stays byte for byte.
 */
import type { ZipArchive } from '../zip';
import { PatchError } from './errors';
import { attr, childElements, escapeAttr, findTag, prefixOf, readStartTag, rootElement, startTag, type StartTag } from './xml';

export const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const NS_STRICT_MAIN = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
export const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const REL_OFFICE_DOCUMENT = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';
export const REL_WORKSHEET = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
export const CT_WORKSHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

/** The zip entry for a part name, compared case-insensitively as OPC part names are. */
export function entryName(zip: ZipArchive, part: string): string | null {
  if (zip.files[part] && !zip.files[part].dir) return part;
  const lower = part.toLowerCase();
  for (const name of Object.keys(zip.files)) if (!zip.files[name].dir && name.toLowerCase() === lower) return name;
  return null;
}

export async function readText(zip: ZipArchive, part: string): Promise<string | null> {
  const name = entryName(zip, part);
  if (!name) return null;
  return zip.files[name].async('string');
}

export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Resolves a relationship target against its source part ('' for the package root). */
export function resolveTarget(source: string, target: string): string {
  let t = target;
  try {
    t = decodeURI(t);
  } catch {
    /* keep as written */
  }
  if (t.startsWith('/')) return normalise(t.slice(1));
  const dir = source.includes('/') ? source.slice(0, source.lastIndexOf('/') + 1) : '';
  return normalise(dir + t);
}

function normalise(p: string): string {
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return out.join('/');
}

/** A target for `part` written relative to `source`'s folder (both package-relative). */
export function relativeTarget(source: string, part: string): string {
  const from = source.split('/').slice(0, -1);
  const to = part.split('/');
  let k = 0;
  while (k < from.length && k < to.length - 1 && from[k] === to[k]) k++;
  return [...from.slice(k).map(() => '..'), ...to.slice(k)].join('/');
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
  /** resolved part name for internal targets */
  part: string;
}

export function parseRels(xml: string, source: string): Relationship[] {
  const root = rootElement(xml);
  return childElements(xml, root).map((e) => {
    const t = e.tag;
    const target = attr(t, 'Target') ?? '';
    const external = attr(t, 'TargetMode') === 'External';
    return { id: attr(t, 'Id') ?? '', type: attr(t, 'Type') ?? '', target, external, part: external ? '' : resolveTarget(source, target) };
  });
}

export async function relsOf(zip: ZipArchive, part: string): Promise<Relationship[]> {
  const xml = await readText(zip, relsPathOf(part));
  return xml ? parseRels(xml, part) : [];
}

/** The workbook part (xl/workbook.xml in practice), from the package relationships. */
export async function workbookPart(zip: ZipArchive): Promise<string> {
  const rels = await readText(zip, '_rels/.rels');
  if (!rels) throw new PatchError('package', '_rels/.rels がありません（.xlsx ではないようです）', 'no _rels/.rels: not an .xlsx package');
  const r = parseRels(rels, '').find((x) => x.type === REL_OFFICE_DOCUMENT || x.type.endsWith('/officeDocument'));
  if (!r) throw new PatchError('package', 'ブック本体への参照がありません', 'no officeDocument relationship');
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

export async function readWorkbook(zip: ZipArchive): Promise<WorkbookInfo> {
  const part = await workbookPart(zip);
  const xml = await readText(zip, part);
  if (xml === null) throw new PatchError('package', `${part} がありません`, `${part} is missing`);
  const root = rootElement(xml);
  const ns = attr(root, root.name.includes(':') ? `xmlns:${root.name.split(':')[0]}` : 'xmlns');
  if (ns === NS_STRICT_MAIN) {
    throw new PatchError('package', 'Strict Open XML 形式のブックには対応していません。通常の .xlsx で保存し直してください', 'Strict Open XML workbooks are not supported; save as a regular .xlsx');
  }
  const prefix = prefixOf(root.name);
  const rels = await relsOf(zip, part);
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

/** Adds a relationship to a .rels part's XML (created when null); returns the new XML and the id. */
export function addRelationship(relsXml: string | null, type: string, target: string): { xml: string; id: string } {
  let xml = relsXml ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS_PKG_REL}"></Relationships>`;
  const used = new Set<string>();
  for (const m of xml.matchAll(/\sId\s*=\s*["']([^"']*)["']/g)) used.add(m[1]);
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const root = rootElement(xml);
  const p = prefixOf(root.name);
  const el = `<${p}Relationship Id="${id}" Type="${escapeAttr(type)}" Target="${escapeAttr(target)}"/>`;
  if (root.selfClosing) {
    xml = xml.slice(0, root.start) + startTag(root.name, root.attrs, false) + el + `</${root.name}>` + xml.slice(root.end);
  } else {
    const close = xml.lastIndexOf(`</${root.name}`);
    xml = xml.slice(0, close) + el + xml.slice(close);
  }
  return { xml, id };
}

/** Removes the child elements of the root for which `drop` is true (rels, content types). */
export function removeChildren(xml: string, drop: (tag: StartTag) => boolean): string {
  const root = rootElement(xml);
  const kids = childElements(xml, root);
  let out = '';
  let at = 0;
  for (const k of kids) {
    if (!drop(k.tag)) continue;
    out += xml.slice(at, k.tag.start);
    at = k.end;
  }
  return out + xml.slice(at);
}

/** Adds an <Override> for a new part to [Content_Types].xml. */
export function addOverride(typesXml: string, part: string, contentType: string): string {
  const root = rootElement(typesXml);
  const p = prefixOf(root.name);
  const el = `<${p}Override PartName="/${escapeAttr(part)}" ContentType="${escapeAttr(contentType)}"/>`;
  const close = typesXml.lastIndexOf(`</${root.name}`);
  if (close < 0) throw new PatchError('package', '[Content_Types].xml が壊れています', '[Content_Types].xml is malformed');
  return typesXml.slice(0, close) + el + typesXml.slice(close);
}

/** The content type of a part per [Content_Types].xml (Override first, then Default by extension). */
export function contentTypeOf(typesXml: string, part: string): string | null {
  const root = rootElement(typesXml);
  const kids = childElements(typesXml, root);
  const lower = '/' + part.toLowerCase();
  for (const k of kids) {
    if (k.tag.name.endsWith('Override') && (attr(k.tag, 'PartName') ?? '').toLowerCase() === lower) return attr(k.tag, 'ContentType') ?? null;
  }
  const ext = part.includes('.') ? part.slice(part.lastIndexOf('.') + 1).toLowerCase() : '';
  for (const k of kids) {
    if (k.tag.name.endsWith('Default') && (attr(k.tag, 'Extension') ?? '').toLowerCase() === ext) return attr(k.tag, 'ContentType') ?? null;
  }
  return null;
}

