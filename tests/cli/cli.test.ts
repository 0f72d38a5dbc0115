import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { readBook, run, sha, tempDir, writeBook } from './cliHelpers';

const KPI_HEAD = ['基本目標', '施策', '事業名', '担当課', '指標名', '単位', '方向', '集計', '基準年度', '基準値', '実績R3', '目標年度', '目標値', '備考'];

async function departmentBook(file: string): Promise<void> {
  await writeBook(file, {
    政策推進課: [
      ['第2期苫小牧市総合戦略 KPI実績（令和3年度） 担当課：政策推進課'],
      [],
      KPI_HEAD,
      ['①', '施策①', '若者地元定着促進事業', '政策推進課', '登録者数', '人', '増加', '累計', 'H30', '—', '累計28人', 'R6', '累計50人', '例'],
      [1, 1, '', '', '新規雇用創出数', '人', '', '', 2018, '46人', '累計45人', 2024, '累計230人', '出典: 数値目標'],
      ['基本目標2', '⑤', '放課後児童クラブの充実', '青少年課', '待機児童数', '人', '減少', '単年', '平成30年度', '3人', '0人', '令和6年度', '0人', ''],
      [2, 7, 'アートフェスティバル', '生涯学習課', 'ワークショップ参加者数', '人', '増加', '単年', 'H30', '571人', '0人', 'R6', '1,000人', '※実績値（令和3年度）：新型コロナウイルス感染症の影響で事業が中止となり、実績値が0人になっている。'],
    ],
    メモ: [['このシートはレビュー対象外です']],
  });
}

describe('progress-review review (CLI)', () => {
  test('reviews a department workbook: reviewed copy, summary.xlsx and the JSON report; the input is untouched', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'dept.xlsx');
    await departmentBook(input);
    const before = sha(input);
    const res = await run(['review', input, '--out', path.join(dir, 'out'), '--json', path.join(dir, 'out', 'report.json')]);
    expect(res.err.filter((l) => l.startsWith('エラー'))).toEqual([]);
    expect(res.code).toBe(0);
    expect(sha(input)).toBe(before);

    const reviewed = await readBook(path.join(dir, 'out', 'dept.xlsx'));
    const ws = reviewed.getWorksheet('政策推進課')!;
    const headers = (ws.getRow(3).values as unknown[]).slice(1);
    expect(headers.slice(14)).toEqual(['達成率', '基準比進捗率', '計画比', '評価', '評価根拠', 'コロナ影響']);
    const row5 = ws.getRow(5);
    expect(row5.getCell(15).value).toBeCloseTo(0.19565, 4);
    expect(row5.getCell(15).numFmt).toBe('0.0%');
    expect(row5.getCell(16).value).toBeNull();
    expect(row5.getCell(17).value).toBeCloseTo(0.48913, 4);
    expect(row5.getCell(18).value).toBe('D');
    expect(row5.getCell(19).value).toBe('計画比');
    expect(ws.getRow(6).getCell(15).value).toBe(1);
    expect(ws.getRow(6).getCell(18).value).toBe('A');
    expect(ws.getRow(6).getCell(19).value).toBe('達成率');
    expect(ws.getRow(7).getCell(20).value).toBe('コロナ中止');
    // input cells are as they were
    expect(ws.getRow(5).getCell(11).value).toBe('累計45人');
    expect(ws.getCell('A1').value).toBe('第2期苫小牧市総合戦略 KPI実績（令和3年度） 担当課：政策推進課');
    expect(reviewed.getWorksheet('メモ')!.getCell('A1').value).toBe('このシートはレビュー対象外です');
    // audit trail: a hidden _review_log sheet with one row
    const log = reviewed.getWorksheet('_review_log')!;
    expect(log.state).not.toBe('visible');
    expect(log.getRow(2).getCell(2).value).toBe('progress-review');
    expect(String(log.getRow(2).getCell(6).value)).toContain('政策推進課!O3:T7');

    const summary = await readBook(path.join(dir, 'out', 'summary.xlsx'));
    expect(summary.worksheets.map((w) => w.name)).toEqual(['総括', '施策別', 'KPI一覧', '担当課別', 'コロナ影響', '問題']);
    const sheet = summary.getWorksheet('総括')!;
    expect(sheet.getCell('A1').value).toBe('総合戦略（2020〜2024年度）　進捗状況の総括');
    expect(String(sheet.getCell('A2').value)).toMatch(/^令和3年度実績　／　作成日 令和\d+年\d+月\d+日/);
    const tables = (name: string) => Object.keys((summary.getWorksheet(name) as unknown as { tables: Record<string, unknown> }).tables);
    expect([...tables('総括'), ...tables('施策別'), ...tables('KPI一覧'), ...tables('コロナ影響')]).toEqual(['PR_Headline', 'PR_Goals', 'PR_Measures', 'PR_KPIs', 'PR_Covid']);
    // the COVID rows (コロナ中止 and 要確認) link to the reviewed copy, relative to the summary
    const covid = summary.getWorksheet('コロナ影響')!;
    const links: unknown[] = [];
    covid.eachRow((r) => r.eachCell((c) => c.hyperlink && links.push(c.hyperlink)));
    expect(links).toEqual(['dept.xlsx', 'dept.xlsx']);

    const report = JSON.parse(readFileSync(path.join(dir, 'out', 'report.json'), 'utf8'));
    expect(report.kpis).toHaveLength(4);
    const k = report.kpis.find((x: { indicator: string }) => x.indicator === '新規雇用創出数');
    expect(k).toMatchObject({ file: 'dept.xlsx', sheet: '政策推進課', row: 5, goal: 1, measure: 1, grade: 'D', gradeBasis: 'pace', covid: 'review', covidSource: 'heuristic', progress: null });
    // 累計45 over two plan years is 22.5 a year, below half the single-year baseline of 46
    expect(k.achievement).toBeCloseTo(19.565, 3);
    expect(k.pace).toBeCloseTo(48.913, 3);
    expect(report.goals.map((g: { goal: number }) => g.goal)).toEqual([1, 2]);
    expect(report.goals[1]).toMatchObject({ goal: 2, kpis: 2, grades: { A: 1, B: 0, C: 0, D: 1, none: 0 } });
    expect(report.goals[1].meanAchievement).toBeCloseTo(50, 6);
    expect(report.goals[1].meanAchievementExCovid).toBeCloseTo(100, 6);
    expect(report.errors).toEqual([]);
  });

  test('bad input: exit 1, every bad cell listed as file › sheet!cell: message, nothing written for that workbook', async () => {
    const dir = tempDir();
    const bad = path.join(dir, 'bad.xlsx');
    const good = path.join(dir, 'good.xlsx');
    await writeBook(bad, { 政策推進課: [['指標名', '基準値', '実績R3', '目標値'], ['x', '約50', { error: '#DIV/0!' }, '未集計'], ['y', 1, 'TRUE', 2]] });
    await departmentBook(good);
    const res = await run(['review', bad, good, '--out', path.join(dir, 'out'), '--json', path.join(dir, 'r.json')]);
    expect(res.code).toBe(1);
    const errors = res.err.filter((l) => l.startsWith('エラー'));
    expect(errors).toEqual([
      expect.stringMatching(/^エラー: bad\.xlsx › 政策推進課!B2（基準値）: 「約50」は数値として読めません/),
      expect.stringMatching(/^エラー: bad\.xlsx › 政策推進課!C2（実績R3）: Excel のエラー値「#DIV\/0!」/),
      expect.stringMatching(/^エラー: bad\.xlsx › 政策推進課!D2（目標値）: 「未集計」/),
      expect.stringMatching(/^エラー: bad\.xlsx › 政策推進課!C3（実績R3）: 「TRUE」/),
    ]);
    expect(existsSync(path.join(dir, 'out', 'bad.xlsx'))).toBe(false);
    expect(existsSync(path.join(dir, 'out', 'good.xlsx'))).toBe(true);
    expect(existsSync(path.join(dir, 'out', 'summary.xlsx'))).toBe(true);
    const report = JSON.parse(readFileSync(path.join(dir, 'r.json'), 'utf8'));
    expect(report.errors.map((e: { file: string; sheet: string; cell: string }) => `${e.file}:${e.sheet}!${e.cell}`)).toEqual([
      'bad.xlsx:政策推進課!B2',
      'bad.xlsx:政策推進課!C2',
      'bad.xlsx:政策推進課!D2',
      'bad.xlsx:政策推進課!C3',
    ]);
    expect(report.complete).toBe(false);
    // the summary says it is incomplete, and links consistently: the reviewed copy where one was
    // written (good.xlsx), the input where none was (bad.xlsx), both relative to the summary
    const summary = await readBook(path.join(dir, 'out', 'summary.xlsx'));
    for (const ws of summary.worksheets) expect(String(ws.getCell('A3').value)).toMatch(/^未完了：エラー 4 件。.*bad\.xlsx › 政策推進課（4件）/);
    const links: string[] = [];
    for (const ws of summary.worksheets) ws.eachRow((r) => r.eachCell((c) => c.hyperlink && links.push(String(c.hyperlink))));
    expect(links.filter((l) => l === '../bad.xlsx')).toHaveLength(4);
    expect(links.filter((l) => l === 'good.xlsx').length).toBeGreaterThan(0);
    expect(links.every((l) => l === '../bad.xlsx' || l === 'good.xlsx')).toBe(true);
  });

  test('English messages with --lang en', async () => {
    const dir = tempDir();
    const bad = path.join(dir, 'bad.xlsx');
    await writeBook(bad, { s: [['indicator', 'baseline', 'FY2021 actual', 'target'], ['x', 'about 50', 1, 2]] });
    const res = await run(['review', bad, '--out', path.join(dir, 'o'), '--lang', 'en']);
    expect(res.code).toBe(1);
    expect(res.err.find((l) => l.startsWith('error:'))).toBe('error: bad.xlsx › s!B2 (baseline): "about 50" is not a number. Expected a number (e.g. 1627, 1,627, 累計45人, 93.9%, △12, blank or "—")');
  });

  test('exit 2: usage errors, missing and unreadable files, an --out that would overwrite an input', async () => {
    const dir = tempDir();
    expect((await run([])).code).toBe(2);
    expect((await run(['review', '--out', dir])).code).toBe(2);
    expect((await run(['review', 'x.xlsx'])).code).toBe(2);
    expect((await run(['frobnicate', 'x.xlsx', '--out', dir])).code).toBe(2);
    expect((await run(['review', 'x.xlsx', '--out', dir, '--cap', 'abc'])).code).toBe(2);
    expect((await run(['review', 'x.xlsx', '--out', dir, '--plan', '2024-2020'])).code).toBe(2);
    expect((await run(['review', path.join(dir, 'missing.xlsx'), '--out', dir])).code).toBe(2);
    const junk = path.join(dir, 'junk.xlsx');
    writeFileSync(junk, 'this is not a zip');
    const res = await run(['review', junk, '--out', path.join(dir, 'o')]);
    expect(res.code).toBe(2);
    expect(res.err[res.err.length - 1]).toContain('junk.xlsx');
    const input = path.join(dir, 'dept.xlsx');
    await departmentBook(input);
    const before = sha(input);
    const same = await run(['review', input, '--out', dir]);
    expect(same.code).toBe(2);
    expect(sha(input)).toBe(before);
  });

  test('--cap and --plan settings', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'dept.xlsx');
    await departmentBook(input);
    const res = await run(['review', input, '--out', path.join(dir, 'o'), '--json', path.join(dir, 'r.json'), '--cap', '150', '--plan', '2021-2025']);
    expect(res.code).toBe(0);
    const report = JSON.parse(readFileSync(path.join(dir, 'r.json'), 'utf8'));
    expect(report.settings).toMatchObject({ cap: 150, plan: '2021-2025' });
    const k = report.kpis.find((x: { indicator: string }) => x.indicator === '新規雇用創出数');
    // FY2021 is year 1 of 5: E = 230 / 5 = 46 → 97.8%
    expect(k.pace).toBeCloseTo((45 / 46) * 100, 6);
  });

  test('the package bin runs (npx progress-review)', () => {
    const bin = path.join(__dirname, '..', '..', 'bin', 'progress-review.js');
    const out = execFileSync(process.execPath, [bin, '--version'], { encoding: 'utf8' });
    expect(out.trim()).toMatch(/^progress-review \d+\.\d+\.\d+$/);
  });
});
