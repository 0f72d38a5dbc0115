/**
 * Puts a KPI sheet into any package at the ZIP level, without the project's OOXML code: a new
 * worksheet part, its <sheet> at the end of <sheets> (declaring its own `r` binding, whatever the
 * workbook does), a workbook relationship and a content-type override. Every other entry is
 * copied as stored, so a real-world package from another program becomes a department workbook
 * the review can work on while keeping everything its producer wrote.
 */
import { ZipArchive } from '../../src/xlsx/zip/zipArchive';

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const WORKSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

export const INJECTED_HEAD = ['基本目標', '施策', '事業名', '担当課', '指標名', '単位', '方向', '集計', '基準年度', '基準値', '実績R3', '目標年度', '目標値', '備考'];

export const INJECTED_ROWS: (string | number | null)[][] = [
  [1, 1, '若者地元定着促進事業', '政策推進課', '新規雇用創出数', '人', '増加', '累計', 2018, 46, 45, 2024, 230, null],
  [1, 2, '創業支援', '商業振興課', '創業件数', '件', '増加', '単年', 2018, 12, 15, 2024, 20, null],
  [2, 5, '放課後児童クラブの充実', '青少年課', '待機児童数', '人', '減少', '単年', 2018, 3, 0, 2024, 0, null],
  [2, 7, 'アートフェスティバル', '生涯学習課', 'ワークショップ参加者数', '人', '増加', '単年', 2018, 571, 0, 2024, 1000, '新型コロナウイルス感染症の影響で事業が中止となった'],
  [3, 9, '観光振興', '観光振興課', '観光入込客数', '万人', '増加', '単年', 2018, 420, 310, 2024, 450, null],
];

export interface Injected {
  bytes: Uint8Array;
  sheet: string;
  /** the new worksheet part */
  part: string;
  /** the parts the injection edited (workbook, its relationships, content types) */
  edited: string[];
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function col(c: number): string {
  return c < 26 ? String.fromCharCode(65 + c) : String.fromCharCode(64 + Math.floor(c / 26)) + String.fromCharCode(65 + (c % 26));
}

/** `s` for the numbers: none, or an added General style when the package redefines format 0. */
function sheetXml(numberStyle: number | null): string {
  const s = numberStyle === null ? '' : ` s="${numberStyle}"`;
  const rows: (string | number | null)[][] = [['KPI 実績（注入したシート）'], [], INJECTED_HEAD, ...INJECTED_ROWS];
  const body = rows
    .map((line, r) => {
      const cells = line
        .map((v, c) => {
          const ref = `${col(c)}${r + 1}`;
          if (v === null) return '';
          if (typeof v === 'number') return `<c r="${ref}"${s}><v>${v}</v></c>`;
          return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${esc(v)}</t></is></c>`;
        })
        .join('');
      return cells ? `<row r="${r + 1}">${cells}</row>` : '';
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS_MAIN}"><dimension ref="A1:N${rows.length}"/><sheetData>${body}</sheetData></worksheet>`;
}

/** Resolves a relationship target against the folder of its source part. */
function resolve(sourceDir: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : sourceDir + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p && p !== '.') out.push(p);
  }
  return out.join('/');
}

/** Part names compare case-insensitively, and some zip tools write `xl\\workbook.xml`. */
const key = (name: string) => name.replace(/\\/g, '/').toLowerCase();

function find(zip: ZipArchive, name: string): string | undefined {
  return Object.keys(zip.files).find((n) => !zip.files[n].dir && key(n) === key(name));
}

function entry(zip: ZipArchive, name: string): string {
  const found = find(zip, name);
  if (!found) throw new Error(`no ${name}`);
  return found;
}

/**
 * Some writers redefine built-in format 0 (General) as a date, so unstyled numbers would read as
 * dates: then a General format and a cell style using it are appended to the stylesheet.
 */
function generalStyle(styles: string): { xml: string; index: number } | null {
  const fmts = /<((?:[\w.-]+:)?)numFmts\b[^>]*>([\s\S]*?)<\/\1numFmts\s*>/.exec(styles);
  if (!fmts || !/<(?:[\w.-]+:)?numFmt\b[^>]*\snumFmtId="0"/.test(fmts[2])) return null;
  const id = Math.max(163, ...[...styles.matchAll(/\snumFmtId="(\d+)"/g)].map((m) => Number(m[1]))) + 1;
  const fmtsClose = fmts.index + fmts[0].lastIndexOf('</');
  let xml = styles.slice(0, fmtsClose) + `<${fmts[1]}numFmt numFmtId="${id}" formatCode="General"/>` + styles.slice(fmtsClose);
  const xfs = /<((?:[\w.-]+:)?)cellXfs\b[^>]*>([\s\S]*?)<\/\1cellXfs\s*>/.exec(xml)!;
  const index = [...xfs[2].matchAll(/<(?:[\w.-]+:)?xf\b/g)].length;
  const close = xfs.index + xfs[0].lastIndexOf('</');
  xml = xml.slice(0, close) + `<${xfs[1]}xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` + xml.slice(close);
  // the counts are advisory to readers, but kept true
  xml = xml.replace(/(<(?:[\w.-]+:)?numFmts\b[^>]*\scount=")(\d+)"/, (_, a: string, n: string) => `${a}${Number(n) + 1}"`);
  xml = xml.replace(/(<(?:[\w.-]+:)?cellXfs\b[^>]*\scount=")(\d+)"/, (_, a: string, n: string) => `${a}${Number(n) + 1}"`);
  return { xml, index };
}

export function injectKpiSheet(bytes: Uint8Array): Injected {
  const zip = ZipArchive.load(bytes);
  const rootRels = zip.files[entry(zip, '_rels/.rels')].text();
  const officeDoc = [...rootRels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)].map((m) => m[0]).find((t) => /Type="[^"]*\/officeDocument"/.test(t));
  if (!officeDoc) throw new Error('no officeDocument relationship');
  const workbookName = resolve('', /Target="([^"]*)"/.exec(officeDoc)![1]);
  const workbookPart = entry(zip, workbookName);
  const dir = workbookName.includes('/') ? workbookName.slice(0, workbookName.lastIndexOf('/') + 1) : '';
  const relsName = `${dir}_rels/${workbookName.slice(dir.length)}.rels`;
  // a workbook may have no relationships part at all (no sheet, no styles)
  if (!find(zip, relsName)) {
    zip.file(relsName, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>');
  }
  const relsPart = entry(zip, relsName);
  const typesPart = entry(zip, '[Content_Types].xml');

  let n = 1;
  while (find(zip, `${dir}worksheets/injected${n}.xml`)) n++;
  const part = `${dir}worksheets/injected${n}.xml`;
  const relId = `rIdInjectedKpi${n}`;

  let wb = zip.files[workbookPart].text();
  const names = new Set([...wb.matchAll(/<(?:\w+:)?sheet\b[^>]*\sname="([^"]*)"/g)].map((m) => m[1]));
  let sheet = 'KPI実績';
  for (let k = 2; names.has(sheet); k++) sheet = `KPI実績${k}`;
  const ids = [...wb.matchAll(/<(?:\w+:)?sheet\b[^>]*\ssheetId="(\d+)"/g)].map((m) => Number(m[1]));
  const sheetId = Math.max(0, ...ids) + 1;
  const close = /<\/((?:[\w.-]+:)?)sheets\s*>/.exec(wb);
  const el = (p: string) => `<${p}sheet xmlns:r="${NS_R}" name="${sheet}" sheetId="${sheetId}" r:id="${relId}"/>`;
  if (close) wb = wb.slice(0, close.index) + el(close[1]) + wb.slice(close.index);
  else {
    const empty = /<((?:[\w.-]+:)?)sheets(\s[^>]*)?\/>/.exec(wb);
    if (!empty) throw new Error('no <sheets>');
    wb = wb.slice(0, empty.index) + `<${empty[1]}sheets${empty[2] ?? ''}>${el(empty[1])}</${empty[1]}sheets>` + wb.slice(empty.index + empty[0].length);
  }

  const rels = zip.files[relsPart].text();
  const relsClose = /<\/((?:[\w.-]+:)?)Relationships\s*>/.exec(rels)!;
  const target = part.slice(dir.length);
  const relsOut = rels.slice(0, relsClose.index) + `<${relsClose[1]}Relationship Id="${relId}" Type="${NS_R}/worksheet" Target="${target}"/>` + rels.slice(relsClose.index);

  const types = zip.files[typesPart].text();
  const typesClose = /<\/((?:[\w.-]+:)?)Types\s*>/.exec(types)!;
  const typesOut = types.slice(0, typesClose.index) + `<${typesClose[1]}Override PartName="/${part}" ContentType="${WORKSHEET_TYPE}"/>` + types.slice(typesClose.index);

  const edits: [string, string][] = [
    [workbookPart, wb],
    [relsPart, relsOut],
    [typesPart, typesOut],
  ];
  const stylesRel = [...rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)].map((m) => m[0]).find((t) => /Type="[^"]*\/styles"/.test(t));
  const stylesPart = stylesRel ? find(zip, resolve(dir, /Target="([^"]*)"/.exec(stylesRel)![1])) : undefined;
  const general = stylesPart ? generalStyle(zip.files[stylesPart].text()) : null;
  if (general) edits.push([stylesPart!, general.xml]);
  for (const [name, text] of edits) zip.file(name, text, zip.files[name].date ? { date: zip.files[name].date } : {});
  zip.file(part, sheetXml(general?.index ?? null));
  return { bytes: zip.toBytes(), sheet, part, edited: edits.map(([name]) => name) };
}
