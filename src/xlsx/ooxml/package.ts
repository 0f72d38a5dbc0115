/**
 * The package (OPC, ECMA-376 Part 2) around the parts: part names, relationships, content
 * types. Everything is read from the package itself (no fixed paths), and edits are string
 * splices so what is not changed stays byte for byte.
 */
import type { PackageZip } from '../zip/packageZip';
import { escapeAttr } from '../xml/escape';
import { attr, childElements, prefixOf, rootElement, startTag, type StartTag } from '../xml/tags';
import { NS } from './namespaces';
import { PackageError } from './packageError';

/**
 * The zip entry for a part name, compared case-insensitively as OPC part names are, and with
 * Windows separators (`xl\\workbook.xml`, written by some zip tools) read as `/`. The entry keeps
 * its own spelling when it is rewritten.
 */
export function entryName(zip: PackageZip, part: string): string | null {
  if (zip.files[part] && !zip.files[part].dir) return part;
  const key = (n: string) => n.replace(/\\/g, '/').toLowerCase();
  const wanted = key(part);
  for (const name of Object.keys(zip.files)) if (!zip.files[name].dir && key(name) === wanted) return name;
  return null;
}

/** A part's text, or null when the package has no such part. */
export function readText(zip: PackageZip, part: string): string | null {
  const name = entryName(zip, part);
  return name ? zip.files[name].text() : null;
}

/** `xl/workbook.xml` → `xl/_rels/workbook.xml.rels` */
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

/** The relationships of a part ('' for the package's own). */
export function relsOf(zip: PackageZip, part: string): Relationship[] {
  const xml = readText(zip, relsPathOf(part));
  return xml ? parseRels(xml, part) : [];
}

/** Adds a relationship to a .rels part's XML (created when null); returns the new XML and the id. */
export function addRelationship(relsXml: string | null, type: string, target: string): { xml: string; id: string } {
  let xml = relsXml ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.packageRelationships}"></Relationships>`;
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
  if (close < 0) throw new PackageError('xlsx.package.contentTypesMalformed');
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

