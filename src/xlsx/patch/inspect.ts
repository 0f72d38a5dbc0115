/**
 * What a package holds that exceljs would lose when it rewrites a workbook: charts,
 * drawings, pivot tables, VBA, slicers … The CLI prints the list so reviewers know the
 * reviewed copy (made by patchWorkbook) kept them; tests use it too.
 */
import type { Lang } from '../../messages/lang';
import { translate } from '../../messages/translate';
import { readText } from '../ooxml/package';
import { readWorkbook } from '../ooxml/workbook';
import { isSpace } from '../xml/chars';
import { joined } from '../zip/partBlocks';
import { InflateBudget } from '../zip/partLimits';
import { ZipArchive } from '../zip/zipArchive';
import type { PrefetchedSheets } from './prefetch';

/** Features by key; each is named in the catalogue as `patch.feature.<key>`. */
export type FeatureKey =
  | 'charts' | 'chartsheets' | 'drawings' | 'media' | 'pivotTables' | 'pivotCaches' | 'vba' | 'slicers' | 'timelines' | 'externalLinks' | 'queryTables'
  | 'connections' | 'threadedComments' | 'controls' | 'embeddings' | 'customXml' | 'dataModel' | 'richData' | 'webExtensions' | 'printerSettings'
  | 'powerQuery' | 'formControls' | 'sparklines' | 'sheetExtensions';

export interface PackageFeature {
  key: FeatureKey;
  /** the parts that carry it */
  parts: string[];
}

export interface PackageInventory {
  parts: string[];
  features: PackageFeature[];
}

interface FeatureRule {
  key: FeatureKey;
  match: (part: string) => boolean;
}

const under = (...dirs: string[]) => (part: string) => dirs.some((d) => part.toLowerCase().startsWith(d.toLowerCase()) && !part.toLowerCase().includes('/_rels/'));

const RULES: FeatureRule[] = [
  { key: 'charts', match: (p) => /^xl\/charts\/(chart|chartEx)\d*\.xml$/i.test(p) },
  { key: 'chartsheets', match: (p) => /^xl\/chartsheets\/[^/]+\.xml$/i.test(p) },
  { key: 'drawings', match: (p) => /^xl\/drawings\/[^/]+\.xml$/i.test(p) },
  { key: 'media', match: under('xl/media/') },
  { key: 'pivotTables', match: under('xl/pivotTables/') },
  { key: 'pivotCaches', match: under('xl/pivotCache/') },
  { key: 'vba', match: (p) => /^xl\/vbaProject(Signature\w*)?\.bin$/i.test(p) },
  { key: 'slicers', match: under('xl/slicers/', 'xl/slicerCaches/') },
  { key: 'timelines', match: under('xl/timelines/', 'xl/timelineCaches/') },
  { key: 'externalLinks', match: under('xl/externalLinks/') },
  { key: 'queryTables', match: under('xl/queryTables/') },
  { key: 'connections', match: (p) => /^xl\/connections\.xml$/i.test(p) },
  { key: 'threadedComments', match: under('xl/threadedComments/', 'xl/persons/') },
  { key: 'controls', match: under('xl/activeX/', 'xl/ctrlProps/') },
  { key: 'embeddings', match: under('xl/embeddings/') },
  { key: 'customXml', match: under('customXml/') },
  { key: 'dataModel', match: under('xl/model/') },
  { key: 'richData', match: under('xl/richData/') },
  { key: 'webExtensions', match: under('xl/webextensions/') },
  { key: 'printerSettings', match: under('xl/printerSettings/') },
];

const SPARKLINE_EXT = '{05C60535-1F16-4FD2-B633-F4F36F0B64E0}';

/**
 * Lists the parts of an .xlsx/.xlsm and the features in it that exceljs does not keep.
 * `prefetched`: sheets of these bytes inflated already, scanned as they are (they are not taken:
 * the patch takes them).
 */
export async function inspectPackage(bytes: Uint8Array, prefetched?: PrefetchedSheets): Promise<PackageInventory> {
  const zip = ZipArchive.load(bytes);
  if (prefetched?.original === bytes) for (const [name, inflated] of prefetched.peek()) if (zip.files[name]) zip.files[name].inflated = inflated;
  const parts = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
  const features: PackageFeature[] = [];
  const push = (key: FeatureKey, list: string[]) => {
    if (list.length) features.push({ key, parts: list });
  };
  for (const r of RULES) push(r.key, parts.filter(r.match));

  // Power Query keeps its queries as a DataMashup in a custom XML item
  const mashups: string[] = [];
  for (const p of parts.filter((n) => /^customXml\/item\d*\.xml$/i.test(n))) {
    const head = readText(zip, p);
    if (head && head.includes('DataMashup')) mashups.push(p);
  }
  push('powerQuery', mashups);

  // form controls drawn in VML (notes use VML too, and exceljs keeps those)
  const vmlControls: string[] = [];
  for (const p of parts.filter((n) => /\.vml$/i.test(n))) {
    const text = (readText(zip, p)) ?? '';
    if ([...text.matchAll(/ObjectType\s*=\s*["'](\w+)["']/g)].some((m) => m[1] !== 'Note')) vmlControls.push(p);
  }
  push('formControls', vmlControls);

  // sparklines and other Office 2010+ extensions inside worksheets (<extLst><ext uri=…>)
  const sparklines: string[] = [];
  const extensions: string[] = [];
  try {
    const wb = readWorkbook(zip);
    const budget = new InflateBudget();
    for (const s of wb.sheets) {
      if (!s.part || !zip.files[s.part]) continue;
      const uris = await extensionUris(zip.files[s.part].chunks(budget));
      if (uris.has(SPARKLINE_EXT)) sparklines.push(s.part);
      if ([...uris].some((u) => u !== SPARKLINE_EXT)) extensions.push(s.part);
    }
  } catch {
    /* not a workbook we can read: parts are still listed */
  }
  push('sparklines', sparklines);
  push('sheetExtensions', extensions);
  return { parts, features };
}

const URI = /\suri\s*=\s*["']([^"']+)["']/;
const LT = 0x3c;
const GT = 0x3e;
const COLON = 0x3a;

/**
 * The uri of every <ext> in a worksheet (its <extLst> blocks), read as the part is inflated: a
 * 100,000-row sheet is never held or decoded whole. A tag cut by the end of a chunk is carried
 * to the next.
 */
export async function extensionUris(chunks: AsyncIterable<Uint8Array>): Promise<Set<string>> {
  const uris = new Set<string>();
  let carry: Uint8Array = new Uint8Array(0);
  for await (const chunk of chunks) {
    let bytes = chunk;
    if (carry.length) {
      // the carried tag is finished by the chunk's first '>': only that much is joined to it
      const gt = chunk.indexOf(GT);
      const head = joined([carry, gt < 0 ? chunk : chunk.subarray(0, gt + 1)]);
      if (gt < 0) {
        carry = head;
        continue;
      }
      extTags(head, head.length, uris);
      bytes = chunk.subarray(gt + 1);
    }
    const lt = bytes.lastIndexOf(LT);
    const cut = lt >= 0 && bytes.indexOf(GT, lt) < 0 ? lt : bytes.length;
    extTags(bytes, cut, uris);
    carry = bytes.slice(cut);
  }
  return uris;
}

/**
 * The uris of the <ext …> (or <x:ext …>) start tags in `bytes` before `end`. The search goes from
 * one `x` to the next: the cells of a sheet have none, so it runs at memchr speed.
 */
function extTags(bytes: Uint8Array, end: number, uris: Set<string>): void {
  const decoder = new TextDecoder();
  for (let x = bytes.indexOf(0x78); x >= 0 && x < end; x = bytes.indexOf(0x78, x + 1)) {
    if (bytes[x - 1] !== 0x65 || bytes[x + 1] !== 0x74 || !isSpace(bytes[x + 2])) continue;
    let lt = x - 2;
    if (bytes[lt] === COLON) while (lt > 0 && bytes[lt] !== LT && !isSpace(bytes[lt])) lt--;
    if (bytes[lt] !== LT) continue;
    const gt = bytes.indexOf(GT, x);
    if (gt < 0 || gt >= end) continue;
    const uri = URI.exec(decoder.decode(bytes.subarray(x + 2, gt)));
    if (uri) uris.add(uri[1].toUpperCase());
  }
}

/** One line per feature, for the CLI. */
export function describeFeatures(inv: PackageInventory, lang: Lang): string[] {
  return inv.features.map((f) =>
    translate(lang, f.parts.length === 1 ? 'patch.feature.line.one' : 'patch.feature.line.other', { label: translate(lang, `patch.feature.${f.key}`), count: f.parts.length }),
  );
}
