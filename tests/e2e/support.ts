/**
 * Plumbing of the browser tests (tests/e2e/): the production build in dist/, the browser bundle
 * of the fake Excel, a static HTTP server for dist/ on 127.0.0.1, Chromium (./browser.ts),
 * and the workbook the pane is tested on (the seed sample + a sheet with errors + a sheet whose
 * texts look like formulas).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page, Route } from 'playwright-core';
import path from 'node:path';
import type { RawSheet, RawValue } from '../../src/domain/base/raw';
import { readXlsx } from '../../src/xlsx/read';
import type { SheetSpec, SpecValue, WorkbookSpec } from '../support/fakeExcel';
import { errorKpiSheet } from '../support/fakeExcel/samples';
import { BROWSER_HELP, resolveBrowser, type BrowserChoice } from './browser';

export const ROOT = path.resolve(__dirname, '../..');
export const DIST = path.join(ROOT, 'dist');
export const RESULTS = path.join(ROOT, 'test-results');
export const SCREENSHOTS = path.join(RESULTS, 'screenshots');
/** its own file: tests/excel/browserBundle.test.ts writes test-results/fake-excel.js, maybe at the same time */
export const FAKE_BUNDLE = path.join(RESULTS, 'e2e', 'fake-excel.js');

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Chromium as tests/e2e/browser.ts finds it (PR_CHROMIUM, a system browser, or the npm package). */
export async function launchChromium(): Promise<{ browser: Browser; choice: BrowserChoice }> {
  const choice = resolveBrowser();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { chromium } = require('playwright-core') as typeof import('playwright-core');
  try {
    const browser = await chromium.launch({ executablePath: choice.executablePath, args: CHROMIUM_ARGS, headless: true, env: { ...process.env, ...choice.env } });
    return { browser, choice };
  } catch (e) {
    throw new Error(`Chromium (${choice.description}) did not start: ${(e as Error).message.split('\n')[0]}\n${BROWSER_HELP}`);
  }
}

export const OFFICE_JS_CDN_ORIGIN = 'https://appsforoffice.microsoft.com';

const OFFICE_JS_STUB = { status: 200, contentType: 'text/javascript', body: '/* Office.js stubbed by the e2e test */' };

/** What a watched page did: its console errors, the requests it made outside the server, the Office.js it was given a stub for. */
export interface PageLog {
  consoleErrors: string[];
  external: string[];
  stubbedOfficeJs: string[];
}

/**
 * Logs the page's console errors and every request outside `origin` (the test server) into
 * `log`. Office.js — from the CDN, or ./office-js/office.js of an offline build — is answered with
 * a stub (the fake Excel stands in for it); any other outside request is refused.
 */
export async function watchPage(page: Page, origin: string, log: PageLog): Promise<void> {
  page.on('console', (m) => {
    if (m.type() === 'error') log.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => log.consoleErrors.push(`pageerror: ${e.message}`));
  await page.route('**/*', (route: Route) => {
    const url = route.request().url();
    const officeJs = (suffix: string) => new URL(url).pathname.endsWith(suffix);
    if (url.startsWith(`${origin}/`)) {
      if (!officeJs('/office-js/office.js')) return route.continue();
      log.stubbedOfficeJs.push(url);
      return route.fulfill(OFFICE_JS_STUB);
    }
    log.external.push(url);
    if (url.startsWith(`${OFFICE_JS_CDN_ORIGIN}/`) && officeJs('/office.js')) {
      log.stubbedOfficeJs.push(url);
      return route.fulfill(OFFICE_JS_STUB);
    }
    return route.abort('blockedbyclient');
  });
}

/** `f()` toEqual `want` within `timeout` ms (the page updates asynchronously) */
export async function poll<T>(f: () => Promise<T>, want: T, timeout = 10_000): Promise<void> {
  const end = Date.now() + timeout;
  for (;;) {
    const got = await f();
    try {
      expect(got).toEqual(want);
      return;
    } catch (e) {
      if (Date.now() > end) throw e;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

// ---- dist/ ----------------------------------------------------------------------------------

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * A production build as `npm run build:localhost` makes it (or with `publicUrl`, as
 * `ADDIN_PUBLIC_URL=… npm run build`; with `offline`, as `npm run build:offline`), through
 * webpack's Node API, into `outDir` (default dist/). ADDIN_PUBLIC_URL and OFFICE_JS_OFFLINE of the
 * environment are ignored for the time of the build.
 */
export async function buildPane(options: { offline?: boolean; publicUrl?: string; outDir?: string } = {}): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require('webpack') as typeof import('webpack');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const configFn = require(path.join(ROOT, 'webpack.config.js')) as (env: object, argv: object) => Promise<import('webpack').Configuration>;
  const saved = { url: process.env.ADDIN_PUBLIC_URL, offline: process.env.OFFICE_JS_OFFLINE };
  if (options.publicUrl) process.env.ADDIN_PUBLIC_URL = options.publicUrl;
  else delete process.env.ADDIN_PUBLIC_URL;
  delete process.env.OFFICE_JS_OFFLINE;
  const env = { localhost: !options.publicUrl, offline: options.offline === true };
  const config = await configFn(env, { mode: 'production' }).finally(() => {
    if (saved.url !== undefined) process.env.ADDIN_PUBLIC_URL = saved.url;
    else delete process.env.ADDIN_PUBLIC_URL;
    if (saved.offline !== undefined) process.env.OFFICE_JS_OFFLINE = saved.offline;
  });
  if (options.outDir) config.output = { ...config.output, path: options.outDir };
  await new Promise<void>((resolve, reject) => {
    webpack({ ...config, context: ROOT, infrastructureLogging: { level: 'error' } }, (err, stats) => {
      if (err) return reject(err);
      if (!stats || stats.hasErrors()) return reject(new Error(`webpack --mode production failed:\n${stats?.toString({ all: false, errors: true })}`));
      resolve();
    });
  });
}

/**
 * dist/taskpane.html must exist (`npm test` builds it in `pretest`). Run alone, the test builds it
 * when it is missing, or always with PR_E2E_BUILD=1; a build older than src/ is used with a note.
 */
export async function ensureDist(): Promise<string> {
  const html = path.join(DIST, 'taskpane.html');
  if (!existsSync(html) || process.env.PR_E2E_BUILD === '1') {
    try {
      await buildPane();
    } catch (e) {
      throw new Error(`dist/taskpane.html is missing and the production build failed (run \`npm run build:localhost\`): ${(e as Error).message}`);
    }
    if (!existsSync(html)) throw new Error('dist/taskpane.html is missing after `webpack --mode production`');
  } else if (newestMtime(path.join(ROOT, 'src')) > statSync(html).mtimeMs) {
    console.warn('tests/e2e: dist/ is older than src/; testing the last build (npm test rebuilds it; PR_E2E_BUILD=1 rebuilds here)');
  }
  return html;
}

export async function buildFakeBundle(): Promise<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { buildFakeExcelBundle } = require('../support/fakeExcel/buildBrowserBundle.js') as { buildFakeExcelBundle(out?: string): Promise<string> };
  const out = await buildFakeExcelBundle(FAKE_BUNDLE);
  return readFileSync(out, 'utf8');
}

// ---- static server ----------------------------------------------------------------------------

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

export interface StaticServer {
  origin: string;
  /** paths requested, in order */
  requests: string[];
  close(): Promise<void>;
}

/** GET/HEAD of files under `dir`, on 127.0.0.1 and a free port. */
export function serveStatic(dir: string): Promise<StaticServer> {
  const root = path.resolve(dir);
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url.pathname);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    let file: string;
    try {
      file = path.resolve(root, '.' + decodeURIComponent(url.pathname));
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (file !== root && !file.startsWith(root + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    const body = readFileSync(file);
    res.writeHead(200, {
      'Content-Type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': body.length,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        origin: `http://127.0.0.1:${port}`,
        requests,
        close: () =>
          new Promise<void>((res) => {
            server.closeAllConnections();
            server.close(() => res());
          }),
      });
    });
  });
}

// ---- the workbook -------------------------------------------------------------------------------

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function specValue(v: RawValue): SpecValue {
  if (v instanceof Date) return (v.getTime() - EXCEL_EPOCH) / 86_400_000; // JSON has no dates
  return v ?? null;
}

function specOf(raw: RawSheet): SheetSpec {
  return {
    name: raw.name,
    top: raw.top,
    left: raw.left,
    values: raw.values.map((line) => Array.from(line, specValue)),
    numberFormats: raw.numberFormats?.map((line) => Array.from(line ?? [], (f) => f ?? null)),
    merges: raw.merges,
    hidden: raw.hidden,
  };
}

export const ERROR_SHEET = '建設課';
export const INJECTION_SHEET = '注入テスト';
export const HYPERLINK_TEXT = '=HYPERLINK("http://x","y")';
export const DDE_TEXT = '=cmd|" /C calc"!A0';
/** 備考 of a COVID-affected KPI: also written into the summary's COVID table */
export const COVID_NOTE_TEXT = '=HYPERLINK("http://covid","z") 新型コロナウイルス感染症の影響で事業が中止となった';

/**
 * A clean KPI sheet whose texts look like formulas (all stored as text, as typed with a leading
 * '): the pane must never turn them into formulas, in the sheet or in the summary.
 */
export function injectionSheet(): SheetSpec {
  return {
    name: INJECTION_SHEET,
    values: [
      ['基本目標', '施策', '事業名', '指標名', '単位', '方向', '集計', '基準値', '実績R3', '目標値', '備考'],
      [1, 1, DDE_TEXT, HYPERLINK_TEXT, '人', '増加', '単年', 10, 15, 20, '@SUM(1+1)'],
      [1, 2, '+事業', '-指標', '件', '増加', '単年', 100, 0, 200, COVID_NOTE_TEXT],
    ],
  };
}

export const SEED_FILES = ['strategy-2nd-term.xlsx', 'pledges.xlsx'];

/** the seed sample (both files' sheets in one workbook) + 建設課 (errors) + 注入テスト */
export async function sampleWorkbook(): Promise<WorkbookSpec> {
  const sheets: SheetSpec[] = [];
  for (const f of SEED_FILES) {
    const file = path.join(ROOT, 'seeds', f);
    if (!existsSync(file)) throw new Error(`seed workbook missing: seeds/${f}`);
    sheets.push(...(await readXlsx(new Uint8Array(readFileSync(file)))).sheets.map(specOf));
  }
  sheets.push(errorKpiSheet(ERROR_SHEET), injectionSheet());
  // through JSON, as the browser gets it
  return JSON.parse(JSON.stringify({ name: '進捗レビュー e2e.xlsx', sheets })) as WorkbookSpec;
}
