/**
 * `progress-review template kpi|pledge --out file.xlsx`: writes the template the pane adds, which
 * `review` then accepts; never overwrites a file.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readBook, run, sha, tempDir } from './cliHelpers';

const BIN = path.resolve(__dirname, '..', '..', 'bin', 'progress-review.js');

jest.setTimeout(60_000);

describe('progress-review template', () => {
  test('template kpi --department --plan: the department sheet with the plan’s actual columns; review accepts it', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'sub', 'toshi.xlsx');
    const res = await run(['template', 'kpi', '--department', '都市計画課', '--plan', '2020-2024', '--out', file]);
    expect(res).toEqual({ code: 0, out: [`テンプレートを書き出しました: ${file}（シート「都市計画課」）`], err: [] });
    const ws = (await readBook(file)).getWorksheet('都市計画課')!;
    expect((ws.getRow(3).values as unknown[]).slice(1, 18)).toEqual(['区分', '基本目標', '基本的方向', '施策', '事業名', '担当課', '指標名', '単位', '方向', '集計', '基準年度', '基準値', '実績R2', '実績R3', '実績R4', '実績R5', '実績R6']);

    const reviewed = await run(['review', file, '--out', path.join(dir, 'out'), '--json', path.join(dir, 'out', 'r.json')]);
    expect(reviewed.code).toBe(0);
    const report = JSON.parse(readFileSync(path.join(dir, 'out', 'r.json'), 'utf8'));
    expect(report.kpis).toHaveLength(1);
    expect(report.kpis[0]).toMatchObject({ sheet: '都市計画課', department: '都市計画課', actualYear: 2021, actual: 7, target: 40 });
    expect(report.errors).toEqual([]);
    expect(existsSync(path.join(dir, 'out', 'toshi.xlsx'))).toBe(true);
  });

  test('template pledge, in English; reviewed as a pledge sheet', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'pledge.xlsx');
    const res = await run(['template', 'pledge', '--out', file, '--lang', 'en']);
    expect(res.code).toBe(0);
    expect(res.out).toEqual([`wrote the template ${file} (sheet "Mayoral pledges")`]);
    const reviewed = await run(['review', file, '--out', path.join(dir, 'out'), '--json', path.join(dir, 'r.json'), '--lang', 'en']);
    expect(reviewed.code).toBe(0);
    expect(reviewed.out[reviewed.out.length - 1]).toMatch(/^1 workbook \(0 KPI sheets, 1 pledge sheet\): reviewed 0 KPIs and 1 pledge activity\. 0 errors, 0 warnings/);
  });

  test('an existing file is not overwritten (exit 2, the file unchanged)', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'kept.xlsx');
    writeFileSync(file, 'a department’s own file');
    const before = sha(file);
    const res = await run(['template', 'kpi', '--out', file]);
    expect(res.code).toBe(2);
    expect(res.err).toEqual([`${file} は既にあります。上書きしないため、別の --out を指定するか、そのファイルを移動してください`]);
    expect(sha(file)).toBe(before);
  });

  test('the installed command: npx progress-review template kpi --out t.xlsx, then review it', () => {
    const dir = tempDir();
    const made = spawnSync(process.execPath, [BIN, 'template', 'kpi', '--out', 't.xlsx'], { cwd: dir, encoding: 'utf8' });
    expect(made.status).toBe(0);
    expect(made.stdout.trim()).toBe('テンプレートを書き出しました: t.xlsx（シート「KPI」）');
    const reviewed = spawnSync(process.execPath, [BIN, 'review', 't.xlsx', '--out', 'out', '--quiet'], { cwd: dir, encoding: 'utf8' });
    expect({ status: reviewed.status, stderr: reviewed.stderr }).toEqual({ status: 0, stderr: '' });
    expect(reviewed.stdout).toMatch(/^ブック 1件（KPIシート 1枚、公約シート 0枚）: KPI 1件、公約の取組 0件を検証しました。エラー 0件、警告 0件/);
  });
});
