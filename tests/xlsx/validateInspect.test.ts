/** The structural validator (it must catch what Excel would repair), inspectPackage, and cells without r. */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { inspectPackage, patchWorkbook, prefetchSheets, validatePackage } from '../../src/xlsx/patch';
import { PrefetchedSheets } from '../../src/xlsx/patch/prefetch';
import { describeFeatures, extensionUris } from '../../src/xlsx/patch/inspect';
import { checkXml } from '../../src/xlsx/xml/wellFormed';
import { baseWorkbook, kpiSheet, partText, planFor, replacePart } from './fixtures';

jest.setTimeout(30_000);

async function small(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  kpiSheet(wb.addWorksheet('政策推進課'));
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe('checkXml (strict well-formedness)', () => {
  test.each([
    ['<a><b></a>', /does not match/],
    ['<a x="1" x="2"/>', /duplicate attribute/],
    ['<a>&nbsp;</a>', /entity/],
    ['<a>AT&T</a>', /entity/],
    ['<p:a/>', /undeclared namespace prefix/],
    ['<a y:z="1"/>', /undeclared namespace prefix/],
    ['<a x=1/>', /unquoted/],
    ['<a x="<"/>', /'<' in attribute/],
    ['<a/><b/>', /second root/],
    ['<a>\u0001</a>', /not allowed in XML/],
    ['<!DOCTYPE a><a/>', /DOCTYPE/],
    ['<a><!-- a -- b --></a>', /comment/],
    ['<a>', /not closed/],
    ['text<a/>', /outside the root/],
  ])('%s is rejected', (xml, why) => {
    expect(checkXml(xml)).toMatch(why);
  });

  test('well-formed documents pass', () => {
    expect(checkXml('<?xml version="1.0" encoding="UTF-8"?>\n<a xmlns:p="u" p:x=\'1\'><p:b>&amp;&#x41;&#65;<![CDATA[<x>]]></p:b><t xml:space="preserve"> </t></a>')).toBeNull();
  });
});

describe('validatePackage', () => {
  test('an exceljs workbook is valid', async () => {
    expect(await validatePackage(await small())).toEqual([]);
  });

  test.each([
    ['a cell style out of range', 'xl/worksheets/sheet1.xml', (s: string) => s.replace('<c r="A1"', '<c r="A1" s="99"'), /s=99 ≥ cellXfs count/],
    ['cells out of order', 'xl/worksheets/sheet1.xml', (s: string) => s.replace(/<c r="B4"/, '<c r="A4x"').replace('<c r="A4x"', '<c r="Z4"'), /out of order|bad cell reference/],
    ['rows out of order', 'xl/worksheets/sheet1.xml', (s: string) => s.replace('<row r="5"', '<row r="2"'), /row 2 out of order/],
    ['a cell of another row', 'xl/worksheets/sheet1.xml', (s: string) => s.replace('<c r="A5"', '<c r="A6"'), /cell A6 inside row 5/],
    ['children out of schema order', 'xl/worksheets/sheet1.xml', (s: string) => s.replace(/(<mergeCells.*?<\/mergeCells>)(.*)(<pageMargins[^>]*\/>)/, '$3$2$1'), /breaks the schema order/],
    ['a count that does not match', 'xl/styles.xml', (s: string) => s.replace(/<cellXfs count="(\d+)"/, '<cellXfs count="99"'), /cellXfs count="99"/],
    ['a dxf index out of range', 'xl/worksheets/sheet1.xml', (s: string) => s.replace('</sheetData>', '</sheetData><conditionalFormatting sqref="A1"><cfRule type="expression" dxfId="5" priority="1"><formula>1</formula></cfRule></conditionalFormatting>'), /dxfId=5/],
    ['text with spaces but no xml:space', 'xl/worksheets/sheet1.xml', (s: string) => s.replace('<c r="A1"', '<c r="AA1" t="inlineStr"><is><t> x </t></is></c><c r="A1"').replace(/(<c r="AA1".*?<\/c>)(<c r="A1"[^>]*?(?:\/>|>.*?<\/c>))/, '$2$1'), /xml:space/],
    ['a dangling relationship', 'xl/_rels/workbook.xml.rels', (s: string) => s.replace('</Relationships>', '<Relationship Id="rId99" Type="x" Target="nothing.xml"/></Relationships>'), /targets missing part/],
    ['a part with the wrong content type', '[Content_Types].xml', (s: string) => s.replace(/<Override PartName="\/xl\/styles.xml"[^>]*\/>/, ''), /xl\/styles.xml: content type application\/xml does not fit/],
    ['a part without content type', '[Content_Types].xml', (s: string) => s.replace(/<Default Extension="rels"[^>]*\/>/, ''), /_rels\/\.rels: no content type/],
    ['malformed XML', 'xl/worksheets/sheet1.xml', (s: string) => s.replace('</sheetData>', '</sheetdata>'), /does not match/],
  ])('%s is reported', async (_what, part, edit, why) => {
    const bad = await replacePart(await small(), part, edit);
    const problems = await validatePackage(bad);
    expect(problems.join('\n')).toMatch(why);
  });
});

describe('inspectPackage', () => {
  test('a plain exceljs workbook holds nothing exceljs would lose; parts are listed', async () => {
    const inv = await inspectPackage(await small());
    expect(inv.features).toEqual([]);
    expect(inv.parts).toEqual(expect.arrayContaining(['xl/workbook.xml', 'xl/worksheets/sheet1.xml', '[Content_Types].xml']));
  });

  test('feature labels for the CLI, in Japanese and English', async () => {
    const zip = new JSZip();
    for (const p of ['xl/slicers/slicer1.xml', 'xl/slicerCaches/slicerCache1.xml', 'xl/timelines/timeline1.xml', 'xl/activeX/activeX1.xml', 'xl/ctrlProps/ctrlProp1.xml', 'xl/embeddings/oleObject1.bin', 'xl/connections.xml', 'xl/queryTables/queryTable1.xml', 'xl/webextensions/webextension1.xml', 'xl/model/item.data', 'xl/chartsheets/sheet1.xml', 'xl/richData/rdrichvalue.xml']) zip.file(p, '<x/>');
    zip.file('customXml/item1.xml', '<DataMashup xmlns="http://schemas.microsoft.com/DataMashup">AAAA</DataMashup>');
    zip.file('xl/drawings/vmlDrawing1.vml', '<xml xmlns:x="urn:schemas-microsoft-com:office:excel"><v:shape><x:ClientData ObjectType="Note"/></v:shape><v:shape><x:ClientData ObjectType="Checkbox"/></v:shape></xml>');
    zip.file('xl/drawings/vmlDrawing2.vml', '<xml xmlns:x="urn:schemas-microsoft-com:office:excel"><v:shape><x:ClientData ObjectType="Note"/></v:shape></xml>');
    const inv = await inspectPackage(await zip.generateAsync({ type: 'uint8array' }));
    expect(inv.features.map((f) => f.key).sort()).toEqual(
      ['slicers', 'timelines', 'controls', 'embeddings', 'connections', 'queryTables', 'webExtensions', 'dataModel', 'chartsheets', 'richData', 'customXml', 'powerQuery', 'formControls'].sort(),
    );
    expect(inv.features.find((f) => f.key === 'formControls')!.parts).toEqual(['xl/drawings/vmlDrawing1.vml']);
    expect(inv.features.find((f) => f.key === 'slicers')!.parts).toEqual(['xl/slicers/slicer1.xml', 'xl/slicerCaches/slicerCache1.xml']);
    expect(describeFeatures(inv, 'ja')).toContain('スライサー（2 部品）');
    expect(describeFeatures(inv, 'en')).toContain('slicers (2 parts)');
  });
});

test('inspectPackage reads a sheet\'s extension uris as it is inflated, whatever chunk boundary cuts their tags', async () => {
  const xml =
    '<worksheet xmlns="m"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>next text</t></is></c></row></sheetData>' +
    '<extLst><ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="x"><x14:sparklineGroups/></ext>' +
    '<x:ext\turi=\'{78C0D931-6437-407d-A8EE-F0AAD7539E65}\'/><mext uri="{NOT-AN-EXT}"/></extLst></worksheet>';
  const bytes = new TextEncoder().encode(xml);
  async function* cut(at: number[]) {
    let from = 0;
    for (const to of [...at, bytes.length]) {
      yield bytes.slice(from, to);
      from = to;
    }
  }
  const expected = new Set(['{05C60535-1F16-4FD2-B633-F4F36F0B64E0}', '{78C0D931-6437-407D-A8EE-F0AAD7539E65}']);
  for (let at = 1; at < bytes.length; at++) expect(await extensionUris(cut([at]))).toEqual(expected);
  expect(await extensionUris(cut(Array.from({ length: bytes.length - 1 }, (_, i) => i + 1)))).toEqual(expected);
});

test('inspectPackage: x14 extensions other than sparklines are listed as sheet extensions', async () => {
  const x = await replacePart(await small(), 'xl/worksheets/sheet1.xml', (s) =>
    s.replace('</worksheet>', '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations count="0"/></ext></extLst></worksheet>'),
  );
  const inv = await inspectPackage(x);
  expect(inv.features.map((f) => [f.key, f.parts])).toEqual([['sheetExtensions', ['xl/worksheets/sheet1.xml']]]);
});

test('inspectPackage scans sheets inflated ahead as they are, and leaves them for the patch', async () => {
  const x = await replacePart(await small(), 'xl/worksheets/sheet1.xml', (s) =>
    s.replace('</worksheet>', '<extLst><ext uri="{05C60535-1F16-4FD2-B633-F4F36F0B64E0}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:sparklineGroups/></ext></extLst></worksheet>'),
  );
  const prefetched = await prefetchSheets(x, ['政策推進課']);
  const sheet = prefetched.peek().get('xl/worksheets/sheet1.xml')!;
  // were the prefetched bytes not the ones scanned, this sheet would show no sparklines
  const other = await replacePart(x, 'xl/worksheets/sheet1.xml', (s) => s.replace(/<extLst>.*<\/extLst>/, ''));
  expect((await inspectPackage(other, new PrefetchedSheets(other, new Map([['xl/worksheets/sheet1.xml', sheet]])))).features.map((f) => f.key)).toEqual(['sparklines']);
  expect((await inspectPackage(x, prefetched)).features.map((f) => f.key)).toEqual(['sparklines']);
  expect((await inspectPackage(other, prefetched)).features).toEqual([]); // prefetched from other bytes: not used
  expect(prefetched.take().get('xl/worksheets/sheet1.xml')).toBe(sheet);
});

/** Drops r from every cell that directly follows its left neighbour (what LibreOffice may write). */
function stripRefs(xml: string): string {
  return xml.replace(/<row [^>]*>.*?<\/row>/g, (row) => {
    let prev = -1;
    return row.replace(/<c r="([A-Z]+)\d+"/g, (m, letters: string) => {
      let col = 0;
      for (const ch of letters) col = col * 26 + ch.charCodeAt(0) - 64;
      col -= 1;
      const out = col === prev + 1 ? '<c' : m;
      prev = col;
      return out;
    });
  });
}

/** Puts r back on cells that lack it, by counting (independent of the patcher's code). */
function addRefs(xml: string): string {
  return xml.replace(/<row r="(\d+)"[^>]*>.*?<\/row>/g, (row, r: string) => {
    let prev = -1;
    return row.replace(/<c( r="([A-Z]+)\d+")?(?=[ >/])/g, (m, withRef: string | undefined, letters: string | undefined) => {
      if (withRef) {
        let col = 0;
        for (const ch of letters!) col = col * 26 + ch.charCodeAt(0) - 64;
        prev = col - 1;
        return m;
      }
      prev += 1;
      let n = prev + 1;
      let s = '';
      while (n > 0) {
        s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
        n = Math.floor((n - 1) / 26);
      }
      return `<c r="${s}${r}"`;
    });
  });
}

test('a sheet whose cells lack r: the patch equals the patch of the same sheet with r, once r is put back', async () => {
  const x = await baseWorkbook();
  const p = await planFor(x);
  const stripped = await replacePart(x, 'xl/worksheets/sheet1.xml', stripRefs);
  const strippedXml = await partText(stripped, 'xl/worksheets/sheet1.xml');
  expect((strippedXml.match(/<c[ >]/g) ?? []).length).toBeGreaterThan((strippedXml.match(/<c r=/g) ?? []).length + 20);
  const a = await patchWorkbook(x, p.plan, p.log);
  const b = await patchWorkbook(stripped, p.plan, p.log);
  const xa = await partText(a, 'xl/worksheets/sheet1.xml');
  const xb = await partText(b, 'xl/worksheets/sheet1.xml');
  expect(xb).not.toBe(xa);
  expect(addRefs(xb)).toBe(xa);
  expect(await validatePackage(b)).toEqual([]);
});
