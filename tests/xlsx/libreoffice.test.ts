/**
 * LibreOffice as an independent reader: it must open the patched copies (including the
 * .xlsm with its chart, pivot table and external link) and see the planned values.
 * Without soffice: skipped with the reason printed, or an error in CI (tests/support/externalTools.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { patchWorkbook, validatePackage } from '../../src/xlsx/patch';
import { compareWithPlan, expectedCells } from './compare';
import { baseWorkbook, loadBook, planFor, withExtras } from './fixtures';
import { findTool } from '../support/externalTools';

const soffice = findTool('soffice');
const maybe = soffice ? describe : describe.skip;

jest.setTimeout(180_000);

maybe('LibreOffice reads the patched copy', () => {
  test('converted by soffice to .xlsx, the output cells hold the planned values; the other sheets are there', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pr-lo-'));
    const x0 = await withExtras(await baseWorkbook(), { macro: true, calcChain: true });
    const p0 = await planFor(x0);
    const x1 = await patchWorkbook(x0, p0.plan, p0.log);
    const input = path.join(dir, 'reviewed.xlsm');
    writeFileSync(input, x1);
    const outDir = path.join(dir, 'out');
    execFileSync(soffice!, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'xlsx', '--outdir', outDir, input], { stdio: 'pipe', timeout: 150_000 });
    const converted = await loadBook(new Uint8Array(readFileSync(path.join(outDir, 'reviewed.xlsx'))));
    expect(converted.worksheets.map((w) => w.name)).toEqual(['政策推進課', '公約&施策', '数式あり', '集計', 'メモ', '_review_log']);
    expect(converted.getWorksheet('_review_log')!.state).not.toBe('visible');
    let checked = 0;
    for (const [sheet, cells] of expectedCells(p0.plan)) {
      const ws = converted.getWorksheet(sheet)!;
      for (const [addr, e] of cells) {
        const raw = ws.getCell(addr).value;
        // LibreOffice may split a text into runs when it falls back to another font
        const v = raw && typeof raw === 'object' && 'richText' in raw ? raw.richText.map((r) => r.text).join('') : raw;
        if (typeof e.value === 'number') expect(v as number).toBeCloseTo(e.value, 12);
        else expect(v ?? null).toBe(e.value === '' ? null : e.value);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
    // an input cell and the log row, as LibreOffice sees them
    expect(converted.getWorksheet('政策推進課')!.getCell('E5').value).toBe('新規雇用創出数');
    expect(converted.getWorksheet('_review_log')!.getCell('B2').value).toBe('progress-review');
  });

  test('a workbook written by LibreOffice (another producer) is patched as well: valid, cells as planned, the rest unchanged', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pr-lo-'));
    const input = path.join(dir, 'dept.xlsx');
    writeFileSync(input, await baseWorkbook());
    const outDir = path.join(dir, 'out');
    execFileSync(soffice!, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'xlsx', '--outdir', outDir, input], { stdio: 'pipe', timeout: 150_000 });
    const lo = new Uint8Array(readFileSync(path.join(outDir, 'dept.xlsx')));
    const p = await planFor(lo);
    expect(p.plan.sheets.length).toBe(3);
    const y = await patchWorkbook(lo, p.plan, p.log);
    expect(await validatePackage(y)).toEqual([]);
    expect(compareWithPlan(p.workbook, await loadBook(y), p.plan)).toEqual([]);
  });
});
