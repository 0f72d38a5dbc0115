/**
 * Legal minimal packages are accepted and completed as needed: an empty `<styleSheet/>` (Excel
 * and LibreOffice open it), no styles part at all, no shared strings, no calcChain. The copy is
 * valid, its stylesheet complete and in schema order, and LibreOffice opens it.
 */
import { writeFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { planLogAppend } from '../../src/domain/plan/auditLog';
import type { RawSheet } from '../../src/domain/base/raw';
import { makeSettings } from '../../src/domain/base/settings';
import { review } from '../../src/domain/review';
import { patchWorkbookWithReport, validatePackage } from '../../src/xlsx/patch';
import { ZipArchive } from '../../src/xlsx/zip/zipArchive';
import { findTool } from '../support/externalTools';
import { convertWithLibreOffice } from '../support/libreofficeConvert';
import { findOpenpyxl, readWithOpenpyxl } from '../support/openpyxl';
import { KPI_HEAD, KPI_ROWS } from './fixtures';
import { handPackage, type Cell, type HandSheet, type Spelling } from './support/handPackage';

jest.setTimeout(300_000);

const rows: Cell[][] = [['KPI'], [], KPI_HEAD, ...KPI_ROWS.map((r) => r.map((v) => (v === '' ? null : v)))];
const sheets: HandSheet[] = [{ name: '政策推進課', rows }];
const raws: RawSheet[] = [{ name: '政策推進課', top: 0, left: 0, values: rows as RawSheet['values'] }];

async function patch(spelling: Partial<Spelling>) {
  const input = handPackage(sheets, { sharedStrings: false, ...spelling });
  const result = review([{ file: 'm.xlsx', sheets: raws }], makeSettings({}));
  const log = planLogAppend(undefined, result, 0, { time: '2024-04-01T00:00:00Z', runner: 'CLI', file: 'm.xlsx' });
  const out = await patchWorkbookWithReport(input, result.files[0].plan, log);
  return { input, out, zip: ZipArchive.load(out.bytes) };
}

const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles'];

function sections(styles: string): string[] {
  return [...styles.matchAll(/<(?:x:)?(\w+) count="/g)].map((m) => m[1]);
}

describe.each([
  ['an empty <styleSheet/>', { styles: 'empty' }],
  ['an empty prefixed <x:styleSheet></x:styleSheet>', { styles: 'emptyPrefixed' }],
  ['no styles part at all', { styles: 'none' }],
] as [string, Partial<Spelling>][])('%s, no sharedStrings, no calcChain', (_label, spelling) => {
  test('accepted: the stylesheet completed in schema order, the copy valid', async () => {
    const { out, zip } = await patch(spelling);
    expect(await validatePackage(out.bytes)).toEqual([]);
    const styles = zip.files['xl/styles.xml'].text();
    const found = sections(styles);
    expect(found).toEqual(ORDER.filter((s) => found.includes(s)));
    for (const s of ['fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs']) expect(found).toContain(s);
    // cells without a style still show the default format: entry 0 is Excel's default
    expect(styles).toMatch(/<(?:x:)?cellXfs count="\d+"><(?:x:)?xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"\/>/);
    expect(Object.keys(zip.files)).not.toContain('xl/sharedStrings.xml');
    expect(Object.keys(zip.files)).not.toContain('xl/calcChain.xml');
    if (spelling.styles === 'none') {
      expect(out.added).toContain('xl/styles.xml');
      expect(zip.files['xl/_rels/workbook.xml.rels'].text()).toContain('/styles" Target="styles.xml"');
    } else expect(out.changed).toContain('xl/styles.xml');
  });
});

const soffice = findTool('soffice');
const python = findOpenpyxl();
(soffice && python ? test : test.skip)('LibreOffice opens each copy and sees the output values', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pr-min-'));
  const files: string[] = [];
  for (const styles of ['empty', 'emptyPrefixed', 'none'] as const) {
    const { out } = await patch({ styles });
    const f = path.join(dir, `${styles}.xlsx`);
    writeFileSync(f, out.bytes);
    files.push(f);
  }
  const converted = convertWithLibreOffice(soffice!, files);
  expect(converted.every((c) => c !== null)).toBe(true);
  const books = readWithOpenpyxl(python!, converted as string[]);
  for (const b of books) {
    expect(b.error).toBeUndefined();
    // 達成率 header written by the review, read back through LibreOffice
    expect(Object.values(b.cells['政策推進課'])).toContain('達成率');
  }
});
