/**
 * Reviewed sheets print: a sheet without a page setup of its own gets A4 landscape, one page
 * wide, with its header rows as print titles; a sheet whose author set anything keeps it exactly.
 */
import { patchWorkbook, validatePackage } from '../../src/xlsx/patch';
import { WORKSHEET_ORDER } from '../../src/xlsx/ooxml/schemaOrder';
import { topLevelElements } from './addChart';
import { baseWorkbook, loadBook, partText, planFor, replacePart } from './fixtures';

const KPI = 'xl/worksheets/sheet1.xml';

function schemaOrdered(xml: string): boolean {
  const order = topLevelElements(xml).map((e) => WORKSHEET_ORDER.indexOf(e.name));
  return order.every((x, i) => x >= 0 && (i === 0 || x >= order[i - 1]));
}

describe('page setup of reviewed sheets', () => {
  test('none of its own, narrow enough: A4 landscape, one page wide, the header row repeated; valid, in schema order', async () => {
    // the fixture's sheet with narrower columns: its 19 columns fit one page at a readable size
    const x0 = await replacePart(await baseWorkbook(), KPI, (s) => s.replace(/<cols>[\s\S]*?<\/cols>/, '<cols><col min="1" max="19" width="8" customWidth="1"/></cols>'));
    const p = await planFor(x0);
    const x1 = await patchWorkbook(x0, p.plan, null);
    expect(await validatePackage(x1)).toEqual([]);
    const sheet = await partText(x1, KPI);
    expect(sheet).toMatch(/<sheetPr[^>]*>.*<pageSetUpPr fitToPage="1"\/>.*<\/sheetPr>/);
    expect(sheet).toMatch(/<pageSetup [^>]*orientation="landscape"[^>]*\/>/);
    expect(sheet).toMatch(/<pageSetup [^>]*paperSize="9"/);
    expect(sheet).toMatch(/<pageSetup [^>]*fitToWidth="1" fitToHeight="0"/);
    expect(sheet).not.toMatch(/<pageSetup [^>]*scale=/);
    expect(schemaOrdered(sheet)).toBe(true);
    const wb = await partText(x1, 'xl/workbook.xml');
    expect(wb).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">'政策推進課'!$3:$3</definedName>`);
    // as another reader sees it
    const book = await loadBook(x1);
    const ws = book.getWorksheet('政策推進課')!;
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
  });

  test('none of its own, too wide to read on one page: the scale that keeps 6.5 pt, the indicator column repeated across pages', async () => {
    // very wide columns, as department sheets often have (a 60-character 備考 …)
    const x0 = await replacePart(await baseWorkbook(), KPI, (s) => s.replace(/<cols>[\s\S]*?<\/cols>/, '<cols><col min="1" max="19" width="30" customWidth="1"/></cols>'));
    const x1 = await patchWorkbook(x0, (await planFor(x0)).plan, null);
    expect(await validatePackage(x1)).toEqual([]);
    const sheet = await partText(x1, KPI);
    // 11 pt body text at 60% prints at 6.6 pt
    expect(sheet).toMatch(/<pageSetup [^>]*orientation="landscape"[^>]*paperSize="9" scale="60"\/>/);
    expect(sheet).not.toContain('fitToPage');
    expect(schemaOrdered(sheet)).toBe(true);
    // 指標名 (E) and the header row on every page
    expect(await partText(x1, 'xl/workbook.xml')).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">'政策推進課'!$E:$E,'政策推進課'!$3:$3</definedName>`);
  });

  test('a sheet with its own page setup keeps it: landscape, a paper size, a scale, breaks or print titles', async () => {
    const x0 = await baseWorkbook();
    const variants: [string, (xml: string) => string][] = [
      ['paper size', (s) => s.replace(/<pageSetup /, '<pageSetup paperSize="8" ')],
      ['scale', (s) => s.replace(/scale="100"/, 'scale="70"')],
      ['breaks', (s) => s.replace(/<drawing /, '<rowBreaks count="1" manualBreakCount="1"><brk id="5" max="16383" man="1"/></rowBreaks><drawing ').replace(/(<\/sheetData>[\s\S]*?)(<\/worksheet>)/, (m, a: string, b: string) => (a.includes('<rowBreaks') ? m : a + '<rowBreaks count="1" manualBreakCount="1"><brk id="5" max="16383" man="1"/></rowBreaks>' + b))],
    ];
    for (const [what, edit] of variants) {
      const x = await replacePart(x0, KPI, edit);
      const before = await partText(x, KPI);
      const p = await planFor(x);
      const y = await patchWorkbook(x, p.plan, null);
      const after = await partText(y, KPI);
      const tail = (xml: string) => xml.slice(xml.indexOf('</sheetData>')).replace(/<conditionalFormatting[\s\S]*?<\/conditionalFormatting>/g, '');
      expect({ what, tail: tail(after) }).toEqual({ what, tail: tail(before) });
      expect({ what, fit: after.includes('fitToPage') }).toEqual({ what, fit: false });
      expect({ what, titles: (await partText(y, 'xl/workbook.xml')).includes("localSheetId=\"0\">'政策推進課'") }).toEqual({ what, titles: false });
    }
    // print titles set by the author: the whole page setup is theirs
    const withTitles = await replacePart(x0, 'xl/workbook.xml', (s) => s.replace('</sheets>', `</sheets><definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">'政策推進課'!$1:$3</definedName></definedNames>`));
    const p = await planFor(withTitles);
    const y = await patchWorkbook(withTitles, p.plan, null);
    expect(await partText(y, KPI)).not.toContain('fitToPage');
    expect((await partText(y, 'xl/workbook.xml')).match(/_xlnm.Print_Titles" localSheetId="0"/g)).toHaveLength(1);
  });

  test('reviewing the reviewed copy again changes nothing more (its setup is now its own)', async () => {
    const x0 = await baseWorkbook();
    const x1 = await patchWorkbook(x0, (await planFor(x0)).plan, null);
    const x2 = await patchWorkbook(x1, (await planFor(x1)).plan, null);
    expect(await partText(x2, KPI)).toBe(await partText(x1, KPI));
    expect(await partText(x2, 'xl/workbook.xml')).toBe(await partText(x1, 'xl/workbook.xml'));
  });
});
