/**
 * The pieces of what the command line prints: warnings grouped by kind (errors one by one),
 * progress in place on a terminal or one line per stage otherwise, the terminal's status line,
 * and the width of Japanese text on a terminal.
 */
import { makeIssue, type Issue } from '../../src/domain/base/issues';
import { displayWidth, fitWidth, processIo, type Io } from '../../src/cli/io';
import { Progress } from '../../src/cli/progress';
import { GROUP_PLACES, placeList, problemLines } from '../../src/cli/warningGroups';

function gradeD(file: string, sheet: string, row: number): Issue {
  return { ...makeIssue({ severity: 'warning', code: 'warn.gradeDNoNote', sheet, row, col: 13, header: '備考', params: { achievement: '10.0%' } }), file };
}

function badNumber(file: string, sheet: string, row: number): Issue {
  return { ...makeIssue({ severity: 'error', code: 'number.text', sheet, row, col: 1, header: '基準値', params: { found: '約50', unit: '人' } }), file };
}

describe('problem lines', () => {
  const warnings = [gradeD('a.xlsx', '数値目標', 2), gradeD('a.xlsx', '工業課', 3), gradeD('a.xlsx', '工業課', 6), gradeD('a.xlsx', '工業課', 7), gradeD('a.xlsx', '商業課', 3), gradeD('a.xlsx', '商業課', 9), gradeD('a.xlsx', '商業課', 10)];
  const unit = { ...makeIssue({ severity: 'warning', code: 'warn.unitMismatch', sheet: '工業課', row: 4, col: 10, params: { found: '件', unit: '人' } }), file: 'a.xlsx' };

  test('warnings of one kind and workbook become one line with the count and the first places', () => {
    const r = problemLines([...warnings, unit], 'ja', false);
    expect(r.errors).toEqual([]);
    expect(r.grouped).toBe(true);
    expect(r.warnings).toEqual([
      '警告: a.xlsx › 備考が空欄（D評価）: 7件（数値目標!N3、工業課!N4、N7、N8、商業課!N4、ほか 2件）',
      // a kind met once keeps its own full line
      '警告: a.xlsx › 工業課!K5: 単位「件」が単位列の「人」と異なります。値の単位をそろえてください',
    ]);
    expect(GROUP_PLACES).toBe(5);
  });

  test('in English with plurals; another workbook is another group', () => {
    const r = problemLines([gradeD('a.xlsx', 'S', 2), gradeD('a.xlsx', 'S', 3), gradeD('b.xlsx', 'T', 4), gradeD('b.xlsx', 'T', 5)], 'en', false);
    expect(r.warnings).toEqual(['warning: a.xlsx › 備考 blank (grade D): 2 cells (S!N3, N4)', 'warning: b.xlsx › 備考 blank (grade D): 2 cells (T!N5, N6)']);
  });

  test('--verbose: every warning on its own line; errors are never grouped', () => {
    const errors = [badNumber('a.xlsx', 'S', 2), badNumber('a.xlsx', 'S', 3), badNumber('a.xlsx', 'S', 4)];
    const verbose = problemLines([...warnings, ...errors], 'ja', true);
    expect(verbose.grouped).toBe(false);
    expect(verbose.warnings).toHaveLength(warnings.length);
    expect(verbose.warnings[0]).toBe('警告: a.xlsx › 数値目標!N3（備考）: 評価が D（達成率 10.0%）ですが備考が空欄です。未達の理由を備考に記入してください');
    const grouped = problemLines([...warnings, ...errors], 'ja', false);
    expect(grouped.errors).toEqual(verbose.errors);
    expect(grouped.errors).toHaveLength(3);
    expect(grouped.errors[0]).toMatch(/^エラー: a\.xlsx › S!B3（基準値）: 「約50」は数値として読めません/);
  });

  test('places: the sheet named when it changes, a sheet-wide problem by its sheet', () => {
    const sheetWide = { ...makeIssue({ severity: 'warning', code: 'warn.duplicateKpi', sheet: '集計表' }), file: 'a.xlsx' };
    expect(placeList([gradeD('a', 'S', 1), gradeD('a', 'S', 2), sheetWide, gradeD('a', 'S', 3)], 'en')).toBe('S!N2, N3, 集計表, S!N4');
  });
});

function fakeIo(terminal: boolean) {
  let clock = 0;
  const err: string[] = [];
  const shown: string[] = [];
  let cleared = 0;
  const io: Io = {
    out: () => undefined,
    err: (l) => err.push(l),
    now: () => clock,
    ...(terminal ? { status: { show: (t: string) => shown.push(t), clear: () => void cleared++ } } : {}),
  };
  return { io, err, shown, cleared: () => cleared, tick: (ms: number) => void (clock += ms) };
}

describe('progress', () => {
  test('not a terminal: one line per finished stage, with the elapsed time', () => {
    const f = fakeIo(false);
    const p = new Progress(f.io, 'ja', 'normal');
    p.begin('cli.progress.reading', { index: 1, total: 2, file: 'a.xlsx' });
    f.tick(1234);
    p.done('cli.progress.read', { index: 1, total: 2, file: 'a.xlsx', sheets: 3 });
    p.end();
    expect(f.err).toEqual(['[1.2秒] 読み込み 1/2: a.xlsx（シート 3枚）']);
  });

  test('a terminal: the status line shows each stage as it begins and ends, and is cleared at the end', () => {
    const f = fakeIo(true);
    const p = new Progress(f.io, 'en', 'normal');
    p.begin('cli.progress.reading', { index: 1, total: 1, file: 'a.xlsx' });
    f.tick(2500);
    p.done('cli.progress.read', { index: 1, total: 1, file: 'a.xlsx', sheets: 1 });
    p.end();
    expect(f.err).toEqual([]);
    expect(f.shown).toEqual(['[0.0 s] reading 1/1: a.xlsx', '[2.5 s] read 1/1: a.xlsx (1 sheet)']);
    expect(f.cleared()).toBe(1);
  });

  test('a terminal: the elapsed time is redrawn while a stage runs', async () => {
    const f = fakeIo(true);
    const p = new Progress({ ...f.io, now: Date.now }, 'ja', 'normal');
    p.begin('cli.progress.checking', { books: 1 });
    await new Promise((r) => setTimeout(r, 700));
    p.end();
    expect(f.shown.length).toBeGreaterThanOrEqual(2);
    expect(new Set(f.shown.map((s) => s.replace(/^\[[\d.]+秒\] /, '')))).toEqual(new Set(['検証中: ブック 1件']));
  });

  test('--quiet: no progress at all', () => {
    for (const terminal of [false, true]) {
      const f = fakeIo(terminal);
      const p = new Progress(f.io, 'ja', 'quiet');
      p.begin('cli.progress.reading', { index: 1, total: 1, file: 'a.xlsx' });
      p.done('cli.progress.read', { index: 1, total: 1, file: 'a.xlsx', sheets: 1 });
      p.end();
      expect([f.err, f.shown]).toEqual([[], []]);
    }
  });
});

describe('the terminal', () => {
  function stream(isTTY: boolean, columns = 40) {
    const written: string[] = [];
    return { written, isTTY, columns, write: (t: string) => written.push(t) > 0 };
  }

  test('stderr a terminal: the status line is drawn in place, lines go above it, clear removes it', () => {
    const out = stream(false);
    const err = stream(true, 30);
    const io = processIo(out, err);
    io.status!.show('[0.1秒] 読み込み中 1/1: とても長い名前のブック.xlsx');
    io.err('警告: a');
    io.out('書き出し: x');
    io.status!.clear();
    const drawn = fitWidth('[0.1秒] 読み込み中 1/1: とても長い名前のブック.xlsx', 29);
    expect(err.written).toEqual([drawn, '\r\x1b[2K', '警告: a\n', drawn, '\r\x1b[2K', drawn, '\r\x1b[2K']);
    expect(out.written).toEqual(['書き出し: x\n']);
    expect(displayWidth(drawn)).toBeLessThanOrEqual(29);
  });

  test('not a terminal: plain lines, no status line', () => {
    const out = stream(false);
    const err = stream(false);
    const io = processIo(out, err);
    expect(io.status).toBeUndefined();
    io.err('e');
    io.out('o');
    expect([out.written, err.written]).toEqual([['o\n'], ['e\n']]);
  });

  test('Japanese characters take two columns', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('読み込み')).toBe(8);
    expect(displayWidth('ｱｲ')).toBe(2); // half-width katakana
    expect(fitWidth('読み込み中です', 9)).toBe('読み込み…'); // 8 columns and the …
    expect(fitWidth('short', 9)).toBe('short');
  });
});
