/**
 * Output safety: every output path (--out, --json, each reviewed copy, summary.xlsx) is checked
 * before anything is written. A path that cannot be written is one line in the chosen language,
 * exit 2, no stack, and nothing is left behind: no output, no temporary file, no folder this
 * run created. Tests run as root here, where permissions do not stop a write; the failures are
 * made with paths under a regular file, folders where a file should be, and names too long
 * for the file system.
 */
import { copyFileSync, mkdirSync, promises as fsp, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { OutputError, OutputSet } from '../../src/cli/outputPaths';
import { run, tempDir, withoutProgress } from './cliHelpers';

const SEED = path.join(__dirname, '..', '..', 'seeds', 'strategy-2nd-term.xlsx');
const LONG = 'x'.repeat(300);

/** Every path under `dir` (files and folders), for before/after comparisons. */
function tree(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      out.push(path.relative(dir, p) + (e.isDirectory() ? '/' : ''));
      if (e.isDirectory()) walk(p);
    }
  };
  walk(dir);
  return out.sort();
}

function setup(): { dir: string; input: string } {
  const dir = tempDir('pr-out-');
  const input = path.join(dir, 'dept.xlsx');
  copyFileSync(SEED, input);
  writeFileSync(path.join(dir, 'blocker'), 'a regular file');
  mkdirSync(path.join(dir, 'a-folder'));
  return { dir, input };
}

type Case = [label: string, args: (dir: string) => string[], ja: RegExp, en: RegExp];

const CASES: Case[] = [
  ['--out under a regular file', (d) => ['--out', path.join(d, 'blocker', 'out')], /フォルダがあるべき場所にファイルがあります/, /a file stands where a folder is needed/],
  ['--out is a regular file', (d) => ['--out', path.join(d, 'blocker')], /フォルダがあるべき場所にファイルがあります/, /a file stands where a folder is needed/],
  ['--json under a regular file', (d) => ['--out', path.join(d, 'out'), '--json', path.join(d, 'blocker', 'r.json')], /フォルダがあるべき場所にファイルがあります/, /a file stands where a folder is needed/],
  ['--json is a folder', (d) => ['--out', path.join(d, 'out'), '--json', path.join(d, 'a-folder')], /フォルダです。ファイル名を指定してください/, /it is a folder; give a file name/],
  ['--out with a name too long', (d) => ['--out', path.join(d, LONG)], /名前が長すぎます/, /the name is too long/],
  ['--json with a name too long', (d) => ['--out', path.join(d, 'out'), '--json', path.join(d, 'new', `${LONG}.json`)], /名前が長すぎます/, /the name is too long/],
];

describe.each(CASES)('%s', (_label, args, ja, en) => {
  test.each([
    ['ja', ja],
    ['en', en],
  ] as const)('--lang %s: one line, exit 2, nothing written', async (lang, why) => {
    const { dir, input } = setup();
    const before = tree(dir);
    const res = await run(['review', input, ...args(dir), '--lang', lang]);
    expect(res.code).toBe(2);
    const err = withoutProgress(res.err);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(why);
    expect(err[0]).toMatch(lang === 'ja' ? /何も書き出していません/ : /nothing was written/);
    expect(err[0]).not.toMatch(/\n|\bat \S+ \(|Error:/);
    expect(res.out.filter((l) => /書き出し|wrote/.test(l))).toEqual([]);
    expect(tree(dir)).toEqual(before);
    rmSync(dir, { recursive: true, force: true });
  });
});

test('a reviewed copy whose name is taken by a folder: refused before the summary or the JSON is written', async () => {
  const { dir, input } = setup();
  mkdirSync(path.join(dir, 'out', 'dept.xlsx'), { recursive: true });
  const before = tree(dir);
  const res = await run(['review', input, '--out', path.join(dir, 'out'), '--json', path.join(dir, 'out', 'report.json'), '--lang', 'en']);
  expect(res.code).toBe(2);
  expect(withoutProgress(res.err)).toEqual([`cannot write ${path.join(dir, 'out', 'dept.xlsx')} (it is a folder; give a file name); nothing was written`]);
  expect(tree(dir)).toEqual(before);
});

test('a run that succeeds leaves exactly its outputs: no temporary file, folders created as needed', async () => {
  const { dir, input } = setup();
  const res = await run(['review', input, '--out', path.join(dir, 'out', 'deep'), '--json', path.join(dir, 'json', 'r.json')]);
  expect(res.code).toBe(0);
  expect(tree(path.join(dir, 'out'))).toEqual(['deep/', 'deep/dept.xlsx', 'deep/summary.xlsx']);
  expect(tree(path.join(dir, 'json'))).toEqual(['r.json']);
});

describe('OutputSet', () => {
  test('a write that fails after others were staged: every staged file and every folder it created is removed', async () => {
    const dir = tempDir('pr-out-');
    const a = path.join(dir, 'new', 'a.xlsx');
    const b = path.join(dir, 'other', 'deeper', 'b.json');
    const outputs = new OutputSet();
    await outputs.prepare([a, b]);
    expect(tree(dir)).toEqual(['new/', 'other/', 'other/deeper/']);
    await outputs.write(a, 'first');
    // the second folder is taken away after the check (another program, a full disk …)
    rmSync(path.join(dir, 'other'), { recursive: true });
    writeFileSync(path.join(dir, 'other'), 'now a file');
    const err = await outputs.write(b, 'second').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OutputError);
    expect((err as OutputError).text('en')).toBe(`cannot write ${b} (a file stands where a folder is needed); nothing was written`);
    await outputs.discard();
    expect(tree(dir)).toEqual(['other']);
  });

  test('a flush to disk that fails (a full drive) fails the run with its file named, and nothing is left', async () => {
    const dir = tempDir('pr-out-');
    const a = path.join(dir, 'a.xlsx');
    const b = path.join(dir, 'b.xlsx');
    writeFileSync(b, 'old');
    const outputs = new OutputSet();
    await outputs.prepare([a, b]);
    await outputs.write(a, 'first');
    const probe = await fsp.open(__filename, 'r');
    await probe.close();
    const sync = jest.spyOn(Object.getPrototypeOf(probe), 'sync').mockRejectedValueOnce(Object.assign(new Error('no space'), { code: 'ENOSPC' }));
    try {
      // the flush goes on while the run does: its failure comes from the next write or the commit
      const err = await outputs
        .write(b, 'second')
        .then(() => outputs.commit())
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(OutputError);
      expect((err as OutputError).text('en')).toBe(`cannot write ${b} (the drive is full); nothing was written`);
    } finally {
      sync.mockRestore();
    }
    await outputs.discard();
    expect(tree(dir)).toEqual(['b.xlsx']);
    expect(readFileSync(b, 'utf8')).toBe('old');
  });

  test('commit moves the staged files into place, replacing what was there', async () => {
    const dir = tempDir('pr-out-');
    const a = path.join(dir, 'a.txt');
    writeFileSync(a, 'old');
    const outputs = new OutputSet();
    await outputs.prepare([a]);
    await outputs.write(a, 'new');
    expect(statSync(a).size).toBe(3);
    expect(await outputs.commit()).toEqual([a]);
    expect(tree(dir)).toEqual(['a.txt']);
    await outputs.discard(); // nothing left to remove; the committed file stays
    expect(tree(dir)).toEqual(['a.txt']);
  });

  test('chunks are written in turn as they are made; a failure making them is passed on as it is, and nothing is left', async () => {
    const dir = tempDir('pr-out-');
    const a = path.join(dir, 'a.bin');
    const b = path.join(dir, 'b.bin');
    const outputs = new OutputSet();
    await outputs.prepare([a, b]);
    const made: number[] = [];
    function* chunks() {
      for (let i = 0; i < 3; i++) {
        made.push(i);
        yield new Uint8Array(70_000).fill(65 + i);
      }
    }
    await outputs.write(a, chunks());
    expect(made).toEqual([0, 1, 2]);
    const broken = new Error('the summary model is inconsistent');
    function* failing() {
      yield new Uint8Array([1, 2, 3]);
      throw broken;
    }
    await expect(outputs.write(b, failing())).rejects.toBe(broken);
    await outputs.discard();
    expect(tree(dir)).toEqual([]);

    const again = new OutputSet();
    await again.prepare([a]);
    await again.write(a, chunks());
    await again.commit();
    const back = readFileSync(a);
    expect(back.length).toBe(210_000);
    expect([back[0], back[70_000], back[209_999]]).toEqual([65, 66, 67]);
  });

  test('small chunks gathered and big ones between them come out in order, byte for byte', async () => {
    const dir = tempDir('pr-out-');
    const a = path.join(dir, 'a.bin');
    const outputs = new OutputSet();
    await outputs.prepare([a]);
    const chunks: Uint8Array[] = [];
    for (let i = 0; i < 3000; i++) chunks.push(i % 700 === 0 ? new Uint8Array(100_000).fill(i % 251) : Uint8Array.from({ length: 1 + (i % 40) }, (_, k) => (i + k) % 256));
    await outputs.write(a, chunks);
    await outputs.commit();
    expect(readFileSync(a).equals(Buffer.concat(chunks))).toBe(true);
  });

  test('a move that fails during commit undoes the moves before it: the old files are back, the new ones gone', async () => {
    const dir = tempDir('pr-out-');
    const a = path.join(dir, 'a.txt');
    const b = path.join(dir, 'b.txt');
    const c = path.join(dir, 'c.txt');
    writeFileSync(a, 'old a');
    const outputs = new OutputSet();
    await outputs.prepare([a, b, c]);
    await outputs.write(a, 'new a');
    await outputs.write(b, 'new b');
    await outputs.write(c, 'new c');
    // c's staged file disappears before the commit (another program cleaning temporary files)
    for (const f of readdirSync(dir)) if (f.endsWith('.tmp') && readFileSync(path.join(dir, f), 'utf8') === 'new c') rmSync(path.join(dir, f));
    await expect(outputs.commit()).rejects.toBeInstanceOf(OutputError);
    await outputs.discard();
    expect(tree(dir)).toEqual(['a.txt']);
    expect(readFileSync(a, 'utf8')).toBe('old a');
  });
});
