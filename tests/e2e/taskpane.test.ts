/**
 * The task pane end to end, in real Chromium (see ./browser.ts: PR_CHROMIUM, a system Chrome/Edge/Chromium
 * or the one in the npm package @sparticuz/chromium, driven by playwright-core):
 * the production build in dist/ served from 127.0.0.1, the in-memory Excel of
 * tests/support/fakeExcel installed as Office.js before the page loads, the seed sample workbook
 * plus a sheet with errors and a sheet of formula-looking texts. The four actions, in Japanese and
 * in English, at 320×900 px:
 *
 *   1 検証             headline with counts, problems grouped by sheet (errors first) and kind
 *                      (many of a kind: one line that opens), errors-only filter, click → cell selected
 *   2 計算して書き込む  confirm; output columns written with formats, the sheet with errors
 *                      untouched and listed as skipped, hidden _review_log
 *   3 集計シート作成    the summary sheets with tables, chart, links and page setup; formula-looking text stays text
 *   4 テンプレート作成  Enter during an IME composition does not submit; the KPI sheet's header,
 *                      drop-downs, protection and locked output columns
 *
 * Each page: Office.js from the CDN is answered with an empty script (the fake stays), every
 * other request off 127.0.0.1 is refused and must not happen, no console error, no CSP
 * violation, no horizontal scroll. Screenshots: test-results/screenshots/.
 *
 * No Chromium → the suite fails with where to get one; PR_SKIP_BROWSER=1 skips it.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { KPI_OUTPUT_HEADERS, KPI_OUTPUTS } from '../../src/domain/sheets/headers';
import type { Issue } from '../../src/domain/base/issues';
import { translate } from '../../src/messages/translate';
import type { Lang } from '../../src/messages/lang';
import { DEFAULT_SETTINGS } from '../../src/domain/base/settings';
import { kpiTemplate } from '../../src/domain/output/templates';
import { LOG_SHEET } from '../../src/domain/plan/auditLog';
import type { ValidateOutcome, WriteOutcome } from '../../src/excel/gateway';
import { translator } from '../../src/messages/translate';
import { headline as paneHeadline } from '../../src/taskpane/state/headline';
import { groupProblems, KIND_COLLAPSE_OVER, kindGroups } from '../../src/taskpane/state/problems';
import { issueMessage } from '../../src/messages/issueText';
import { cellA1, snapshot, workbookFromSpec, type SheetSnapshot, type WorkbookSnapshot, type WorkbookSpec } from '../support/fakeExcel';
import { gatewayFor } from '../excel/helpers';
import {
  buildFakeBundle,
  COVID_NOTE_TEXT,
  DDE_TEXT,
  DIST,
  ensureDist,
  ERROR_SHEET,
  HYPERLINK_TEXT,
  INJECTION_SHEET,
  launchChromium,
  OFFICE_JS_CDN_ORIGIN,
  poll,
  sampleWorkbook,
  SCREENSHOTS,
  serveStatic,
  watchPage,
  type StaticServer,
} from './support';

const SKIP = process.env.PR_SKIP_BROWSER === '1';
if (SKIP) console.warn('tests/e2e/taskpane.test.ts skipped: PR_SKIP_BROWSER=1 (the task pane is not tested in a browser)');
const suite = SKIP ? describe.skip : describe;

const WIDTH = 320;
const HEIGHT = 900;
/** every context.sync() of the fake waits this long while an action runs (an Excel round trip) */
const LATENCY_MS = 100;
const ACTION_IDS = ['action-validate', 'action-compute', 'action-summary', 'action-template'];
const SLOW = 180_000;
const STEP = 60_000;

const DEPARTMENT: Record<Lang, string> = { ja: '都市計画課', en: 'Parks Division' };

/** what the browser sees: window.__fakeExcel of tests/support/fakeExcel/browserEntry.ts */
interface FakeSheetInPage {
  name: string;
  formatOf(row: number, col: number): { locked: boolean; fill: string | null; numberFormat: string };
  validationAt(row: number, col: number): { rule: unknown } | undefined;
  protection: { protected: boolean; password?: string };
  freezeRows: number;
}
interface FakeWorkbookInPage {
  sheet(name: string): FakeSheetInPage | undefined;
  sheetById(id: string): FakeSheetInPage | undefined;
  selection: { sheetId: string; rect: { top: number; left: number; bottom: number; right: number } } | null;
  activeSheetId: string | null;
}
interface FakeApi {
  install(spec: WorkbookSpec): unknown;
  snapshot(wb?: unknown, withFormats?: boolean): WorkbookSnapshot | null;
  setLatency(ms: number): void;
  hold(): void;
  release(): void;
  held: number;
  workbook: FakeWorkbookInPage | undefined;
}
interface PageWindow {
  __fakeExcel: FakeApi;
  __cspViolations: string[];
}

// ---- shared state ----------------------------------------------------------------------------

let browser: Browser | undefined;
let server: StaticServer | undefined;
let fakeBundle = '';
let spec: WorkbookSpec;
/** the same actions through the same gateway code in Node, on the same workbook (fixed clock) */
let expected: { validate: ValidateOutcome; compute: WriteOutcome; afterCompute: WorkbookSnapshot };

interface PageState {
  lang: Lang;
  context: BrowserContext;
  page: Page;
  consoleErrors: string[];
  /** requests off 127.0.0.1 (the CDN one is answered, all others refused) */
  external: string[];
  stubbedOfficeJs: string[];
  shots: string[];
}

// ---- helpers ---------------------------------------------------------------------------------

function sheetSnap(snap: WorkbookSnapshot, name: string): SheetSnapshot {
  const s = snap.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name} in the fake workbook (has ${snap.sheets.map((x) => x.name).join(', ')})`);
  return s;
}

async function fakeSnapshot(page: Page): Promise<WorkbookSnapshot> {
  // as JSON text: Playwright's structured serialisation of a 500 KB object takes seconds
  const json = await page.evaluate(() => JSON.stringify((window as unknown as PageWindow).__fakeExcel.snapshot()));
  const snap = JSON.parse(json) as WorkbookSnapshot | null;
  if (!snap) throw new Error('the fake Excel is not installed in the page');
  return snap;
}

/** zero-based [row, col] of the first cell whose value is `v` */
function findCell(s: SheetSnapshot, v: string): [number, number] {
  for (const [a1, c] of Object.entries(s.cells)) {
    if (c.v === v) {
      const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
      const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      return [Number(m[2]) - 1, col];
    }
  }
  throw new Error(`${s.name}: no cell holds ${JSON.stringify(v)}`);
}

function cellOf(s: SheetSnapshot, row: number, col: number) {
  return s.cells[cellA1(row, col)];
}

/** the output cells (達成率 … コロナ影響) of the KPI named `indicator` on a written sheet */
function outputsOf(s: SheetSnapshot, indicator: string) {
  const [row] = findCell(s, indicator);
  return KPI_OUTPUTS.map((k) => {
    const [headerRow, col] = findCell(s, KPI_OUTPUT_HEADERS[k]);
    expect(headerRow).toBeLessThan(row);
    const c = cellOf(s, row, col);
    return { key: k, v: c?.v, f: c?.f, numberFormat: c?.fmt?.numberFormat ?? 'General' };
  });
}

async function noHorizontalScroll(page: Page, where: string): Promise<void> {
  const { scrollWidth, bodyScrollWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    bodyScrollWidth: document.body.scrollWidth,
  }));
  if (scrollWidth > WIDTH || bodyScrollWidth > WIDTH) {
    throw new Error(`${where}: horizontal scroll (document ${scrollWidth}px, body ${bodyScrollWidth}px > ${WIDTH}px)`);
  }
}

/** the whole pane; `viewport` for dialogs (a fixed overlay only covers the first screen of a full-page shot) */
async function shot(st: PageState, name: string, viewport = false): Promise<void> {
  const file = path.join(SCREENSHOTS, `${st.lang}-${name}.png`);
  await st.page.screenshot({ path: file, fullPage: !viewport, animations: 'disabled' });
  st.shots.push(file);
}

/** nothing went wrong in the page so far */
async function expectClean(st: PageState): Promise<void> {
  const csp = await st.page.evaluate(() => (window as unknown as PageWindow).__cspViolations.slice());
  expect({ consoleErrors: st.consoleErrors, cspViolations: csp }).toEqual({ consoleErrors: [], cspViolations: [] });
  expect(st.external.filter((u) => !u.startsWith(`${OFFICE_JS_CDN_ORIGIN}/`))).toEqual([]);
  expect(await st.page.getByTestId('action-error').count()).toBe(0);
}

async function text(page: Page, testId: string): Promise<string> {
  return (await page.getByTestId(testId).first().textContent()) ?? '';
}

/**
 * Start an action with the fake's syncs held: the progress bar shows (labelled with the action),
 * the four buttons are disabled, `whileRunning` runs; then the syncs go on (slowed down by
 * LATENCY_MS each) and the result replaces the progress bar.
 */
async function runAction(st: PageState, action: string, start: () => Promise<void>, whileRunning?: () => Promise<void>): Promise<void> {
  const { page } = st;
  await page.evaluate((ms) => {
    const f = (window as unknown as PageWindow).__fakeExcel;
    f.setLatency(ms);
    f.hold();
  }, LATENCY_MS);
  try {
    await start();
    await page.getByTestId('progress').waitFor({ state: 'visible', timeout: 10_000 });
    await poll(() => page.evaluate(() => (window as unknown as PageWindow).__fakeExcel.held), 1); // waiting in its first sync
    const running = await page.evaluate((ids) => {
      const bar = document.querySelector('[data-testid="progress"]')!;
      const label = (bar.getAttribute('aria-labelledby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
      return { label, disabled: ids.map((id) => document.querySelector(`[data-testid="${id}"]`)?.getAttribute('aria-disabled') ?? null) };
    }, ACTION_IDS);
    expect(running.label).toContain(action);
    expect(running.disabled).toEqual(ACTION_IDS.map(() => 'true'));
    if (whileRunning) await whileRunning();
  } finally {
    await page.evaluate(() => (window as unknown as PageWindow).__fakeExcel.release());
  }
  await page.getByTestId('progress').waitFor({ state: 'detached', timeout: 30_000 });
  await page.evaluate(() => (window as unknown as PageWindow).__fakeExcel.setLatency(0));
  await page.getByTestId('result-headline').waitFor({ state: 'visible' });
}

async function headline(page: Page): Promise<{ intent: string | null; text: string }> {
  const h = page.getByTestId('result-headline');
  return { intent: await h.getAttribute('data-intent'), text: (await h.textContent()) ?? '' };
}

/** the problems as listed: the sheet (its group), severity, text, clickable */
function listedProblems(page: Page) {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('[data-testid="problem-item"]')).map((el) => {
      return {
        sheet: el.closest('[data-testid="problem-sheet"]')?.getAttribute('data-sheet') ?? null,
        severity: el.getAttribute('data-severity') ?? '',
        text: el.textContent ?? '',
        clickable: el.tagName === 'BUTTON',
      };
    }),
  );
}

/** the numbers of OutcomeCounts (KPI sheets, pledge sheets, KPIs, activities, errors, warnings) */
async function counts(page: Page): Promise<number[]> {
  const dds = await page.locator('[data-testid="result"] dl dd').allTextContents();
  return dds.slice(0, 6).map((t) => Number(/^[\d,]+/.exec(t.trim())?.[0].replace(/,/g, '') ?? NaN));
}

/** every problem as listed once every sheet and kind is open: by sheet, by kind, the first 50 of a kind */
function expectedProblemList(issues: readonly Issue[]) {
  return groupProblems(issues, { includeInfo: false }).flatMap((g) => kindGroups(g).flatMap((k) => k.issues.slice(0, 50).map((i) => ({ sheet: g.sheet, issue: i }))));
}

/** open every closed sheet group, then every closed kind (one at a time: the list re-renders) */
async function openAllProblems(page: Page): Promise<void> {
  for (const toggle of ['problem-sheet-toggle', 'problem-kind-toggle']) {
    for (;;) {
      const closed = page.locator(`[data-testid="${toggle}"][aria-expanded="false"]`);
      if ((await closed.count()) === 0) break;
      await closed.first().click();
    }
  }
}

/** the headline's text as the MessageBar shows it: its title, then its lines */
function headlineText(h: { title: string; lines: string[] }): string {
  return h.title + h.lines.join('');
}

async function selection(page: Page): Promise<{ sheet: string | null; active: string | null; cell: string | null }> {
  const sel = await page.evaluate(() => {
    const wb = (window as unknown as PageWindow).__fakeExcel.workbook!;
    const s = wb.selection ? wb.sheetById(wb.selection.sheetId) : undefined;
    const a = wb.activeSheetId ? wb.sheetById(wb.activeSheetId) : undefined;
    return { sheet: s ? s.name : null, active: a ? a.name : null, rect: wb.selection ? wb.selection.rect : null };
  });
  return { sheet: sel.sheet, active: sel.active, cell: sel.rect ? cellA1(sel.rect.top, sel.rect.left) : null };
}

// ---- the suite -------------------------------------------------------------------------------

suite('task pane in Chromium (dist/taskpane.html + fake Excel)', () => {
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const [, bundle, wbSpec] = await Promise.all([ensureDist(), buildFakeBundle(), sampleWorkbook()]);
    fakeBundle = bundle;
    spec = wbSpec;

    const wb = workbookFromSpec(spec);
    const gw = gatewayFor(wb);
    const validate = await gw.validate(DEFAULT_SETTINGS);
    const compute = await gw.computeAndWrite(DEFAULT_SETTINGS);
    expected = { validate, compute, afterCompute: snapshot(wb) };
    // the sample is what the steps below rely on
    expect(validate.issues.filter((i) => i.severity === 'error').map((i) => i.sheet)).toEqual([ERROR_SHEET, ERROR_SHEET, ERROR_SHEET]);
    expect(compute.skipped).toEqual([ERROR_SHEET]);
    expect(compute.written.map((w) => w.sheet)).toContain(INJECTION_SHEET);

    server = await serveStatic(DIST);
    const launched = await launchChromium();
    browser = launched.browser;
    console.log(`tests/e2e: ${launched.choice.description}, ${browser.version()}`);
  }, SLOW);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  }, STEP);

  describe.each<Lang>(['ja', 'en'])('%s', (lang) => {
    const t = translator(lang);
    let st: PageState;

    beforeAll(async () => {
      if (!browser || !server) throw new Error('the browser did not start (see the first error)');
      const context = await browser.newContext({ viewport: { width: WIDTH, height: HEIGHT }, deviceScaleFactor: 1, locale: 'ja-JP', serviceWorkers: 'block' });
      const page = await context.newPage();
      st = { lang, context, page, consoleErrors: [], external: [], stubbedOfficeJs: [], shots: [] };
      const origin = server.origin;

      await watchPage(page, origin, st);
      await page.addInitScript({ content: fakeBundle });
      await page.addInitScript({
        content: `
          window.__cspViolations = [];
          document.addEventListener('securitypolicyviolation', function (e) {
            window.__cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sourceFile || '') + ':' + e.lineNumber);
          });
          if (!window.__fakeExcel.workbook) window.__fakeExcel.install(${JSON.stringify(spec)});
        `,
      });

      await page.goto(`${origin}/taskpane.html`, { waitUntil: 'load' });
      await page.getByTestId('app').waitFor({ state: 'visible' });
      expect(st.stubbedOfficeJs).toHaveLength(1);
      expect(await page.evaluate(() => typeof (window as unknown as { Excel?: { __fake?: unknown } }).Excel?.__fake)).toBe('object');
      const htmlLang = () => page.evaluate(() => document.documentElement.lang);
      if (lang === 'en') {
        expect(await htmlLang()).toBe('ja');
        await page.getByTestId('lang-switch').click();
      }
      await poll(htmlLang, lang);
      expect(await page.locator('h1').textContent()).toBe(t('app.title'));
      expect(await text(page, 'action-validate')).toBe(t('action.validate'));
      expect(await text(page, 'lang-switch')).toBe(t('lang.switch.label'));
      await noHorizontalScroll(page, 'start');
      await shot(st, '0-start');
      await expectClean(st);
    }, STEP);

    afterAll(async () => {
      await st?.context.close();
    }, STEP);

    test('1 検証: headline with counts, problems grouped by sheet and kind (errors first), errors-only filter, click selects the cell', async () => {
      const { page } = st;
      const before = await fakeSnapshot(page);
      await runAction(
        st,
        t('action.validate'),
        () => page.getByTestId('action-validate').click(),
        async () => {
          await shot(st, '1-validate-progress', true);
          // a click on another action while one runs is ignored
          await page.getByTestId('action-summary').click({ force: true });
          await page.waitForTimeout(50);
        },
      );

      const exp = expected.validate;
      const nErrors = exp.issues.filter((i) => i.severity === 'error').length;
      const nWarnings = exp.issues.filter((i) => i.severity === 'warning').length;
      // the headline says how many errors and warnings, and how many sheets were checked
      const h = await headline(page);
      expect(h).toEqual({ intent: 'error', text: headlineText(paneHeadline({ kind: 'validate', outcome: exp }, t)) });
      expect(h.text.startsWith(t('result.counts', { errors: nErrors, warnings: nWarnings }))).toBe(true);
      expect(h.text).toContain(t('result.sheetsChecked', { sheets: exp.kpiSheets.length + exp.pledgeSheets.length, kpis: exp.kpiCount, activities: exp.activityCount }));
      expect(await counts(page)).toEqual([exp.kpiSheets.length, exp.pledgeSheets.length, exp.kpiCount, exp.activityCount, nErrors, nWarnings]);

      // at first: the sheet with errors open with its errors listed; a long list keeps the other sheets closed
      const firstShown = await listedProblems(page);
      expect(firstShown.filter((p) => p.severity === 'error')).toHaveLength(nErrors);
      expect(firstShown.length).toBeLessThan(nErrors + nWarnings);
      expect(await page.locator(`[data-testid="problem-sheet"][data-sheet="${ERROR_SHEET}"] [data-testid="problem-sheet-toggle"]`).getAttribute('aria-expanded')).toBe('true');
      expect(await page.locator('[data-testid="problem-sheet-toggle"][aria-expanded="false"]').count()).toBeGreaterThan(0);
      await shot(st, '1-validate-grouped');

      // errors only: the errors and nothing else; back to all
      await page.getByTestId('problems-filter-errors').click();
      await poll(async () => (await listedProblems(page)).map((p) => p.severity), Array.from({ length: nErrors }, () => 'error'));
      await page.getByTestId('problems-filter-all').click();

      // a kind with many cells is one line with its count (備考が空欄（D評価）: n件) that opens to them
      await openAllProblems(page);
      const kindToggles = await page.getByTestId('problem-kind-toggle').allTextContents();
      const bigKinds = groupProblems(exp.issues, { includeInfo: false }).flatMap((g) => kindGroups(g)).filter((k) => k.issues.length > KIND_COLLAPSE_OVER);
      expect(bigKinds.length).toBeGreaterThan(0);
      expect(kindToggles).toHaveLength(bigKinds.length);
      bigKinds.forEach((k, i) => expect(kindToggles[i]).toContain(String(k.issues.length)));

      // grouped by sheet and kind, sheets with errors first, errors before warnings in a sheet
      const listed = await listedProblems(page);
      const want = expectedProblemList(exp.issues);
      expect(listed.map((p) => [p.sheet, p.severity])).toEqual(want.map((w) => [w.sheet, w.issue.severity]));
      listed.forEach((p, i) => {
        const issue = want[i].issue;
        if (issue.cell) expect(p.text).toContain(issue.cell);
        expect(p.text).toContain(issueMessage(lang, issue));
        expect(p.clickable).toBe(!!issue.cell);
      });
      const sheetsInOrder = listed.map((p) => p.sheet).filter((s, i, a) => i === 0 || a[i - 1] !== s);
      expect(new Set(sheetsInOrder).size).toBe(sheetsInOrder.length); // each sheet in one group
      expect(sheetsInOrder[0]).toBe(ERROR_SHEET);
      const rank = { error: 0, warning: 1, info: 2 } as Record<string, number>;
      for (let i = 1; i < listed.length; i++) if (listed[i].sheet === listed[i - 1].sheet) expect(rank[listed[i].severity]).toBeGreaterThanOrEqual(rank[listed[i - 1].severity]);
      expect(listed.filter((p) => p.severity === 'error')).toHaveLength(nErrors);

      // validation writes nothing (and the summary clicked while it ran was not built)
      const after = await fakeSnapshot(page);
      expect(after.sheets).toEqual(before.sheets);

      await noHorizontalScroll(page, 'after validate');
      await shot(st, '1-validate');

      // click-through: the first error, then a warning on another sheet
      const items = page.getByTestId('problem-item');
      await items.first().click();
      await poll(() => selection(page), { sheet: ERROR_SHEET, active: ERROR_SHEET, cell: want[0].issue.cell ?? null });
      const w = want.findIndex((x) => x.issue.severity === 'warning' && x.issue.cell && x.sheet !== ERROR_SHEET);
      await items.nth(w).click();
      expect(w).toBeGreaterThan(0);
      await poll(() => selection(page), { sheet: want[w].sheet, active: want[w].sheet, cell: want[w].issue.cell ?? null });
      await expectClean(st);
    }, STEP);

    test('2 計算して書き込む: confirm, outputs with formats on clean sheets, the sheet with errors untouched and skipped, _review_log', async () => {
      const { page } = st;
      const before = await fakeSnapshot(page);
      await page.getByTestId('action-compute').click();
      await page.getByTestId('compute-dialog').waitFor({ state: 'visible' });
      expect(await text(page, 'compute-dialog')).toContain(t('compute.confirm.title'));
      await noHorizontalScroll(page, 'compute confirm dialog');
      await shot(st, '2-compute-confirm', true);
      const box = await page.getByTestId('compute-dialog').boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= WIDTH).toBe(true);
      expect(await fakeSnapshot(page)).toEqual(before); // nothing before the confirmation
      await runAction(st, t('action.compute'), () => page.getByTestId('compute-confirm').click());
      await page.getByTestId('compute-dialog').waitFor({ state: 'detached' });

      const exp = expected.compute;
      // the headline says which sheet was not written and why
      expect(await headline(page)).toEqual({ intent: 'warning', text: headlineText(paneHeadline({ kind: 'compute', outcome: exp }, t)) });
      expect((await headline(page)).text).toContain(t('result.compute.skippedLine', { sheets: t('result.sheetReason', { sheet: ERROR_SHEET, reason: t('skipped.reason.errors', { count: 3 }) }) }));
      // the pane lists what was written and what was not
      const written = page.getByTestId('written-sheets').locator('li');
      expect(await written.count()).toBe(exp.written.length);
      const writtenText = await written.allTextContents();
      exp.written.forEach((w, i) => {
        expect(writtenText[i]).toContain(w.sheet);
        expect(writtenText[i]).toContain(w.range);
      });
      const skipped = page.getByTestId('skipped-sheets').locator('li');
      expect(await skipped.count()).toBe(1);
      expect(await skipped.first().getAttribute('data-reason')).toBe('errors');
      expect(await skipped.first().textContent()).toBe(ERROR_SHEET + translate(lang, 'skipped.errors'));

      const after = await fakeSnapshot(page);
      // 新規雇用創出数 (累計 46 → 45 of 230): 19.6 % 'D'; 待機児童数 (3 → 0, target 0, 減少): 100 % 'A'
      const jobs = outputsOf(sheetSnap(after, '数値目標'), '新規雇用創出数');
      expect(jobs[0].key).toBe('achievement');
      expect(jobs[0].v).toBeCloseTo(0.19565, 4);
      expect(jobs[0].numberFormat).toBe('0.0%');
      expect(jobs.find((o) => o.key === 'grade')).toMatchObject({ v: 'D', numberFormat: '@' });
      const waiting = outputsOf(sheetSnap(after, '青少年課'), '待機児童数');
      expect(waiting[0]).toMatchObject({ key: 'achievement', v: 1, numberFormat: '0.0%' });
      expect(waiting.find((o) => o.key === 'grade')).toMatchObject({ v: 'A', numberFormat: '@' });
      for (const o of [...jobs, ...waiting]) expect(o.f).toBeUndefined();

      // the sheet with errors: not one cell changed
      expect(sheetSnap(after, ERROR_SHEET)).toEqual(sheetSnap(before, ERROR_SHEET));
      // every other sheet exactly as the same gateway writes it in Node
      for (const s of after.sheets) if (s.name !== LOG_SHEET) expect(s).toEqual(sheetSnap(expected.afterCompute, s.name));
      // formula-looking input stays text
      const inj = sheetSnap(after, INJECTION_SHEET);
      expect(cellOf(inj, ...findCell(inj, HYPERLINK_TEXT))).toEqual({ v: HYPERLINK_TEXT });
      expect(cellOf(inj, ...findCell(inj, DDE_TEXT))).toEqual({ v: DDE_TEXT });
      expect(outputsOf(inj, '-指標').find((o) => o.key === 'covid')?.v).toBeTruthy();

      // the audit log: hidden, header + one row
      const log = sheetSnap(after, LOG_SHEET);
      expect(log.visibility).toBe('Hidden');
      expect(log.cells.A1).toBeDefined();
      expect(log.cells.A2).toBeDefined();
      expect(Object.keys(log.cells).some((a) => /^[A-Z]+3$/.test(a))).toBe(false);

      await noHorizontalScroll(page, 'after compute');
      await shot(st, '2-compute');
      await expectClean(st);
    }, STEP);

    test('3 集計シート作成: the summary sheets with tables, a chart and links, set up for printing; formula-looking text written as text', async () => {
      const { page } = st;
      await runAction(st, t('action.summary'), () => page.getByTestId('action-summary').click());
      const h = await headline(page);
      expect(h.intent).toBe('warning'); // built, but the workbook has validation errors (建設課)
      const first = `${t('summary.sheetPrefix')}${t('summary.sheet.overview')}`;
      expect(h.text).toContain(first);
      expect(h.text).toContain(t('result.summary.added'));
      expect(h.text).toContain(t('result.summary.incomplete'));
      expect(h.text).toContain(t('result.summary.sparklines'));

      const snap = await fakeSnapshot(page);
      const ours = snap.sheets.filter((x) => x.customProperties.progressReview === 'summary');
      expect(ours[0].name).toBe(first);
      expect(ours.every((x) => x.name.startsWith(t('summary.sheetPrefix')))).toBe(true);
      const sum = sheetSnap(snap, first);
      expect(snap.active).toBe(first);
      expect(String(sum.cells.A1.v)).toContain(translate(lang, 'summary.heading.overview'));
      // the 未完了 banner on every sheet of ours
      for (const x of ours) expect(String(x.cells.A3.v)).toMatch(lang === 'ja' ? /^未完了：/ : /^Incomplete: /);
      const tables = ours.flatMap((x) => x.tables.map((tb) => tb.name));
      expect(tables).toEqual(expect.arrayContaining(['PR_Headline', 'PR_Goals', 'PR_Measures', 'PR_KPIs', 'PR_Pledges', 'PR_PledgeMeasures', 'PR_Covid', 'PR_Problems']));
      expect(sum.charts).toHaveLength(1);
      expect(sum.charts[0].title).toBe(translate(lang, 'summary.chartTitle'));
      expect(sum.charts[0].series.length).toBeGreaterThan(0);
      // every sheet set up for A4 with the page footer and its print titles
      for (const x of ours) expect(x.pageLayout).toMatchObject({ paperSize: 'A4', centerFooter: translate(lang, 'summary.footer'), printTitleRows: expect.stringMatching(/^\$1:\$\d+$/) });
      // links into the workbook's own sheets (COVID rows and the problems' cells)
      const links = ours.flatMap((x) => Object.values(x.cells).filter((c) => c.link).map((c) => c.link!));
      expect(links.length).toBeGreaterThan(10);
      const names = new Set(snap.sheets.map((s) => s.name));
      for (const l of links) {
        expect(l.address).toBeUndefined();
        const m = /^(?:'((?:[^']|'')+)'|([^!]+))!([A-Z]+\d+)$/.exec(l.documentReference ?? '');
        expect(m).not.toBeNull();
        expect(names.has(m![1] !== undefined ? m![1].replace(/''/g, "'") : m![2])).toBe(true);
      }
      expect(links.some((l) => l.documentReference === `'${ERROR_SHEET}'!B2`)).toBe(true);

      // formula-looking texts are in the summary as text; no formula anywhere in the workbook
      for (const text of [HYPERLINK_TEXT, DDE_TEXT, COVID_NOTE_TEXT]) {
        const holder = ours.find((x) => Object.values(x.cells).some((c) => c.v === text))!;
        expect(holder).toBeDefined();
        const cell = cellOf(holder, ...findCell(holder, text));
        expect(cell.v).toBe(text);
        expect(cell.f).toBeUndefined();
      }
      const formulas = snap.sheets.flatMap((s) => Object.entries(s.cells).filter(([, c]) => c.f !== undefined).map(([a]) => `${s.name}!${a}`));
      expect(formulas).toEqual([]);
      expect(await page.evaluate(() => document.querySelectorAll('a[href^="http://x"], a[href^="http://covid"]').length)).toBe(0);

      // 「シートを表示」 selects A1 of the summary
      await page.getByTestId('go-to-sheet').click();
      await poll(() => selection(page), { sheet: first, active: first, cell: 'A1' });

      await noHorizontalScroll(page, 'after summary');
      await shot(st, '3-summary');
      await expectClean(st);
    }, STEP);

    test('4 テンプレート作成: Enter during IME composition does not submit; header, drop-downs, protection, locked outputs', async () => {
      const { page } = st;
      const department = DEPARTMENT[lang];
      await page.getByTestId('action-template').click();
      const dialog = page.getByTestId('template-dialog');
      await dialog.waitFor({ state: 'visible' });
      const input = page.getByTestId('template-department');
      await page.getByTestId('template-kind-pledge').check();
      expect(await input.isDisabled()).toBe(true);
      await page.getByTestId('template-kind-kpi').check();
      expect(await input.isEnabled()).toBe(true);
      await input.fill(department);
      await noHorizontalScroll(page, 'template dialog');

      // Enter while an IME composition is in progress (変換確定): the dialog stays open
      const imeKeys = await input.evaluate((el) => {
        const seen: { keyCode: number; isComposing: boolean; key: string; defaultPrevented: boolean }[] = [];
        const spy = (e: Event) => {
          const k = e as KeyboardEvent;
          seen.push({ keyCode: k.keyCode, isComposing: k.isComposing, key: k.key, defaultPrevented: k.defaultPrevented });
        };
        window.addEventListener('keydown', spy); // after React's handler (root listener)
        el.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true, data: '' }));
        el.dispatchEvent(new CompositionEvent('compositionupdate', { bubbles: true, data: 'か' }));
        el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', keyCode: 229, which: 229, isComposing: true, bubbles: true, cancelable: true }));
        // Safari: the confirming keydown after compositionend, isComposing false but keyCode 229
        el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', keyCode: 229, which: 229, isComposing: false, bubbles: true, cancelable: true }));
        // Chromium on Windows: key "Process"
        el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Process', code: 'Enter', keyCode: 229, isComposing: true, bubbles: true, cancelable: true }));
        // Escape cancels the conversion: the input's handler stops it (the spy never sees it), the dialog stays
        el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', code: 'Escape', keyCode: 229, isComposing: true, bubbles: true, cancelable: true }));
        window.removeEventListener('keydown', spy);
        return seen;
      });
      // the events went through React's handler (Escape was stopped there) and none was taken as a submit
      expect(imeKeys).toEqual([
        { keyCode: 229, isComposing: true, key: 'Enter', defaultPrevented: false },
        { keyCode: 229, isComposing: false, key: 'Enter', defaultPrevented: false },
        { keyCode: 229, isComposing: true, key: 'Process', defaultPrevented: false },
      ]);
      await page.waitForTimeout(100); // a submit would close the dialog and start the action
      expect(await dialog.isVisible()).toBe(true);
      expect(await page.getByTestId('progress').count()).toBe(0);
      expect(await input.inputValue()).toBe(department);
      expect((await fakeSnapshot(page)).sheets.some((s) => s.name === department)).toBe(false);
      await shot(st, '4-template-dialog', true);
      const box = await dialog.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= WIDTH).toBe(true);

      // composition over: Enter submits
      await input.evaluate((el) => el.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: 'か' })));
      await runAction(st, t('action.template'), () => input.press('Enter'));
      await dialog.waitFor({ state: 'detached' });
      const h = await headline(page);
      expect(h.intent).toBe('success');
      expect(h.text).toContain(t('result.template.title', { sheet: department }));

      const model = kpiTemplate({ department, planStart: DEFAULT_SETTINGS.planStart, planEnd: DEFAULT_SETTINGS.planEnd });
      const hr = model.headerRow;
      const snap = await fakeSnapshot(page);
      const s = sheetSnap(snap, department);
      expect(snap.active).toBe(department);
      expect(s.cells.A1.v).toBe(model.title);
      expect(model.columns.map((_, c) => cellOf(s, hr, c)?.v)).toEqual(model.columns.map((c) => c.header));
      expect(s.freezeRows).toBe(hr + 1);
      expect(s.protection.protected).toBe(true);
      expect(s.protection.hasPassword).toBe(false);

      const col = (header: string) => model.columns.findIndex((c) => c.header === header);
      const inPage = await page.evaluate(
        ({ name, hr, cols, dirCol, aggCol }) => {
          const ws = (window as unknown as PageWindow).__fakeExcel.workbook!.sheet(name)!;
          return {
            locked: cols.map((c) => ({ header: ws.formatOf(hr, c).locked, firstRow: ws.formatOf(hr + 1, c).locked, farBelow: ws.formatOf(hr + 5000, c).locked, fill: ws.formatOf(hr + 1, c).fill })),
            direction: ws.validationAt(hr + 1, dirCol)?.rule ?? null,
            aggregation: ws.validationAt(hr + 10, aggCol)?.rule ?? null,
            password: ws.protection.password ?? null,
          };
        },
        { name: department, hr, cols: model.columns.map((_, i) => i), dirCol: col('方向'), aggCol: col('集計') },
      );
      expect(inPage.direction).toEqual({ list: { inCellDropDown: true, source: '増加,減少' } });
      expect(inPage.aggregation).toEqual({ list: { inCellDropDown: true, source: '単年,累計' } });
      expect(inPage.password).toBeNull();
      model.columns.forEach((c, i) => {
        const l = inPage.locked[i];
        expect({ header: c.header, locked: l.header }).toEqual({ header: c.header, locked: true });
        // output columns locked and shaded down the sheet; input cells unlocked
        expect({ header: c.header, firstRow: l.firstRow, farBelow: l.farBelow }).toEqual({ header: c.header, firstRow: c.output, farBelow: c.output });
        if (c.output) expect(l.fill).toBe(model.outputFill);
      });
      expect(KPI_OUTPUTS.map((k) => KPI_OUTPUT_HEADERS[k]).every((x) => model.columns.find((c) => c.header === x)?.output)).toBe(true);

      await noHorizontalScroll(page, 'after template');
      await shot(st, '4-template');
      await expectClean(st);
      expect(st.external).toEqual([`${OFFICE_JS_CDN_ORIGIN}/lib/1/hosted/office.js`]);
    }, STEP);
  });
});
