/**
 * webpack.config.js, loaded the way webpack-cli loads it (function form) without running a build:
 * a production build needs ADDIN_PUBLIC_URL (or --env localhost), entries, loaders, the two HTML
 * pages, the copy patterns, the Office.js source (CDN, or the add-in's host in the offline build)
 * and the Content-Security-Policy of the pages.
 */
import * as fs from 'fs';
import * as path from 'path';

const repo = path.resolve(__dirname, '..', '..');
const CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const CDN_ORIGIN = 'https://appsforoffice.microsoft.com';

interface HtmlOptions {
  filename: string;
  template: string;
  chunks: string[];
  templateParameters: Record<string, string>;
}
interface CopyPattern {
  from: string;
  to: string;
  info?: { minimized?: boolean };
  globOptions?: { ignore?: string[] };
  transform?: (content: Buffer, absoluteFrom: string) => string | Buffer;
}
interface Plugin {
  constructor: { name: string };
  userOptions?: HtmlOptions;
  patterns?: CopyPattern[];
}
interface Loader {
  loader: string;
  options?: { transpileOnly: boolean; compilerOptions: Record<string, unknown> };
}
interface Rule {
  test: RegExp;
  use?: Loader[];
  type?: string;
}
interface Config {
  mode: string;
  devtool: string | false;
  entry: Record<string, string>;
  output: { path: string; filename: string; chunkFilename: string };
  performance: { maxEntrypointSize: number; hints: string | false };
  module: { rules: Rule[] };
  plugins: Plugin[];
  devServer: { port: number; server: unknown; hot: boolean };
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const makeConfig = require(path.join(repo, 'webpack.config.js')) as (env: object, argv: object) => Promise<Config>;

const LOCALHOST = { localhost: true };
const DEPLOY_URL = 'https://addins.example.jp/progress-review/';

/**
 * Build the config with the given environment variables set (and restored afterwards), webpack's
 * --env values `env` and its argv.
 */
async function configWith(vars: Record<string, string | undefined>, argv: object = { mode: 'production' }, env: object = LOCALHOST): Promise<Config> {
  const saved: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(vars)) {
    saved[k] = process.env[k];
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  try {
    return await makeConfig(env, argv);
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

function htmlPlugins(config: Config): HtmlOptions[] {
  return config.plugins.filter((p) => p.constructor.name === 'HtmlWebpackPlugin').map((p) => p.userOptions as HtmlOptions);
}

function copyPatterns(config: Config): CopyPattern[] {
  const copy = config.plugins.filter((p) => p.constructor.name === 'CopyPlugin' || p.constructor.name === 'CopyWebpackPlugin');
  expect(copy).toHaveLength(1);
  return copy[0].patterns as CopyPattern[];
}

/** Render the `<%= name %>` placeholders of an html-webpack-plugin template; nothing else is allowed. */
function render(template: string, params: Record<string, string>): string {
  let out = '';
  let pos = 0;
  for (;;) {
    const open = template.indexOf('<%', pos);
    if (open < 0) return out + template.slice(pos);
    const close = template.indexOf('%>', open);
    expect(template.startsWith('<%=', open)).toBe(true);
    const name = template.slice(open + 3, close).trim();
    expect(Object.keys(params)).toContain(name);
    out += template.slice(pos, open) + params[name];
    pos = close + 2;
  }
}

/** The attributes of the first `<tag …>` whose attribute `key` has `value` (or any, if value is undefined). */
function findTag(html: string, tag: string, key: string, value?: string): Map<string, string> | undefined {
  let pos = 0;
  for (;;) {
    const start = html.indexOf(`<${tag}`, pos);
    if (start < 0) return undefined;
    const end = html.indexOf('>', start);
    const attrs = new Map<string, string>();
    let i = start + tag.length + 1;
    while (i < end) {
      while (i < end && ' \n\t/'.includes(html[i])) i++;
      const eq = html.indexOf('=', i);
      if (eq < 0 || eq > end) break;
      const name = html.slice(i, eq).trim().toLowerCase();
      const quote = html[eq + 1];
      const close = html.indexOf(quote, eq + 2);
      attrs.set(name, html.slice(eq + 2, close));
      i = close + 1;
    }
    if (attrs.has(key) && (value === undefined || attrs.get(key)?.toLowerCase() === value.toLowerCase())) return attrs;
    pos = end;
  }
}

function parseCsp(content: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of content.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    expect(directives.has(name)).toBe(false);
    directives.set(name, sources);
  }
  return directives;
}

describe('webpack.config.js', () => {
  let config: Config;

  beforeAll(async () => {
    config = await configWith({ OFFICE_JS_OFFLINE: undefined, ADDIN_PUBLIC_URL: undefined });
  });

  test('production mode, no source maps, output in dist/ with hashed names', () => {
    expect(config.mode).toBe('production');
    expect(config.devtool).toBe(false);
    expect(config.output.path).toBe(path.join(repo, 'dist'));
    expect(config.output.filename).toContain('[contenthash');
    expect(config.output.chunkFilename).toContain('[contenthash');
  });

  test('development mode is only used when asked for; it has separate source maps, never eval', async () => {
    const dev = await configWith({ ADDIN_PUBLIC_URL: undefined }, { mode: 'development' }, {});
    expect(dev.mode).toBe('development');
    expect(dev.devtool).toBe('source-map');
    expect((await configWith({}, {})).mode).toBe('production');
  });

  test('a production build without ADDIN_PUBLIC_URL stops and says what to do', async () => {
    const build = configWith({ ADDIN_PUBLIC_URL: undefined }, { mode: 'production' }, {});
    await expect(build).rejects.toThrow(/ADDIN_PUBLIC_URL is not set/);
    await expect(build).rejects.toThrow(/npm run build:localhost/);
    // also the offline build, and webpack without --mode (production)
    await expect(configWith({ ADDIN_PUBLIC_URL: undefined }, { mode: 'production' }, { offline: true })).rejects.toThrow(/ADDIN_PUBLIC_URL is not set/);
    await expect(configWith({ ADDIN_PUBLIC_URL: undefined }, {}, {})).rejects.toThrow(/ADDIN_PUBLIC_URL is not set/);
    // an empty value is not a URL either
    await expect(configWith({ ADDIN_PUBLIC_URL: '' }, { mode: 'production' }, {})).rejects.toThrow(/ADDIN_PUBLIC_URL is not set/);
  });

  test('ADDIN_PUBLIC_URL must be an https folder address', async () => {
    await expect(configWith({ ADDIN_PUBLIC_URL: 'http://insecure.example.jp/' }, { mode: 'production' }, {})).rejects.toThrow(/https/);
    await expect(configWith({ ADDIN_PUBLIC_URL: 'addins.example.jp' }, { mode: 'production' }, {})).rejects.toThrow(/not a URL/);
    await expect(configWith({ ADDIN_PUBLIC_URL: 'https://addins.example.jp/a?b=1' }, { mode: 'production' }, {})).rejects.toThrow(/folder/);
    // the message is all a person needs: no stack trace of webpack.config.js
    const err = await configWith({ ADDIN_PUBLIC_URL: undefined }, { mode: 'production' }, {}).catch((e: Error) => e);
    expect(String((err as Error).stack)).not.toContain('webpack.config.js');
  });

  test('--env localhost wins over an ADDIN_PUBLIC_URL left in the environment (npm test stays a localhost build)', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const c = await configWith({ ADDIN_PUBLIC_URL: DEPLOY_URL }, { mode: 'production' }, LOCALHOST);
      expect(copyPatterns(c).find((p) => p.from === 'manifest*.xml')?.transform).toBeUndefined();
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('ADDIN_PUBLIC_URL (https://addins.example.jp/progress-review/) is ignored'));
    } finally {
      warn.mockRestore();
    }
  });

  test('the development server needs no public URL', async () => {
    const serve = await configWith({ ADDIN_PUBLIC_URL: undefined }, { mode: 'development' }, {});
    expect(serve.mode).toBe('development');
  });

  test('entries: taskpane (React) and commands', () => {
    expect(config.entry).toEqual({ taskpane: './src/taskpane/index.tsx', commands: './src/commands/commands.ts' });
    expect(fs.existsSync(path.join(repo, 'src/commands/commands.ts'))).toBe(true);
  });

  test('TypeScript: ts-loader (transpile only, ES modules so that Fluent UI tree-shakes), then Griffel ahead of time', () => {
    const ts = config.module.rules.find((r) => r.test.test('index.tsx') && r.test.test('commands.ts'));
    // loaders run last to first: ts-loader, then @griffel/webpack-loader on its output
    expect(ts?.use?.map((u) => u.loader)).toEqual(['@griffel/webpack-loader', 'ts-loader']);
    const tsLoader = ts?.use?.[1];
    expect(tsLoader?.options?.transpileOnly).toBe(true);
    expect(tsLoader?.options?.compilerOptions).toMatchObject({ module: 'esnext', moduleResolution: 'bundler', noEmit: false, sourceMap: false });
    const png = config.module.rules.find((r) => r.test.test('logo-filled.png'));
    expect(png?.type).toBe('asset/resource');
  });

  test('the first screen’s budget: 400 KB', () => {
    expect(config.performance.maxEntrypointSize).toBe(400 * 1024);
    expect(config.performance.hints).toBe('warning');
  });

  test('two HTML pages from the templates, each with its own chunk', () => {
    const pages = htmlPlugins(config).map((o) => [o.filename, path.normalize(o.template), o.chunks]);
    expect(pages).toEqual([
      ['taskpane.html', path.normalize('./src/taskpane/taskpane.html'), ['taskpane']],
      ['commands.html', path.normalize('./src/commands/commands.html'), ['commands']],
    ]);
    for (const [, template] of pages) expect(fs.existsSync(path.join(repo, template as string))).toBe(true);
  });

  test('copies assets/* and manifest*.xml; no Office.js unless offline', async () => {
    const patterns = copyPatterns(config);
    expect(patterns).toEqual([
      expect.objectContaining({ from: 'assets/*', to: 'assets/[name][ext][query]' }),
      expect.objectContaining({ from: 'manifest*.xml', to: '[name][ext]' }),
    ]);
    // --env localhost: manifests copied unchanged
    expect(patterns.find((p) => p.from === 'manifest*.xml')?.transform).toBeUndefined();
    const dev = await configWith({}, { mode: 'development' }, {});
    expect(copyPatterns(dev).some((p) => p.to.startsWith('office-js'))).toBe(false);
  });

  test.each([
    ['--env offline', { offline: true, localhost: true }, {}],
    ['OFFICE_JS_OFFLINE=1', LOCALHOST, { OFFICE_JS_OFFLINE: '1' }],
  ])('offline build (%s): the complete non-debug Office.js file set, pre-minified, into office-js/', async (_label, env, vars) => {
    const offline = await configWith(vars, { mode: 'production' }, env);
    const officeJs = copyPatterns(offline).filter((p) => p.to === 'office-js');
    expect(officeJs).toHaveLength(1);
    expect(officeJs[0].from).toBe(path.join(repo, 'node_modules/@microsoft/office-js/dist'));
    expect(officeJs[0].info?.minimized).toBe(true);
    expect(officeJs[0].globOptions?.ignore).toEqual(expect.arrayContaining(['**/*.debug.js']));
  });

  test('ADDIN_PUBLIC_URL rewrites the dev origin in dist/manifest.xml', async () => {
    const prod = await configWith({ ADDIN_PUBLIC_URL: DEPLOY_URL }, { mode: 'production' }, {});
    const transform = copyPatterns(prod).find((p) => p.from === 'manifest*.xml')?.transform;
    expect(transform).toBeDefined();
    const manifest = fs.readFileSync(path.join(repo, 'manifest.xml'));
    const out = String(transform?.(manifest, path.join(repo, 'manifest.xml')));
    // No attribute or element value is left on the dev server (the header comment may mention it).
    expect(out).not.toContain('"https://localhost:3000');
    expect(out).not.toContain('>https://localhost:3000');
    expect(out).toContain('<SourceLocation DefaultValue="https://addins.example.jp/progress-review/taskpane.html"/>');
    expect(out).toContain('<AppDomain>https://addins.example.jp</AppDomain>');
    // a URL without the closing slash is a folder too
    const noSlash = await configWith({ ADDIN_PUBLIC_URL: 'https://addins.example.jp/progress-review' }, { mode: 'production' }, {});
    const out2 = String(copyPatterns(noSlash).find((p) => p.from === 'manifest*.xml')?.transform?.(manifest, ''));
    expect(out2).toContain('<SourceLocation DefaultValue="https://addins.example.jp/progress-review/taskpane.html"/>');
    const dev = await configWith({ ADDIN_PUBLIC_URL: 'https://addins.example.jp/' }, { mode: 'development' }, {});
    expect(copyPatterns(dev).find((p) => p.from === 'manifest*.xml')?.transform).toBeUndefined();
  });

  test('dev server: https on port 3000; building needs no certificates', () => {
    expect(config.devServer.port).toBe(3000);
    expect(config.devServer.server).toBe('https');
  });

  describe.each([
    ['CDN', false, CDN, ["'self'", CDN_ORIGIN], ["'self'", 'https://*.pipe.aria.microsoft.com']],
    ['add-in’s host (offline build)', true, 'office-js/office.js', ["'self'"], ["'self'"]],
  ])('pages with Office.js from the %s', (_label, offline, officeJsUrl, scriptSrc, connectSrc) => {
    let pages: { filename: string; html: string }[];

    beforeAll(async () => {
      const c = await configWith({ OFFICE_JS_OFFLINE: undefined }, { mode: 'production' }, { localhost: true, offline });
      pages = htmlPlugins(c).map((o) => ({
        filename: o.filename,
        html: render(fs.readFileSync(path.join(repo, o.template), 'utf8'), o.templateParameters),
      }));
    });

    test('taskpane.html: lang ja, UTF-8, title, #container', () => {
      const html = pages.find((p) => p.filename === 'taskpane.html')?.html as string;
      expect(findTag(html, 'html', 'lang')?.get('lang')).toBe('ja');
      expect(findTag(html, 'meta', 'charset')?.get('charset')).toBe('UTF-8');
      expect(html).toContain('<title>進捗レビュー</title>');
      expect(findTag(html, 'div', 'id', 'container')).toBeDefined();
    });

    test('both pages load Office.js from the expected place, before the bundle', () => {
      for (const { filename, html } of pages) {
        const script = findTag(html, 'script', 'src');
        expect([filename, script?.get('src')]).toEqual([filename, officeJsUrl]);
        // The CSP meta comes before any script so that it applies to all of them.
        expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
      }
    });

    test('Content-Security-Policy: scripts from self (+ the CDN), no eval, no inline scripts', () => {
      for (const { filename, html } of pages) {
        const meta = findTag(html, 'meta', 'http-equiv', 'Content-Security-Policy');
        expect([filename, meta !== undefined]).toEqual([filename, true]);
        const content = meta?.get('content') as string;
        expect(content).not.toContain('unsafe-eval');
        const csp = parseCsp(content);
        expect([filename, csp.get('default-src')]).toEqual([filename, ["'self'"]]);
        expect([filename, csp.get('script-src')]).toEqual([filename, scriptSrc]);
        expect(csp.get('object-src')).toEqual(["'none'"]);
        expect(csp.get('base-uri')).toEqual(["'self'"]);
        // offline, nothing leaves the add-in's origin
        expect([filename, csp.get('connect-src')]).toEqual([filename, connectSrc]);
        for (const sources of csp.values()) expect(sources).not.toContain('*');
        // The Office.js URL must be allowed by script-src.
        if (officeJsUrl.startsWith('https://')) expect(scriptSrc).toContain(new URL(officeJsUrl).origin);
      }
      const taskpane = parseCsp(findTag(pages[0].html, 'meta', 'http-equiv', 'Content-Security-Policy')?.get('content') as string);
      // Fluent UI (Griffel) inserts <style> elements at run time.
      expect(taskpane.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    });
  });
});
