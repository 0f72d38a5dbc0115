/** The OOXML toolkit's shared pieces: escaping choices, the A1 parser, the zip, errors as data. */
import { parseCellAddress, parseCellRef, parseRangeRef } from '../../src/domain/base/address';
import { translate } from '../../src/messages/translate';
import { builtinNumberFormatId, BUILTIN_NUMBER_FORMATS } from '../../src/xlsx/ooxml/numberFormats';
import { isRelType, REL } from '../../src/xlsx/ooxml/namespaces';
import { MINIMAL_STYLES, StyleSheet } from '../../src/xlsx/ooxml/styleSheet';
import { PatchError, PatchRefusedError } from '../../src/xlsx/patch';
import { encodeXstring, escapeAttr, safeAttr, safeText, unescapeXml } from '../../src/xlsx/xml/escape';
import { Utf8Blocks } from '../../src/xlsx/xml/utf8Blocks';
import { DeflatingPart } from '../../src/xlsx/zip/deflateParts';
import { ZipArchive } from '../../src/xlsx/zip/zipArchive';
import { storedEntry, ZipWriter } from '../../src/xlsx/zip/zipWriter';

describe('escaping: one module, two named choices for characters XML cannot carry', () => {
  const text = 'a\u0001b\rc _x0041_ <&>';

  test('encodeXstring keeps everything (cell text of the patch writer)', () => {
    expect(encodeXstring(text)).toBe('a_x0001_b_x000D_c _x005F_x0041_ &lt;&amp;&gt;');
  });

  test('safeText / safeAttr replace them with U+FFFD (parts written from scratch)', () => {
    expect(safeText(text)).toBe('a\uFFFDb\rc _x0041_ &lt;&amp;&gt;');
    expect(safeAttr('"x"\t\n\u0002')).toBe('&quot;x&quot;&#9;&#10;\uFFFD');
    expect(safeText('😀 \uD800x')).toBe('😀 \uFFFDx');
  });

  test('escapeAttr and unescapeXml are inverse on valid text', () => {
    const s = 'a "b" & <c>\t\n\r\'';
    expect(unescapeXml(escapeAttr(s))).toBe(s);
  });
});

describe('the one A1 parser', () => {
  test('lenient references from sheet XML', () => {
    expect(parseCellRef('AB12')).toMatchObject({ row: 11, col: 27 });
    expect(parseCellRef('$c$3')).toMatchObject({ row: 2, col: 2 });
    expect(parseCellRef('XFD1048576')).toMatchObject({ row: 1048575, col: 16383 });
    expect(parseCellRef('D')).toMatchObject({ row: -1, col: 3 });
    expect(parseCellRef('12')).toBeNull();
    expect(parseCellRef('A1B')).toBeNull();
  });

  test('addresses as typed, and ranges', () => {
    expect(parseCellAddress(' B12 ')).toEqual({ row: 11, col: 1 });
    expect(parseCellAddress('ABCD1')).toBeNull();
    expect(parseCellAddress('A')).toBeNull();
    expect(parseRangeRef('D9:B3')).toEqual({ top: 2, left: 1, bottom: 8, right: 3 });
    expect(parseRangeRef('C4')).toEqual({ top: 3, left: 2, bottom: 3, right: 2 });
    expect(parseRangeRef('x:y')).toBeNull();
  });
});

describe('namespaces and number formats', () => {
  test('relationship types match in Transitional and Strict spelling', () => {
    expect(isRelType(REL.worksheet, 'worksheet')).toBe(true);
    expect(isRelType('http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet', 'worksheet')).toBe(true);
    expect(isRelType('http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet', 'worksheet')).toBe(false);
  });

  test('writers use only locale-independent built-ins; the table knows the rest', () => {
    expect(builtinNumberFormatId('0.00%')).toBe(10);
    expect(builtinNumberFormatId('mm-dd-yy')).toBeUndefined();
    expect(BUILTIN_NUMBER_FORMATS[14]).toBe('mm-dd-yy');
  });

  test('the style builder reuses an equal cell format', () => {
    const s = new StyleSheet(MINIMAL_STYLES);
    const a = s.xf(0, { set: { numFmtId: s.numFmtId('0.0%'), applyNumberFormat: 1 } });
    const b = s.xf(0, { set: { applyNumberFormat: 1, numFmtId: s.numFmtId('0.0%') } });
    expect(a).toBe(1);
    expect(b).toBe(1);
    expect(s.xf(0, { set: {} })).toBe(0);
    expect(s.serialize()).toContain('<cellXfs count="2">');
  });
});

describe('zip archive', () => {
  test('round trip: names, text with a BOM, binary, unchanged entries copied as stored', () => {
    const zip = new ZipArchive();
    zip.file('[Content_Types].xml', '\uFEFF<Types/>');
    zip.file('xl/日本語.xml', '<a>' + 'x'.repeat(5000) + '</a>');
    zip.file('bin', new Uint8Array([0, 1, 2, 255]));
    const bytes = zip.toBytes();
    const back = ZipArchive.load(bytes);
    expect(Object.keys(back.files)).toEqual(['[Content_Types].xml', 'xl/日本語.xml', 'bin']);
    expect(back.files['[Content_Types].xml'].text()).toBe('\uFEFF<Types/>');
    expect(back.files['xl/日本語.xml'].text()).toHaveLength(5007);
    expect([...back.files.bin.bytes()]).toEqual([0, 1, 2, 255]);
    expect(ZipArchive.load(bytes).toBytes()).toEqual(bytes);
  });

  test('a stretch of text is its UTF-8, however its ASCII and other characters fall and however long it is', () => {
    const text = 'ab<c r="A1">' + '政策' + 'x'.repeat(300) + '\u{20B9F}' + 'yz' + 'é'.repeat(200) + '"/>';
    const cuts = [0, 2, 12, 13, 14, 100, 314, 316, 317, 318, 500, text.length]; // never inside the surrogate pair at 314
    for (const from of cuts)
      for (const to of cuts) {
        if (to < from) continue;
        const out = new Utf8Blocks();
        out.ascii('<');
        out.textRange(text, from, to);
        out.ascii('>');
        expect(new TextDecoder().decode(Buffer.concat(out.done()))).toBe('<' + text.slice(from, to) + '>');
      }
  });

  test('text is written as TextEncoder writes it: 1- to 4-byte characters, lone surrogates as U+FFFD, short and long', () => {
    const pieces = ['a', 'é', '政', '\u{20B9F}', '\uD842', '\uDFB7', '\u07FF', '\u0800', '\uFFFF', '<&>'];
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let k = 0; k < 300; k++) {
      let text = '';
      const length = k < 200 ? Math.floor(random() * 40) : 200 + Math.floor(random() * 200);
      while (text.length < length) text += pieces[Math.floor(random() * pieces.length)];
      const out = new Utf8Blocks();
      out.text(text);
      const from = Math.floor(random() * text.length);
      out.textRange(text, from, text.length); // may start on the second half of a pair
      expect(Buffer.concat(out.done())).toEqual(Buffer.concat([new TextEncoder().encode(text), new TextEncoder().encode(text.slice(from))]));
    }
  });

  test('whole numbers are written digit by digit, up to 2^53 and across the end of a block', () => {
    const numbers = [0, 7, 9, 10, 99, 100, 1000, 65535, 1048576, 2 ** 31 - 1, 2 ** 32, Number.MAX_SAFE_INTEGER];
    const out = new Utf8Blocks();
    out.ascii('x'.repeat((1 << 20) - 3));
    for (const n of numbers) {
      out.uint(n);
      out.ascii(',');
    }
    const text = new TextDecoder().decode(Buffer.concat(out.done()));
    expect(text.slice((1 << 20) - 3)).toBe(numbers.map((n) => `${n},`).join(''));
  });

  test('numbers are written as String() writes them: whole ones digit by digit, the rest, -0 and those past 2^53 as the string', () => {
    const numbers = [0, -0, -7, 12.5, -0.25, 1 / 3, 5e-7, 1e21, -1e21, 2 ** 53, -(2 ** 53) + 1, 2 ** 60];
    const out = new Utf8Blocks();
    for (const n of numbers) {
      out.number(n);
      out.ascii(',');
    }
    expect(new TextDecoder().decode(Buffer.concat(out.done()))).toBe(numbers.map((n) => `${String(n)},`).join(''));
  });

  test('writers with a sink one after another: each gets its own bytes, the block of one done is used again by the next', () => {
    const seen: Uint8Array[] = [];
    const texts: string[] = [];
    const bodies = ['一つ目 <a>', '二つ目', 'x'.repeat((1 << 20) + 5), '四'];
    for (const body of bodies) {
      const got: string[] = [];
      const out = new Utf8Blocks((b) => {
        seen.push(b);
        got.push(new TextDecoder().decode(b)); // used at once, as the contract says
      });
      out.text(body);
      out.done();
      texts.push(got.join(''));
    }
    expect(texts).toEqual(bodies);
    // the second writer wrote over the first one's block
    expect(seen[0].buffer === seen[1].buffer).toBe(true);
  });

  test('a part deflated as it is written (blocks from a sink) reads back as written; one block is a small part as any other', () => {
    const text = '<a>' + '数値'.repeat(300_000) + 'x'.repeat(1 << 21) + '</a>';
    for (const body of [text, '<a>short</a>']) {
      const part = new DeflatingPart();
      let blocks = 0;
      const out = new Utf8Blocks((b) => {
        blocks++;
        part.write(b);
      });
      for (let i = 0; i < body.length; i += 70_001) out.text(body.slice(i, i + 70_001));
      expect(out.done()).toEqual([]);
      const zip = new ZipArchive();
      zip.fileEncoded('xl/part.xml', part.end());
      const back = ZipArchive.load(zip.toBytes());
      expect(back.files['xl/part.xml'].text()).toBe(body);
      expect(blocks > 1).toBe(body === text);
    }
  });

  test('a package past what ZIP32 holds (entries, a part over 4 GB, offsets) is refused by name, never written with its sizes cut', () => {
    const part = (raw: Uint8Array, size = raw.length) => storedEntry('p.xml', { method: 0, crc: 0, size, pieces: [raw] }, new Date(2020, 0, 1));
    const tooLarge = expect.objectContaining({ name: 'PackageError', key: 'xlsx.package.tooLargeToWrite' });
    expect(() => new ZipWriter().entry(part(new Uint8Array(1), 0xffffffff))).toThrow(tooLarge);
    // a stand-in for stored bytes of nearly 4 GB: only its length is read before the refusal
    expect(() => new ZipWriter().entry(part({ length: 0xfffffff0 } as Uint8Array, 1))).toThrow(tooLarge);
    const many = new ZipWriter();
    const empty = part(new Uint8Array(0));
    for (let i = 0; i < 0xfffe; i++) many.entry(empty);
    expect(() => many.entry(empty)).toThrow(tooLarge);
    expect(many.end().length).toBeGreaterThan(0xfffe * 46);
    expect(translate('ja', 'xlsx.package.tooLargeToWrite')).toContain('ZIP');
  });

  test('not a zip: no end record, refused as a file cut short (what the reader first tells apart as CSV, .xls …)', () => {
    expect(() => ZipArchive.load(new TextEncoder().encode('a,b\n1,2\n'))).toThrow(expect.objectContaining({ code: 'read.truncated' }));
  });
});

describe('patch errors are data', () => {
  test('key, params and place; texts from the catalogue in both languages', () => {
    const e = new PatchError('xml', 'patch.xml.rowsOutOfOrder', { row: 7 }, { sheet: '政策推進課' });
    expect(e.params).toEqual({ row: 7, sheet: '政策推進課' });
    expect(e.message).toBe(translate('ja', 'patch.xml.rowsOutOfOrder', { row: 7, sheet: '政策推進課' }));
    expect(e.message).toContain('政策推進課');
    expect(e.messageEn).toBe('sheet 政策推進課: rows are out of order (row 7)');
    expect(e.sheet).toBe('政策推進課');
    const all = new PatchRefusedError([e, new PatchError('sheet', 'patch.sheet.missing', {}, { sheet: 'X' })]);
    expect(all.messageEn).toBe('sheet 政策推進課: rows are out of order (row 7)\nsheet X is not in the workbook');
    expect(all.message.split('\n')).toHaveLength(2);
  });
});
