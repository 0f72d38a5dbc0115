/**
 * What a package holds that exceljs would lose when it rewrites a workbook: charts,
 * drawings, pivot tables, VBA, slicers … The CLI prints the list so reviewers know the
 * reviewed copy (made by patchWorkbook) kept them; tests use it too.
 */
import { ZipArchive } from '../zip';
import { readText, readWorkbook } from './opc';

export interface PackageFeature {
  key: string;
  /** Japanese label */
  label: string;
  labelEn: string;
  /** the parts that carry it */
  parts: string[];
}

export interface PackageInventory {
  parts: string[];
  features: PackageFeature[];
}

interface FeatureRule {
  key: string;
  label: string;
  labelEn: string;
  match: (part: string) => boolean;
}

const under = (...dirs: string[]) => (part: string) => dirs.some((d) => part.toLowerCase().startsWith(d.toLowerCase()) && !part.toLowerCase().includes('/_rels/'));

const RULES: FeatureRule[] = [
  { key: 'charts', label: 'グラフ', labelEn: 'charts', match: (p) => /^xl\/charts\/(chart|chartEx)\d*\.xml$/i.test(p) },
  { key: 'chartsheets', label: 'グラフシート', labelEn: 'chart sheets', match: (p) => /^xl\/chartsheets\/[^/]+\.xml$/i.test(p) },
  { key: 'drawings', label: '図形・画像（描画）', labelEn: 'drawings (shapes, pictures)', match: (p) => /^xl\/drawings\/[^/]+\.xml$/i.test(p) },
  { key: 'media', label: '画像ファイル', labelEn: 'embedded pictures', match: under('xl/media/') },
  { key: 'pivotTables', label: 'ピボットテーブル', labelEn: 'pivot tables', match: under('xl/pivotTables/') },
  { key: 'pivotCaches', label: 'ピボットキャッシュ', labelEn: 'pivot caches', match: under('xl/pivotCache/') },
  { key: 'vba', label: 'マクロ（VBA）', labelEn: 'macros (VBA)', match: (p) => /^xl\/vbaProject(Signature\w*)?\.bin$/i.test(p) },
  { key: 'slicers', label: 'スライサー', labelEn: 'slicers', match: under('xl/slicers/', 'xl/slicerCaches/') },
  { key: 'timelines', label: 'タイムライン', labelEn: 'timelines', match: under('xl/timelines/', 'xl/timelineCaches/') },
  { key: 'externalLinks', label: '外部参照（他ブックへのリンク）', labelEn: 'external links', match: under('xl/externalLinks/') },
  { key: 'queryTables', label: 'クエリテーブル', labelEn: 'query tables', match: under('xl/queryTables/') },
  { key: 'connections', label: 'データ接続', labelEn: 'data connections', match: (p) => /^xl\/connections\.xml$/i.test(p) },
  { key: 'threadedComments', label: 'スレッド形式のコメント', labelEn: 'threaded comments', match: under('xl/threadedComments/', 'xl/persons/') },
  { key: 'controls', label: 'ActiveX・フォームコントロール', labelEn: 'ActiveX and form controls', match: under('xl/activeX/', 'xl/ctrlProps/') },
  { key: 'embeddings', label: '埋め込みオブジェクト（OLE）', labelEn: 'embedded (OLE) objects', match: under('xl/embeddings/') },
  { key: 'customXml', label: 'カスタム XML', labelEn: 'custom XML', match: under('customXml/') },
  { key: 'dataModel', label: 'データモデル（Power Pivot）', labelEn: 'data model (Power Pivot)', match: under('xl/model/') },
  { key: 'richData', label: 'セル内の画像・リッチデータ', labelEn: 'pictures in cells / rich data types', match: under('xl/richData/') },
  { key: 'webExtensions', label: 'Office アドインの埋め込み（Web 拡張）', labelEn: 'web extensions (embedded add-ins)', match: under('xl/webextensions/') },
  { key: 'printerSettings', label: 'プリンター設定', labelEn: 'printer settings', match: under('xl/printerSettings/') },
];

const SPARKLINE_EXT = '{05C60535-1F16-4FD2-B633-F4F36F0B64E0}';

/** Lists the parts of an .xlsx/.xlsm and the features in it that exceljs does not keep. */
export async function inspectPackage(bytes: Uint8Array): Promise<PackageInventory> {
  const zip = await ZipArchive.loadAsync(bytes);
  const parts = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
  const features: PackageFeature[] = [];
  const push = (key: string, label: string, labelEn: string, list: string[]) => {
    if (list.length) features.push({ key, label, labelEn, parts: list });
  };
  for (const r of RULES) push(r.key, r.label, r.labelEn, parts.filter(r.match));

  // Power Query keeps its queries as a DataMashup in a custom XML item
  const mashups: string[] = [];
  for (const p of parts.filter((n) => /^customXml\/item\d*\.xml$/i.test(n))) {
    const head = await readText(zip, p);
    if (head && head.includes('DataMashup')) mashups.push(p);
  }
  push('powerQuery', 'Power Query のクエリ', 'Power Query queries', mashups);

  // form controls drawn in VML (notes use VML too, and exceljs keeps those)
  const vmlControls: string[] = [];
  for (const p of parts.filter((n) => /\.vml$/i.test(n))) {
    const text = (await readText(zip, p)) ?? '';
    if ([...text.matchAll(/ObjectType\s*=\s*["'](\w+)["']/g)].some((m) => m[1] !== 'Note')) vmlControls.push(p);
  }
  push('formControls', 'フォームコントロール（ボタン・チェックボックスなど）', 'form controls (buttons, check boxes, ...)', vmlControls);

  // sparklines and other Office 2010+ extensions inside worksheets (<extLst><ext uri=…>)
  const sparklines: string[] = [];
  const extensions: string[] = [];
  try {
    const wb = await readWorkbook(zip);
    for (const s of wb.sheets) {
      if (!s.part || !zip.files[s.part]) continue;
      const xml = await zip.files[s.part].async('string');
      const tail = xml.slice(Math.max(0, xml.lastIndexOf('sheetData>')));
      const uris = [...tail.matchAll(/<(?:\w+:)?ext\s[^>]*uri\s*=\s*["']([^"']+)["']/g)].map((m) => m[1].toUpperCase());
      if (uris.includes(SPARKLINE_EXT)) sparklines.push(s.part);
      if (uris.some((u) => u !== SPARKLINE_EXT)) extensions.push(s.part);
    }
  } catch {
    /* not a workbook we can read: parts are still listed */
  }
  push('sparklines', 'スパークライン', 'sparklines', sparklines);
  push('sheetExtensions', 'シートの拡張情報（x14 の条件付き書式・入力規則など）', 'sheet extensions (x14 conditional formats, data validation, ...)', extensions);
  return { parts, features };
}

/** One line per feature, for the CLI. */
export function describeFeatures(inv: PackageInventory, lang: 'ja' | 'en'): string[] {
  return inv.features.map((f) => (lang === 'ja' ? `${f.label}（${f.parts.length} 部品）` : `${f.labelEn} (${f.parts.length} part${f.parts.length === 1 ? '' : 's'})`));
}
