/**
 * The bundled sample workbooks (seeds/*.xlsx), read with exceljs into a fake Excel: the Office.js
 * adapter must write exactly what the command line's package writer writes for the same plan, and
 * nothing else.
 */
import ExcelJS from 'exceljs';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { review } from '../../src/domain/review';
import { DEFAULT_SETTINGS } from '../../src/domain/base/settings';
import { readFile } from 'node:fs/promises';
import { patchWorkbook } from '../../src/xlsx/patch';
import { readXlsx } from '../../src/xlsx/read';
import { cellInfoAt, workbookFromSpec } from '../support/fakeExcel';
import { gatewayFor } from './helpers';

const SEEDS = ['strategy-2nd-term.xlsx', 'pledges.xlsx'].map((f) => path.join(__dirname, '../../seeds', f)).filter((f) => existsSync(f));
const maybe = SEEDS.length ? describe : describe.skip;

maybe('seed workbooks through the Office.js adapter', () => {
  test.each(SEEDS.map((f) => [path.basename(f), f]))('%s: same outputs as the CLI package writer, inputs untouched, 3 syncs', async (name, file) => {
    const raws = (await readXlsx(new Uint8Array(await readFile(file)))).sheets;
    const fake = workbookFromSpec({ name, sheets: raws.map((r) => ({ ...r, values: r.values, numberFormats: r.numberFormats, merges: r.merges })) });

    const outcome = await gatewayFor(fake).computeAndWrite(DEFAULT_SETTINGS);
    expect(outcome.syncs).toBe(3);

    // the command line's writer on the same input, read back with exceljs
    const expected = review([{ file: name, sheets: raws }], DEFAULT_SETTINGS);
    const plan = expected.files[0].plan;
    expect(outcome.written.map((w) => w.sheet)).toEqual(plan.sheets.map((p) => p.sheet));
    const patched = new ExcelJS.Workbook();
    await patched.xlsx.load((await patchWorkbook(new Uint8Array(await readFile(file)), plan, null)) as unknown as ArrayBuffer);
    let compared = 0;
    for (const sp of plan.sheets) {
      const ws = patched.getWorksheet(sp.sheet)!;
      const s = fake.sheet(sp.sheet)!;
      for (const w of sp.writes) {
        w.values.forEach((line, i) =>
          line.forEach((_, j) => {
            const r = w.top + i;
            const c = w.left + j;
            const x = ws.getCell(r + 1, c + 1);
            const got = cellInfoAt(s, r, c);
            expect(got.value).toEqual(x.value === null || x.value === undefined ? '' : x.value);
            expect(got.numberFormat).toBe(x.numFmt);
            expect(got.formula).toBeNull();
            compared++;
          }),
        );
      }
      // every input cell still holds what was read
      const raw = raws.find((x) => x.name === sp.sheet)!;
      const outCols = new Set(sp.columns.map((c) => c.col));
      raw.values.forEach((line, i) =>
        line.forEach((v, j) => {
          const c = raw.left + j;
          if (outCols.has(c) && raw.top + i >= sp.headerRow) return;
          const got = s.valueAt(raw.top + i, c);
          if (v === null || v === undefined || v === '') expect(got).toBe('');
          else if (typeof v === 'object' && !(v instanceof Date)) expect(got).toBe(v.error);
          else if (!(v instanceof Date)) expect(got).toBe(v);
        }),
      );
    }
    expect(compared).toBeGreaterThan(0);
  }, 60_000);
});
