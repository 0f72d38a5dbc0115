/**
 * The closed-network build (`npm run build:offline`, for LGWAN): Office.js and everything it loads
 * are served from the add-in's own host. Built here for https://addins.example.lg.jp/progress-review/
 * into test-results/dist-offline/, then:
 *
 *   - dist/office-js/ holds the complete Office.js file set of @microsoft/office-js (every file of
 *     its dist/ but the *.debug.js twins and IntelliSense files), byte for byte;
 *   - the manifest and both pages point only at the add-in's host;
 *   - taskpane.html served from 127.0.0.1 in Chromium with the real Office.js (outside Excel it
 *     starts, finds no host, and the pane says so): every request stays on the origin, nothing is
 *     refused by the Content-Security-Policy, no console error.
 *
 * PR_SKIP_BROWSER=1 skips the browser part.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { buildPane, launchChromium, RESULTS, serveStatic, type StaticServer } from './support';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require('../../webpack.config.js') as { OFFICE_JS_LOCAL_DIR: string };

const PUBLIC_URL = 'https://addins.example.lg.jp/progress-review/';
const OUT = path.join(RESULTS, 'dist-offline');
const OFFICE_JS_DIST = path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist');
const SKIP_BROWSER = process.env.PR_SKIP_BROWSER === '1';
const SLOW = 300_000;

/** every file under `dir`, as sorted '/'-separated relative paths */
function files(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name), base) : [path.relative(base, path.join(dir, e.name)).split(path.sep).join('/')]))
    .sort();
}

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** the src and href attributes of a page (quoted or not: the production pages are minified) */
function urlsIn(html: string): string[] {
  return [...html.matchAll(/\s(?:src|href)=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)].map((m) => m[1] ?? m[2] ?? m[3]);
}

describe('closed-network build (npm run build:offline)', () => {
  beforeAll(async () => {
    rmSync(OUT, { recursive: true, force: true });
    await buildPane({ offline: true, publicUrl: PUBLIC_URL, outDir: OUT });
  }, SLOW);

  test('dist/office-js/ is the complete Office.js file set (no *.debug.js), byte for byte', () => {
    const shipped = files(path.join(OUT, webpackConfig.OFFICE_JS_LOCAL_DIR));
    const expected = files(OFFICE_JS_DIST).filter((f) => !/\.debug\.js$|-vsdoc\.js$|\.d\.ts$/.test(f));
    expect(shipped).toEqual(expected);
    // what Excel loads on each platform, and the Japanese and English strings
    for (const f of ['office.js', 'o15apptofilemappingtable.js', 'excel-win32-16.01.js', 'excel-web-16.00.js', 'excel-mac-16.00.js', 'excel-ios-16.00.js', 'ja-jp/office_strings.js', 'en-us/office_strings.js', 'telemetry/oteljs_agave.js']) {
      expect(shipped).toContain(f);
    }
    for (const f of shipped.filter((_, i) => i % 25 === 0)) {
      expect([f, sha256(path.join(OUT, 'office-js', f))]).toEqual([f, sha256(path.join(OFFICE_JS_DIST, f))]);
    }
  });

  test('the manifest and the pages point only at the add-in’s host', () => {
    // every URL outside comments and namespace declarations
    const manifest = readFileSync(path.join(OUT, 'manifest.xml'), 'utf8')
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/\sxmlns(:\w+)?="[^"]*"/g, '');
    const manifestUrls = [...manifest.matchAll(/https?:\/\/[^"<\s]+/g)].map((m) => m[0]);
    expect(manifestUrls.length).toBeGreaterThan(10);
    for (const u of manifestUrls) expect(u.startsWith(PUBLIC_URL) || u === new URL(PUBLIC_URL).origin).toBe(true);
    for (const page of ['taskpane.html', 'commands.html']) {
      const html = readFileSync(path.join(OUT, page), 'utf8');
      expect(html).not.toMatch(/https?:\/\//);
      expect(urlsIn(html)).toContain('office-js/office.js');
      for (const u of urlsIn(html)) expect([page, u, new URL(u, PUBLIC_URL).href.startsWith(PUBLIC_URL)]).toEqual([page, u, true]);
    }
  });

  (SKIP_BROWSER ? describe.skip : describe)('in Chromium, with the real Office.js', () => {
    let browser: Browser | undefined;
    let server: StaticServer | undefined;

    beforeAll(async () => {
      server = await serveStatic(OUT);
      browser = (await launchChromium()).browser;
    }, SLOW);

    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    test('taskpane.html loads with no request outside the add-in’s origin', async () => {
      const origin = server!.origin;
      const page = await browser!.newPage({ viewport: { width: 320, height: 600 }, locale: 'ja-JP' });
      const requests: string[] = [];
      const failed: string[] = [];
      const consoleErrors: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      page.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
      page.on('console', (m) => {
        if (m.type() === 'error') consoleErrors.push(m.text());
      });
      // Nothing may leave: a request elsewhere would be refused here and listed.
      await page.route('**/*', (route) => (route.request().url().startsWith(`${origin}/`) ? route.continue() : route.abort('blockedbyclient')));
      await page.addInitScript({
        content: `window.__csp = []; document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));`,
      });
      await page.goto(`${origin}/taskpane.html`, { waitUntil: 'load' });
      // Outside Excel the real Office.js reports no host and the pane says it runs in Excel only.
      await page.getByTestId('startup-notice').waitFor({ state: 'visible', timeout: 30_000 });
      expect(await page.evaluate(() => typeof (window as unknown as { Office?: { onReady?: unknown } }).Office?.onReady)).toBe('function');
      await page.waitForTimeout(1500); // anything Office.js starts after onReady
      await page.screenshot({ path: path.join(RESULTS, 'screenshots', 'offline-start.png') });

      expect(requests.filter((u) => !u.startsWith(`${origin}/`))).toEqual([]);
      expect(requests).toContain(`${origin}/office-js/office.js`);
      // Office.js loads its helpers from its own folder, i.e. from the add-in's host
      expect(requests).toContain(`${origin}/office-js/o15apptofilemappingtable.js`);
      expect(failed).toEqual([]);
      // Outside Office, Office.js may try to open its telemetry frame on a Microsoft host; the
      // pages' CSP refuses it before any request leaves (checked above). The CSP must never have
      // had to refuse anything of the add-in's own origin.
      const violations = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
      expect(violations.filter((v) => v.includes(origin) || !/ https:\/\//.test(v))).toEqual([]);
      expect(consoleErrors.filter((m) => !/^Refused to frame 'https:\/\/(?!127\.0\.0\.1|localhost)/.test(m))).toEqual([]);
      await page.close();
    }, SLOW);
  });
});
