/**
 * A batch of department workbooks where some are not what they should be: every readable one
 * is reviewed and summarised, each unreadable one named with what to do (exit 2), the same
 * workbook given twice reviewed once, and nothing is silent.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildPackage, cell, packageParts, row, zipParts } from '../read/support/packages';
import { run, tempDir } from './cliHelpers';

const CORPUS = path.join(__dirname, '..', 'corpus');

/** A KPI sheet as another program writes it (inline strings, no styles). */
function kpiBook(indicator: string, part?: string): Uint8Array {
  const head = ['指標名', '単位', '方向', '集計', '基準年度', '基準値', '実績R3', '目標年度', '目標値'];
  const cols = 'ABCDEFGHI';
  const data =
    row(1, head.map((h, i) => cell.inline(`${cols[i]}1`, h)).join('')) +
    row(2, [cell.inline('A2', indicator), cell.inline('B2', '人'), cell.inline('C2', '増加'), cell.inline('D2', '単年'), cell.n('E2', 2018), cell.n('F2', 10), cell.n('G2', 15), cell.n('H2', 2024), cell.n('I2', 20)].join(''));
  return buildPackage({ sheets: [{ name: '政策推進課', data, part }] });
}

function report(dir: string): { kpis: { indicator: string }[] } {
  return JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8'));
}

describe('a batch with unreadable, doubled and odd workbooks', () => {
  test('one unreadable workbook among many is named, the others are reviewed and summarised (exit 2)', async () => {
    const dir = tempDir('pr-batch-');
    const good = path.join(dir, 'good.xlsx');
    writeFileSync(good, kpiBook('新規雇用創出数'));
    const numbers = path.join(dir, 'numbers.xlsx');
    writeFileSync(numbers, kpiBook('観光入込客数', 'xl/worksheets/sheet.xml')); // Apple Numbers' part name
    const truncated = path.join(dir, 'cut.xlsx');
    writeFileSync(truncated, readFileSync(good).subarray(0, 300));
    const csv = path.join(dir, 'kpi.csv');
    writeFileSync(csv, '指標名,目標値\n新規雇用創出数,20\n');
    const encrypted = path.join(dir, 'locked.xlsx');
    copyFileSync(path.join(CORPUS, 'files', 'caae96225a5fbe2f.xlsx'), encrypted); // calamine's pass_protected.xlsx
    const legacy = path.join(dir, 'old.xls');
    copyFileSync(path.join(CORPUS, 'libreoffice', 'lo-kpi-features.xls'), legacy);
    const missing = path.join(dir, 'nowhere.xlsx');

    const out = path.join(dir, 'out');
    const res = await run(['review', good, truncated, csv, numbers, encrypted, legacy, missing, '--out', out, '--json', path.join(out, 'report.json')]);
    expect(res.code).toBe(2);
    const errors = res.err.filter((l) => l.startsWith('エラー'));
    expect(errors).toEqual([
      expect.stringMatching(/^エラー: .*cut\.xlsx › 読めません。ファイルが途中で切れています/),
      expect.stringMatching(/^エラー: .*kpi\.csv › 読めません。テキストファイル（CSV など）/),
      expect.stringMatching(/^エラー: .*locked\.xlsx › 読めません。パスワードで保護（暗号化）されたブックです。.*パスワードを使用して暗号化/),
      expect.stringMatching(/^エラー: .*old\.xls › 読めません。古い形式（Excel 97-2003 の \.xls）のブックです。/),
      expect.stringMatching(/^エラー: .*nowhere\.xlsx › 読めません。ファイルが見つかりません。/),
    ]);
    // no library text, no stack
    for (const l of res.err) expect(l).not.toMatch(/ENOENT|Error:|at .*\(|zip|undefined/i);
    expect(existsSync(path.join(out, 'good.xlsx'))).toBe(true);
    expect(existsSync(path.join(out, 'numbers.xlsx'))).toBe(true);
    expect(existsSync(path.join(out, 'summary.xlsx'))).toBe(true);
    expect(report(out).kpis.map((k) => k.indicator).sort()).toEqual(['新規雇用創出数', '観光入込客数']);
  });

  test('the same workbook given twice, by the same path or as a copy, is reviewed once with a warning', async () => {
    const dir = tempDir('pr-twice-');
    const a = path.join(dir, 'a.xlsx');
    writeFileSync(a, kpiBook('新規雇用創出数'));
    mkdirSync(path.join(dir, 'sub'));
    const copy = path.join(dir, 'sub', 'a-copy.xlsx');
    copyFileSync(a, copy);
    const out = path.join(dir, 'out');
    const res = await run(['review', a, a, copy, '--out', out, '--json', path.join(out, 'report.json'), '--lang', 'en']);
    expect(res.code).toBe(0);
    expect(res.err.filter((l) => l.includes('same workbook'))).toHaveLength(2);
    expect(report(out).kpis).toHaveLength(1);
    expect(existsSync(path.join(out, 'a-copy.xlsx'))).toBe(false);
  });

  test('a workbook where no sheet can be read says so; one without KPI or pledge sheets is an error of its own', async () => {
    const dir = tempDir('pr-nosheet-');
    const parts = packageParts({ sheets: [{ name: 'S', data: '' }] });
    parts.delete('xl/worksheets/sheet1.xml');
    const empty = path.join(dir, 'empty.xlsx');
    writeFileSync(empty, zipParts(parts));
    const memo = path.join(dir, 'memo.xlsx');
    writeFileSync(memo, buildPackage({ sheets: [{ name: 'メモ', data: row(1, cell.inline('A1', 'ただのメモ')) }] }));
    const good = path.join(dir, 'good.xlsx');
    writeFileSync(good, kpiBook('新規雇用創出数'));
    const res = await run(['review', empty, memo, good, '--out', path.join(dir, 'out'), '--lang', 'en']);
    expect(res.code).toBe(2);
    expect(res.err).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^warning: .*empty\.xlsx › sheet "S" could not be read and was skipped\. Part xl\/worksheets\/sheet1\.xml of the workbook is missing/),
        expect.stringMatching(/^error: .*empty\.xlsx › cannot be read\. No worksheet could be read/),
        expect.stringMatching(/^error: memo\.xlsx › No KPI sheet and no pledge sheet found/),
      ]),
    );
    expect(existsSync(path.join(dir, 'out', 'good.xlsx'))).toBe(true);
  });

  test('when no file can be read, nothing is written and the exit status is 2', async () => {
    const dir = tempDir('pr-none-');
    const csv = path.join(dir, 'a.csv');
    writeFileSync(csv, 'a,b\n1,2\n');
    const res = await run(['review', csv, '--out', path.join(dir, 'out')]);
    expect(res.code).toBe(2);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });
});
