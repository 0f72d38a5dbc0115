/** The worksheet-part editor and the styles editor on hand-written XML. */
import type { ConditionalFormatPlan } from '../../src/domain/plan/plan';
import { MINIMAL_STYLES, StyleSheet } from '../../src/xlsx/ooxml/styleSheet';
import { CellStyles } from '../../src/xlsx/patch/cellStyles';
import { PatchError } from '../../src/xlsx/patch/patchError';
import { checkStyles, checkWorksheet } from '../../src/xlsx/patch/packageCheck';
import { patchSheetXml } from '../../src/xlsx/patch/worksheet/patchWorksheet';
import { sheetEditsFromPlan } from '../../src/xlsx/patch/patchWorkbook';
import type { SheetPlan } from '../../src/domain/plan/plan';
import { CellRows } from '../../src/xlsx/patch/worksheet/rowWrites';
import type { CellWrite, SheetEdits } from '../../src/xlsx/patch/worksheet/sheetEdits';
import { encodeXstring } from '../../src/xlsx/xml/escape';
import { checkXml } from '../../src/xlsx/xml/wellFormed';

/** the patch writer's cell formats on a stylesheet */
const cellStyles = (xml: string) => new CellStyles(new StyleSheet(xml));

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

function ws(body: string, tail = '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>', head = ''): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}>${head}<sheetData>${body}</sheetData>${tail}</worksheet>`;
}

function edits(rows: Record<number, CellWrite[]>, more: Partial<SheetEdits> = {}): SheetEdits {
  return { sheet: 'S', rows: new CellRows(Object.entries(rows).map(([r, l]) => [Number(r), l])), widths: [], ...more };
}

const keep = { kind: 'keep' } as const;
const data = (numFmt = '0.0%') => ({ kind: 'data', numFmt }) as const;

function sheetData(xml: string): string {
  return /<sheetData>(.*)<\/sheetData>/s.exec(xml)?.[1] ?? /<sheetData\/>/.exec(xml)![0];
}

function valid(xml: string, styles: CellStyles): void {
  const problems: string[] = [];
  const counts = checkStyles(styles.sheet.serialize(), problems);
  checkWorksheet(xml, counts, problems, 'sheet');
  expect(problems).toEqual([]);
}

describe('cells and rows', () => {
  test('rows are created in order, existing rows patched, untouched rows copied as they are', () => {
    const styles = cellStyles(MINIMAL_STYLES);
    const xml = ws('<row r="2" spans="1:2"><c r="A2" t="s"><v>0</v></c><c r="B2"><v>1</v></c></row><row r="6"><c r="A6"><v>5</v></c></row>');
    const out = patchSheetXml(
      xml,
      edits({ 0: [{ col: 1, value: 1, style: keep }], 2: [{ col: 0, value: 'x', style: keep }], 5: [{ col: 2, value: 2.5, style: keep }], 10: [{ col: 0, value: null, style: data() }], 1: [{ col: 3, value: -0, style: keep }] }),
      styles,
    );
    expect(sheetData(out.xml)).toBe(
      '<row r="1"><c r="B1"><v>1</v></c></row>' +
        '<row r="2" spans="1:4"><c r="A2" t="s"><v>0</v></c><c r="B2"><v>1</v></c><c r="D2"><v>0</v></c></row>' +
        '<row r="3"><c r="A3" t="inlineStr"><is><t xml:space="preserve">x</t></is></c></row>' +
        '<row r="6"><c r="A6"><v>5</v></c><c r="C6"><v>2.5</v></c></row>' +
        '<row r="11"><c r="A11" s="1"/></row>',
    );
    expect(out.overwroteFormula).toBe(false);
    valid(out.xml, styles);
  });

  test('an existing cell is replaced: old value, formula, type and metadata dropped; its own style is the base of the new one', () => {
    const styles = cellStyles(
      MINIMAL_STYLES.replace('<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>', '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top"/></xf></cellXfs>'),
    );
    const xml = ws('<row r="1"><c r="A1" s="1" t="str" cm="1"><f>"a"&amp;"b"</f><v>ab</v></c><c r="B1" s="1"><v>3</v></c></row>');
    const out = patchSheetXml(xml, edits({ 0: [{ col: 0, value: 0.25, style: data('0%') }] }), styles);
    expect(sheetData(out.xml)).toBe('<row r="1"><c r="A1" s="2"><v>0.25</v></c><c r="B1" s="1"><v>3</v></c></row>');
    expect(out.overwroteFormula).toBe(true);
    // the derived format keeps the cell's alignment, sets 0% (built-in 9) and the output fill
    expect(styles.sheet.serialize()).toContain('<xf numFmtId="9" fontId="0" fillId="2" borderId="0" xfId="0" applyNumberFormat="1" applyFill="1" applyAlignment="1"><alignment vertical="top"/></xf>');
    valid(out.xml, styles);
  });

  test('output cells between kept cells: replaced and inserted in column order, the cells around them untouched', () => {
    const styles = cellStyles(MINIMAL_STYLES);
    const xml = ws('<row r="1" spans="1:7"><c r="A1" t="s"><v>0</v></c><c r="C1"><v>1</v></c>\n <c r="E1"><f>1+1</f><v>2</v></c><c r="G1" t="b"><v>1</v></c></row>');
    const out = patchSheetXml(xml, edits({ 0: [7, 4, 3, 2].map((col) => ({ col, value: col, style: keep })) }), styles);
    expect(sheetData(out.xml)).toBe('<row r="1" spans="1:8"><c r="A1" t="s"><v>0</v></c><c r="C1"><v>2</v></c>\n <c r="D1"><v>3</v></c><c r="E1"><v>4</v></c><c r="G1" t="b"><v>1</v></c><c r="H1"><v>7</v></c></row>');
    expect(out.overwroteFormula).toBe(true);
  });

  test('a row start tag keeps its attributes; its spans hint grows to the written cells, a self-closing row is opened', () => {
    const styles = cellStyles(MINIMAL_STYLES);
    const xml = ws(
      `<row r="1" spans='2:3' ht="20" customHeight="1"><c r="B1"><v>1</v></c></row>` +
        '<row r="2" spans="1:2 4:5" x14ac:dyDescent="0.25"/>' +
        '<row r="3" spans="1:9"><c r="A3"><v>1</v></c></row>' +
        '<row r="4" spans="a:b" s="2" customFormat="1"/>',
    );
    const write = (col: number) => [{ col, value: 9, style: keep }];
    const out = patchSheetXml(xml, edits({ 0: write(5), 1: write(0), 2: write(1), 3: write(2) }), styles);
    expect(sheetData(out.xml)).toBe(
      `<row r="1" spans='2:6' ht="20" customHeight="1"><c r="B1"><v>1</v></c><c r="F1"><v>9</v></c></row>` +
        '<row r="2" spans="1:5" x14ac:dyDescent="0.25"><c r="A2"><v>9</v></c></row>' +
        '<row r="3" spans="1:9"><c r="A3"><v>1</v></c><c r="B3"><v>9</v></c></row>' +
        '<row r="4" spans="a:b" s="2" customFormat="1"><c r="C4"><v>9</v></c></row>',
    );
  });

  test('text is an inline string, escaped; a leading = stays text; characters XML cannot carry are _xHHHH_', () => {
    const styles = cellStyles(MINIMAL_STYLES);
    const v = '=SUM(A1) & <b> "q" \u0001 _x0041_ ';
    const out = patchSheetXml(ws(''), edits({ 0: [{ col: 0, value: v, style: keep }] }), styles);
    expect(sheetData(out.xml)).toBe('<row r="1"><c r="A1" t="inlineStr"><is><t xml:space="preserve">=SUM(A1) &amp; &lt;b&gt; "q" _x0001_ _x005F_x0041_ </t></is></c></row>');
    expect(encodeXstring('a\r\nb\tc')).toBe('a_x000D_\nb\tc');
    expect(checkXml(out.xml)).toBeNull();
  });

  test('numbers: shortest round-trip text; NaN and Infinity are refused', () => {
    const styles = cellStyles(MINIMAL_STYLES);
    const numbers = [0.1 + 0.2, 1e21, 1 / 3, -12.5, 5e-7, -0, -42, 2 ** 53, 2 ** 53 + 2, 120];
    const out = patchSheetXml(ws(''), edits({ 0: numbers.map((value, col) => ({ col, value, style: keep })) }), styles);
    const vs = [...out.xml.matchAll(/<v>([^<]*)<\/v>/g)].map((m) => m[1]);
    expect(vs).toEqual(['0.30000000000000004', '1e+21', '0.3333333333333333', '-12.5', '5e-7', '0', '-42', '9007199254740992', '9007199254740994', '120']);
    expect(vs.map(Number)).toEqual(numbers.map((n) => n + 0));
    for (const value of [NaN, Infinity, -Infinity]) expect(() => patchSheetXml(ws(''), edits({ 0: [{ col: 0, value, style: keep }] }), styles)).toThrow(PatchError);
  });

  test('cells without r (as LibreOffice may write them): positions are counted, kept cells stay as they are', () => {
    const styles = cellStyles(MINIMAL_STYLES);
    // A5 B5 (no r), E5, F5 (no r)
    const xml = ws('<row r="5"><c t="s"><v>0</v></c><c><v>1</v></c><c r="E5"><v>2</v></c><c><v>3</v></c></row><row><c><v>9</v></c></row>');
    const out = patchSheetXml(xml, edits({ 4: [2, 5, 7].map((col) => ({ col, value: col, style: keep })), 5: [{ col: 1, value: 'b', style: keep }] }), styles);
    expect(sheetData(out.xml)).toBe(
      '<row r="5"><c t="s"><v>0</v></c><c><v>1</v></c><c r="C5"><v>2</v></c><c r="E5"><v>2</v></c><c r="F5"><v>5</v></c><c r="H5"><v>7</v></c></row>' +
        '<row><c><v>9</v></c><c r="B6" t="inlineStr"><is><t xml:space="preserve">b</t></is></c></row>',
    );
    valid(out.xml, styles);
  });

  test('rows and cells out of order, or a cell of another row, are refused with a clear error', () => {
    const styles = cellStyles(MINIMAL_STYLES);
    const w = edits({ 0: [{ col: 0, value: 1, style: keep }] });
    expect(() => patchSheetXml(ws('<row r="3"/><row r="2"/>'), w, styles)).toThrow(/rows are out of order|行の順序/);
    expect(() => patchSheetXml(ws('<row r="1"><c r="C1"/><c r="B1"/></row>'), edits({ 0: [{ col: 1, value: 1, style: keep }] }), styles)).toThrow(/順序/);
    expect(() => patchSheetXml(ws('<row r="1"><c r="B1"/><c r="D1"/><c r="C1"/></row>'), edits({ 0: [{ col: 2, value: 1, style: keep }] }), styles)).toThrow(/順序/);
    expect(() => patchSheetXml(ws('<row r="1"><c r="C1"/><c r="B1"/></row>'), edits({ 0: [{ col: 0, value: 1, style: keep }] }), styles)).toThrow(/順序/);
    expect(() => patchSheetXml(ws('<row r="1"><c r="A2"/></row>'), w, styles)).toThrow(/A2/);
    expect(() => patchSheetXml(ws('<!-- x --><row r="1"/>'), w, styles)).toThrow(/CDATA/);
  });

  test('new cells take the row style (customFormat) or the column style as their base, like Excel shows them', () => {
    const styles = cellStyles(
      MINIMAL_STYLES.replace(
        '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>',
        '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>',
      ).replace('<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>', '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"/><right/><top/><bottom/><diagonal/></border></borders>'),
    );
    const xml = ws('<row r="1" s="1" customFormat="1"><c r="A1" s="1"/></row>', undefined, '<cols><col min="2" max="4" width="9" style="2" customWidth="1"/></cols>');
    const out = patchSheetXml(xml, edits({ 0: [{ col: 1, value: 1, style: data('0.00') }], 1: [{ col: 2, value: 2, style: data('0.00') }] }), styles);
    const s = styles.sheet.serialize();
    const xfs = [...s.matchAll(/<xf [^>]*>/g)].map((m) => m[0]).slice(1); // skip the cellStyleXfs entry
    const sOf = (ref: string) => Number(new RegExp(`<c r="${ref}" s="(\\d+)"`).exec(out.xml)![1]);
    expect(xfs[sOf('B1')]).toContain('borderId="1"'); // from the row
    expect(xfs[sOf('C2')]).toContain('borderId="0"'); // from the column (numFmt replaced)
    expect(xfs[sOf('C2')]).toContain('numFmtId="2"');
    valid(out.xml, styles);
  });

  test('created columns: widths set, an existing <col> range split around them; <dimension> grows', () => {
    const styles = cellStyles(MINIMAL_STYLES);
    const xml = ws('<row r="1"><c r="A1"><v>1</v></c></row>', undefined, '<dimension ref="A1"/><cols><col min="1" max="10" width="9" style="0" customWidth="1"/></cols>');
    const out = patchSheetXml(xml, edits({ 3: [{ col: 4, value: 1, style: keep }, { col: 11, value: 2, style: keep }] }, { widths: [{ col: 4, width: 12 }, { col: 11, width: 8 }] }), styles);
    expect(out.xml).toContain('<dimension ref="A1:L4"/>');
    expect(out.xml).toContain(
      '<cols><col min="1" max="4" width="9" style="0" customWidth="1"/><col min="5" max="5" width="12" style="0" customWidth="1"/><col min="6" max="10" width="9" style="0" customWidth="1"/><col min="12" max="12" width="8" customWidth="1"/></cols>',
    );
    // no <cols> yet: inserted right before <sheetData>
    const out2 = patchSheetXml(ws('', undefined, '<sheetFormatPr defaultRowHeight="15"/>'), edits({ 0: [{ col: 2, value: 1, style: keep }] }, { widths: [{ col: 2, width: 10 }] }), styles);
    expect(out2.xml).toContain('<sheetFormatPr defaultRowHeight="15"/><cols><col min="3" max="3" width="10" customWidth="1"/></cols><sheetData>');
    valid(out.xml, styles);
    valid(out2.xml, styles);
  });

  test('a prefixed worksheet (x:) gets prefixed elements', () => {
    const styles = cellStyles(MINIMAL_STYLES);
    const xml = '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>';
    const out = patchSheetXml(xml, edits({ 0: [{ col: 1, value: 't', style: keep }] }, { conditional: { ownCols: new Set([1]), top: 0, rules: [{ kind: 'iconSet', top: 0, left: 1, bottom: 0, right: 1, thresholds: [0.5, 1] }] } }), styles);
    expect(out.xml).toBe(
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c><x:c r="B1" t="inlineStr"><x:is><x:t xml:space="preserve">t</x:t></x:is></x:c></x:row></x:sheetData>' +
        '<x:conditionalFormatting sqref="B1"><x:cfRule type="iconSet" priority="1"><x:iconSet iconSet="3TrafficLights1"><x:cfvo type="num" val="0"/><x:cfvo type="num" val="0.5"/><x:cfvo type="num" val="1"/></x:iconSet></x:cfRule></x:conditionalFormatting></x:worksheet>',
    );
    expect(checkXml(out.xml)).toBeNull();
  });

  test('an empty <sheetData/> and a self-closing row are expanded', () => {
    const styles = cellStyles(MINIMAL_STYLES);
    const a = patchSheetXml(`<worksheet ${NS}><sheetData/></worksheet>`, edits({ 1: [{ col: 0, value: 1, style: keep }] }), styles);
    expect(a.xml).toBe(`<worksheet ${NS}><sheetData><row r="2"><c r="A2"><v>1</v></c></row></sheetData></worksheet>`);
    const b = patchSheetXml(ws('<row r="2" ht="20" customHeight="1"/>'), edits({ 1: [{ col: 0, value: 1, style: keep }] }), styles);
    expect(sheetData(b.xml)).toBe('<row r="2" ht="20" customHeight="1"><c r="A2"><v>1</v></c></row>');
  });
});

  test('a part with kanji or astral characters among the copied stretches comes out as the same text as an all-ASCII one', () => {
    const rows = (name: string) =>
      `<row r="1" spans="1:2"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>${name}</t></is></c></row>` +
      '<row r="2" spans="1:2"><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c></row><row r="3"><c r="A3"><v>3</v></c></row>';
    const plan = () => edits({ 0: [{ col: 3, value: '達成率', style: keep }], 1: [{ col: 1, value: 0.5, style: keep }], 3: [{ col: 0, value: 'A', style: keep }] });
    const plain = patchSheetXml(ws(rows('plain')), plan(), cellStyles(MINIMAL_STYLES));
    for (const name of ['政策推進課', '\u{20B9F}', 'a'.repeat(300) + '課']) {
      const out = patchSheetXml(ws(rows(name)), plan(), cellStyles(MINIMAL_STYLES));
      expect(out.xml).toBe(plain.xml.replace('<t>plain</t>', `<t>${name}</t>`));
      expect(sheetData(out.xml)).toContain(`<t>${name}</t></is></c><c r="D1" t="inlineStr"><is><t xml:space="preserve">達成率</t>`);
    }
  });

test('with a sink, the edited part goes to it block by block as it is written, in order, and nothing is kept', () => {
  // about 3 MB of rows, so the part spans several blocks; with a head and a tail edit around them
  const body = Array.from({ length: 40_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('');
  const xml = ws(body, '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>', '<dimension ref="A1:A40000"/>');
  const plan = () => {
    const rows: Record<number, CellWrite[]> = {};
    for (let r = 0; r < 40_000; r += 7) rows[r] = [{ col: 2, value: r % 2 ? '達成' : r / 3, style: keep }];
    return edits(rows, { widths: [{ col: 2, width: 10 }] });
  };
  const kept = patchSheetXml(xml, plan(), cellStyles(MINIMAL_STYLES));
  const blocks: Uint8Array[] = [];
  // the sink must use each block at once: the buffer is written over next
  const sunk = patchSheetXml(xml, plan(), cellStyles(MINIMAL_STYLES), (b) => blocks.push(b.slice()));
  expect(sunk.pieces).toEqual([]);
  expect(blocks.length).toBeGreaterThan(2);
  const text = new TextDecoder().decode(Buffer.concat(blocks));
  expect(text).toBe(kept.xml);
  expect(text).toContain('<dimension ref="A1:C40000"/><cols><col min="3" max="3" width="10" customWidth="1"/></cols>');
  expect(text).toContain('<row r="8"><c r="A8"><v>7</v></c><c r="C8" t="inlineStr"><is><t xml:space="preserve">達成</t></is></c></row>');
});

describe('formulas in output cells', () => {
  const styles = () => cellStyles(MINIMAL_STYLES);
  const shared = ws(
    '<row r="1"><c r="A1"><f t="shared" ref="A1:A3" si="0">B1*2</f><v>2</v></c></row><row r="2"><c r="A2"><f t="shared" si="0"/><v>4</v></c></row><row r="3"><c r="A3"><f t="shared" si="0"/><v>6</v></c></row>',
  );

  test('a shared-formula master still used by a kept cell is refused', () => {
    const w = edits({ 0: [{ col: 0, value: 1, style: keep }], 1: [{ col: 0, value: 1, style: keep }] });
    expect(() => patchSheetXml(shared, w, styles())).toThrow(/共有数式（A1:A3）.*書き込まないセル 1 個/);
  });

  test('overwriting every cell of a shared formula, or only dependents, is fine', () => {
    const all = edits({ 0: [{ col: 0, value: 1, style: keep }], 1: [{ col: 0, value: 1, style: keep }], 2: [{ col: 0, value: 1, style: keep }] });
    expect(patchSheetXml(shared, all, styles()).xml).not.toContain('<f');
    const dependents = edits({ 1: [{ col: 0, value: 1, style: keep }] });
    const out = patchSheetXml(shared, dependents, styles());
    expect(out.xml).toContain('<c r="A1"><f t="shared" ref="A1:A3" si="0">B1*2</f><v>2</v></c>');
    expect(out.overwroteFormula).toBe(true);
  });

  test('part of an array formula is refused; the whole of it is fine', () => {
    const xml = ws('<row r="1"><c r="A1"><f t="array" ref="A1:A2">B1:B2*2</f><v>2</v></c></row><row r="2"><c r="A2"><v>4</v></c></row>');
    expect(() => patchSheetXml(xml, edits({ 1: [{ col: 0, value: 1, style: keep }] }), styles())).toThrow(/配列数式（A1:A2）/);
    const both = edits({ 0: [{ col: 0, value: 1, style: keep }], 1: [{ col: 0, value: 1, style: keep }] });
    expect(patchSheetXml(xml, both, styles()).xml).not.toContain('<f');
  });
});

describe('conditional formats', () => {
  const tail =
    '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>' +
    '<conditionalFormatting sqref="C2:C9"><cfRule type="iconSet" priority="4"><iconSet><cfvo type="percent" val="0"/><cfvo type="percent" val="33"/><cfvo type="percent" val="67"/></iconSet></cfRule></conditionalFormatting>' +
    '<conditionalFormatting sqref="A2:C9"><cfRule type="expression" dxfId="0" priority="2"><formula>A2&gt;1</formula></cfRule></conditionalFormatting>' +
    '<conditionalFormatting sqref="C1:C9"><cfRule type="expression" dxfId="0" priority="3"><formula>C1&gt;1</formula></cfRule></conditionalFormatting>' +
    '<dataValidations count="1"><dataValidation type="list" sqref="A2"><formula1>"a,b"</formula1></dataValidation></dataValidations>' +
    '<hyperlinks><hyperlink ref="A1" display="x" location="B1"/></hyperlinks><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';

  test('ours (inside the output columns from the first data row) are replaced; others kept; new ones before dataValidations with fresh priorities', () => {
    const styles = cellStyles(MINIMAL_STYLES);
    const xml = ws('', tail);
    const rules: ConditionalFormatPlan[] = [
      { kind: 'iconSet', top: 1, left: 2, bottom: 8, right: 2, thresholds: [0.5, 1] },
      { kind: 'textEquals', top: 1, left: 3, bottom: 8, right: 3, text: 'say "D"', fill: '#FCE4D6', fontColor: '#9C0006' },
    ];
    const out = patchSheetXml(xml, edits({}, { conditional: { ownCols: new Set([2, 3]), top: 1, rules } }), styles);
    const cfs = [...out.xml.matchAll(/<conditionalFormatting sqref="([^"]+)">(.*?)<\/conditionalFormatting>/g)].map((m) => [m[1], m[2]]);
    expect(cfs.map((c) => c[0])).toEqual(['A2:C9', 'C1:C9', 'C2:C9', 'D2:D9']);
    expect(cfs[2][1]).toContain('priority="4"'); // after the highest priority kept (3)
    expect(cfs[3][1]).toBe('<cfRule type="expression" dxfId="0" priority="5"><formula>D2="say ""D"""</formula></cfRule>');
    expect(out.xml.indexOf('D2:D9')).toBeLessThan(out.xml.indexOf('<dataValidations'));
    expect(out.xml.indexOf('<mergeCells')).toBeLessThan(out.xml.indexOf('A2:C9'));
    expect(styles.sheet.serialize()).toContain('<dxfs count="1"><dxf><font><color rgb="FF9C0006"/></font><fill><patternFill><bgColor rgb="FFFCE4D6"/></patternFill></fill></dxf></dxfs>');
    // twice: the same
    const again = patchSheetXml(out.xml, edits({}, { conditional: { ownCols: new Set([2, 3]), top: 1, rules } }), styles);
    expect(again.xml).toBe(out.xml);
    valid(out.xml, styles);
  });

  test('with no element after them in the schema, they go before </worksheet>; before <extLst> otherwise', () => {
    const styles = cellStyles(MINIMAL_STYLES);
    const rules: ConditionalFormatPlan[] = [{ kind: 'iconSet', top: 1, left: 0, bottom: 3, right: 0, thresholds: [0.5, 1] }];
    const a = patchSheetXml(`<worksheet ${NS}><sheetData/></worksheet>`, edits({}, { conditional: { ownCols: new Set([0]), top: 1, rules } }), styles);
    expect(a.xml).toMatch(/<sheetData\/><conditionalFormatting sqref="A2:A4">.*<\/conditionalFormatting><\/worksheet>$/);
    const b = patchSheetXml(`<worksheet ${NS}><sheetData/><drawing r:id="rId1" xmlns:r="r"/><extLst><ext uri="x"/></extLst></worksheet>`, edits({}, { conditional: { ownCols: new Set([0]), top: 1, rules } }), styles);
    expect(b.xml).toMatch(/<sheetData\/><conditionalFormatting sqref="A2:A4">.*<\/conditionalFormatting><drawing/);
  });
});

describe('styles.xml', () => {
  const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet ${NS}><numFmts count="2"><numFmt numFmtId="164" formatCode="#,##0.0"/><numFmt numFmtId="170" formatCode="0.0%"/></numFmts><fonts count="1"><font><sz val="11"/><name val="游ゴシック"/><family val="3"/><charset val="128"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"><alignment vertical="center"/></xf></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"><alignment vertical="center"/></xf></cellXfs><cellStyles count="1"><cellStyle name="標準" xfId="0" builtinId="0"/></cellStyles><tableStyles count="0"/></styleSheet>`;

  test('number formats: built-in ids reused, an existing custom code reused, a new one gets a free id ≥ 164', () => {
    const s = cellStyles(STYLES);
    expect(s.sheet.numFmtId('0%')).toBe(9);
    expect(s.sheet.numFmtId('0.00')).toBe(2);
    expect(s.sheet.numFmtId('@')).toBe(49);
    expect(s.sheet.numFmtId('General')).toBe(0);
    expect(s.sheet.numFmtId('0.0%')).toBe(170);
    expect(s.sheet.numFmtId('0.000')).toBe(171);
    expect(s.sheet.numFmtId('"円"#,##0')).toBe(172);
    expect(s.sheet.serialize()).toContain('<numFmts count="4"><numFmt numFmtId="164" formatCode="#,##0.0"/><numFmt numFmtId="170" formatCode="0.0%"/><numFmt numFmtId="171" formatCode="0.000"/><numFmt numFmtId="172" formatCode="&quot;円&quot;#,##0"/></numFmts>');
  });

  test('header style: bold variant of the cell font, header fill, centred and wrapped, text; counts updated; dxfs created in place', () => {
    const s = cellStyles(STYLES);
    expect(s.cellStyle(0, { kind: 'header' })).toBe(1);
    expect(s.cellStyle(0, { kind: 'header' })).toBe(1);
    expect(s.cellStyle(0, { kind: 'data', numFmt: '0.0%' })).toBe(2);
    expect(s.cellStyle(0, { kind: 'data', numFmt: '0.0%' })).toBe(2);
    expect(s.cellStyle(0, { kind: 'keep' })).toBe(0);
    expect(s.cellStyle(99, { kind: 'keep' })).toBe(0); // out of range: the default format
    expect(s.dxf('#FFF2CC', '#7F6000')).toBe(0);
    const xml = s.sheet.serialize();
    expect(xml).toContain('<fonts count="2"><font><sz val="11"/><name val="游ゴシック"/><family val="3"/><charset val="128"/></font><font><b/><sz val="11"/><name val="游ゴシック"/><family val="3"/><charset val="128"/></font></fonts>');
    expect(xml).toContain('<fills count="4">');
    expect(xml).toContain('<fgColor rgb="FFDDEBF7"/>');
    expect(xml).toContain('<fgColor rgb="FFF3F8FC"/>');
    expect(xml).toContain('<xf numFmtId="49" fontId="1" fillId="2" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>');
    expect(xml).toContain('<cellXfs count="3">');
    expect(xml).toMatch(/<\/cellStyles><dxfs count="1"><dxf>.*<\/dxf><\/dxfs><tableStyles/);
    const problems: string[] = [];
    checkStyles(xml, problems);
    expect(problems).toEqual([]);
    // reading the result again and asking for the same things adds nothing
    const t = cellStyles(xml);
    expect(t.cellStyle(0, { kind: 'header' })).toBe(1);
    expect(t.cellStyle(0, { kind: 'data', numFmt: '0.0%' })).toBe(2);
    expect(t.cellStyle(2, { kind: 'data', numFmt: '0.0%' })).toBe(2);
    expect(t.dxf('#FFF2CC', '#7F6000')).toBe(0);
    expect(t.sheet.changed).toBe(false);
    expect(t.sheet.serialize()).toBe(xml);
  });

  test('numFmts created as the first child when missing', () => {
    const s = cellStyles(MINIMAL_STYLES);
    s.cellStyle(0, { kind: 'data', numFmt: '0.0%' });
    expect(s.sheet.serialize()).toMatch(/<styleSheet [^>]*><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"\/><\/numFmts><fonts/);
  });
});

test('a sheet plan as edits: every planned cell, made row by row as asked; a value repeated down a column written by one shared write', () => {
  const values = Array.from({ length: 1000 }, (_, i) => [i / 7, i % 2 ? 'C' : 'A', null]);
  const edits = sheetEditsFromPlan({
    sheet: 'S',
    kind: 'kpi',
    headerRow: 0,
    firstDataRow: 1,
    lastDataRow: 1000,
    columns: [],
    writes: [
      { top: 0, left: 4, values: [['達成率', '評価', 'コロナ影響']], numberFormats: ['@', '@', '@'], role: 'header' },
      { top: 1, left: 4, values, numberFormats: ['0.0%', '@', '@'], role: 'data' },
    ],
    conditionalFormats: [],
    pageSetup: { titleRows: { first: 0, last: 0 }, titleColumns: null },
  } as unknown as SheetPlan);
  expect(edits.rows.rows()).toEqual(Array.from({ length: 1001 }, (_, i) => i));
  expect(edits.rows.rects()).toEqual([{ top: 0, bottom: 0, left: 4, right: 6 }, { top: 1, bottom: 1000, left: 4, right: 6 }]);
  expect(edits.rows.writtenTwice()).toBeNull();
  expect(edits.rows.get(1001)).toBeUndefined();
  expect(edits.rows.get(0)!.map((w) => [w.col, w.value])).toEqual([[4, '達成率'], [5, '評価'], [6, 'コロナ影響']]);
  for (let i = 0; i < 1000; i++) expect(edits.rows.get(i + 1)!.map((w) => [w.col, w.value, w.style])).toEqual([[4, i / 7, { kind: 'data', numFmt: '0.0%' }], [5, i % 2 ? 'C' : 'A', { kind: 'data', numFmt: '@' }], [6, null, { kind: 'data', numFmt: '@' }]]);
  expect(edits.rows.get(3)![1]).toBe(edits.rows.get(1)![1]);
  expect(edits.rows.get(3)![2]).toBe(edits.rows.get(2)![2]);
  // past the bound, unique numbers are written one per cell, still right
  expect(edits.rows.get(900)![0]).not.toBe(edits.rows.get(901)![0]);
});

describe('a plan read as rows', () => {
  const plan = (writes: SheetPlan['writes']) =>
    sheetEditsFromPlan({ sheet: 'S', kind: 'kpi', headerRow: 0, firstDataRow: 1, lastDataRow: 9, columns: [], writes, conditionalFormats: [], pageSetup: { titleRows: { first: 0, last: 0 }, titleColumns: null } } as unknown as SheetPlan);
  const block = (top: number, left: number, rows: number, cols: number, tag = 'v'): SheetPlan['writes'][number] => ({
    top,
    left,
    values: Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => `${tag}${top + i}.${left + j}`)),
    numberFormats: Array.from({ length: cols }, () => '@'),
    role: 'data',
  });
  const cols = (e: SheetEdits, row: number) => e.rows.get(row)?.map((w) => [w.col, w.value]);

  test('blocks with gaps between their rows and beside each other on the same rows: each row has its cells in column order', () => {
    const e = plan([block(5, 7, 2, 1, 'b'), block(1, 2, 2, 2), block(5, 2, 2, 2), block(20, 0, 1, 1)]);
    expect(e.rows.rows()).toEqual([1, 2, 5, 6, 20]);
    expect(cols(e, 5)).toEqual([[2, 'v5.2'], [3, 'v5.3'], [7, 'b5.7']]);
    expect(cols(e, 3)).toBeUndefined();
    expect(cols(e, 20)).toEqual([[0, 'v20.0']]);
    expect(e.rows.writtenTwice()).toBeNull();
  });

  test('blocks sharing rows but not the same ones (a header over data): still in column order', () => {
    const e = plan([block(0, 4, 3, 1, 'h'), block(1, 2, 4, 2)]);
    expect(e.rows.rows()).toEqual([0, 1, 2, 3, 4]);
    expect(cols(e, 2)).toEqual([[2, 'v2.2'], [3, 'v2.3'], [4, 'h2.4']]);
    expect(e.rows.writtenTwice()).toBeNull();
  });

  test('a cell written twice is found at the first place two blocks meet, and the sheet is refused naming it', () => {
    for (const writes of [
      [block(1, 2, 5, 3), block(3, 4, 2, 2, 'x')],
      [block(0, 0, 9, 1), block(1, 2, 5, 3), block(3, 4, 1, 2, 'x')],
    ]) {
      const e = plan(writes);
      expect(e.rows.writtenTwice()).toEqual({ row: 3, col: 4 });
      expect(() => patchSheetXml(ws(''), e, cellStyles(MINIMAL_STYLES))).toThrow(expect.objectContaining({ key: 'patch.xml.writtenTwice', params: expect.objectContaining({ cell: 'E4' }) }));
    }
    const cells = new CellRows([[2, [{ col: 1, value: 1, style: keep }, { col: 1, value: 2, style: keep }]]]);
    expect(cells.writtenTwice()).toEqual({ row: 2, col: 1 });
  });
});
