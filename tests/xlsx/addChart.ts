/**
 * Test fixture: adds a native column chart to a saved .xlsx package (chart part, drawing
 * part, relationships, content types, <drawing> in the sheet), to build workbooks holding
 * parts exceljs cannot write. The product writes charts itself (summaryPackage.ts).
 */
import JSZip from 'jszip';
import { chartXml, drawingXml, type ChartData } from '../../src/xlsx/summary/chartXml';
import { safeAttr as esc } from '../../src/xlsx/xml/escape';

export type { ChartData } from '../../src/xlsx/summary/chartXml';

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
  const taken = new Set<string>();
  for (const m of rels.matchAll(/\bId="([^"]+)"/g)) taken.add(m[1]);
  let id = 1;
  while (taken.has(`rId${id}`)) id++;
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
