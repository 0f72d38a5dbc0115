/**
 * exceljs cannot write charts, so the summary's native column chart (mean 達成率 per
 * 基本目標) is added to the saved .xlsx package: a chart part, a drawing part anchoring it,
 * their relationships, content types, and the <drawing> element in the sheet.
 * The chart carries cached values so it shows before Excel recalculates.
 */
import JSZip from 'jszip';
import { columnLetters } from '../domain/address';
import type { SummaryChart, SummaryTable } from '../domain/summaryModel';

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function absRange(sheet: string, col: number, top: number, bottom: number): string {
  const c = columnLetters(col);
  return `'${sheet.replace(/'/g, "''")}'!$${c}$${top + 1}:$${c}$${bottom + 1}`;
}

export interface ChartData {
  sheetName: string;
  chart: SummaryChart;
  table: SummaryTable;
}

function chartXml(d: ChartData): string {
  const { chart, table, sheetName } = d;
  const firstRow = table.titleRow + 2;
  const lastRow = firstRow + chart.rowCount - 1;
  const cats = table.rows.slice(0, chart.rowCount).map((r) => String(r[chart.categoryColumn].v ?? ''));
  const catRef = absRange(sheetName, table.left + chart.categoryColumn, firstRow, lastRow);
  const series = chart.valueColumns
    .map((vc, i) => {
      const nameRef = `'${sheetName.replace(/'/g, "''")}'!$${columnLetters(table.left + vc)}$${table.titleRow + 2}`;
      const vals = table.rows.slice(0, chart.rowCount).map((r) => r[vc].v);
      const color = i === 0 ? '5B9BD5' : 'ED7D31';
      return `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>
<c:tx><c:strRef><c:f>${esc(nameRef)}</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>${esc(table.headers[vc])}</c:v></c:pt></c:strCache></c:strRef></c:tx>
<c:spPr><a:solidFill><a:srgbClr val="${color}"/></a:solidFill></c:spPr>
<c:invertIfNegative val="0"/>
<c:dLbls><c:numFmt formatCode="0.0%" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>
<c:cat><c:strRef><c:f>${esc(catRef)}</c:f><c:strCache><c:ptCount val="${cats.length}"/>${cats.map((c, j) => `<c:pt idx="${j}"><c:v>${esc(c)}</c:v></c:pt>`).join('')}</c:strCache></c:strRef></c:cat>
<c:val><c:numRef><c:f>${esc(absRange(sheetName, table.left + vc, firstRow, lastRow))}</c:f><c:numCache><c:formatCode>0.0%</c:formatCode><c:ptCount val="${vals.length}"/>${vals
        .map((v, j) => (typeof v === 'number' ? `<c:pt idx="${j}"><c:v>${v}</c:v></c:pt>` : ''))
        .join('')}</c:numCache></c:numRef></c:val></c:ser>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<c:roundedCorners val="0"/>
<c:chart>
<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1400" b="1"/></a:pPr><a:r><a:rPr lang="ja-JP" sz="1400" b="1"/><a:t>${esc(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>
<c:autoTitleDeleted val="0"/>
<c:plotArea><c:layout/>
<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>
${series}
<c:gapWidth val="80"/><c:axId val="50010001"/><c:axId val="50010002"/></c:barChart>
<c:catAx><c:axId val="50010001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="50010002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>
<c:valAx><c:axId val="50010002"/><c:scaling><c:orientation val="minMax"/><c:max val="1.2"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="0%" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="50010001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/><c:majorUnit val="0.2"/></c:valAx>
</c:plotArea>
<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>
<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>
</c:chart>
</c:chartSpace>`;
}

function drawingXml(chart: SummaryChart, rId: string): string {
  // about 64 px per column and 20 px per row at default sizes
  const toCol = chart.left + Math.max(1, Math.round(chart.width / 64));
  const toRow = chart.top + Math.max(1, Math.round(chart.height / 20));
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">
<xdr:twoCellAnchor editAs="oneCell">
<xdr:from><xdr:col>${chart.left}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${chart.top}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>
<xdr:to><xdr:col>${toCol}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${toRow}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>
<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="PR_GoalChart"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>
<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>
<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="${rId}"/></a:graphicData></a:graphic>
</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>
</xdr:wsDr>`;
}

const REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DRAWING_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';
const CHART_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart';

/** Path of the worksheet part for a sheet name, via workbook.xml and its relationships. */
async function sheetPart(zip: JSZip, sheetName: string): Promise<string> {
  const wb = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const m = new RegExp(`<sheet [^>]*name="${esc(sheetName).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*r:id="([^"]+)"`).exec(wb);
  if (!m) throw new Error(`sheet ${sheetName} not in workbook.xml`);
  const t = new RegExp(`<Relationship [^>]*Id="${m[1]}"[^>]*Target="([^"]+)"`).exec(rels) ?? new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${m[1]}"`).exec(rels);
  if (!t) throw new Error(`relationship ${m[1]} not found`);
  const target = t[1].replace(/^\/?xl\//, '');
  return 'xl/' + target;
}

/** Start offsets and names of the worksheet's direct children (schema order matters). */
export function topLevelElements(xml: string): { name: string; start: number }[] {
  const out: { name: string; start: number }[] = [];
  let depth = 0;
  let i = xml.indexOf('<worksheet');
  while (i >= 0 && i < xml.length) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) break;
    const gt = xml.indexOf('>', lt);
    if (gt < 0) break;
    const tag = xml.slice(lt + 1, gt);
    if (tag.startsWith('?') || tag.startsWith('!')) {
      i = gt + 1;
      continue;
    }
    if (tag.startsWith('/')) depth--;
    else {
      if (depth === 1) out.push({ name: tag.split(/[\s/]/)[0], start: lt });
      if (!tag.endsWith('/')) depth++;
    }
    i = gt + 1;
  }
  return out;
}

function freeName(zip: JSZip, pattern: (n: number) => string): string {
  let n = 1;
  while (zip.file(pattern(n))) n++;
  return pattern(n);
}

export async function addChart(xlsx: Uint8Array, data: ChartData): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(xlsx);
  const part = await sheetPart(zip, data.sheetName);
  const chartPath = freeName(zip, (n) => `xl/charts/chart${n}.xml`);
  const drawingPath = freeName(zip, (n) => `xl/drawings/drawing${n}.xml`);
  const drawingName = drawingPath.split('/').pop()!;
  const chartName = chartPath.split('/').pop()!;

  zip.file(chartPath, chartXml(data));
  zip.file(drawingPath, drawingXml(data.chart, 'rId1'));
  zip.file(`xl/drawings/_rels/${drawingName}.rels`, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${REL_NS}"><Relationship Id="rId1" Type="${CHART_REL}" Target="../charts/${chartName}"/></Relationships>`);

  const partDir = part.slice(0, part.lastIndexOf('/'));
  const partFile = part.slice(part.lastIndexOf('/') + 1);
  const relsPath = `${partDir}/_rels/${partFile}.rels`;
  let rels = zip.file(relsPath) ? await zip.file(relsPath)!.async('string') : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${REL_NS}"></Relationships>`;
  let id = 1;
  while (rels.includes(`Id="rId${id}"`)) id++;
  const rId = `rId${id}`;
  rels = rels.replace('</Relationships>', `<Relationship Id="${rId}" Type="${DRAWING_REL}" Target="../drawings/${drawingName}"/></Relationships>`);
  zip.file(relsPath, rels);

  let sheet = await zip.file(part)!.async('string');
  if (sheet.includes('<drawing ')) throw new Error('summary sheet already has a drawing');
  const drawingEl = `<drawing r:id="${rId}"/>`;
  const after = new Set(['legacyDrawing', 'legacyDrawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst']);
  const next = topLevelElements(sheet).find((e) => after.has(e.name));
  const at = next ? next.start : sheet.lastIndexOf('</worksheet>');
  sheet = sheet.slice(0, at) + drawingEl + sheet.slice(at);
  if (!/xmlns:r=/.test(sheet.slice(0, sheet.indexOf('>', sheet.indexOf('<worksheet'))))) {
    sheet = sheet.replace('<worksheet ', '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ');
  }
  zip.file(part, sheet);

  let types = await zip.file('[Content_Types].xml')!.async('string');
  types = types.replace(
    '</Types>',
    `<Override PartName="/${chartPath}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>` +
      `<Override PartName="/${drawingPath}" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>`,
  );
  zip.file('[Content_Types].xml', types);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
