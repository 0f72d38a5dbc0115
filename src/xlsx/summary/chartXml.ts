/**
 * The native column chart of the summary (mean 達成率 per 基本目標) as DrawingML: the chart
 * part and the drawing part that anchors it. Cached values let it show before Excel
 * recalculates.
 */
import { columnLetters, quoteSheetName } from '../../domain/base/address';
import { cellValue } from '../../domain/output/summary/cell';
import type { SummaryChart, SummaryTable } from '../../domain/output/summary/types';
import { tableHeaders } from './sheetXml';
import { NS } from '../ooxml/namespaces';
import { safeAttr as esc } from '../xml/escape';

function absRange(sheet: string, col: number, top: number, bottom: number): string {
  const c = columnLetters(col);
  return `${quoteSheetName(sheet)}!$${c}$${top + 1}:$${c}$${bottom + 1}`;
}

export interface ChartData {
  sheetName: string;
  chart: SummaryChart;
  table: SummaryTable;
}

const SERIES_COLORS = ['5B9BD5', 'ED7D31', 'A5A5A5'];

export function chartXml(d: ChartData): string {
  const { chart, table, sheetName } = d;
  const firstRow = table.headerRow + 1;
  const headers = tableHeaders(table.columns.map((c) => c.header));
  const lastRow = firstRow + chart.rowCount - 1;
  const cats = table.rows.slice(0, chart.rowCount).map((r) => String(cellValue(r[chart.categoryColumn]) ?? ''));
  const catRef = absRange(sheetName, table.left + chart.categoryColumn, firstRow, lastRow);
  const series = chart.valueColumns
    .map((vc, i) => {
      const nameRef = `${quoteSheetName(sheetName)}!$${columnLetters(table.left + vc)}$${table.headerRow + 1}`;
      const vals = table.rows.slice(0, chart.rowCount).map((r) => cellValue(r[vc]));
      const color = SERIES_COLORS[i % SERIES_COLORS.length];
      return `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>
<c:tx><c:strRef><c:f>${esc(nameRef)}</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>${esc(headers[vc])}</c:v></c:pt></c:strCache></c:strRef></c:tx>
<c:spPr><a:solidFill><a:srgbClr val="${color}"/></a:solidFill></c:spPr>
<c:invertIfNegative val="0"/>
<c:dLbls><c:numFmt formatCode="${esc(chart.labelFormat)}" sourceLinked="0"/><c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"/></a:pPr><a:endParaRPr lang="ja-JP"/></a:p></c:txPr><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>
<c:cat><c:strRef><c:f>${esc(catRef)}</c:f><c:strCache><c:ptCount val="${cats.length}"/>${cats.map((c, j) => `<c:pt idx="${j}"><c:v>${esc(c)}</c:v></c:pt>`).join('')}</c:strCache></c:strRef></c:cat>
<c:val><c:numRef><c:f>${esc(absRange(sheetName, table.left + vc, firstRow, lastRow))}</c:f><c:numCache><c:formatCode>${esc(chart.labelFormat)}</c:formatCode><c:ptCount val="${vals.length}"/>${vals
        .map((v, j) => (typeof v === 'number' ? `<c:pt idx="${j}"><c:v>${v}</c:v></c:pt>` : ''))
        .join('')}</c:numCache></c:numRef></c:val></c:ser>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="${NS.chart}" xmlns:a="${NS.drawingMain}" xmlns:r="${NS.relationships}">
<c:roundedCorners val="0"/>
<c:chart>
<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1400" b="1"/></a:pPr><a:r><a:rPr lang="ja-JP" sz="1400" b="1"/><a:t>${esc(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>
<c:autoTitleDeleted val="0"/>
<c:plotArea><c:layout/>
<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>
${series}
<c:gapWidth val="80"/><c:axId val="50010001"/><c:axId val="50010002"/></c:barChart>
<c:catAx><c:axId val="50010001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="50010002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>
<c:valAx><c:axId val="50010002"/><c:scaling><c:orientation val="minMax"/><c:max val="${chart.axis.max}"/><c:min val="${chart.axis.min}"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="0%" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="50010001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/><c:majorUnit val="${chart.axis.majorUnit}"/></c:valAx>
</c:plotArea>
<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>
<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>
</c:chart>
</c:chartSpace>`;
}

/** the chart anchored to the cells the layout gave it */
export function drawingXml(chart: SummaryChart, rId: string): string {
  const toCol = chart.right;
  const toRow = chart.bottom;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<xdr:wsDr xmlns:xdr="${NS.spreadsheetDrawing}" xmlns:a="${NS.drawingMain}">
<xdr:twoCellAnchor editAs="twoCell">
<xdr:from><xdr:col>${chart.left}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${chart.top}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>
<xdr:to><xdr:col>${toCol}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${toRow}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>
<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="PR_GoalChart"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>
<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>
<a:graphic><a:graphicData uri="${NS.chart}"><c:chart xmlns:c="${NS.chart}" xmlns:r="${NS.relationships}" r:id="${rId}"/></a:graphicData></a:graphic>
</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>
</xdr:wsDr>`;
}

