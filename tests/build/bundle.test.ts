/**
 * The production build in dist/ (`npm test` makes it in `pretest`, as `npm run build:localhost`):
 * what is deployed and how big the task pane's first screen is.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { measureBundle, pageScripts } from '../../bench/bundle';
import { DIST, ensureDist } from '../e2e/support';

const BUDGET = 400 * 1024;

function allFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? allFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe('dist/ (production build)', () => {
  beforeAll(async () => {
    await ensureDist();
  }, 300_000);

  test(`the first screen's JavaScript is at most ${BUDGET / 1024} KB minified`, () => {
    const r = measureBundle(DIST);
    expect(r.budgetBytes).toBe(BUDGET);
    expect(r.taskpaneBytes).toBeLessThanOrEqual(BUDGET);
    expect(r.gzipBytes).toBeLessThan(r.taskpaneBytes);
    // the engine and the parts after the first screen are chunks of their own
    expect(r.lazyBytes).toBeGreaterThan(50 * 1024);
  });

  test('the review engine is not on the first screen: it is fetched on demand', () => {
    const first = pageScripts(readFileSync(path.join(DIST, 'taskpane.html'), 'utf8'));
    expect(first).toHaveLength(1);
    const engine = readdirSync(DIST).filter((f) => /^engine\.[0-9a-f]{8}\.js$/.test(f));
    expect(engine).toHaveLength(1);
    expect(first).not.toContain(engine[0]);
  });

  test('no source maps and no copy of Office.js are deployed', () => {
    const files = allFiles(DIST).map((f) => path.relative(DIST, f).split(path.sep).join('/'));
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    for (const f of files.filter((x) => x.endsWith('.js'))) {
      expect([f, readFileSync(path.join(DIST, f), 'utf8').includes('sourceMappingURL=')]).toEqual([f, false]);
    }
    // only the offline build (npm run build:offline, tests/e2e/offline.test.ts) has office-js/
    expect(existsSync(path.join(DIST, 'office-js'))).toBe(false);
  });
});
