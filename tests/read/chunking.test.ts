/**
 * However a part's bytes arrive (one byte at a time, cut inside a UTF-8 character, a tag, an
 * entity or a cell), the reader reads the same sheets.
 */
import fc from 'fast-check';
import { readWorkbook } from '../../src/xlsx/read/readWorkbook';
import type { PackageSource } from '../../src/xlsx/read/source';
import * as partBlocks from '../../src/xlsx/zip/partBlocks';
import { ZipArchive } from '../../src/xlsx/zip/zipArchive';
import { DEFAULT_MIX, renderWorkbook, workbookSpecArb } from '../properties/arbitraries';
import { normaliseSheet } from './support/normalise';
import { buildPackage, cell, row } from './support/packages';
import { rawSheetsPackage } from './support/rawPackage';

function chunkedSource(bytes: Uint8Array, sizes: number[]): PackageSource {
  const zip = ZipArchive.load(bytes);
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
  return {
    names: () => names,
    async *chunks(name: string) {
      const data = zip.files[name].bytes();
      let k = 0;
      for (let i = 0; i < data.length; ) {
        const size = sizes.length ? sizes[k++ % sizes.length] : data.length;
        yield data.subarray(i, i + size);
        i += size;
      }
    },
  };
}

async function read(bytes: Uint8Array, sizes: number[]) {
  return (await readWorkbook(chunkedSource(bytes, sizes))).sheets.map(normaliseSheet);
}

describe('chunk boundaries', () => {
  test('any sheets read the same in chunks of any size', async () => {
    await fc.assert(
      fc.asyncProperty(workbookSpecArb(DEFAULT_MIX, 1, 2), fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 6 }), async (specs, sizes) => {
        const bytes = rawSheetsPackage(renderWorkbook(specs).input.sheets);
        expect(await read(bytes, sizes)).toEqual(await read(bytes, []));
      }),
      { numRuns: 80, seed: 2001 },
    );
  }, 120_000);

  test('cells in every written form, cut at every byte', async () => {
    const data =
      row(1, cell.inline('A1', '苫小牧 & <市>') + '<c r="B1" t="s"><v>0</v></c><c r="C1"><f>A1&amp;"x"</f><v>1.5</v></c><c r="D1" t="str"><f t="shared" si="0" ref="D1:D2"/><v>a&lt;b</v></c>') +
      '\n  <row r="2" spans="1:4">\n    <c r="A2"><v>2</v></c><!-- note --><c r="B2" t="inlineStr"><is><r><t>𠮷</t></r><rPh><t>よし</t></rPh></is></c><c r="C2" t="e"><v>#N/A</v></c>\n  </row>' +
      '<row r="3"><c r="A3" t="inlineStr"><is><t><![CDATA[<raw>]]></t></is></c><c r="B3" t="b"><v>1</v></c></row>';
    const bytes = buildPackage({ sheets: [{ name: 'シート', data }], strings: ['共有'] });
    const whole = await read(bytes, []);
    expect(whole[0].cells).toEqual({
      '0,0': '苫小牧 & <市>', '0,1': '共有', '0,2': 1.5, '0,3': 'a<b',
      '1,0': 2, '1,1': '𠮷', '1,2': { error: '#N/A' },
      '2,0': '<raw>', '2,1': true,
    });
    for (const size of [1, 2, 3, 5, 7, 11, 64]) expect(await read(bytes, [size])).toEqual(whole);
  });

  test('a text longer than the pieces the reader decodes, whole and in chunks', async () => {
    // a 200,000-character cell of kanji, 𠮷 and markup-escaped text, between ordinary cells
    const long = '苫小牧市&<総合戦略>𠮷 '.repeat(12_500);
    const rows = Array.from({ length: 3000 }, (_, r) => row(r + 1, `<c r="A${r + 1}"><v>${r}</v></c>` + (r === 1500 ? cell.inline(`B${r + 1}`, long) + `<c r="C${r + 1}" t="s"><v>0</v></c>` : '')));
    const bytes = buildPackage({ sheets: [{ name: 'KPI', data: rows.join('') }], strings: [long + '!'] });
    const whole = await read(bytes, []);
    expect(whole[0].cells['1500,1']).toBe(long);
    expect(whole[0].cells['1500,2']).toBe(long + '!');
    expect(whole[0].cells['2999,0']).toBe(2999);
    for (const size of [4096, 100_000]) expect(await read(bytes, [size])).toEqual(whole);
  });

  test('bytes are copied only where a piece of text spans two chunks, not every piece after', async () => {
    // ~2.6 MB of sheet in 256 KB chunks (as zlib gives them), cells cut at every chunk's end
    const rows = Array.from({ length: 40_000 }, (_, r) => row(r + 1, `<c r="A${r + 1}"><v>${r}</v></c>` + cell.inline(`B${r + 1}`, `苫小牧${r}`)));
    const bytes = buildPackage({ sheets: [{ name: 'KPI', data: rows.join('') }] });
    const sheetSize = ZipArchive.load(bytes).files['xl/worksheets/sheet1.xml'].bytes().length;
    const chunk = 1 << 18;
    const spy = jest.spyOn(partBlocks, 'joined');
    try {
      const sheets = await read(bytes, [chunk]);
      expect(sheets[0].cells['39999,1']).toBe('苫小牧39999');
      const copied = spy.mock.calls.reduce((n, [parts]) => n + parts.reduce((m, p) => m + p.length, 0), 0);
      // a piece (32 KB) and its tail per chunk boundary at most
      expect(copied).toBeLessThan(Math.ceil(sheetSize / chunk) * 40_000);
    } finally {
      spy.mockRestore();
    }
  });
});
