/**
 * Rules for the task pane's source that no compiler checks: no eval, no HTML injection, no
 * network calls of its own, Office.js only in the entry (components talk to the gateway), and
 * the zod CSP switch imported before anything else.
 */
import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..', 'src', 'taskpane');

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** the code without comments, so that comments may name what the code must not do */
function code(file: string): string {
  return fs
    .readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"])\/\/.*$/gm, '$1');
}

const sources = files(root).map((f) => ({ file: path.relative(root, f), text: code(f) }));

test('there are sources to check', () => {
  expect(sources.map((s) => s.file)).toEqual(expect.arrayContaining(['index.tsx', path.join('components', 'App.tsx')]));
});

test.each([
  ['eval', /\beval\s*\(/],
  ['new Function', /new\s+Function\b/],
  ['dangerouslySetInnerHTML', /dangerouslySetInnerHTML/],
  ['innerHTML', /\.innerHTML\b/],
  ['fetch', /\bfetch\s*\(/],
  ['XMLHttpRequest', /XMLHttpRequest/],
  ['WebSocket', /WebSocket/],
  ['sendBeacon', /sendBeacon/],
])('no %s in src/taskpane', (_name, pattern) => {
  expect(sources.filter((s) => pattern.test(s.text)).map((s) => s.file)).toEqual([]);
});

test('only index.tsx touches Office.js; components use the gateway', () => {
  const users = sources.filter((s) => /\b(Office|Excel|OfficeExtension)\.\w/.test(s.text)).map((s) => s.file);
  expect(users).toEqual(['index.tsx']);
});

test('zod stays off the first screen; each chunk that carries it imports the CSP switch first', () => {
  const index = sources.find((s) => s.file === 'index.tsx')?.text ?? '';
  expect(index).not.toMatch(/zodConfig|domain\/base\/settings/);
  for (const file of ['engine.ts', path.join('state', 'settingsCheck.ts')]) {
    const text = sources.find((s) => s.file === file)?.text ?? '';
    const imports = [...text.matchAll(/^import\s.*$/gm)].map((m) => m[0]);
    expect({ file, first: imports[0]?.trim() }).toEqual({ file, first: expect.stringMatching(/^import '\.\.?\/zodConfig';/) });
  }
});

test.each(['action-validate', 'action-compute', 'action-summary', 'action-template', 'lang-switch', 'problem-item', 'result', 'progress'])(
  'data-testid="%s" is present',
  (id) => {
    expect(sources.some((s) => s.text.includes(`data-testid="${id}"`) || s.text.includes(`testId: '${id}'`))).toBe(true);
  },
);
