/**
 * What a person sees when running the command line on the bundled sample: a progress line per
 * workbook and stage, the 20 grade-D warnings as two grouped lines (one per kind) (every one with --verbose and
 * in the JSON report), --quiet, English plurals, the notice for a first-term workbook reviewed
 * without --plan 2015-2019, and the progress line drawn in place on a real terminal.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PROGRESS, run, tempDir, writeBook } from './cliHelpers';

const ROOT = path.resolve(__dirname, '..', '..');
const SAMPLE = ['strategy-2nd-term.xlsx', 'pledges.xlsx'].map((f) => path.join(ROOT, 'seeds', f));
const FIRST_TERM = path.join(ROOT, 'seeds', 'first-term.xlsx');
const BIN = path.join(ROOT, 'bin', 'progress-review.js');

jest.setTimeout(120_000);

describe('the command line on the sample', () => {
  test('a progress line per workbook and stage, the warnings grouped into a handful of lines, the final line last', async () => {
    const dir = tempDir();
    const res = await run(['review', ...SAMPLE, '--out', path.join(dir, 'out'), '--json', path.join(dir, 'out', 'report.json')]);
    expect(res.code).toBe(0);
    const progress = res.err.filter((l) => PROGRESS.test(l)).map((l) => l.replace(PROGRESS, ''));
    expect(progress).toEqual([
      expect.stringMatching(/^読み込み 1\/2: .*strategy-2nd-term\.xlsx（シート 26枚）$/),
      expect.stringMatching(/^読み込み 2\/2: .*pledges\.xlsx（シート 1枚）$/),
      '検証: KPI 104件、公約の取組 134件、エラー 0件、警告 20件',
      '書き込み 1/2: strategy-2nd-term.xlsx（シート 26枚）',
      '書き込み 2/2: pledges.xlsx（シート 1枚）',
      expect.stringMatching(/^集計を作成: .*summary\.xlsx$/),
      expect.stringMatching(/^レポートを作成: .*report\.json$/),
    ]);
    const rest = res.err.filter((l) => !PROGRESS.test(l));
    expect(rest).toEqual([
      '警告: strategy-2nd-term.xlsx › 備考が空欄（計画比で D評価）: 9件（数値目標!Q3、工業・雇用振興課!Q4、Q7、政策推進課!Q7、Q11、ほか 4件）',
      '警告: strategy-2nd-term.xlsx › 備考が空欄（D評価）: 11件（政策推進課!Q6、観光振興課!Q3、未来創造戦略室!Q5、Q7、スポーツ都市推進課!Q6、ほか 6件）',
      '同じ種類の警告はまとめて表示しました。すべて見るには --verbose を付けるか、--json のレポートを開いてください。',
    ]);
    expect(res.out[res.out.length - 1]).toMatch(/^ブック 2件（KPIシート 26枚、公約シート 1枚）: KPI 104件、公約の取組 134件を検証しました。エラー 0件、警告 20件（\d+\.\d秒）。$/);
    // the JSON report keeps every warning
    const report = JSON.parse(readFileSync(path.join(dir, 'out', 'report.json'), 'utf8'));
    expect(report.warnings).toHaveLength(20);
  });

  test('--verbose lists every warning; --quiet prints only the final line', async () => {
    const dir = tempDir();
    const verbose = await run(['review', ...SAMPLE, '--out', path.join(dir, 'v'), '--verbose']);
    expect(verbose.err.filter((l) => l.startsWith('警告: strategy-2nd-term.xlsx › '))).toHaveLength(20);
    expect(verbose.err.some((l) => l.includes('--verbose'))).toBe(false);
    const quiet = await run(['review', ...SAMPLE, '--out', path.join(dir, 'q'), '--quiet']);
    expect(quiet.code).toBe(0);
    expect(quiet.err).toEqual([]);
    expect(quiet.out).toHaveLength(1);
    expect(quiet.out[0]).toMatch(/^ブック 2件/);
    expect(existsSync(path.join(dir, 'q', 'summary.xlsx'))).toBe(true);
  });

  test('--quiet still prints every error, one by one', async () => {
    const dir = tempDir();
    const bad = path.join(dir, 'bad.xlsx');
    await writeBook(bad, { s: [['指標名', '基準値', '実績R3', '目標値'], ['x', '約50', 1, 2], ['y', '約60', 1, 2]] });
    const res = await run(['review', bad, '--out', path.join(dir, 'o'), '--quiet', '--lang', 'en']);
    expect(res.code).toBe(1);
    expect(res.err).toEqual([expect.stringMatching(/^error: bad\.xlsx › s!B2 \(基準値\): "約50"/), expect.stringMatching(/^error: bad\.xlsx › s!B3 \(基準値\): "約60"/)]);
    expect(res.out).toEqual([expect.stringMatching(/^1 workbook \(1 KPI sheet, 0 pledge sheets\): reviewed 0 KPIs and 0 pledge activities\. 2 errors, 0 warnings \(\d+\.\d s\)\.$/)]);
  });

  test('English: singular and plural, grouped warnings', async () => {
    const dir = tempDir();
    const res = await run(['review', ...SAMPLE, '--out', path.join(dir, 'o'), '--lang', 'en']);
    expect(res.err).toContain('warning: strategy-2nd-term.xlsx › 備考 blank (grade D): 11 cells (政策推進課!Q6, 観光振興課!Q3, 未来創造戦略室!Q5, Q7, スポーツ都市推進課!Q6 and 6 more)');
    expect(res.err.some((l) => /read 2\/2: .*pledges\.xlsx \(1 sheet\)$/.test(l))).toBe(true);
    expect(res.err.some((l) => /read 1\/2: .*strategy-2nd-term\.xlsx \(26 sheets\)$/.test(l))).toBe(true);
    expect(res.out[res.out.length - 1]).toMatch(/^2 workbooks \(26 KPI sheets, 1 pledge sheet\): reviewed 104 KPIs and 134 pledge activities\. 0 errors, 20 warnings \(\d+\.\d s\)\.$/);
    expect(res.out.join('\n')).not.toMatch(/\(s\)/);
  });

  test('a first-term workbook without --plan: a notice that says which plan and the option to give; none with --plan 2015-2019', async () => {
    const dir = tempDir();
    const res = await run(['review', FIRST_TERM, '--out', path.join(dir, 'a')]);
    expect(res.code).toBe(0);
    expect(res.err.filter((l) => l.startsWith('お知らせ'))).toEqual([
      'お知らせ: first-term.xlsx: KPI の多くは目標年度が 2019年度で、計画期間 2020〜2024 とは別の計画のブックのようです（実績のある 10件のうち 10件が期間外で、計画比は空欄です）。この計画なら --plan 2015-2019 を付けて実行し直してください。',
    ]);
    const en = await run(['review', FIRST_TERM, '--out', path.join(dir, 'b'), '--lang', 'en']);
    expect(en.err.filter((l) => l.startsWith('note:'))).toEqual([
      'note: first-term.xlsx: Most KPIs aim at FY2019, so the workbook seems to belong to another plan than FY2020–FY2024 (10 of 10 KPIs with an actual are outside the period; their pace is left blank). If that is its plan, run again with --plan 2015-2019.',
    ]);
    const planned = await run(['review', FIRST_TERM, '--out', path.join(dir, 'c'), '--plan', '2015-2019']);
    expect(planned.err.filter((l) => l.startsWith('お知らせ'))).toEqual([]);
  });
});

describe('the compiled command', () => {
  test('not a terminal (a pipe): plain lines on stderr, no control characters', () => {
    const dir = tempDir();
    const res = spawnSync(process.execPath, [BIN, 'review', ...SAMPLE, '--out', path.join(dir, 'o')], { encoding: 'utf8' });
    expect(res.status).toBe(0);
    expect(res.stderr).not.toMatch(/[\r\x1b]/);
    const lines = res.stderr.trim().split('\n');
    expect(lines.filter((l) => PROGRESS.test(l)).length).toBe(6); // read ×2, checked, wrote ×2, summary
    expect(lines.length).toBeLessThanOrEqual(10);
  });

  // util-linux `script` runs the command on a pseudo-terminal, as a person at a terminal would
  const script = ['/usr/bin/script', '/bin/script'].find((p) => existsSync(p));
  (script && process.platform === 'linux' ? test : test.skip)('on a terminal: the progress line is redrawn in place and erased at the end', () => {
    const dir = tempDir();
    const cmd = [process.execPath, BIN, 'review', ...SAMPLE, '--out', path.join(dir, 'o')].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
    const raw = execFileSync(script!, ['-qec', cmd, '/dev/null'], { encoding: 'utf8', env: { ...process.env, COLUMNS: '120' } });
    // each update returns to the start of the line and erases it
    const updates = raw.split('\r\x1b[2K');
    expect(updates.length).toBeGreaterThan(7);
    expect(raw).toMatch(/\[\d+\.\d秒\] 読み込み中 1\/2: /);
    expect(raw).toMatch(/\[\d+\.\d秒\] 書き込み 2\/2: pledges\.xlsx/);
    // the last thing on the terminal is the final line, with no progress left over it
    const lastLine = raw.trimEnd().split(/\r?\n/).pop()!;
    expect(lastLine).toMatch(/^(\r\x1b\[2K)*ブック 2件/);
    expect(raw).toContain('備考が空欄（D評価）: 11件');
  });
});
