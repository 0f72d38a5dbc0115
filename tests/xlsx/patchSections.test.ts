/**
 * The worksheet editor reads a part's <sheetData> in sections of whole rows decoded from its
 * bytes (sheetText.ts). However the sections fall, the edited part is the one the whole text
 * gives, and a part the editor must refuse is refused the same way.
 */
import fc from 'fast-check';
import { MINIMAL_STYLES, StyleSheet } from '../../src/xlsx/ooxml/styleSheet';
import { CellStyles } from '../../src/xlsx/patch/cellStyles';
import { PatchError } from '../../src/xlsx/patch/patchError';
import { patchSheetXml } from '../../src/xlsx/patch/worksheet/patchWorksheet';
import { CellRows } from '../../src/xlsx/patch/worksheet/rowWrites';
import type { CellWrite, SheetEdits } from '../../src/xlsx/patch/worksheet/sheetEdits';
import { indexOfBytes, readSheetText } from '../../src/xlsx/patch/worksheet/sheetText';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const encoder = new TextEncoder();
const keep = { kind: 'keep' } as const;

function edits(rows: Record<number, CellWrite[]>): SheetEdits {
  return { sheet: 'S', rows: new CellRows(Object.entries(rows).map(([r, l]) => [Number(r), l])), widths: [] };
}

function ws(body: string, head = '\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n'): string {
  return `${head}<worksheet ${NS}><dimension ref="A1"/><sheetData>${body}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
}

const texts = fc.constantFrom('苫小牧', 'KPI', '𠮷野家', 'a&amp;b', '', '達成率 120%');
const cellXml = (ref: string) =>
  fc.oneof(
    fc.integer({ min: -5, max: 99999 }).map((v) => `<c r="${ref}"><v>${v}</v></c>`),
    texts.map((t) => `<c r="${ref}" t="inlineStr"><is><t>${t}</t></is></c>`),
    fc.constant(`<c r="${ref}" s="1"/>`),
    fc.constant(`<c r="${ref}"><f>SUM(A1:A2)</f><v>3</v></c>`),
  );
const rowXml = (r: number) =>
  fc.oneof(
    { weight: 1, arbitrary: fc.constant(`<row r="${r}" spans="1:3"/>`) },
    {
      weight: 5,
      arbitrary: fc
        .subarray(['A', 'B', 'C', 'E'], { minLength: 1 })
        .chain((cols) => fc.tuple(...cols.map((c) => cellXml(`${c}${r}`))))
        .map((cells) => `<row r="${r}" spans="1:5">${cells.join('')}</row>\n`),
    },
  );
const sheetArb = fc
  .uniqueArray(fc.integer({ min: 1, max: 60 }), { minLength: 0, maxLength: 25 })
  .map((rows) => rows.sort((a, b) => a - b))
  .chain((rows) => fc.tuple(...rows.map(rowXml)))
  .map((rows) => ws(rows.join('')));
const writesArb = fc.dictionary(
  fc.integer({ min: 0, max: 70 }).map(String),
  fc.uniqueArray(fc.constantFrom(3, 4, 5), { minLength: 1, maxLength: 3 }).map((cols) => cols.sort((a, b) => a - b).map((col) => ({ col, value: col === 5 ? '評価' : col * 1.5, style: keep }))),
  { maxKeys: 12 },
);

const styles = () => new CellStyles(new StyleSheet(MINIMAL_STYLES));

describe('sections of <sheetData>', () => {
  test('any sheet and writes give the same part, read whole or in sections of any size', () => {
    fc.assert(
      fc.property(sheetArb, writesArb, fc.constantFrom(1, 9, 64, 300, 1 << 15), (xml, rows, size) => {
        const e = () => edits(Object.fromEntries(Object.entries(rows).map(([r, w]) => [Number(r), w])));
        const whole = patchSheetXml(xml, e(), styles()).xml;
        const bytes = encoder.encode(xml);
        const inSections = patchSheetXml(readSheetText(bytes, e(), size), e(), styles()).xml;
        expect(inSections).toBe(whole);
        expect(patchSheetXml(bytes, e(), styles()).xml).toBe(whole);
      }),
      { numRuns: 200, seed: 7007 },
    );
  });

  test('ASCII sections are copied as their bytes, others encoded from their text', () => {
    const xml = ws('<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>苫小牧</t></is></c></row><row r="3"><c r="A3"><v>3</v></c></row>');
    const text = readSheetText(encoder.encode(xml), edits({}), 1);
    const sections = [...text.sections()];
    expect(sections.map((s) => s.text).join('')).toBe(/<sheetData>(.*)<\/sheetData>/.exec(xml)![1]);
    expect(sections.map((s) => s.ascii !== null)).toEqual([true, false, true]);
    expect(text.frame).toBe(xml.replace(/<sheetData>.*<\/sheetData>/, '<sheetData></sheetData>'));
  });

  test('the sections holding a text are those of every section that hold it, read whole or from bytes', () => {
    fc.assert(
      fc.property(sheetArb, fc.constantFrom(1, 9, 64, 1 << 15), fc.constantFrom('<f', '苫小牧', 'spans="1:3"', '</row>'), (xml, size, holding) => {
        for (const text of [readSheetText(xml, edits({})), readSheetText(encoder.encode(xml), edits({}), size)]) {
          const all = [...text.sections()];
          expect([...text.sections(holding)]).toEqual(all.filter((s) => s.text.includes(holding)));
        }
      }),
      { numRuns: 150, seed: 4242 },
    );
  });

  test('indexOfBytes finds a needle only whole inside [from, to)', () => {
    const bytes = encoder.encode('<f>a</f><f/>');
    const f = encoder.encode('<f');
    expect(indexOfBytes(bytes, f, 0, bytes.length)).toBe(0);
    expect(indexOfBytes(bytes, f, 1, bytes.length)).toBe(8);
    expect(indexOfBytes(bytes, f, 1, 9)).toBe(-1); // '<f' at 8 ends past 9
    expect(indexOfBytes(bytes, f, 1, 10)).toBe(8);
    expect(indexOfBytes(bytes, encoder.encode('</f>'), 0, bytes.length)).toBe(4);
    expect(indexOfBytes(bytes, encoder.encode('f/>'), 0, bytes.length)).toBe(9);
    expect(indexOfBytes(bytes, encoder.encode('<g'), 0, bytes.length)).toBe(-1);
  });

  test('refusals are the same read whole or from bytes', () => {
    const cases: [string, RegExp][] = [
      [ws('<row r="1"/><!-- note --><row r="2"/>'), /comments or CDATA|コメント/],
      [ws('<row r="1"/></sheetData><sheetData><row r="2"/>'), /closed twice|終わりが2つ/],
      [`<worksheet ${NS}><sheetData><row r="1"/>`, /not closed|閉じていません/],
      [`<worksheet ${NS}><dimension ref="A1"/></worksheet>`, /sheetData/],
      [ws('<row r="2"/><row r="1"/>'), /out of order|順序/],
      // the range is written in part: its <f> lies in a later section than the written cell's
      [ws('<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>1</v></c></row><row r="3"><c r="B3"><f t="array" ref="A1:B3">C1:D3</f><v>1</v></c></row>'), /array formula \(A1:B3\)|配列数式（A1:B3）/],
      [ws('<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><f t=\'dataTable\' ref=\'A1:A2\' dt2D="0" dtr="1" r1="B1"/><v>1</v></c></row>'), /data table \(A1:A2\)|データテーブル（A1:A2）/],
    ];
    for (const [xml, message] of cases) {
      const write = () => edits({ 0: [{ col: 0, value: 1, style: keep }] });
      expect(() => patchSheetXml(xml, write(), styles())).toThrow(message);
      for (const size of [1, 1 << 15]) {
        expect(() => patchSheetXml(readSheetText(encoder.encode(xml), write(), size), write(), styles())).toThrow(PatchError);
        expect(() => patchSheetXml(readSheetText(encoder.encode(xml), write(), size), write(), styles())).toThrow(message);
      }
    }
  });

  test('a head with bytes that are not UTF-8 is read whole, and written as the decoder reads it', () => {
    const xml = ws('<row r="1"><c r="A1"><v>1</v></c></row>', '<?xml version="1.0"?>\n');
    const bytes = encoder.encode(xml.replace('<dimension', '<sheetPr codeName="\u0001"/><dimension'));
    const bad = new Uint8Array(bytes);
    bad[bad.indexOf(1)] = 0xff;
    const out = patchSheetXml(bad, edits({ 0: [{ col: 1, value: 2, style: keep }] }), styles()).xml;
    expect(out).toContain('codeName="\uFFFD"');
    expect(out).toContain('<c r="B1"><v>2</v></c>');
  });
});
