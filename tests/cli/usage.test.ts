/**
 * Usage errors of the command line: one line in the chosen language (--lang, default ja) naming
 * the option, the value and what is allowed; exit 2; no stack, no zod text, nothing written.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from '../../src/cli/args';
import { translate } from '../../src/messages/translate';
import { run, tempDir } from './cliHelpers';

const ZOD_OR_STACK = /ZodError|Invalid input|expected (string|number)|received|too_small|^\s+at\s|\n\s+at\s/i;

async function usageError(argv: string[]): Promise<string> {
  const res = await run(argv);
  expect(res.code).toBe(2);
  expect(res.out).toEqual([]);
  expect(res.err).toHaveLength(1);
  expect(res.err[0]).not.toMatch(ZOD_OR_STACK);
  expect(res.err[0]).not.toContain('\n');
  return res.err[0];
}

describe('usage errors: one line, exit 2', () => {
  const dir = tempDir('pr-usage-');
  const out = path.join(dir, 'o');
  const book = path.join(dir, 'x.xlsx');

  test.each([
    ['--plan 1900-1901', ['--plan', '1900-1901'], ['--plan', '1900-1901', '1950', '2200']],
    ['--plan 2024-2020 (start after end)', ['--plan', '2024-2020'], ['--plan', '2024-2020', '2020-2024']],
    ['--plan in another shape', ['--plan', '2020'], ['--plan', '2020']],
    ['--cap 0', ['--cap', '0'], ['--cap', '「0」', '0 より大きく']],
    ['--cap above the limit', ['--cap', '20000'], ['--cap', '20000', '10000 以下']],
    ['a non-numeric cap', ['--cap', 'abc'], ['--cap', '「abc」', '数値']],
    ['--decimals 3', ['--decimals', '3'], ['--decimals', '「3」', '2 以下']],
    ['--decimals 1.5', ['--decimals', '1.5'], ['--decimals', '「1.5」', '整数']],
    ['a plan name too long for a title', ['--plan-name', 'x'.repeat(61)], ['--plan-name', '60 文字以内']],
  ])('%s (Japanese by default)', async (_name, extra, words) => {
    const line = await usageError(['review', book, '--out', out, ...extra]);
    for (const w of words) expect(line).toContain(w);
    expect(existsSync(out)).toBe(false);
  });

  test.each([
    ['--plan 1900-1901', ['--plan', '1900-1901'], '--plan "1900-1901" is not allowed. Expected two fiscal years from 1950 to 2200 as start-end, the start not after the end (e.g. 2020-2024)'],
    ['--cap 0', ['--cap', '0'], '--cap "0" is not allowed. Must be greater than 0.'],
    ['--cap=abc', ['--cap=abc'], '--cap "abc" is not allowed. Enter a number.'],
  ])('%s in English with --lang en', async (_name, extra, expected) => {
    expect(await usageError(['review', book, '--out', out, '--lang', 'en', ...extra])).toBe(expected);
  });

  test('--lang fr: said in both languages, since the language is what is wrong', async () => {
    const line = await usageError(['review', book, '--out', out, '--lang', 'fr']);
    expect(line).toBe('--lang の値「fr」は使えません。ja または en を指定してください / --lang "fr" is not allowed: use ja or en');
  });

  test('a missing --out', async () => {
    expect(await usageError(['review', book])).toBe('--out を指定してください（書き出し先のフォルダ）');
    expect(await usageError(['review', book, '--lang', 'en'])).toBe('--out is required (the output folder)');
  });

  test('--out without its value, or with an option where its value should be', async () => {
    expect(await usageError(['review', book, '--out'])).toBe('--out に値がありません。--out の後に値を書いてください');
    expect(await usageError(['review', book, '--out', '--cap', '150'])).toContain('--out に値がありません');
  });

  test('an unknown option names itself and the options there are', async () => {
    const line = await usageError(['review', book, '--out', out, '--frobnicate']);
    expect(line).toContain('「--frobnicate」');
    expect(line).toContain('--cap');
    expect(await usageError(['review', book, '--out', out, '-x', '--lang', 'en'])).toBe(
      'unknown option "-x". Options: --out, --json, --cap, --plan, --grade-cumulative, --plan-name, --as-of, --decimals, --lang, --quiet, --verbose, --department, --help, --version',
    );
  });

  test('no workbook, no command, an unknown command, a value on a flag', async () => {
    expect(await usageError(['review', '--out', out])).toContain('ブック');
    expect(await usageError(['--out', out])).toContain('review');
    expect(await usageError(['frobnicate', book, '--out', out])).toContain('「frobnicate」');
    expect(await usageError(['review', book, '--out', out, '--help=yes', '--lang', 'en'])).toBe('--help takes no value ("yes")');
  });
});

describe('what parseArgs hands on', () => {
  test('settings from the domain schema: cap and plan checked, the rest defaulted', () => {
    const parsed = parseArgs(['review', 'a.xlsx', 'b.xlsx', '--out', 'o', '--cap=150', '--plan', '2015〜2019', '--json', 'r.json', '--lang', 'en']);
    expect(parsed).toEqual({
      kind: 'options',
      options: {
        files: ['a.xlsx', 'b.xlsx'],
        out: 'o',
        json: 'r.json',
        lang: 'en',
        settings: expect.objectContaining({ cap: 150, planStart: 2015, planEnd: 2019, grades: { A: 100, B: 80, C: 50 } }),
        verbosity: 'normal',
      },
    });
  });

  test('--quiet and --verbose choose how much is printed; not both', async () => {
    const options = (argv: string[]) => {
      const p = parseArgs(['review', 'a.xlsx', '--out', 'o', ...argv]);
      return p.kind === 'options' ? p.options.verbosity : p;
    };
    expect(options(['--quiet'])).toBe('quiet');
    expect(options(['-q'])).toBe('quiet');
    expect(options(['--verbose'])).toBe('verbose');
    expect(await usageError(['review', 'a.xlsx', '--out', 'o', '--quiet', '--verbose', '--lang', 'en'])).toBe('--quiet and --verbose cannot be used together');
  });

  test('template: kind, --department, --plan and an .xlsx --out', async () => {
    expect(parseArgs(['template', 'kpi', '--department', ' 都市計画課 ', '--plan', '2015-2019', '--out', 't.xlsx'])).toEqual({
      kind: 'template',
      options: { kind: 'kpi', out: 't.xlsx', department: '都市計画課', lang: 'ja', settings: expect.objectContaining({ planStart: 2015, planEnd: 2019 }) },
    });
    expect(parseArgs(['template', 'pledge', '--out', 'p.XLSX', '--lang', 'en'])).toEqual({
      kind: 'template',
      options: { kind: 'pledge', out: 'p.XLSX', lang: 'en', settings: expect.objectContaining({ planStart: 2020, planEnd: 2024 }) },
    });
    const en = (argv: string[]) => usageError([...argv, '--lang', 'en']);
    expect(await en(['template', '--out', 't.xlsx'])).toBe(translate('en', 'cli.error.templateKind'));
    expect(await en(['template', 'summary', '--out', 't.xlsx'])).toBe(translate('en', 'cli.error.templateKind'));
    expect(await en(['template', 'kpi', 'extra', '--out', 't.xlsx'])).toContain('"extra"');
    expect(await en(['template', 'kpi'])).toBe('--out is required (the template file to write (.xlsx))');
    expect(await en(['template', 'kpi', '--out', 't.csv'])).toBe('the --out file "t.csv" must end in .xlsx');
    expect(await en(['template', 'kpi', '--out', 't.xlsx', '--json', 'r.json'])).toBe('--json is not an option of template');
    expect(await en(['template', 'pledge', '--out', 't.xlsx', '--department', 'x'])).toBe('--department is not an option of template pledge');
    expect(await en(['review', 'a.xlsx', '--out', 'o', '--department', 'x'])).toBe('--department is not an option of review');
    expect(await en(['template', 'kpi', '--out', 't.xlsx', '--department', '課/係'])).toBe('--department "課/係" is not allowed. Contains a character that sheet names cannot have (: \\ / ? * [ ]).');
    expect(await usageError(['template', 'kpi', '--out', 't.xlsx', '--cap', '150'])).toBe('--cap は template では使えません');
  });

  test('--grade-cumulative pace | achievement goes into the settings; anything else names what is allowed', () => {
    const by = (v: string) => parseArgs(['review', 'a.xlsx', '--out', 'o', '--grade-cumulative', v]);
    expect(by('achievement')).toMatchObject({ kind: 'options', options: { settings: expect.objectContaining({ gradeCumulativeBy: 'achievement' }) } });
    expect(parseArgs(['review', 'a.xlsx', '--out', 'o'])).toMatchObject({ options: { settings: expect.objectContaining({ gradeCumulativeBy: 'pace' }) } });
    expect(by('both')).toEqual({ kind: 'error', lang: 'ja', message: '--grade-cumulative の値「both」は使えません。pace（計画比で評価）または achievement（達成率で評価）を指定してください' });
    expect(parseArgs(['review', 'a.xlsx', '--out', 'o', '--grade-cumulative', 'x', '--lang', 'en'])).toMatchObject({ message: '--grade-cumulative "x" is not allowed. Use pace (grade on 計画比) or achievement (grade on 達成率)' });
  });

  test('help in the chosen language; version', () => {
    expect(parseArgs(['--help'])).toEqual({ kind: 'help', lang: 'ja' });
    expect(parseArgs(['-h', '--lang', 'en'])).toEqual({ kind: 'help', lang: 'en' });
    expect(parseArgs(['--version'])).toEqual({ kind: 'version' });
  });
});
