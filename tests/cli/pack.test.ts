/**
 * The command line as an installable package: `npm pack` (its prepack compiles lib/), then
 * `npm install <tarball> --omit=dev` into an empty folder (dependencies from the npm registry),
 * then that copy reviews the bundled sample. Packed from a copy of the project (node_modules
 * linked), so the tests running beside this one keep their lib/.
 *
 * Prints the tarball's size and the installed size (node_modules of the empty folder).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const SLOW = 600_000;
/** not copied into the packing folder: installed or built things, and test output */
const LEAVE_OUT = new Set(['node_modules', 'lib', 'dist', 'out', 'test-results', 'coverage', '.git', '.scratch']);

function npm(args: string[], cwd: string): string {
  return execFileSync(NPM, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32', env: { ...process.env, npm_config_update_notifier: 'false' } });
}

function sizeOf(p: string): number {
  const st = statSync(p);
  if (!st.isDirectory()) return st.size;
  return readdirSync(p).reduce((n, e) => n + sizeOf(path.join(p, e)), 0);
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

describe('npm pack → npm install --omit=dev → progress-review', () => {
  let work: string;
  let tarball: string;
  let files: string[];
  let app: string;

  beforeAll(() => {
    work = mkdtempSync(path.join(os.tmpdir(), 'progress-review-pack-'));
    const project = path.join(work, 'project');
    mkdirSync(project);
    for (const entry of readdirSync(ROOT)) {
      if (!LEAVE_OUT.has(entry)) cpSync(path.join(ROOT, entry), path.join(project, entry), { recursive: true });
    }
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(project, 'node_modules'), process.platform === 'win32' ? 'junction' : 'dir');

    const packed = JSON.parse(npm(['pack', '--json', '--pack-destination', work], project)) as { filename: string; files: { path: string }[] }[];
    tarball = path.join(work, packed[0].filename);
    files = packed[0].files.map((f) => f.path).sort();

    app = path.join(work, 'app');
    mkdirSync(app);
    npm(['install', tarball, '--omit=dev', '--no-audit', '--no-fund', '--no-package-lock'], app);
  }, SLOW);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test('the tarball carries the bin and the compiled command line, nothing else of the project', () => {
    expect(files).toContain('bin/progress-review.js');
    expect(files).toContain('lib/src/cli/main.js');
    expect(files).toContain('package.json');
    expect(files.filter((f) => !/^(bin\/|lib\/src\/|package\.json$|README\.md$|LICENSE)/.test(f))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.map') || f.endsWith('.ts') || f.startsWith('lib/src/excel/'))).toEqual([]);
  });

  test('installed without devDependencies: no React, Fluent UI or build tools', () => {
    const modules = readdirSync(path.join(app, 'node_modules'));
    for (const dev of ['react', 'react-dom', '@fluentui', 'webpack', 'typescript', 'jest', 'playwright-core', '@sparticuz']) {
      expect([dev, modules.includes(dev)]).toEqual([dev, false]);
    }
    // every runtime dependency is there
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    for (const dep of Object.keys(pkg.dependencies ?? {})) expect([dep, existsSync(path.join(app, 'node_modules', dep))]).toEqual([dep, true]);
    console.log(`npm pack: ${path.basename(tarball)} ${mb(statSync(tarball).size)} (${files.length} files); installed with --omit=dev: ${mb(sizeOf(path.join(app, 'node_modules')))}`);
  });

  test('the installed command reviews the bundled sample from an empty folder', () => {
    const bin = path.join(app, 'node_modules', '.bin', process.platform === 'win32' ? 'progress-review.cmd' : 'progress-review');
    const version = spawnSync(bin, ['--version'], { cwd: app, encoding: 'utf8', shell: process.platform === 'win32' });
    expect(version.stdout.trim()).toMatch(/^progress-review \d+\.\d+\.\d+$/);
    expect(version.status).toBe(0);

    const seeds = ['strategy-2nd-term.xlsx', 'pledges.xlsx'].map((f) => path.join(ROOT, 'seeds', f));
    const run = spawnSync(bin, ['review', ...seeds, '--out', 'out', '--json', 'out/report.json'], { cwd: app, encoding: 'utf8', shell: process.platform === 'win32' });
    // warnings (a D grade without a note …) go to stderr; exit 0 means no validation error
    expect({ status: run.status, stderr: run.status === 0 ? '' : run.stderr }).toEqual({ status: 0, stderr: '' });
    for (const f of ['strategy-2nd-term.xlsx', 'pledges.xlsx', 'summary.xlsx', 'report.json']) expect(existsSync(path.join(app, 'out', f))).toBe(true);
    const report = JSON.parse(readFileSync(path.join(app, 'out', 'report.json'), 'utf8')) as { kpis: unknown[]; pledges: { overall: number }; errors: unknown[] };
    expect(report.errors).toEqual([]);
    expect(report.kpis.length).toBeGreaterThan(90);
    // the published 全体 of the pledge overview (seed 002)
    expect(report.pledges.overall).toBe(59.2);
  });
});
