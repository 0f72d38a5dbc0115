/**
 * The pane at 320×900 px in Office's three themes, in real Chromium (as ./taskpane.test.ts: the
 * production build in dist/, the in-memory Excel with the sample workbook as Office.js):
 *
 *   light          Office says nothing about its theme (older hosts, a plain browser)
 *   dark           Office.context.officeTheme of Office's Black theme (isDarkTheme)
 *   high contrast  the system forces its colours (Chromium's forced-colors emulation)
 *
 * In each: the pane takes Fluent's theme (html[data-theme], the page's background), validates the
 * sample and shows its problems grouped by sheet and kind, in Japanese and in English, with every
 * button label on one line; axe-core (WCAG 2.1 A and AA, best practices) finds no serious or
 * critical violation on the first screen or on the result. And the theme follows Office while the
 * pane is open. Screenshots: test-results/screenshots/theme-<theme>-*.png; axe's answers:
 * test-results/axe/<theme>-<step>.json. PR_SKIP_BROWSER=1 skips it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Lang } from '../../src/messages/lang';
import { translator } from '../../src/messages/translate';
import type { PaneTheme } from '../../src/taskpane/theme';
import { DEFAULT_SETTINGS } from '../../src/domain/base/settings';
import { workbookFromSpec, type WorkbookSpec } from '../support/fakeExcel';
import { gatewayFor } from '../excel/helpers';
import { buildFakeBundle, DIST, ensureDist, launchChromium, OFFICE_JS_CDN_ORIGIN, poll, RESULTS, sampleWorkbook, SCREENSHOTS, serveStatic, watchPage, type StaticServer } from './support';

const SKIP = process.env.PR_SKIP_BROWSER === '1';
const suite = SKIP ? describe.skip : describe;

const WIDTH = 320;
const HEIGHT = 900;
const SLOW = 180_000;
const STEP = 90_000;
const AXE_RESULTS = path.join(RESULTS, 'axe');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
/** what Office.context.officeTheme holds in Office's Black theme */
const OFFICE_BLACK = { bodyBackgroundColor: '#262626', bodyForegroundColor: '#FFFFFF', controlBackgroundColor: '#262626', controlForegroundColor: '#FFFFFF', isDarkTheme: true };
const ACTION_IDS = ['action-validate', 'action-compute', 'action-summary', 'action-template'];
/** buttons whose labels must not wrap at 320 px (the problems' own disclosures and items may) */
const ONE_LINE_IDS = [...ACTION_IDS, 'lang-switch', 'problems-filter-all', 'problems-filter-errors'];

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

let browser: Browser | undefined;
let server: StaticServer | undefined;
let fakeBundle = '';
let spec: WorkbookSpec;
/** the sample's problems, as the same gateway finds them in Node */
let found = { errors: 0, warnings: 0 };

/** a pane with the sample workbook; `officeTheme` is what Office says, `forcedColors` the system's contrast theme */
async function openPane(opts: { officeTheme?: object; forcedColors?: boolean }): Promise<{ context: BrowserContext; page: Page; consoleErrors: string[]; external: string[] }> {
  if (!browser || !server) throw new Error('the browser did not start (see the first error)');
  const context = await browser.newContext({
    viewport: { width: WIDTH, height: HEIGHT },
    deviceScaleFactor: 1,
    locale: 'ja-JP',
    serviceWorkers: 'block',
    forcedColors: opts.forcedColors ? 'active' : 'none',
  });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  const external: string[] = [];
  const origin = server.origin;
  await watchPage(page, origin, { consoleErrors, external, stubbedOfficeJs: [] });
  // init scripts run before the page's own and outside its CSP: the fake Office.js, then axe-core
  await page.addInitScript({ content: fakeBundle });
  await page.addInitScript({
    content: `
      if (!window.__fakeExcel.workbook) window.__fakeExcel.install(${JSON.stringify(spec)});
      ${opts.officeTheme ? `window.Office.context.officeTheme = ${JSON.stringify(opts.officeTheme)};` : ''}
    `,
  });
  await page.addInitScript({ path: require.resolve('axe-core/axe.min.js') });
  await page.goto(`${origin}/taskpane.html`, { waitUntil: 'load' });
  await page.getByTestId('app').waitFor({ state: 'visible' });
  return { context, page, consoleErrors, external };
}

/** axe-core on the whole page: its violations (kept in test-results/axe/) */
async function axeViolations(page: Page, name: string): Promise<AxeViolation[]> {
  const json = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: unknown[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return JSON.stringify(r.violations);
  }, AXE_TAGS);
  writeFileSync(path.join(AXE_RESULTS, `${name}.json`), json);
  return JSON.parse(json) as AxeViolation[];
}

/** the serious and critical ones, one line each, so that a failure says what and where */
function serious(violations: readonly AxeViolation[]): string[] {
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').flatMap((v) => v.nodes.map((n) => `${v.impact} ${v.id} (${v.help}): ${n.target.join(' ')}`));
}

/** test ids of the buttons among `ids` whose label takes more than one line */
function wrappedLabels(page: Page, ids: readonly string[]): Promise<string[]> {
  return page.evaluate((testIds) => {
    const lines = (el: Element) => {
      const tops = new Set<number>();
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (!n.textContent?.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(n);
        for (const r of Array.from(range.getClientRects())) if (r.width > 0) tops.add(Math.round(r.top));
      }
      return tops.size;
    };
    return testIds.filter((id) => {
      const el = document.querySelector(`[data-testid="${id}"]`);
      return el !== null && lines(el) > 1;
    });
  }, ids);
}

/** relative luminance (WCAG) of the pane's background, from its computed rgb() */
function backgroundLuminance(page: Page): Promise<number> {
  return page.evaluate(() => {
    const el = document.querySelector('.fui-FluentProvider') ?? document.body;
    const [r, g, b] = (getComputedStyle(el).backgroundColor.match(/[\d.]+/g) ?? ['255', '255', '255']).slice(0, 3).map((c) => {
      const v = Number(c) / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  });
}

async function noHorizontalScroll(page: Page): Promise<void> {
  const w = await page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth));
  expect(w).toBeLessThanOrEqual(WIDTH);
}

const THEMES: { theme: PaneTheme; officeTheme?: object; forcedColors?: boolean }[] = [
  { theme: 'light' },
  { theme: 'dark', officeTheme: OFFICE_BLACK },
  { theme: 'highContrast', forcedColors: true },
];

suite('the pane in Office’s themes at 320 px (Chromium, axe-core)', () => {
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    mkdirSync(AXE_RESULTS, { recursive: true });
    const [, bundle, wbSpec] = await Promise.all([ensureDist(), buildFakeBundle(), sampleWorkbook()]);
    fakeBundle = bundle;
    spec = wbSpec;
    const issues = (await gatewayFor(workbookFromSpec(spec)).validate(DEFAULT_SETTINGS)).issues;
    found = { errors: issues.filter((i) => i.severity === 'error').length, warnings: issues.filter((i) => i.severity === 'warning').length };
    server = await serveStatic(DIST);
    browser = (await launchChromium()).browser;
  }, SLOW);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  }, STEP);

  describe.each(THEMES)('$theme', ({ theme, officeTheme, forcedColors }) => {
    let pane: Awaited<ReturnType<typeof openPane>>;
    const shot = (name: string) => pane.page.screenshot({ path: path.join(SCREENSHOTS, `theme-${theme}-${name}.png`), fullPage: true, animations: 'disabled' });

    beforeAll(async () => {
      pane = await openPane({ officeTheme, forcedColors });
    }, STEP);

    afterAll(async () => {
      await pane?.context.close();
    }, STEP);

    test('the pane takes the theme; the first screen has no serious accessibility violation', async () => {
      const { page } = pane;
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
      if (theme === 'light') expect(await backgroundLuminance(page)).toBeGreaterThan(0.8);
      if (theme === 'dark') expect(await backgroundLuminance(page)).toBeLessThan(0.05);
      await noHorizontalScroll(page);
      await shot('0-start');
      expect(serious(await axeViolations(page, `${theme}-start`))).toEqual([]);
      expect(await wrappedLabels(page, ONE_LINE_IDS)).toEqual([]);
    }, STEP);

    test.each<Lang>(['ja', 'en'])('%s: validated, problems grouped, labels on one line, no serious accessibility violation', async (lang) => {
      const { page } = pane;
      const t = translator(lang);
      if ((await page.evaluate(() => document.documentElement.lang)) !== lang) await page.getByTestId('lang-switch').click();
      await poll(() => page.evaluate(() => document.documentElement.lang), lang);
      await page.getByTestId('action-validate').click();
      await page.getByTestId('result-headline').waitFor({ state: 'visible', timeout: 30_000 });
      await page.getByTestId('progress').waitFor({ state: 'detached', timeout: 30_000 });
      const headline = (await page.getByTestId('result-headline').textContent()) ?? '';
      expect(headline.startsWith(t('result.counts', found))).toBe(true);
      // grouped: sheets as disclosures, at least one kind collapsed to a line with its count; open one
      expect(await page.getByTestId('problem-sheet').count()).toBeGreaterThan(1);
      const closedKind = page.locator('[data-testid="problem-kind-toggle"][aria-expanded="false"]');
      const closedSheet = page.locator('[data-testid="problem-sheet-toggle"][aria-expanded="false"]');
      while ((await closedKind.count()) === 0 && (await closedSheet.count()) > 0) await closedSheet.first().click();
      await closedKind.first().click();
      await noHorizontalScroll(page);
      await shot(`1-validate-${lang}`);
      expect(await wrappedLabels(page, ONE_LINE_IDS)).toEqual([]);
      expect(serious(await axeViolations(page, `${theme}-validate-${lang}`))).toEqual([]);
      expect(pane.consoleErrors).toEqual([]);
      expect(pane.external.filter((u) => !u.startsWith(`${OFFICE_JS_CDN_ORIGIN}/`))).toEqual([]);
    }, STEP);
  });

  test('the theme follows Office while the pane is open (checked again when the pane gets the focus)', async () => {
    const pane = await openPane({});
    try {
      const { page } = pane;
      const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
      expect(await theme()).toBe('light');
      await page.evaluate((office) => {
        (window as unknown as { Office: { context: { officeTheme?: object } } }).Office.context.officeTheme = office;
        window.dispatchEvent(new FocusEvent('focus'));
      }, OFFICE_BLACK);
      await poll(theme, 'dark');
      expect(await backgroundLuminance(page)).toBeLessThan(0.05);
      expect(pane.consoleErrors).toEqual([]);
    } finally {
      await pane.context.close();
    }
  }, STEP);
});
