/**
 * Per-sheet outcome on the command line, as in the pane (SPEC §6.1, issue 8): a workbook with
 * errors on some sheets still gets its reviewed copy with only the clean sheets written; the other
 * sheets stay as they were and are listed (CLI output, _review_log, the summary's problem list);
 * the exit status stays 1. A workbook with no KPI or pledge sheet is an error.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readBook, run, sha, tempDir, writeBook } from './cliHelpers';

const HEAD = ['基本目標', '施策', '指標名', '単位', '集計', '基準値', '実績R3', '目標年度', '目標値', '備考'];

describe('one bad sheet and one good sheet', () => {
  test('the copy is written with the good sheet only; the bad one is untouched and listed everywhere; exit 1', async () => {
    const dir = tempDir('pr-sheets-');
    const input = path.join(dir, 'two.xlsx');
    await writeBook(input, {
      政策推進課: [HEAD, [1, 1, '新規雇用創出数', '人', '累計', 46, '累計45人', 2024, '累計230人', null]],
      建設課: [HEAD, [2, 5, '公園整備数', '箇所', '単年', 3, '約50', 2024, 10, null]],
    });
    const before = sha(input);
    const res = await run(['review', input, '--out', path.join(dir, 'out'), '--json', path.join(dir, 'out', 'r.json')]);
    expect(res.code).toBe(1);
    expect(sha(input)).toBe(before);
    expect(res.err.some((l) => /two\.xlsx › 建設課!G2（実績R3）: 「約50」/.test(l))).toBe(true);
    expect(res.out).toContain('two.xlsx: エラーのため書き込まなかったシート（ほかのシートは書き込みました）: 建設課');
    expect(res.out.some((l) => l.startsWith('エラーのため書き込まなかったブック'))).toBe(false);

    const copy = await readBook(path.join(dir, 'out', 'two.xlsx'));
    const good = copy.getWorksheet('政策推進課')!;
    expect((good.getRow(1).values as unknown[]).slice(11)).toEqual(['達成率', '基準比進捗率', '計画比', '評価', '評価根拠', 'コロナ影響']);
    expect(good.getCell('N2').value).toBe('D');
    expect(good.getCell('O2').value).toBe('計画比');
    // the bad sheet: every cell as in the input, no output column
    const original = await readBook(input);
    const cells = (ws: NonNullable<ReturnType<typeof copy.getWorksheet>>) => {
      const out: Record<string, unknown> = {};
      ws.eachRow((r) => r.eachCell((c) => (out[c.address] = c.value)));
      return out;
    };
    expect(cells(copy.getWorksheet('建設課')!)).toEqual(cells(original.getWorksheet('建設課')!));
    // the audit log names the sheet not written
    const log = copy.getWorksheet('_review_log')!;
    expect(log.getRow(1).getCell(13).value).toBe('書き込まなかったシート（エラー）');
    expect(log.getRow(2).getCell(13).value).toBe('建設課');
    expect(String(log.getRow(2).getCell(6).value)).toMatch(/^政策推進課!/);
    // the summary's problem list, and the report
    const summary = await readBook(path.join(dir, 'out', 'summary.xlsx'));
    const texts: unknown[] = [];
    summary.getWorksheet('問題')!.eachRow((r) => r.eachCell((c) => texts.push(c.value)));
    expect(texts).toContain('未書き込み');
    const report = JSON.parse(readFileSync(path.join(dir, 'out', 'r.json'), 'utf8'));
    expect(report.complete).toBe(false);
    expect(report.files).toEqual([{ file: 'two.xlsx', sheets: ['政策推進課', '建設課'], skippedSheets: ['建設課'], otherSheets: [] }]);
  });
});

describe('a workbook with no KPI or pledge sheet', () => {
  test('is an error naming the headers looked for; no copy; the summary does not say 問題はありません', async () => {
    const dir = tempDir('pr-none-');
    const input = path.join(dir, 'memo.xlsx');
    await writeBook(input, { メモ: [['打合せメモ'], ['日付', '内容']] });
    const res = await run(['review', input, '--out', path.join(dir, 'out'), '--lang', 'en']);
    expect(res.code).toBe(1);
    expect(res.err.filter((l) => !/^\[\d+\.\d s\] /.test(l))).toEqual([ // the progress lines apart
      'error: memo.xlsx › No KPI sheet and no pledge sheet found (1 sheets checked). A KPI sheet needs 指標名・目標値・実績R3 in a header row within its first 10 rows; a pledge sheet needs 基本政策・公約・施策・評価',
    ]);
    expect(existsSync(path.join(dir, 'out', 'memo.xlsx'))).toBe(false);
    const summary = await readBook(path.join(dir, 'out', 'summary.xlsx'));
    const texts: unknown[] = [];
    summary.getWorksheet('Problems')!.eachRow((r) => r.eachCell((c) => texts.push(c.value)));
    expect(texts).not.toContain('No problems');
  });
});
