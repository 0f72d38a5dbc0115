/**
 * Large sheets: 10,000 and 100,000 KPI rows. The sheet XML is generated directly (exceljs
 * would take minutes to write and read 100,000 rows) and the plan comes from the real engine
 * over the same values. Times are printed, not asserted.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { planLogAppend } from '../../src/domain/plan/auditLog';
import type { RawSheet, RawValue } from '../../src/domain/base/raw';
import { review } from '../../src/domain/review';
import { makeSettings } from '../../src/domain/base/settings';
import { patchWorkbook, validatePackage } from '../../src/xlsx/patch';
import { compareWithPlan } from './compare';
import { KPI_HEAD, loadBook } from './fixtures';

jest.setTimeout(300_000);

function letters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function rowValues(i: number): RawValue[] {
  return [
    (i % 4) + 1,
    (i % 9) + 1,
    `事業${i}`,
    '政策推進課',
    `指標${i}`,
    '人',
    i % 7 === 0 ? '減少' : '増加',
    i % 5 === 0 ? '累計' : '単年',
    2018,
    100 + (i % 50),
    (i * 37) % 200,
    2024,
    150,
    i % 11 === 0 ? '新型コロナの影響で中止' : null,
  ];
}

async function bigBook(n: number): Promise<{ bytes: Uint8Array; raw: RawSheet; sheetBytes: number }> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('KPI').getCell('A1').value = 1;
  const skeleton = await JSZip.loadAsync((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const values: RawValue[][] = [KPI_HEAD];
  for (let i = 1; i <= n; i++) values.push(rowValues(i));
  const rows: string[] = [];
  values.forEach((line, r) => {
    let s = `<row r="${r + 1}" spans="1:14">`;
    line.forEach((v, c) => {
      const ref = letters(c) + (r + 1);
      if (v === null) return;
      s += typeof v === 'number' ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${esc(String(v))}</t></is></c>`;
    });
    rows.push(s + '</row>');
  });
  const part = 'xl/worksheets/sheet1.xml';
  const xml = (await skeleton.file(part)!.async('string')).replace(/<sheetData>.*<\/sheetData>/s, `<sheetData>${rows.join('')}</sheetData>`).replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="A1:N${n + 1}"/>`);
  skeleton.file(part, xml);
  const bytes = await skeleton.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  return { bytes, raw: { name: 'KPI', top: 0, left: 0, values }, sheetBytes: Buffer.byteLength(xml) };
}

async function run(n: number): Promise<{ bytes: Uint8Array; out: Uint8Array; plan: ReturnType<typeof review>['files'][0]['plan']; log: ReturnType<typeof planLogAppend> }> {
  const { bytes, raw, sheetBytes } = await bigBook(n);
  let t = performance.now();
  const r = review([{ file: 'big.xlsx', sheets: [raw] }], makeSettings({}));
  const reviewMs = performance.now() - t;
  expect(r.files[0].issues.filter((i) => i.severity === 'error')).toEqual([]);
  const plan = r.files[0].plan;
  const log = planLogAppend(undefined, r, 0, { time: '2024-04-01T00:00:00Z', runner: 'CLI', file: 'big.xlsx' });
  t = performance.now();
  const out = await patchWorkbook(bytes, plan, log);
  const patchMs = performance.now() - t;
  console.log(`${n} rows: sheet XML ${(sheetBytes / 1e6).toFixed(1)} MB, review ${reviewMs.toFixed(0)} ms, patchWorkbook ${patchMs.toFixed(0)} ms (unzip + patch + zip)`);
  return { bytes, out, plan, log };
}

function spotCheck(xml: string, plan: ReturnType<typeof review>['files'][0]['plan'], rows: number[]): void {
  const sp = plan.sheets[0];
  const data = sp.writes.find((w) => w.role === 'data')!;
  for (const r of rows) {
    const line = data.values[r - data.top];
    line.forEach((v, j) => {
      const ref = letters(data.left + j) + (r + 1);
      const at = xml.indexOf(`<c r="${ref}"`);
      expect(at).toBeGreaterThan(0);
      const cell = xml.slice(at, xml.indexOf(v === null ? '/>' : '</c>', at) + 4);
      if (v === null) expect(cell).toMatch(/^<c r="[A-Z]+\d+" s="\d+"\/>/);
      else if (typeof v === 'number') expect(Number(/<v>([^<]*)<\/v>/.exec(cell)![1])).toBe(v);
      else expect(cell).toContain(`<t xml:space="preserve">${v}</t>`);
    });
  }
}

test('10,000 rows: patched quickly, read back by exceljs cell by cell', async () => {
  const { bytes, out, plan } = await run(10_000);
  const t = performance.now();
  const problems = await validatePackage(out);
  console.log(`10000 rows: validatePackage ${(performance.now() - t).toFixed(0)} ms`);
  expect(problems).toEqual([]);
  const before = await loadBook(bytes);
  const after = await loadBook(out);
  expect(compareWithPlan(before, after, plan)).toEqual([]);
});

test('100,000 rows: linear-time patch; output valid; cells spot-checked', async () => {
  const { out, plan } = await run(100_000);
  const t = performance.now();
  const problems = await validatePackage(out);
  console.log(`100000 rows: validatePackage ${(performance.now() - t).toFixed(0)} ms`);
  expect(problems).toEqual([]);
  const xml = await (await JSZip.loadAsync(out)).file('xl/worksheets/sheet1.xml')!.async('string');
  spotCheck(xml, plan, [1, 2, 77, 50_000, 99_999, 100_000]);
  expect(xml.match(/<conditionalFormatting /g)).toHaveLength(6);
  expect(xml).toContain('<dimension ref="A1:T100001"/>');
});
