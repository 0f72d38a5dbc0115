/**
 * Test workbooks for the in-place patcher: built with exceljs, then the parts exceljs cannot
 * write (chart, pivot table + cache, VBA, external link, custom XML, calcChain, printer
 * settings, threaded comments, sparklines, shared formulas …) are added by editing the zip.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { addChart } from './addChart';
import { LOG_SHEET, planLogAppend, type LogAppend } from '../../src/domain/plan/auditLog';
import type { WritePlan } from '../../src/domain/plan/plan';
import { review, type Review } from '../../src/domain/review';
import { makeSettings } from '../../src/domain/base/settings';
import { readXlsx } from '../../src/xlsx/read';
import type { RawSheet } from '../../src/domain/base/raw';

export const KPI_HEAD = ['基本目標', '施策', '事業名', '担当課', '指標名', '単位', '方向', '集計', '基準年度', '基準値', '実績R3', '目標年度', '目標値', '備考'];
export const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

export const KPI_ROWS: (string | number | null)[][] = [
  ['①', '施策①', '若者地元定着促進事業', '政策推進課', '登録者数', '人', '増加', '累計', 'H30', '—', '累計28人', 'R6', '累計50人', '例'],
  [1, 1, '', '', '新規雇用創出数', '人', '', '', 2018, '46人', '累計45人', 2024, '累計230人', '出典: 数値目標'],
  ['基本目標2', '⑤', '放課後児童クラブの充実', '青少年課', '待機児童数', '人', '減少', '単年', '平成30年度', '3人', '0人', '令和6年度', '0人', ''],
  [2, 7, 'アートフェスティバル', '生涯学習課', 'ワークショップ参加者数', '人', '増加', '単年', 'H30', '571人', '0人', 'R6', '1,000人', '※実績値（令和3年度）：新型コロナウイルス感染症の影響で事業が中止となり、実績値が0人になっている。'],
  [3, 9, '<特殊> & "記号"', '政策推進課', '=SUM(A1)で始まる指標 & <タグ>', '%', '増加', '単年', 'H30', '40%', '93.9%', 'R6', '80%', ' 前後に空白 '],
];

export function kpiSheet(ws: ExcelJS.Worksheet, rows = KPI_ROWS, title = '第2期苫小牧市総合戦略 KPI実績（令和3年度）'): void {
  ws.getCell('A1').value = title;
  ws.mergeCells('A1:N1');
  ws.getRow(3).values = KPI_HEAD;
  ws.getRow(3).font = { bold: true };
  rows.forEach((r, i) => {
    r.forEach((v, j) => {
      if (v !== null && v !== '') ws.getCell(4 + i, j + 1).value = v;
    });
  });
  ws.getColumn(5).width = 30;
  ws.getColumn(14).width = 40;
}

function pledgeSheet(ws: ExcelJS.Worksheet): void {
  ws.getRow(1).values = ['基本政策', '公約', '施策', '取組事業内容', '担当部署', '評価'];
  const rows: (string | number)[][] = [
    ['Ⅰ', '①', '①', '子育て支援の充実', 'こども育成課', 7],
    ['Ⅰ', '①', '①', '保育士の確保', 'こども育成課', 8],
    ['Ⅰ', '①', '②', '放課後児童クラブ', '青少年課', 6],
    ['Ⅰ', '②', '①', '学力向上', '学校教育課', 5],
    ['Ⅱ', '①', '①', '企業誘致', '港湾・企業振興課', 9],
  ];
  rows.forEach((r, i) => (ws.getRow(2 + i).values = r));
}

/** The base workbook (exceljs only): KPI sheet, pledge sheet, a KPI sheet with formulas in output columns, a summary with formulas, notes. */
export async function baseWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'test';
  const kpi = wb.addWorksheet('政策推進課');
  kpiSheet(kpi);
  kpi.getCell('A1').note = '部署の担当者メモ';
  (kpi as unknown as { dataValidations: { add(ref: string, v: ExcelJS.DataValidation): void } }).dataValidations.add('G4:G8', { type: 'list', allowBlank: true, formulae: ['"増加,減少"'] });
  kpi.addConditionalFormatting({ ref: 'M4:M8', rules: [{ type: 'expression', priority: 1, formulae: ['M4=""'], style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFFF00' } } } }] });
  kpi.getCell('K4').numFmt = '#,##0"人"';

  pledgeSheet(wb.addWorksheet('公約&施策'));

  const f = wb.addWorksheet('数式あり');
  kpiSheet(
    f,
    KPI_ROWS.slice(0, 4).map((r) => [...r]),
    '数式が出力列にあるシート',
  );
  f.getCell('O3').value = '達成率';
  f.getCell('P3').value = '評価';
  for (let r = 4; r <= 7; r++) {
    f.getCell(`O${r}`).value = { formula: `IFERROR(K${r}/M${r},"")`, result: 0.5 } as ExcelJS.CellFormulaValue;
    f.getCell(`O${r}`).numFmt = '0%';
    f.getCell(`P${r}`).value = { formula: `IF(O${r}>=1,"A","D")`, result: 'D' } as ExcelJS.CellFormulaValue;
  }
  // a previous review's conditional format on the output column (replaced, not duplicated)
  f.addConditionalFormatting({
    ref: 'O4:O7',
    rules: [{ type: 'iconSet', priority: 1, iconSet: '3TrafficLights1', cfvo: [{ type: 'num', value: 0 }, { type: 'num', value: 0.5 }, { type: 'num', value: 1 }] } as ExcelJS.ConditionalFormattingRule],
  });

  const s = wb.addWorksheet('集計');
  s.getCell('A1').value = '平均達成率';
  s.getCell('B1').value = { formula: 'AVERAGE(政策推進課!O4:O8)', result: 0 } as ExcelJS.CellFormulaValue;
  s.getCell('A2').value = new Date(Date.UTC(2024, 2, 31));
  s.getCell('A3').value = { richText: [{ text: '太字', font: { bold: true } }, { text: 'と普通' }] };
  s.getCell('A4').value = { text: '市のサイト', hyperlink: 'https://www.city.tomakomai.hokkaido.jp/' };
  s.getCell('A5').value = 12345.678;
  s.getCell('A5').numFmt = '#,##0.00';
  s.getCell('A6').value = true;

  const memo = wb.addWorksheet('メモ');
  memo.getCell('A1').value = 'このシートはレビュー対象外です';
  wb.definedNames.add("'政策推進課'!$E$4:$E$8", 'KPI名');

  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

// ---------------------------------------------------------------- zip editing

export async function sheetPartOf(zip: JSZip, name: string): Promise<string> {
  const wb = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const m = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(wb);
  if (!m) throw new Error(`no sheet ${name}`);
  const t = new RegExp(`<Relationship [^>]*Id="${m[1]}"[^>]*Target="([^"]+)"`).exec(rels) ?? new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${m[1]}"`).exec(rels);
  return 'xl/' + t![1].replace(/^\/?xl\//, '');
}

async function addRel(zip: JSZip, relsPath: string, type: string, target: string, external = false): Promise<string> {
  const f = zip.file(relsPath);
  let xml = f ? await f.async('string') : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}"></Relationships>`;
  let n = 1;
  while (xml.includes(`Id="rId${n}"`)) n++;
  xml = xml.replace('</Relationships>', `<Relationship Id="rId${n}" Type="${type}" Target="${target}"${external ? ' TargetMode="External"' : ''}/></Relationships>`);
  zip.file(relsPath, xml);
  return `rId${n}`;
}

async function addType(zip: JSZip, el: string): Promise<void> {
  const xml = await zip.file('[Content_Types].xml')!.async('string');
  zip.file('[Content_Types].xml', xml.replace('</Types>', el + '</Types>'));
}

async function editText(zip: JSZip, part: string, edit: (s: string) => string): Promise<void> {
  const s = await zip.file(part)!.async('string');
  const t = edit(s);
  if (t === s) throw new Error(`edit of ${part} changed nothing`);
  zip.file(part, t);
}

function sheetRels(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i)}/_rels/${part.slice(i + 1)}.rels`;
}

export const FAKE_VBA = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Array.from({ length: 600 }, (_, i) => (i * 37) % 256)]);

export interface ExtraOptions {
  macro?: boolean;
  calcChain?: boolean;
}

/** Adds the parts exceljs can neither write nor keep. */
export async function withExtras(bytes: Uint8Array, opts: ExtraOptions = {}): Promise<Uint8Array> {
  // native chart on the KPI sheet (a <drawing> in the sheet's tail)
  const chartBytes = await addChart(bytes, {
    sheetName: '政策推進課',
    chart: { title: '目標値', table: 't', categoryColumn: 0, valueColumns: [1], rowCount: 2, axis: { min: 0, max: 1.2, majorUnit: 0.2 }, labelFormat: '0%', top: 12, left: 1, bottom: 24, right: 9 },
    table: {
      name: 't',
      caption: null,
      headerRow: 3,
      left: 4,
      columns: [
        { header: '指標名', format: null, kind: 'text', align: 'left', wrap: false },
        { header: '単位', format: null, kind: 'number', align: 'right', wrap: false },
      ],
      rows: [
        [{ v: '登録者数' }, { v: 50 }],
        [{ v: '新規雇用創出数' }, { v: 230 }],
      ],
      valign: 'bottom',
      groupStarts: [],
      captionHeight: 19,
      headerHeight: 19,
      rowHeights: [19, 19],
      emptyText: '',
    },
  });
  const zip = await JSZip.loadAsync(chartBytes);
  const kpiPart = await sheetPartOf(zip, '政策推進課');
  const sumPart = await sheetPartOf(zip, '集計');
  const fPart = await sheetPartOf(zip, '数式あり');

  // sparklines: an x14 extLst at the end of the KPI sheet
  await editText(zip, kpiPart, (s) =>
    s.replace(
      '</worksheet>',
      '<extLst><ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:sparklineGroups xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:sparklineGroup displayEmptyCellsAs="gap"><x14:colorSeries rgb="FF376092"/><x14:colorNegative rgb="FFD00000"/><x14:colorAxis rgb="FF000000"/><x14:colorMarkers rgb="FFD00000"/><x14:colorFirst rgb="FFD00000"/><x14:colorLast rgb="FFD00000"/><x14:colorHigh rgb="FFD00000"/><x14:colorLow rgb="FFD00000"/><x14:sparklines><x14:sparkline><xm:f>政策推進課!I5:M5</xm:f><xm:sqref>A12</xm:sqref></x14:sparkline></x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext></extLst></worksheet>',
    ),
  );

  // shared formula in the output column of 数式あり: O4 is the master of O4:O7 (all overwritten)
  await editText(zip, fPart, (s) => {
    let t = s;
    t = t.replace(/(<c r="O4"[^>]*>)<f>[^<]*<\/f>/, '$1<f t="shared" ref="O4:O7" si="0">IFERROR(K4/M4,"")</f>');
    for (const r of [5, 6, 7]) t = t.replace(new RegExp(`(<c r="O${r}"[^>]*>)<f>[^<]*</f>`), '$1<f t="shared" si="0"/>');
    return t;
  });

  // pivot table on 集計 with its cache (definition + records) from the workbook
  zip.file(
    'xl/pivotCache/pivotCacheDefinition1.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotCacheDefinition xmlns="${NS_MAIN}" xmlns:r="${NS_R}" r:id="rId1" refreshOnLoad="1" recordCount="2"><cacheSource type="worksheet"><worksheetSource ref="E3:E5" sheet="政策推進課"/></cacheSource><cacheFields count="1"><cacheField name="指標名" numFmtId="0"><sharedItems count="2"><s v="登録者数"/><s v="新規雇用創出数"/></sharedItems></cacheField></cacheFields></pivotCacheDefinition>`,
  );
  zip.file('xl/pivotCache/pivotCacheRecords1.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotCacheRecords xmlns="${NS_MAIN}" xmlns:r="${NS_R}" count="2"><r><x v="0"/></r><r><x v="1"/></r></pivotCacheRecords>`);
  zip.file('xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/pivotCacheRecords" Target="pivotCacheRecords1.xml"/></Relationships>`);
  zip.file(
    'xl/pivotTables/pivotTable1.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotTableDefinition xmlns="${NS_MAIN}" name="ピボット1" cacheId="7" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" dataCaption="値" createdVersion="6" indent="0" outline="1" outlineData="1"><location ref="D1:D3" firstHeaderRow="1" firstDataRow="1" firstDataCol="0"/><pivotFields count="1"><pivotField axis="axisRow" showAll="0"><items count="3"><item x="0"/><item x="1"/><item t="default"/></items></pivotField></pivotFields><rowFields count="1"><field x="0"/></rowFields><rowItems count="3"><i><x/></i><i><x v="1"/></i><i t="grand"><x/></i></rowItems><colItems count="1"><i/></colItems></pivotTableDefinition>`,
  );
  zip.file('xl/pivotTables/_rels/pivotTable1.xml.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/pivotCacheDefinition" Target="../pivotCache/pivotCacheDefinition1.xml"/></Relationships>`);
  await addRel(zip, sheetRels(sumPart), `${REL}/pivotTable`, '../pivotTables/pivotTable1.xml');
  const cacheRel = await addRel(zip, 'xl/_rels/workbook.xml.rels', `${REL}/pivotCacheDefinition`, 'pivotCache/pivotCacheDefinition1.xml');
  await addType(zip, `<Override PartName="/xl/pivotTables/pivotTable1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml"/>`);
  await addType(zip, `<Override PartName="/xl/pivotCache/pivotCacheDefinition1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml"/>`);
  await addType(zip, `<Override PartName="/xl/pivotCache/pivotCacheRecords1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml"/>`);

  // external link (another workbook)
  zip.file(
    'xl/externalLinks/externalLink1.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<externalLink xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><externalBook r:id="rId1"><sheetNames><sheetName val="Sheet1"/></sheetNames><sheetDataSet><sheetData sheetId="0"><row r="1"><cell r="A1"><v>42</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>`,
  );
  zip.file('xl/externalLinks/_rels/externalLink1.xml.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/externalLinkPath" Target="file:///C:/data/%E5%89%8D%E5%B9%B4%E5%BA%A6.xlsx" TargetMode="External"/></Relationships>`);
  const extRel = await addRel(zip, 'xl/_rels/workbook.xml.rels', `${REL}/externalLink`, 'externalLinks/externalLink1.xml');
  await addType(zip, `<Override PartName="/xl/externalLinks/externalLink1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/>`);

  await editText(zip, 'xl/workbook.xml', (s) =>
    s.replace('</sheets>', `</sheets><externalReferences><externalReference r:id="${extRel}"/></externalReferences>`).replace('</workbook>', `<pivotCaches><pivotCache cacheId="7" r:id="${cacheRel}"/></pivotCaches></workbook>`),
  );

  // custom XML item with its properties
  zip.file('customXml/item1.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<b:Sources xmlns:b="http://schemas.openxmlformats.org/officeDocument/2006/bibliography" SelectedStyle="/APA.XSL"/>`);
  zip.file('customXml/itemProps1.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<ds:datastoreItem ds:itemID="{6C9E2D2E-1C8F-4C51-9F00-2E5E4B1A7A11}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs/></ds:datastoreItem>`);
  zip.file('customXml/_rels/item1.xml.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/customXmlProps" Target="itemProps1.xml"/></Relationships>`);
  await addRel(zip, 'xl/_rels/workbook.xml.rels', `${REL}/customXml`, '../customXml/item1.xml');
  await addType(zip, `<Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/>`);

  // printer settings of 集計
  zip.file('xl/printerSettings/printerSettings1.bin', new Uint8Array(Array.from({ length: 256 }, (_, i) => (i * 7) % 256)));
  await addRel(zip, sheetRels(sumPart), `${REL}/printerSettings`, '../printerSettings/printerSettings1.bin');
  await addType(zip, `<Override PartName="/xl/printerSettings/printerSettings1.bin" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings"/>`);

  // threaded comment + persons
  zip.file('xl/persons/person.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="${NS_MAIN}"><person displayName="政策推進課" id="{A1B2C3D4-0000-4000-8000-000000000001}" userId="seisaku" providerId="None"/></personList>`);
  await addRel(zip, 'xl/_rels/workbook.xml.rels', 'http://schemas.microsoft.com/office/2017/10/relationships/person', 'persons/person.xml');
  await addType(zip, `<Override PartName="/xl/persons/person.xml" ContentType="application/vnd.ms-excel.person+xml"/>`);
  zip.file(
    'xl/threadedComments/threadedComment1.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="${NS_MAIN}"><threadedComment ref="A2" dT="2024-04-01T09:00:00.00" personId="{A1B2C3D4-0000-4000-8000-000000000001}" id="{B1B2C3D4-0000-4000-8000-000000000002}"><text>確認お願いします</text></threadedComment></ThreadedComments>`,
  );
  await addRel(zip, sheetRels(sumPart), 'http://schemas.microsoft.com/office/2017/10/relationships/threadedComment', '../threadedComments/threadedComment1.xml');
  await addType(zip, `<Override PartName="/xl/threadedComments/threadedComment1.xml" ContentType="application/vnd.ms-excel.threadedcomments+xml"/>`);

  if (opts.calcChain) {
    const sheetIds = await sheetIdsByName(zip);
    const cells = [
      ['B1', sheetIds['集計']],
      ...[4, 5, 6, 7].flatMap((r) => [
        [`O${r}`, sheetIds['数式あり']],
        [`P${r}`, sheetIds['数式あり']],
      ]),
    ];
    zip.file('xl/calcChain.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="${NS_MAIN}">${cells.map(([r, i]) => `<c r="${r}" i="${i}"/>`).join('')}</calcChain>`);
    await addRel(zip, 'xl/_rels/workbook.xml.rels', `${REL}/calcChain`, 'calcChain.xml');
    await addType(zip, `<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/>`);
  }

  if (opts.macro) {
    zip.file('xl/vbaProject.bin', FAKE_VBA);
    await addRel(zip, 'xl/_rels/workbook.xml.rels', 'http://schemas.microsoft.com/office/2006/relationships/vbaProject', 'vbaProject.bin');
    await editText(zip, '[Content_Types].xml', (s) =>
      s
        .replace('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml')
        .replace('<Default Extension="xml"', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default Extension="xml"'),
    );
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

async function sheetIdsByName(zip: JSZip): Promise<Record<string, number>> {
  const wb = await zip.file('xl/workbook.xml')!.async('string');
  const out: Record<string, number> = {};
  for (const m of wb.matchAll(/<sheet [^>]*?name="([^"]+)"[^>]*?\/>/g)) out[m[1]] = Number(/sheetId="(\d+)"/.exec(m[0])![1]);
  for (const m of wb.matchAll(/<sheet [^>]*?sheetId="(\d+)"[^>]*?name="([^"]+)"[^>]*?\/>/g)) out[m[2]] = Number(m[1]);
  return out;
}

// ---------------------------------------------------------------- plans from the real engine

export interface Planned {
  review: Review;
  plan: WritePlan;
  log: LogAppend;
  sheets: RawSheet[];
  workbook: ExcelJS.Workbook;
}

export async function loadBook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

export async function planFor(bytes: Uint8Array, time = '2024-04-01T00:00:00.000Z'): Promise<Planned> {
  const workbook = await loadBook(bytes);
  const { sheets } = await readXlsx(bytes);
  const r = review([{ file: 'dept.xlsx', sheets }], makeSettings({}));
  const log = planLogAppend(
    sheets.find((s) => s.name === LOG_SHEET),
    r,
    0,
    { time, runner: 'CLI', file: 'dept.xlsx' },
  );
  return { review: r, plan: r.files[0].plan, log, sheets, workbook };
}

/** Decompressed bytes of every part. */
export async function partsOf(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Buffer>();
  for (const name of Object.keys(zip.files)) if (!zip.files[name].dir) out.set(name, await zip.files[name].async('nodebuffer'));
  return out;
}

export async function partText(bytes: Uint8Array, part: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  return zip.file(part)!.async('string');
}

export async function replacePart(bytes: Uint8Array, part: string, edit: (s: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  await editText(zip, part, edit);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
