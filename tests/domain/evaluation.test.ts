/**
 * Issue 8, evaluated the way the city evaluates: 累計 graded by pace, 数値目標 apart, revisions,
 * exclusions and manual COVID judgements, cells as printed, 基本的方向 and several owners, and a
 * workbook whose sheets fare differently.
 */
import { cellValue } from '../../src/domain/output/summary/cell';
import { review, skippedSheets, type WorkbookInput } from '../../src/domain/review';
import { DEFAULT_SETTINGS, makeSettings, type Settings } from '../../src/domain/base/settings';
import { buildReport } from '../../src/domain/output/report';
import { buildSummaryBook } from '../../src/domain/output/summary/build';
import { kpiRowSchema } from '../../src/domain/model/kpi';
import { planLogAppend, LOG_HEADERS, LOG_SHEET } from '../../src/domain/plan/auditLog';
import { parseBasicDirection, parseRevisionKinds, splitDepartments } from '../../src/domain/cells/evaluationCells';
import type { RawValue } from '../../src/domain/base/raw';
import { issueLine } from '../../src/messages/issueText';
import { sheet } from './sheetHelpers';

const HEAD = ['基本目標', '基本的方向', '施策', '担当課', '指標名', '単位', '集計', '基準値', '実績R3', '目標年度', '目標値', '備考'];

function book(name: string, rows: RawValue[][], head = HEAD): WorkbookInput {
  return { file: 'book.xlsx', sheets: [sheet(name, [head, ...rows])] };
}

function run(rows: RawValue[][], settings: Settings = DEFAULT_SETTINGS, head = HEAD, name = '政策推進課') {
  return review([book(name, rows, head)], settings);
}

const errors = (r: ReturnType<typeof review>) => r.issues.filter((i) => i.severity === 'error');

/** one table of the summary book, by name */
const summaryTable = (r: ReturnType<typeof review>, name: string) =>
  buildSummaryBook(r)
    .sheets.flatMap((s) => s.tables)
    .find((t) => t.name === name)!;

describe('a 累計 KPI is graded by its pace until its target year', () => {
  // 介護職員育成支援人数 of seed 000: 累計98 by FY2021 of 累計200 by FY2024 → 49% achieved, 122.5% of pace (capped 120)
  const row: RawValue[] = [1, '1-1', 1, '介護福祉課', '介護職員育成支援人数', '人', '累計', 29, '累計98人', 2024, '累計200人', ''];

  test('before the target year: 計画比 gives the grade (and the 評価根拠)', () => {
    const r = run([row]);
    const k = r.kpis[0].result;
    expect(k.achievement).toBe(49);
    expect(k.pace).toBe(120);
    expect(k).toMatchObject({ grade: 'A', gradeBasis: 'pace' });
    const plan = r.files[0].plan.sheets[0];
    const basisCol = plan.columns.find((c) => c.key === 'gradeBasis')!;
    expect(basisCol.header).toBe('評価根拠');
    const data = plan.writes.find((w) => w.role === 'data')!;
    expect(data.values[0][plan.columns.indexOf(basisCol)]).toBe('計画比');
  });

  test('at the target year: 達成率 gives the grade', () => {
    const r = run([[1, '1-1', 1, '介護福祉課', '介護職員育成支援人数', '人', '累計', 29, '累計98人', 2021, '累計200人', '']]);
    expect(r.kpis[0].result).toMatchObject({ grade: 'D', gradeBasis: 'achievement' });
  });

  test('gradeCumulativeBy: achievement grades every KPI on 達成率', () => {
    const r = run([row], makeSettings({ gradeCumulativeBy: 'achievement' }));
    expect(r.kpis[0].result).toMatchObject({ grade: 'D', gradeBasis: 'achievement' });
    expect(buildReport(r).settings.gradeCumulativeBy).toBe('achievement');
  });

  test('no target year: the plan end stands for it; 単年 and 減少 KPIs stay on 達成率; no grade, no basis', () => {
    const r = run([
      [1, '1-1', 1, '', '内定者数', '人', '累計', 9, '累計7人', null, '累計40人', ''],
      [1, '1-1', 1, '', '相談件数', '件', '単年', 9, 7, 2024, 40, ''],
      [1, '1-1', 1, '', '未達指標', '件', '累計', 9, null, 2024, 40, ''],
    ]);
    // 7 of the 16 expected by FY2021 (40 × 2/5): 計画比 43.75% → D on pace; 7 of 40 single-year → D on 達成率
    expect(r.kpis.map((k) => [k.result.grade, k.result.gradeBasis])).toEqual([
      ['D', 'pace'],
      ['D', 'achievement'],
      ['—', null],
    ]);
    expect(r.kpis[0].result.pace).toBeCloseTo(43.75, 9);
  });

  test('the D-without-備考 warning follows the grade used and names 計画比', () => {
    const r = run([[1, '1-1', 1, '', '内定者数', '人', '累計', 9, '累計7人', 2024, '累計40人', '']]);
    const w = r.issues.filter((i) => i.severity === 'warning');
    expect(w.map((i) => i.code)).toEqual(['warn.gradeDNoNotePace']);
    expect(issueLine('ja', w[0])).toContain('計画比 43.8%');
    // on pace: no D, no warning, although 達成率 is 20%
    const onPace = run([[1, '1-1', 1, '', '就職者数', '人', '累計', 6, '累計16人', 2024, '累計40人', '']]);
    expect(onPace.kpis[0].result.achievement).toBe(40);
    expect(onPace.issues.filter((i) => i.severity === 'warning')).toEqual([]);
  });
});

describe('数値目標 apart from KPIs', () => {
  const rows: RawValue[][] = [
    [1, '1-1', 1, '政策推進課', 'KPI一', '件', '単年', null, 50, 2024, 100, ''],
    [1, '1-1', 2, '政策推進課', 'KPI二', '件', '単年', null, 100, 2024, 100, ''],
    [1, null, null, null, '数値目標一', '件', '単年', null, 90, 2024, 100, ''],
  ];

  test('a 区分 column marks each row; goal and total figures count KPI rows only', () => {
    const head = ['区分', ...HEAD];
    const r = run(rows.map((x, i) => [i === 2 ? '数値目標' : i === 0 ? 'KPI' : null, ...x]), DEFAULT_SETTINGS, head);
    expect(errors(r)).toEqual([]);
    expect(r.kpis.map((k) => k.row.kind)).toEqual(['kpi', 'kpi', 'goalTarget']);
    const rep = buildReport(r);
    expect(rep.goals[0]).toMatchObject({ goal: 1, kpis: 2, meanAchievement: 75, measureCount: 2, goalTargets: { count: 1, meanAchievement: 90, meanAchievementExCovid: 90 } });
    expect(rep.goals[0].grades).toEqual({ A: 1, B: 0, C: 1, D: 0, none: 0 });
    expect(rep.total).toMatchObject({ kpis: 2, meanAchievement: 75, measureCount: 2, goalTargets: { count: 1, meanAchievement: 90 } });
    // the measures list has the KPI rows' measures only
    expect(rep.measures.map((m) => m.measure)).toEqual([1, 2]);
    expect(rep.kpis.map((k) => k.kind)).toEqual(['kpi', 'kpi', 'goalTarget']);
  });

  test('a sheet named 数値目標 holds 数値目標 rows unless 区分 says otherwise', () => {
    const r = run(rows, DEFAULT_SETTINGS, HEAD, '基本目標の数値目標');
    expect(r.kpis.map((k) => k.row.kind)).toEqual(['goalTarget', 'goalTarget', 'goalTarget']);
    expect(buildReport(r).total).toMatchObject({ kpis: 0, meanAchievement: null, goalTargets: { count: 3 } });
  });

  test('an unreadable 区分 is an error naming the cell', () => {
    const r = run([['参考指標', ...rows[0]]], DEFAULT_SETTINGS, ['区分', ...HEAD]);
    expect(errors(r).map((e) => [e.cell, e.code, e.found])).toEqual([['A2', 'kind.invalid', '参考指標']]);
  });
});

describe('revisions: 変更区分 and 変更前目標値', () => {
  const head = [...HEAD.slice(0, 11), '変更区分', '変更前目標値', '備考'];

  test('新規創業件数 of seed 000: 累計43件 now, 累計125件 before the revision', () => {
    const r = run([[1, null, null, null, '新規創業件数', '件', '累計', null, '12件', 2024, '累計43件', '数値目標変更', '累計125件', '']], DEFAULT_SETTINGS, head);
    expect(errors(r)).toEqual([]);
    const k = buildReport(r).kpis[0];
    expect(k.achievement).toBeCloseTo((12 / 43) * 100, 9);
    expect(k.revision).toEqual({ kind: '数値目標変更', kinds: ['数値目標変更'], originalTarget: 125, originalAchievement: (12 / 125) * 100 });
  });

  test('several marks, in written order; none gives revision null; a word that is no mark is an error', () => {
    const r = run(
      [
        [1, null, 1, null, 'a', '件', '単年', null, 1, 2024, 2, '事業内容変更・KPI変更', null, ''],
        [1, null, 1, null, 'b', '件', '単年', null, 1, 2024, 2, null, null, ''],
        [1, null, 1, null, 'c', '件', '単年', null, 1, 2024, 2, '見直し', null, ''],
      ],
      DEFAULT_SETTINGS,
      head,
    );
    expect(errors(r).map((e) => [e.cell, e.code])).toEqual([['L4', 'revision.invalid']]);
    const rep = buildReport(r);
    expect(rep.kpis[0].revision).toMatchObject({ kind: '事業内容変更・KPI変更', kinds: ['事業内容変更', 'KPI変更'], originalTarget: null, originalAchievement: null });
    expect(rep.kpis[1].revision).toBeNull();
    expect(parseRevisionKinds('ＫＰＩ変更、新規事業')).toEqual(['KPI変更', '新規事業']);
  });
});

describe('exclusions by staff: 評価対象 = 対象外', () => {
  const head = [...HEAD.slice(0, 11), '評価対象', '備考'];
  const rows: RawValue[][] = [
    [1, '1-1', 1, '政策推進課', '実施した施策', '件', '単年', null, 80, 2024, 100, '対象', ''],
    [1, '1-1', 1, '政策推進課', '実施しなかった施策', '件', '単年', null, 0, 2024, 100, '対象外', '策定当初に掲げたが実施しなかった'],
    [1, '1-1', 2, '政策推進課', 'もう一つ', '件', '単年', null, 100, 2024, 100, null, ''],
  ];

  test('a row left out is computed and written, but in no mean and no count, and listed with its reason', () => {
    const r = run(rows, DEFAULT_SETTINGS, head);
    expect(errors(r)).toEqual([]);
    const left = r.kpis[1];
    expect(left.row.excluded).toBe(true);
    expect(left.result).toMatchObject({ achievement: 0, grade: 'D' });
    // still written into the sheet
    const data = r.files[0].plan.sheets[0].writes.find((w) => w.role === 'data')!;
    expect(data.values).toHaveLength(3);
    const rep = buildReport(r);
    for (const g of [rep.goals[0], rep.directions[0], rep.total]) expect(g).toMatchObject({ kpis: 2, meanAchievement: 90, excluded: 1 });
    expect(rep.measures.find((m) => m.measure === 1)).toMatchObject({ kpis: 1, meanAchievement: 80, excluded: 1 });
    expect(rep.departments).toEqual([expect.objectContaining({ department: '政策推進課', kpis: 2, meanAchievement: 90, excluded: 1, dWithoutNotes: 0 })]);
    expect(rep.excluded).toEqual([{ file: 'book.xlsx', sheet: '政策推進課', row: 3, kind: 'kpi', indicator: '実施しなかった施策', reason: '策定当初に掲げたが実施しなかった' }]);
    expect(rep.kpis[1].excluded).toBe(true);
    // D, but left out: no D-without-備考 warning
    expect(r.issues.filter((i) => i.severity === 'warning')).toEqual([]);
  });

  test('a row left out without its reason in 備考 is warned about; an unreadable 評価対象 is an error', () => {
    const r = run(
      [
        [1, '1-1', 1, null, 'x', '件', '単年', null, 1, 2024, 2, '対象外', ''],
        [1, '1-1', 1, null, 'y', '件', '単年', null, 1, 2024, 2, '保留', ''],
      ],
      DEFAULT_SETTINGS,
      head,
    );
    expect(r.issues.map((i) => [i.severity, i.code, i.cell])).toEqual([
      ['warning', 'warn.excludedNoNote', 'M2'],
      ['error', 'inScope.invalid', 'L3'],
    ]);
  });
});

describe('コロナ判定 by staff replaces the automatic judgement and says so', () => {
  const head = [...HEAD.slice(0, 11), 'コロナ判定', '備考'];
  // 国外路線 of seed 000: 19 → 0 路線, the note says 全便運休 — only 要確認 by the numbers
  const note = '※実績値（令和3年度）【国外路線】：新型コロナウイルス感染症の影響で全便運休となり、実績値が0路線になっている。';

  test('中止 turns 要確認 into コロナ中止 (manual), with a note at the cell; the ex-COVID mean leaves it out', () => {
    const r = run(
      [
        [4, '4-1', 16, '空港政策課', '国外路線', '路線', '単年', 19, 0, 2024, 34, '中止', note],
        [4, '4-1', 16, '空港政策課', '国内路線', '路線', '単年', 14, 14, 2024, 14, null, ''],
      ],
      DEFAULT_SETTINGS,
      head,
    );
    expect(errors(r)).toEqual([]);
    const rep = buildReport(r);
    expect(rep.kpis.map((k) => [k.covid, k.covidSource])).toEqual([['suspended', 'manual'], ['none', null]]);
    expect(rep.notices.map((n) => [n.code, n.cell])).toEqual([['note.covidManual', 'L2']]);
    expect(rep.notices[0].message).toContain('コロナ判定「コロナ中止」');
    expect(rep.notices[0].message).toContain('自動判定: 要確認');
    expect(rep.total).toMatchObject({ meanAchievement: 50, meanAchievementExCovid: 100, covid: { suspended: 1, review: 0 } });
    // the sheet's コロナ影響 says コロナ中止
    const plan = r.files[0].plan.sheets[0];
    const covidAt = plan.columns.findIndex((c) => c.key === 'covid');
    expect(plan.writes.find((w) => w.role === 'data')!.values[0][covidAt]).toBe('コロナ中止');
  });

  test('影響なし clears an automatic flag; without the column the sources are note and heuristic', () => {
    const manual = run([[4, null, 16, null, '参加人数', '人', '単年', 100, 10, 2024, 100, '影響なし', 'コロナで中止']], DEFAULT_SETTINGS, head);
    expect(buildReport(manual).kpis[0]).toMatchObject({ covid: 'none', covidSource: 'manual' });
    const auto = run([
      [4, null, 16, null, '参加人数', '人', '単年', 100, 10, 2024, 100, 'コロナで中止'],
      [4, null, 16, null, '来場者数', '人', '単年', 100, 10, 2024, 100, ''],
    ]);
    expect(buildReport(auto).kpis.map((k) => [k.covid, k.covidSource])).toEqual([['suspended', 'note'], ['review', 'heuristic']]);
    const bad = run([[4, null, 16, null, '参加人数', '人', '単年', 100, 10, 2024, 100, '多分', '']], DEFAULT_SETTINGS, head);
    expect(errors(bad).map((e) => e.code)).toEqual(['covidOverride.invalid']);
  });
});

describe('cells as the documents print them', () => {
  test('100%（6隊） reads as 100 with a notice quoting 6隊; the row is written', () => {
    const r = run([[4, '4-2', 15, '消防本部総務課', '多言語音声翻訳アプリ導入割合', '%', '単年', null, '100%（6隊）', 2024, '100%（6隊）', '']]);
    expect(errors(r)).toEqual([]);
    expect(r.kpis[0].row).toMatchObject({ target: 100, actuals: [{ year: 2021, value: 100, col: 8 }] });
    const notes = r.issues.filter((i) => i.severity === 'info');
    expect(notes.map((i) => [i.code, i.cell])).toEqual([['note.bracketDetail', 'I2'], ['note.bracketDetail', 'K2']]);
    expect(issueLine('ja', notes[0])).toBe('政策推進課!I2（実績R3）: 「100%（6隊）」を 100 と読みました。括弧内の「6隊」は計算に使いません');
    expect(r.files[0].plan.sheets).toHaveLength(1);
  });

  test('‰ in a per-mille row (婚姻率, 人口千人当たり); elsewhere still an error', () => {
    const ok = run([[3, '3-2', 12, null, '婚姻率', '人口千人当たり', '単年', '4.8‰', '4.2‰', 2024, '6.0‰', '']]);
    expect(errors(ok)).toEqual([]);
    expect(ok.issues).toEqual([]);
    expect(ok.kpis[0].result.achievement).toBeCloseTo(70, 9);
    const bad = run([[3, '3-2', 12, null, '婚姻率', '%', '単年', '4.8‰', null, 2024, null, '']]);
    expect(errors(bad).map((e) => e.code)).toEqual(['number.unit']);
  });
});

describe('基本的方向 and several owners', () => {
  test('1-1 with or without its title; the rollup has a level between 基本目標 and 施策', () => {
    const r = run([
      [1, '1-1 若者の雇用機会の確保・拡大', 1, '工業・雇用振興課', 'a', '人', '単年', null, 50, 2024, 100, ''],
      [1, '１－１', 1, '工業・雇用振興課', 'b', '人', '単年', null, 100, 2024, 100, ''],
      [1, '1-2', 2, '政策推進課', 'c', '人', '単年', null, 100, 2024, 100, ''],
      [null, '基本的方向2-1', 5, '政策推進課', 'd', '人', '単年', null, 100, 2024, 100, ''],
    ]);
    expect(errors(r)).toEqual([]);
    for (const k of r.kpis) expect(kpiRowSchema.safeParse(k.row).success).toBe(true);
    // a blank 基本目標 is the goal its 基本的方向 names
    expect(r.kpis[3].row).toMatchObject({ goal: 2, basicDirection: '2-1' });
    const rep = buildReport(r);
    expect(rep.directions.map((d) => [d.goal, d.direction, d.title, d.kpis, d.measureCount, d.meanAchievement])).toEqual([
      [1, '1-1', '若者の雇用機会の確保・拡大', 2, 1, 75],
      [1, '1-2', '', 1, 1, 100],
      [2, '2-1', '', 1, 1, 100],
    ]);
    expect(rep.kpis[0].basicDirection).toBe('1-1');
  });

  test('a 基本的方向 of another goal is warned about; text that is no direction is an error', () => {
    const r = run([
      [2, '1-1', 1, null, 'a', '人', '単年', null, 50, 2024, 100, 'x'],
      [1, '若者の雇用', 1, null, 'b', '人', '単年', null, 50, 2024, 100, 'x'],
    ]);
    expect(r.issues.map((i) => [i.severity, i.code, i.cell])).toEqual([
      ['warning', 'warn.directionGoalMismatch', 'B2'],
      ['error', 'basicDirection.invalid', 'B3'],
    ]);
    expect(parseBasicDirection('4-4 充実した都市機能と豊かな自然の共生')).toEqual({ code: '4-4', goal: 4, title: '充実した都市機能と豊かな自然の共生' });
  });

  test('担当課 naming several departments counts the KPI under each; ・ splits only whole department names', () => {
    expect(splitDepartments('企業政策室／工業・雇用振興課')).toEqual(['企業政策室', '工業・雇用振興課']);
    expect(splitDepartments('こども育成課・こども支援課・健康支援課')).toEqual(['こども育成課', 'こども支援課', '健康支援課']);
    expect(splitDepartments('生涯学習課/青少年課、環境生活課')).toEqual(['生涯学習課', '青少年課', '環境生活課']);
    expect(splitDepartments('港湾・企業振興課')).toEqual(['港湾・企業振興課']);
    const r = run([
      [1, '1-1', 1, '企業政策室／工業・雇用振興課', 'a', '人', '単年', null, 40, 2024, 100, ''],
      [1, '1-1', 1, '工業・雇用振興課', 'b', '人', '単年', null, 100, 2024, 100, ''],
      [1, '1-1', 1, '工業・雇用振興課', 'c', '人', '単年', null, '約50', 2024, 100, ''],
      [1, '1-1', 1, null, 'd', '人', '単年', null, 100, 2024, 100, ''],
    ]);
    const rep = buildReport(r);
    expect(rep.kpis[0].departments).toEqual(['企業政策室', '工業・雇用振興課']);
    expect(rep.departments.map((d) => [d.department, d.kpis, d.meanAchievement, d.dWithoutNotes, d.errors])).toEqual([
      ['企業政策室', 1, 40, 1, 0],
      ['工業・雇用振興課', 2, 70, 1, 1],
      [null, 1, 100, 0, 0],
    ]);
  });
});

describe('sheets fare apart: only clean sheets are planned', () => {
  const good = sheet('政策推進課', [HEAD, [1, '1-1', 1, null, 'a', '人', '単年', null, 50, 2024, 100, '']]);
  const bad = sheet('建設課', [HEAD, [1, '1-1', 1, null, 'b', '人', '単年', null, '約50', 2024, 100, '']]);

  test('a workbook with one bad and one good sheet: a plan for the good one, the bad one listed (report, audit log)', () => {
    const r = review([{ file: 'book.xlsx', sheets: [good, bad] }], DEFAULT_SETTINGS);
    const fr = r.files[0];
    expect(fr.plan.sheets.map((p) => p.sheet)).toEqual(['政策推進課']);
    expect(skippedSheets(fr)).toEqual(['建設課']);
    const rep = buildReport(r);
    expect(rep.complete).toBe(false);
    expect(rep.files).toEqual([{ file: 'book.xlsx', sheets: ['政策推進課', '建設課'], skippedSheets: ['建設課'], otherSheets: [] }]);
    const log = planLogAppend(undefined, r, 0, { time: 't', runner: 'CLI', file: 'book.xlsx' });
    expect(log.header[log.header.length - 1]).toBe('書き込まなかったシート（エラー）');
    expect(log.values[log.values.length - 1]).toBe('建設課');
    expect(String(log.values[5])).toMatch(/^政策推進課!/);
    // the summary's problem list names the sheet left unwritten first, then its errors
    const problems = summaryTable(r, 'PR_Problems');
    expect(problems.rows[0].map((c) => cellValue(c))).toEqual(['未書き込み', 'book.xlsx', '建設課', null, null, 'エラーがあるため、このシートには計算結果を書き込みません（ほかのシートには書き込みます）']);
    expect(problems.rows[1].map((c) => cellValue(c)).slice(0, 4)).toEqual(['エラー', 'book.xlsx', '建設課', 'I2']);
  });

  test('a log begun by an earlier version (12 columns) gets the header cells it lacks, from column 13', () => {
    const r = review([{ file: 'book.xlsx', sheets: [good] }], DEFAULT_SETTINGS);
    const old = sheet(LOG_SHEET, [LOG_HEADERS.slice(0, 12), ['2024-01-01', 'progress-review']]);
    expect(planLogAppend(old, r, 0, { time: 't', runner: 'CLI', file: 'b' })).toMatchObject({ create: false, headerFrom: 12, row: 2 });
    const current = sheet(LOG_SHEET, [[...LOG_HEADERS]]);
    expect(planLogAppend(current, r, 0, { time: 't', runner: 'CLI', file: 'b' }).headerFrom).toBe(LOG_HEADERS.length);
    expect(planLogAppend(sheet(LOG_SHEET, []), r, 0, { time: 't', runner: 'CLI', file: 'b' }).headerFrom).toBe(0);
  });

  test('a workbook with no KPI or pledge sheet is an error naming the headers looked for', () => {
    const r = review([{ file: 'memo.xlsx', sheets: [sheet('メモ', [['何か'], [1, 2]])] }], DEFAULT_SETTINGS);
    expect(errors(r)).toHaveLength(1);
    const e = errors(r)[0];
    expect(e).toMatchObject({ code: 'workbook.noReviewSheet', file: 'memo.xlsx', sheet: '' });
    expect(issueLine('ja', e)).toBe(
      'KPI シートも公約シートも見つかりませんでした（1 シートを確認）。KPI シートは 1〜10 行目の見出し行に 指標名・目標値・実績R3 を、公約シートは 基本政策・公約・施策・評価 を含む必要があります',
    );
    expect(buildReport(r).complete).toBe(false);
    // the summary no longer says 問題はありません
    const problems = summaryTable(r, 'PR_Problems');
    expect(problems.rows).toHaveLength(1);
  });
});

describe('re-reviewing a copy made by the previous version (five output columns)', () => {
  test('the existing output columns are found by header; 評価根拠 is created right of them', () => {
    const old = ['達成率', '基準比進捗率', '計画比', '評価', 'コロナ影響'];
    const r = review(
      [{ file: 'b.xlsx', sheets: [sheet('政策推進課', [[...HEAD, ...old], [1, '1-1', 1, null, 'a', '人', '累計', null, '累計20人', 2024, '累計40人', '', 0.5, null, 1.25, 'A', null]])] }],
      DEFAULT_SETTINGS,
    );
    const plan = r.files[0].plan.sheets[0];
    expect(plan.columns.map((c) => [c.key, c.col, c.created])).toEqual([
      ['achievement', 12, false],
      ['progress', 13, false],
      ['pace', 14, false],
      ['grade', 15, false],
      ['gradeBasis', 17, true],
      ['covid', 16, false],
    ]);
    expect(plan.writes.filter((w) => w.role === 'header')).toEqual([{ top: 0, left: 17, values: [['評価根拠']], numberFormats: ['@'], role: 'header' }]);
  });
});
