/**
 * 取り込み end to end in Chromium at 320×900 px, in Japanese and in English: the production
 * build in dist/ with the in-memory Excel (an empty workbook) installed as Office.js; the
 * sample's department workbooks (seeds/build/split-departments.ts: one per 担当課 sheet, 数値目標,
 * pledges.xlsx), a text file and a damaged .xlsx are chosen in ブックを取り込む; each is read in
 * the page with DecompressionStream and listed; the import builds the summary sheets (集計_総括 …)
 * whose every table cell equals the command line's summary book for the same files; a second
 * import replaces them. Then with 各課のシートも挿入: every department's sheet is inserted
 * (patched in the page with the browser's CompressionStream, then insertWorksheetsFromBase64) with
 * the output cells of the command line's reviewed copy, marked as ours; a next import asks first,
 * then replaces them instead of adding copies.
 * No console error, no request off 127.0.0.1, no horizontal scroll. Screenshots:
 * test-results/screenshots/{ja,en}-import-*.png. PR_SKIP_BROWSER=1 skips it.
 */
import { cellValue } from '../../src/domain/output/summary/cell';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { cellAddress } from '../../src/domain/base/address';
import { DEFAULT_SETTINGS } from '../../src/domain/base/settings';
import { buildSummaryBook } from '../../src/domain/output/summary/build';
import type { SummarySheet } from '../../src/domain/output/summary/types';
import { review } from '../../src/domain/review';
import { reviewable } from '../../src/cli/loadWorkbooks';
import type { Lang } from '../../src/messages/lang';
import { translator } from '../../src/messages/translate';
import { patchWorkbook } from '../../src/xlsx/patch';
import { readXlsx } from '../../src/xlsx/read';
import { sampleDepartmentFiles } from '../../seeds/build/split-departments';
import type { WorkbookSnapshot } from '../support/fakeExcel';
import { buildFakeBundle, DIST, ensureDist, launchChromium, OFFICE_JS_CDN_ORIGIN, poll, SCREENSHOTS, serveStatic, watchPage, type StaticServer } from './support';

const SKIP = process.env.PR_SKIP_BROWSER === '1';
const suite = SKIP ? describe.skip : describe;

const WIDTH = 320;
const HEIGHT = 900;
const SLOW = 180_000;
const STEP = 60_000;
const EMPTY_BOOK = { name: 'Book1.xlsx', sheets: [{ name: 'Sheet1', values: [] }] };

interface PageWindow {
  __fakeExcel: { snapshot(): WorkbookSnapshot | null };
  __cspViolations: string[];
}

let browser: Browser | undefined;
let server: StaticServer | undefined;
let fakeBundle = '';
let dir = '';
let files: string[] = [];
/** the department files as the command line reads them */
let books: { file: string; sheets: Awaited<ReturnType<typeof readXlsx>>['sheets'] }[] = [];
/** the output cells of the command line's reviewed copy of each department file, by sheet then A1 */
let copies = new Map<string, Map<string, unknown>>();

async function snapshotOf(page: Page): Promise<WorkbookSnapshot> {
  const json = await page.evaluate(() => JSON.stringify((window as unknown as PageWindow).__fakeExcel.snapshot()));
  return JSON.parse(json) as WorkbookSnapshot;
}

/** every non-empty table cell of a summary sheet (header rows and data rows) by A1 address */
function sheetCells(sheet: SummarySheet): Map<string, string | number> {
  const out = new Map<string, string | number>();
  for (const t of sheet.tables) {
    if (!t.rows.length) continue;
    t.columns.forEach((c, j) => out.set(cellAddress(t.headerRow, t.left + j), c.header));
    t.rows.forEach((row, i) =>
      row.forEach((c, j) => {
        const v = cellValue(c);
        if (v !== null && v !== '') out.set(cellAddress(t.headerRow + 1 + i, t.left + j), v);
      }),
    );
  }
  return out;
}

suite('取り込み in Chromium (dist/taskpane.html + fake Excel)', () => {
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const [, bundle] = await Promise.all([ensureDist(), buildFakeBundle()]);
    fakeBundle = bundle;
    dir = mkdtempSync(path.join(os.tmpdir(), 'pr-import-e2e-'));
    const departments = sampleDepartmentFiles();
    for (const f of departments) writeFileSync(path.join(dir, f.name), f.bytes);
    writeFileSync(path.join(dir, 'memo.txt'), 'not a workbook');
    writeFileSync(path.join(dir, 'damaged.xlsx'), 'PK\u0003\u0004 this is not a zip');
    files = [...departments.map((f) => path.join(dir, f.name)), path.join(dir, 'memo.txt'), path.join(dir, 'damaged.xlsx')];
    books = [];
    for (const f of departments) books.push({ file: f.name, sheets: (await readXlsx(f.bytes, { keepReading: reviewable })).sheets });
    const result = review(books, DEFAULT_SETTINGS);
    copies = new Map();
    for (let i = 0; i < departments.length; i++) {
      const copy = (await readXlsx(await patchWorkbook(departments[i].bytes, result.files[i].plan, null))).sheets;
      for (const sp of result.files[i].plan.sheets) {
        const sheet = copy.find((c) => c.name === sp.sheet)!;
        const cells = new Map<string, unknown>();
        for (const w of sp.writes)
          w.values.forEach((line, r) =>
            line.forEach((_, c) => {
              const v = sheet.values[w.top + r - sheet.top]?.[w.left + c - sheet.left] ?? null;
              cells.set(cellAddress(w.top + r, w.left + c), v instanceof Date ? v.toISOString() : v);
            }),
          );
        copies.set(sp.sheet, cells);
      }
    }
    server = await serveStatic(DIST);
    browser = (await launchChromium()).browser;
  }, SLOW);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, STEP);

  describe.each<Lang>(['ja', 'en'])('%s', (lang) => {
    const t = translator(lang);
    let context: BrowserContext;
    let page: Page;
    const consoleErrors: string[] = [];
    const external: string[] = [];

    const shot = (name: string, viewport = false) => page.screenshot({ path: path.join(SCREENSHOTS, `${lang}-import-${name}.png`), fullPage: !viewport, animations: 'disabled' });
    const noHorizontalScroll = async () => {
      const w = await page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth));
      expect(w).toBeLessThanOrEqual(WIDTH);
    };

    beforeAll(async () => {
      if (!browser || !server) throw new Error('the browser did not start (see the first error)');
      context = await browser.newContext({ viewport: { width: WIDTH, height: HEIGHT }, deviceScaleFactor: 1, locale: 'ja-JP', serviceWorkers: 'block' });
      page = await context.newPage();
      const origin = server.origin;
      await watchPage(page, origin, { consoleErrors, external, stubbedOfficeJs: [] });
      await page.addInitScript({ content: fakeBundle });
      await page.addInitScript({
        content: `
          window.__cspViolations = [];
          document.addEventListener('securitypolicyviolation', function (e) { window.__cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || '')); });
          if (!window.__fakeExcel.workbook) window.__fakeExcel.install(${JSON.stringify(EMPTY_BOOK)});
        `,
      });
      await page.goto(`${origin}/taskpane.html`, { waitUntil: 'load' });
      await page.getByTestId('app').waitFor({ state: 'visible' });
      if (lang === 'en') await page.getByTestId('lang-switch').click();
      await poll(() => page.evaluate(() => document.documentElement.lang), lang, 20_000);
    }, STEP);

    afterAll(async () => {
      await context?.close();
    }, STEP);

    test('choose the department workbooks: each is read in the page and listed; refusals per file; a problem opens its details', async () => {
      await page.getByTestId('import-toggle').click();
      await page.getByTestId('import-input').waitFor({ state: 'attached' });
      expect(await page.getByTestId('import-toggle').textContent()).toContain(t('import.title'));
      await page.getByTestId('import-input').setInputFiles(files);
      await poll(() => page.getByTestId('import-file').count(), files.length, 60_000);
      await page.getByTestId('import-progress').waitFor({ state: 'detached' });

      const cards = await page.getByTestId('import-file').allTextContents();
      const policy = cards.find((c) => c.startsWith('政策推進課.xlsx'))!;
      expect(policy).toContain(t('import.file.kpiSheets', { sheets: '政策推進課' }));
      const pledges = cards.find((c) => c.startsWith('pledges.xlsx'))!;
      expect(pledges).toContain(t('import.file.counts', { kpis: '0', activities: '134', errors: '0', warnings: '0' }));
      expect(cards.find((c) => c.startsWith('memo.txt'))).toContain(t('import.refusal.notWorkbook'));
      expect(cards.find((c) => c.startsWith('damaged.xlsx'))).toContain(t('read.unreadable', { reason: '' }).trim());
      await noHorizontalScroll();
      await shot('1-list');

      // a file with warnings: its problems, then one problem's details (file › sheet!cell)
      const withProblems = page.getByTestId('import-file').filter({ has: page.getByTestId('import-problems-toggle') }).first();
      const fileName = (await withProblems.locator('span').first().textContent()) ?? '';
      await withProblems.getByTestId('import-problems-toggle').click();
      const problem = withProblems.getByTestId('import-problem').first();
      expect(await problem.textContent()).toContain(`${fileName} › `);
      await problem.click();
      expect(((await withProblems.getByTestId('import-problem-detail').first().textContent()) ?? '').length).toBeGreaterThan(5);
      await noHorizontalScroll();
      await shot('2-problem');
    }, STEP);

    test('import: the summary sheets equal the command line’s summary for the same files; a second import replaces them', async () => {
      await page.getByTestId('import-run').click();
      await page.getByTestId('import-dialog').waitFor({ state: 'visible' });
      expect(await page.getByTestId('import-dialog').textContent()).toContain(t('import.confirm.body', { files: '27', prefix: t('summary.sheetPrefix') }));
      await shot('3-confirm', true);
      await page.getByTestId('import-confirm').click();
      await page.getByTestId('import-done').waitFor({ state: 'visible', timeout: 60_000 });
      // the command line: the same files reviewed together, its summary book
      const book = buildSummaryBook(review(books, DEFAULT_SETTINGS), { lang, date: '2026-01-01' });
      const names = book.sheets.map((s) => t('summary.sheetPrefix') + s.name);
      expect(names.length).toBeGreaterThan(5);
      const counts = { count: String(names.length), sheet: names[0], files: '27', kpis: '104', activities: '134' };
      const done = t('import.done', counts) + (book.complete ? '' : ` ${t('result.summary.incomplete')}`);
      expect(await page.getByTestId('import-done').textContent()).toBe(done);

      const snap = await snapshotOf(page);
      expect(snap.sheets.map((s) => s.name)).toEqual(['Sheet1', ...names]);
      expect(snap.sheets[0].cells).toEqual({});
      let compared = 0;
      book.sheets.forEach((sheet, i) => {
        const want = sheetCells(sheet);
        compared += want.size;
        const got = new Map([...want.keys()].map((a1) => [a1, snap.sheets[i + 1].cells[a1]?.v]));
        expect({ sheet: names[i], cells: Object.fromEntries(got) }).toEqual({ sheet: names[i], cells: Object.fromEntries(want) });
      });
      expect(compared).toBeGreaterThan(500);
      await noHorizontalScroll();
      await shot('4-done');

      await page.getByTestId('import-run').click();
      await page.getByTestId('import-confirm').click();
      await page.getByTestId('import-done').waitFor({ state: 'visible', timeout: 60_000 });
      const again = await snapshotOf(page);
      expect(again.sheets.map((s) => s.name)).toEqual(['Sheet1', ...names]);
      expect(consoleErrors).toEqual([]);
    }, SLOW);

    test('with the departments’ sheets inserted: output cells as the command line’s copy; a next import asks, then replaces them', async () => {
      await page.getByTestId('import-insert').check();
      await page.getByTestId('import-run').click();
      await page.getByTestId('import-dialog').waitFor({ state: 'visible' });
      const dialog = (await page.getByTestId('import-dialog-insert').textContent()) ?? '';
      expect(dialog).toContain(t('import.confirm.insert', { count: '27' }));
      expect(dialog).toContain(t('import.confirm.charts'));
      expect(await page.getByTestId('import-dialog-replace').count()).toBe(0);
      await shot('5-insert-confirm', true);
      await page.getByTestId('import-confirm').click();
      await page.getByTestId('import-inserted').waitFor({ state: 'visible', timeout: 120_000 });
      expect(await page.getByTestId('import-inserted').textContent()).toBe(t('import.done.inserted', { count: '27', replaced: '0' }));
      expect(await page.getByTestId('import-not-inserted').count()).toBe(0);

      const snap = await snapshotOf(page);
      const sheetNames = books.flatMap((b) => b.sheets.map((s) => s.name)).filter((n) => copies.has(n));
      expect(sheetNames.length).toBeGreaterThanOrEqual(27);
      const summaryNames = snap.sheets.map((s) => s.name).filter((n) => n.startsWith(t('summary.sheetPrefix')));
      expect(summaryNames.length).toBeGreaterThan(5);
      expect(snap.sheets.map((s) => s.name)).toEqual(['Sheet1', ...summaryNames, ...sheetNames]);
      let compared = 0;
      for (const name of sheetNames) {
        const sheet = snap.sheets.find((s) => s.name === name)!;
        expect(Object.values(sheet.customProperties)[0]).toMatch(/^inserted:/);
        for (const [a1, want] of copies.get(name)!) {
          const got = sheet.cells[a1]?.v ?? null;
          expect([name, a1, got === '' ? null : got]).toEqual([name, a1, want]);
          compared++;
        }
      }
      expect(compared).toBeGreaterThan(1000);
      await noHorizontalScroll();
      await shot('6-inserted');

      // again: the dialog names the sheets it replaces; afterwards the same sheets, no copies
      await page.getByTestId('import-run').click();
      await page.getByTestId('import-dialog-replace').waitFor({ state: 'visible' });
      expect(await page.getByTestId('import-dialog-replace').textContent()).toContain(sheetNames[0]);
      await shot('7-replace-confirm', true);
      await page.getByTestId('import-confirm').click();
      await page.getByTestId('import-done').waitFor({ state: 'visible', timeout: 120_000 });
      await page.getByTestId('import-inserted').waitFor({ state: 'visible', timeout: 120_000 });
      expect(await page.getByTestId('import-inserted').textContent()).toBe(t('import.done.inserted', { count: String(sheetNames.length), replaced: String(sheetNames.length) }));
      const replaced = await snapshotOf(page);
      expect(replaced.sheets.map((s) => s.name).sort()).toEqual(snap.sheets.map((s) => s.name).sort());
      expect(replaced.sheets[0]).toEqual(snap.sheets[0]);
      await noHorizontalScroll();
      await shot('8-replaced');

      expect(consoleErrors).toEqual([]);
      expect(await page.evaluate(() => (window as unknown as PageWindow).__cspViolations.slice())).toEqual([]);
      expect(external.filter((u) => !u.startsWith(`${OFFICE_JS_CDN_ORIGIN}/`))).toEqual([]);
    }, SLOW);
  });
});
