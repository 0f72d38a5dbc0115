/**
 * Every file the reader will not read is refused with a named ReadError whose message (in
 * Japanese and English, from the one catalogue) says what the file is and what to do.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readXlsx, ReadError } from '../../src/xlsx/read';
import { en } from '../../src/messages/en';
import { ja } from '../../src/messages/ja';
import { buildPackage, cell, row } from './support/packages';

const CORPUS = path.join(__dirname, '..', 'corpus');
const corpus = (p: string) => new Uint8Array(readFileSync(path.join(CORPUS, p)));

async function refusal(bytes: Uint8Array): Promise<ReadError> {
  const e = await readXlsx(bytes).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(ReadError);
  return e as ReadError;
}

function sound(): Uint8Array {
  return buildPackage({ sheets: [{ name: 'S', data: row(1, cell.n('A1', 1) + cell.inline('B1', 'text')) }] });
}

/** Offsets of the end record and of every entry's local and central headers. */
function layout(zip: Uint8Array) {
  const v = new DataView(zip.buffer, zip.byteOffset, zip.length);
  let end = zip.length - 22;
  while (v.getUint32(end, true) !== 0x06054b50) end--;
  const entries: { name: string; local: number; central: number; nameLen: number; csize: number }[] = [];
  let p = v.getUint32(end + 16, true);
  for (let n = 0; n < v.getUint16(end + 10, true); n++) {
    const nameLen = v.getUint16(p + 28, true);
    entries.push({ name: Buffer.from(zip.subarray(p + 46, p + 46 + nameLen)).toString('utf8'), local: v.getUint32(p + 42, true), central: p, nameLen, csize: v.getUint32(p + 20, true) });
    p += 46 + nameLen + v.getUint16(p + 30, true) + v.getUint16(p + 32, true);
  }
  return { v, end, entries };
}

describe('named refusals', () => {
  test.each([
    ['an empty file', () => new Uint8Array(0), 'read.empty'],
    ['a CSV file', () => new TextEncoder().encode('指標名,目標値\r\n新規雇用創出数,20\r\n'), 'read.text'],
    ['a UTF-16 text file', () => new Uint8Array([0xff, 0xfe, 0x41, 0, 0x42, 0]), 'read.text'],
    ['an HTML table saved as .xls', () => new TextEncoder().encode('<html><body><table><tr><td>1</td></tr></table></body></html>'), 'read.text'],
    ['a password-protected workbook (CFB with EncryptedPackage)', () => corpus('files/caae96225a5fbe2f.xlsx'), 'read.encrypted'],
    ['a legacy .xls written by LibreOffice', () => corpus('libreoffice/lo-kpi-features.xls'), 'read.xls'],
    ['an .ods written by LibreOffice', () => corpus('libreoffice/lo-kpi-features.ods'), 'read.ods'],
    ['a binary file', () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), 'read.unknown'],
    ['a file cut short', () => sound().subarray(0, 700), 'read.truncated'],
  ])('%s', async (_label, make, code) => {
    expect((await refusal(make())).code).toBe(code);
  });

  test('ZIP64 and split archives', async () => {
    const zip = sound().slice();
    const { v, end } = layout(zip);
    v.setUint16(end + 10, 0xffff, true);
    expect((await refusal(zip)).code).toBe('read.zip64');
    const split = sound().slice();
    const s = layout(split);
    s.v.setUint16(s.end + 4, 1, true);
    expect((await refusal(split)).code).toBe('read.multiDisk');
  });

  test('a damaged part: a CRC mismatch, in a part the review reads or in one it does not', async () => {
    const zip = sound().slice();
    const { v, entries } = layout(zip);
    const sheet = entries.find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    v.setUint32(sheet.central + 16, (v.getUint32(sheet.central + 16, true) ^ 0xff) >>> 0, true);
    expect((await refusal(zip)).code).toBe('read.crc');

    // a part the review never reads is checked too
    const other = sound().slice();
    const o = layout(other);
    const types = o.entries.find((e) => e.name === 'xl/_rels/workbook.xml.rels')!;
    o.v.setUint32(types.central + 16, (o.v.getUint32(types.central + 16, true) ^ 1) >>> 0, true);
    expect((await refusal(other)).code).toBe('read.crc');
  });

  test('two entries of the same name', async () => {
    const zip = buildPackage({ sheets: [{ name: 'S', data: row(1, cell.n('A1', 1)) }, { name: 'T', data: row(1, cell.n('A1', 2)) }] }).slice();
    const { entries } = layout(zip);
    const second = entries.find((e) => e.name === 'xl/worksheets/sheet2.xml')!;
    // rename sheet2.xml to sheet1.xml in both headers: two entries named xl/worksheets/sheet1.xml
    for (const at of [second.local + 30, second.central + 46]) zip[at + second.nameLen - 5] = '1'.charCodeAt(0);
    const e = await refusal(zip);
    expect(e.code).toBe('read.duplicateEntry');
    expect(e.params.part).toBe('xl/worksheets/sheet1.xml');
  });

  test('a zip bomb is refused by the ratio limit before it is unpacked', async () => {
    const data = '<row r="1"><c r="A1"><v>1</v></c></row>' + ' '.repeat(40 * 1024 * 1024);
    const e = await refusal(buildPackage({ sheets: [{ name: 'S', data }] }));
    expect(e.code).toBe('read.ratio');
  }, 30_000);

  test('every refusal has a message in both languages that says what to do, without library text', () => {
    const keys = Object.keys(ja).filter((k) => k.startsWith('read.')) as (keyof typeof ja)[];
    expect(keys.length).toBeGreaterThan(20);
    for (const k of keys) {
      expect(en[k]).toBeTruthy();
      for (const text of [ja[k], en[k]]) expect(text).not.toMatch(/https?:|Error:|exceljs|zlib|ENOENT|undefined/);
    }
    for (const k of ['read.xls', 'read.xlsb', 'read.ods', 'read.text'] as const) expect(en[k]).toMatch(/\.xlsx/);
    expect(en['read.encrypted']).toMatch(/password/);
    expect(ja['read.encrypted']).toMatch(/パスワード/);
  });
});
