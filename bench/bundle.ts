/**
 * {"bench":"bundle","taskpaneBytes":…,"gzipBytes":…,"lazyBytes":…,"budgetBytes":409600}: the task
 * pane's first screen — the scripts taskpane.html loads, Office.js aside — minified and gzipped
 * (level 9), of a production build made for the bench (`npm run build:localhost` into a temporary
 * folder); lazyBytes is every chunk loaded later (engine, dialogs, results, settings form).
 *
 *   node lib/bench/bundle.js            # builds, then measures
 *   node lib/bench/bundle.js dist       # measures an existing build
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** the project: bench/ from source, lib/bench/ compiled */
const ROOT = existsSync(path.join(__dirname, '..', 'package.json')) ? path.resolve(__dirname, '..') : path.resolve(__dirname, '..', '..');

export interface BundleResult {
  bench: 'bundle';
  taskpaneBytes: number;
  gzipBytes: number;
  lazyBytes: number;
  budgetBytes: number;
  scripts: string[];
}

/** The script files a page loads from its own folder (not Office.js from the CDN or office-js/). */
export function pageScripts(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*\ssrc=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)]
    .map((m) => m[1] ?? m[2] ?? m[3])
    .filter((src) => !/^[a-z]+:/i.test(src) && !src.startsWith('office-js/'));
}

export function measureBundle(dist: string): BundleResult {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { TASKPANE_BUDGET } = require(path.join(ROOT, 'webpack.config.js')) as { TASKPANE_BUDGET: number };
  const scripts = pageScripts(readFileSync(path.join(dist, 'taskpane.html'), 'utf8'));
  if (scripts.length === 0) throw new Error(`${dist}/taskpane.html loads no script of its own`);
  const bodies = scripts.map((s) => readFileSync(path.join(dist, s)));
  const commandsScripts = new Set(pageScripts(readFileSync(path.join(dist, 'commands.html'), 'utf8')));
  const lazy = readdirSync(dist).filter((f) => f.endsWith('.js') && !scripts.includes(f) && !commandsScripts.has(f));
  return {
    bench: 'bundle',
    taskpaneBytes: bodies.reduce((n, b) => n + b.length, 0),
    gzipBytes: bodies.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0),
    lazyBytes: lazy.reduce((n, f) => n + statSync(path.join(dist, f)).size, 0),
    budgetBytes: TASKPANE_BUDGET,
    scripts,
  };
}

/** a production build (as `npm run build:localhost`) into a temporary folder, measured */
export async function benchBundle(): Promise<BundleResult> {
  const out = mkdtempSync(path.join(os.tmpdir(), 'progress-review-bundle-'));
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const webpack = require(require.resolve('webpack', { paths: [ROOT] })) as typeof import('webpack');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const makeConfig = require(path.join(ROOT, 'webpack.config.js')) as (env: object, argv: object) => Promise<import('webpack').Configuration>;
    const config = await makeConfig({ localhost: true }, { mode: 'production' });
    await new Promise<void>((resolve, reject) =>
      webpack({ ...config, context: ROOT, output: { ...config.output, path: out }, infrastructureLogging: { level: 'error' } }, (err, stats) => {
        if (err) return reject(err);
        if (!stats || stats.hasErrors()) return reject(new Error(stats?.toString({ all: false, errors: true }) ?? 'webpack failed'));
        resolve();
      }),
    );
    return measureBundle(out);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const dist = process.argv[2];
  (dist ? Promise.resolve(measureBundle(path.resolve(dist))) : benchBundle())
    .then((r) => console.log(JSON.stringify(r)))
    .catch((e) => {
      console.error(e);
      process.exitCode = 1;
    });
}
