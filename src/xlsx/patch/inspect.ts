/**
 * What a package holds that exceljs would lose when it rewrites a workbook: charts,
 * drawings, pivot tables, VBA, slicers … The CLI prints the list so reviewers know the
 * reviewed copy (made by patchWorkbook) kept them; tests use it too.
 */
import type { Lang } from '../../messages/lang';
import { translate } from '../../messages/translate';
import { readText } from '../ooxml/package';
import { readWorkbook } from '../ooxml/workbook';
import { ZipArchive } from '../zip/zipArchive';

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

/** Lists the parts of an .xlsx/.xlsm and the features in it that exceljs does not keep. */
export async function inspectPackage(bytes: Uint8Array): Promise<PackageInventory> {
  const zip = ZipArchive.load(bytes);
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
    for (const s of wb.sheets) {
      if (!s.part || !zip.files[s.part]) continue;
      const tail = afterSheetData(zip.files[s.part].bytes());
      const uris = [...tail.matchAll(/<(?:\w+:)?ext\s[^>]*uri\s*=\s*["']([^"']+)["']/g)].map((m) => m[1].toUpperCase());
      if (uris.includes(SPARKLINE_EXT)) sparklines.push(s.part);
      if (uris.some((u) => u !== SPARKLINE_EXT)) extensions.push(s.part);
    }
  } catch {
    /* not a workbook we can read: parts are still listed */
  }
  push('sparklines', sparklines);
  push('sheetExtensions', extensions);
  return { parts, features };
}

const SHEET_DATA_END = new TextEncoder().encode('sheetData>');

/** The text after the last `sheetData>` (where <extLst> is): a 100,000-row sheet is not decoded whole. */
function afterSheetData(bytes: Uint8Array): string {
  const k = SHEET_DATA_END;
  let at = 0;
  for (let i = bytes.length - k.length; i >= 0; i--) {
    let j = 0;
    while (j < k.length && bytes[i + j] === k[j]) j++;
    if (j === k.length) {
      at = i;
      break;
    }
  }
  return new TextDecoder().decode(bytes.subarray(at));
}

/** One line per feature, for the CLI. */
export function describeFeatures(inv: PackageInventory, lang: Lang): string[] {
  return inv.features.map((f) =>
    translate(lang, f.parts.length === 1 ? 'patch.feature.line.one' : 'patch.feature.line.other', { label: translate(lang, `patch.feature.${f.key}`), count: f.parts.length }),
  );
}
