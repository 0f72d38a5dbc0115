import { rawAt, type RawSheet } from '../../src/domain/base/raw';
import { readXlsx, ReadError, HEAD_ROWS } from '../../src/xlsx/read';
import { buildPackage, cell, MAIN, packageParts, REL, row, STRICT, worksheetXml, zipParts } from './support/packages';

const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

async function sheets(bytes: Uint8Array): Promise<RawSheet[]> {
  return (await readXlsx(bytes)).sheets;
}

function at(s: RawSheet, a1: string): unknown {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return rawAt(s, Number(m[2]) - 1, col - 1);
}

const PERCENT_AND_DATES = `<?xml version="1.0"?><styleSheet xmlns="${MAIN}"><numFmts count="2"><numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="165" formatCode="yyyy/m/d;@"/></numFmts>
<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="14"/><xf numFmtId="3"/><xf numFmtId="31"><alignment/></xf></cellXfs></styleSheet>`;

describe('reading cells', () => {
  it('reads every kind of value as Excel shows it', async () => {
    const data =
      row(1, cell.s('A1', 0) + cell.s('B1', 1) + cell.s('C1', 2) + cell.inline('D1', 'inline & text') + cell.n('E1', '1.5e3') + cell.n('F1', '-0.25')) +
      row(
        2,
        '<c r="A2" t="b"><v>1</v></c><c r="B2" t="b"><v>0</v></c><c r="C2" t="e"><v>#DIV/0!</v></c><c r="D2" t="d"><v>2021-04-01T00:00:00</v></c>' +
          '<c r="E2" t="str"><f>"R"&amp;3</f><v>R3</v></c><c r="F2"><f>1/0</f><v>0</v></c><c r="G2" t="b"><f>TRUE</f><v>0</v></c>',
      ) +
      row(
        3,
        '<c r="A3"><f t="shared" ref="A3:C3" si="0">A1*2</f><v>4</v></c><c r="B3"><f t="shared" si="0"/><v>6</v></c><c r="C3"><f t="array" ref="C3:C3">SUM(A1:B1)</f><v>7</v></c><c r="D3"><f>NOW()</f></c><c r="E3" t="e"><f>1/0</f><v>#DIV/0!</v></c>',
      );
    const strings = `<?xml version="1.0"?><sst xmlns="${MAIN}"><si><t>plain</t></si><si><r><rPr><b/></rPr><t>新規</t></r><r><t xml:space="preserve"> 雇用</t></r><rPh sb="0" eb="2"><t>シンキ</t></rPh><phoneticPr fontId="1"/></si><si><t>a_x000D_b_x005F_x0041_</t></si></sst>`;
    const [s] = await sheets(buildPackage({ sheets: [{ name: 'S', data }], sharedStringsXml: strings }));
    expect([at(s, 'A1'), at(s, 'B1'), at(s, 'C1'), at(s, 'D1'), at(s, 'E1'), at(s, 'F1')]).toEqual(['plain', '新規 雇用', 'a\rb_x0041_', 'inline & text', 1500, -0.25]);
    expect([at(s, 'A2'), at(s, 'B2'), at(s, 'C2'), at(s, 'E2'), at(s, 'F2'), at(s, 'G2')]).toEqual([true, false, { error: '#DIV/0!' }, 'R3', 0, false]);
    expect(at(s, 'D2')).toEqual(new Date(Date.UTC(2021, 3, 1)));
    expect([at(s, 'A3'), at(s, 'B3'), at(s, 'C3'), at(s, 'D3'), at(s, 'E3')]).toEqual([4, 6, 7, null, { error: '#DIV/0!' }]);
  });

  it('turns numbers in date formats into dates (1900 and 1904 systems) and keeps percent and date formats', async () => {
    const data = row(1, cell.n('A1', 0.939, 1) + cell.n('B1', 44286, 2) + cell.n('C1', 44286, 3) + cell.n('D1', 1234, 4) + cell.n('E1', 44286, 5) + cell.n('F1', 7));
    const book = (date1904: boolean) => buildPackage({ sheets: [{ name: 'S', data }], stylesXml: PERCENT_AND_DATES, date1904 });
    const [s] = await sheets(book(false));
    expect(at(s, 'A1')).toBe(0.939);
    expect(at(s, 'B1')).toEqual(new Date(Date.UTC(2021, 2, 31)));
    expect(at(s, 'C1')).toEqual(new Date(Date.UTC(2021, 2, 31)));
    expect(at(s, 'D1')).toBe(1234);
    expect(at(s, 'E1')).toEqual(new Date(Date.UTC(2021, 2, 31))); // built-in 31: yyyy"年"m"月"d"日"
    expect(s.numberFormats![0].slice(0, 4)).toEqual(['0.0%', 'yyyy/m/d;@', 'mm-dd-yy', null]);
    const [s1904] = await sheets(book(true));
    expect(at(s1904, 'B1')).toEqual(new Date(Date.UTC(2025, 3, 1)));
  });

  it('whole numbers read in place read as their text does: leading zeros, 16 digits, text types, odd r and s', async () => {
    const data = row(
      1,
      '<c r="A1"><v>007</v></c><c r="B1" t="str"><v>007</v></c><c r="C1"><v>1234567890123456</v></c><c r="D1" t="n"><v>0</v></c><c r="E1" t="s"><v>1</v></c>' +
        '<c r="F1" t="b"><v>2</v></c><c r="G1" t="e"><v>12</v></c><c r="H1" t="x"><v>5</v></c><c r="i1" s=" 2"><v>44286</v></c><c r="J1" s=""><v>-3</v></c><c r="1"><v>8</v></c>',
    );
    const strings = `<?xml version="1.0"?><sst xmlns="${MAIN}"><si><t>zero</t></si><si><t>one</t></si></sst>`;
    const [s] = await sheets(buildPackage({ sheets: [{ name: 'S', data }], sharedStringsXml: strings, stylesXml: PERCENT_AND_DATES }));
    expect(s.values[0]).toEqual([7, '007', 1234567890123456, 0, 'one', true, { error: '12' }, 5, new Date(Date.UTC(2021, 2, 31)), -3, 8]);
  });

  it('reads cells written without r attributes in order', async () => {
    const data = '<row><c t="inlineStr"><is><t>a</t></is></c><c><v>2</v></c></row><row/><row><c r="C3"><v>3</v></c><c><v>4</v></c></row>';
    const [s] = await sheets(buildPackage({ sheets: [{ name: 'S', data }] }));
    expect(s.values).toEqual([['a', 2], [], [null, null, 3, 4]]);
  });

  it('leaves phonetic guides out of inline strings and joins rich inline text', async () => {
    const data = row(1, '<c r="A1" t="inlineStr"><is><r><t>苫小牧</t></r><r><t>市</t></r><rPh sb="0" eb="3"><t>トマコマイ</t></rPh></is></c>');
    const [s] = await sheets(buildPackage({ sheets: [{ name: 'S', data }] }));
    expect(at(s, 'A1')).toBe('苫小牧市');
  });

  it('reads merged areas and blanks every cell they cover but the top-left one', async () => {
    const data = row(1, cell.n('A1', 1) + cell.n('B1', 2) + cell.n('C1', 3)) + row(2, cell.n('A2', 4) + cell.n('B2', 5) + cell.n('C2', 6));
    const after = '<mergeCells count="2"><mergeCell ref="A1:B2"/><mergeCell ref="C1:C1"/></mergeCells>';
    const [s] = await sheets(buildPackage({ sheets: [{ name: 'S', data, after }] }));
    expect(s.values).toEqual([[1, null, 3], [null, null, 6]]);
    expect(s.merges).toEqual([{ top: 0, left: 0, bottom: 1, right: 1 }, { top: 0, left: 2, bottom: 0, right: 2 }]);
  });

  it('reads sheet states, Strict namespaces and prefixed SpreadsheetML', async () => {
    const prefixed = `<?xml version="1.0"?><x:worksheet xmlns:x="${STRICT}"><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const bytes = buildPackage({
      strict: true,
      strings: ['strict'],
      sheets: [
        { name: 'visible', data: row(1, cell.n('A1', 1)) },
        { name: 'hidden', data: prefixed, state: 'hidden' },
        { name: 'very', data: row(1, cell.n('A1', 3)), state: 'veryHidden' },
      ],
    });
    const read = await sheets(bytes);
    expect(read.map((s) => [s.name, s.hidden, at(s, 'A1')])).toEqual([
      ['visible', false, 1],
      ['hidden', true, 'strict'],
      ['very', true, 3],
    ]);
  });
});

describe('finding the parts', () => {
  it('follows relationships to any part name, relative or absolute (Apple Numbers: sheet.xml)', async () => {
    const parts = packageParts({ sheets: [{ name: 'Numbers', data: row(1, cell.n('A1', 42)), part: 'xl/worksheets/sheet.xml' }] });
    parts.set('xl/_rels/workbook.xml.rels', `<?xml version="1.0"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet.xml"/></Relationships>`);
    const [s] = await sheets(zipParts(parts));
    expect(at(s, 'A1')).toBe(42);

    const moved = packageParts({ sheets: [{ name: 'Deep', data: row(1, cell.n('A1', 7)), part: 'data/sheets/one.xml' }] });
    moved.set('_rels/.rels', `<?xml version="1.0"?><Relationships xmlns="${PKG}"><Relationship Id="a" Type="${REL}/officeDocument" Target="/book/main.xml"/></Relationships>`);
    moved.set('book/main.xml', moved.get('xl/workbook.xml')!);
    moved.set('book/_rels/main.xml.rels', `<?xml version="1.0"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="../data/sheets/one.xml"/></Relationships>`);
    moved.delete('xl/workbook.xml');
    moved.delete('xl/_rels/workbook.xml.rels');
    const [d] = await sheets(zipParts(moved));
    expect(at(d, 'A1')).toBe(7);
  });

  it('finds parts whatever the case of their names or the separators the zip tool wrote', async () => {
    const parts = packageParts({ sheets: [{ name: 'S', data: row(1, cell.s('A1', 0)) }], strings: ['found'] });
    const renamed: [string, string | Uint8Array][] = [...parts].map(([n, c]) => [n === 'xl/sharedStrings.xml' ? 'xl/SharedStrings.xml' : n.replace(/\//g, '\\'), c]);
    const [s] = await sheets(zipParts(renamed));
    expect(at(s, 'A1')).toBe('found');
  });

  it('reads a workbook with an empty stylesheet, no shared strings, a chart sheet and a macro-enabled type', async () => {
    const parts = packageParts({ sheets: [{ name: 'S', data: row(1, cell.n('A1', 1)) }], stylesXml: `<styleSheet xmlns="${MAIN}"/>` });
    parts.set('xl/workbook.xml', (parts.get('xl/workbook.xml') as string).replace('</sheets>', '<sheet name="Chart" sheetId="9" r:id="rIdC"/></sheets>'));
    parts.set('xl/_rels/workbook.xml.rels', (parts.get('xl/_rels/workbook.xml.rels') as string).replace('</Relationships>', `<Relationship Id="rIdC" Type="${REL}/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>`));
    parts.set('[Content_Types].xml', (parts.get('[Content_Types].xml') as string).replace('spreadsheetml.sheet.main+xml', 'ms-excel.sheet.macroEnabled.main+xml'));
    const read = await sheets(zipParts(parts));
    expect(read.map((s) => s.name)).toEqual(['S']);
  });

  it('skips a worksheet whose part is missing or damaged, and refuses a workbook with none left', async () => {
    const parts = packageParts({ sheets: [{ name: 'ok', data: row(1, cell.n('A1', 1)) }, { name: 'gone', data: '' }, { name: 'broken', data: '' }] });
    parts.delete('xl/worksheets/sheet2.xml');
    parts.set('xl/worksheets/sheet3.xml', `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1"><v>1</v>`);
    const result = await readXlsx(zipParts(parts));
    expect(result.sheets.map((s) => s.name)).toEqual(['ok']);
    expect(result.skipped.map((s) => [s.sheet, s.reason.code])).toEqual([
      ['gone', 'read.partMissing'],
      ['broken', 'read.xml'],
    ]);
    parts.delete('xl/worksheets/sheet1.xml');
    await expect(readXlsx(zipParts(parts))).rejects.toMatchObject({ code: 'read.noSheets' });
  });
});

describe('cost follows the cells present', () => {
  it('never expands declared ranges: whole-sheet validations, conditional formats, selections, dimensions, last-row cells', async () => {
    const huge = 'A1:XFD1048576';
    const xml = `<?xml version="1.0"?><worksheet xmlns="${MAIN}"><dimension ref="${huge}"/><sheetViews><sheetView workbookViewId="0"><selection sqref="${huge}"/></sheetView></sheetViews><sheetData>${row(1, cell.n('A1', 1))}<row r="1048576"><c r="XFD1048576"><v>2</v></c></row></sheetData><mergeCells><mergeCell ref="B2:XFD1048575"/></mergeCells><conditionalFormatting sqref="${huge}"><cfRule type="expression" priority="1"><formula>TRUE</formula></cfRule></conditionalFormatting><dataValidations count="1"><dataValidation type="list" sqref="${huge}"><formula1>"増加,減少"</formula1></dataValidation></dataValidations></worksheet>`;
    const [s] = await sheets(buildPackage({ sheets: [{ name: 'S', data: xml }] }));
    expect(at(s, 'A1')).toBe(1);
    expect(rawAt(s, 1_048_575, 16_383)).toBe(2);
    expect(s.values.length).toBe(1_048_576);
  });

  it('stops parsing a sheet whose first rows the caller declines, but still sees merges that reach into them', async () => {
    let data = '';
    for (let r = 1; r <= 200; r++) data += row(r, cell.n(`A${r}`, r) + cell.inline(`B${r}`, `text ${r}`));
    const bytes = buildPackage({ sheets: [{ name: 'S', data, after: '<mergeCells><mergeCell ref="C1:D1"/></mergeCells>' }] });
    const heads: number[] = [];
    const { sheets: [s] } = await readXlsx(bytes, {
      keepReading: (head) => {
        heads.push(head.values.length);
        return false;
      },
    });
    expect(heads).toEqual([HEAD_ROWS, HEAD_ROWS]); // asked again once the merge reaching the head was seen
    expect(s.values.length).toBe(HEAD_ROWS);
    expect(s.merges).toEqual([{ top: 0, left: 2, bottom: 0, right: 3 }]);
    const whole = await readXlsx(bytes, { keepReading: () => true });
    expect(whole.sheets[0].values.length).toBe(200);
  });

  it('reads the whole sheet again when a merge seen after the cells makes the head a header', async () => {
    // 指標名 and 目標値 are merged down over rows 1–2; the actual-year columns are in row 2
    let data = row(1, cell.inline('A1', 'x')) + row(2, cell.inline('B2', 'y'));
    for (let r = 3; r <= 40; r++) data += row(r, cell.n(`A${r}`, r));
    const bytes = buildPackage({ sheets: [{ name: 'S', data, after: '<mergeCells><mergeCell ref="A1:A2"/></mergeCells>' }] });
    const { sheets: [s] } = await readXlsx(bytes, { keepReading: (head) => (head.merges ?? []).length > 0 });
    expect(s.values.length).toBe(40);
  });
});

describe('refusals inside a package', () => {
  it.each([
    ['read.doctype', `<?xml version="1.0"?><!DOCTYPE w [<!ENTITY lol "lol">]><worksheet xmlns="${MAIN}"><sheetData/></worksheet>`],
  ])('%s', async (code, xml) => {
    const bytes = buildPackage({ sheets: [{ name: 'S', data: xml }] });
    await expect(readXlsx(bytes)).rejects.toMatchObject({ code });
  });

  it('refuses a package without a workbook part and names binary and OpenDocument packages', async () => {
    const parts = packageParts({ sheets: [{ name: 'S', data: '' }] });
    parts.delete('xl/workbook.xml');
    await expect(readXlsx(zipParts(parts))).rejects.toMatchObject({ code: 'read.noWorkbook' });

    const xlsb = new Map<string, string>([
      ['[Content_Types].xml', `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/></Types>`],
      ['_rels/.rels', `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.bin"/></Relationships>`],
      ['xl/workbook.bin', 'binary'],
    ]);
    await expect(readXlsx(zipParts(xlsb))).rejects.toMatchObject({ code: 'read.xlsb' });

    const ods = new Map<string, string>([
      ['mimetype', 'application/vnd.oasis.opendocument.spreadsheet'],
      ['content.xml', '<office:document-content/>'],
      ['META-INF/manifest.xml', '<manifest/>'],
    ]);
    await expect(readXlsx(zipParts(ods))).rejects.toMatchObject({ code: 'read.ods' });

    const docx = new Map<string, string>([
      ['[Content_Types].xml', '<Types/>'],
      ['_rels/.rels', `<Relationships xmlns="${PKG}"/>`],
      ['word/document.xml', '<w:document/>'],
    ]);
    await expect(readXlsx(zipParts(docx))).rejects.toMatchObject({ code: 'read.notWorkbook' });
  });

  it('refuses part names that differ only in case', async () => {
    const parts = packageParts({ sheets: [{ name: 'S', data: row(1, cell.n('A1', 1)) }] });
    parts.set('xl/worksheets/Sheet1.xml', worksheetXml(row(1, cell.n('A1', 2))));
    const e = await readXlsx(zipParts(parts)).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ReadError);
    expect((e as ReadError).code).toBe('read.duplicateEntry');
  });
});
