/**
 * Issue 8 against the published figures: seed 001 reports the basic goals' 数値目標 apart from the
 * KPIs ("基本目標における数値目標の達成状況: 86%（10項目）", "重要業績評価指標（KPI）…: 93%（34項目）",
 * and per 基本目標 "施策数 / 指標総数 / 達成状況 平均"); the sample of seed 000 grades its running totals
 * by pace and keeps its mid-term revision.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { review, type Review } from '../../src/domain/review';
import { makeSettings, type SettingsInput } from '../../src/domain/base/settings';
import { buildReport } from '../../src/domain/output/report';
import { readXlsx } from '../../src/xlsx/read';
import type { RawValue } from '../../src/domain/base/raw';

const SEEDS = path.join(__dirname, '..', '..', 'seeds');
const MEETING = readFileSync(path.join(SEEDS, 'source', '001_aa66fca4020afccb.txt'), 'utf8');

async function reviewSeeds(files: string[], settings: SettingsInput = {}): Promise<Review> {
  const inputs = [];
  for (const f of files) {
    const { sheets } = await readXlsx(new Uint8Array(readFileSync(path.join(SEEDS, f))));
    inputs.push({ file: f, sheets });
  }
  return review(inputs, makeSettings(settings));
}

/** 001's own words: per 基本目標 "3 施策 9項目 平均99%", and the two overall figures */
function published001() {
  const goals: { goal: number; measures: number; kpis: number; mean: number }[] = [];
  let goal = 0;
  for (const line of MEETING.split('\n')) {
    const head = /^基本目標\s*(\d)\s/.exec(line);
    if (head) goal = Number(head[1]);
    const row = /^(\d+)\s*施策\s+(\d+)項目\s+平均(\d+)%/.exec(line.trim());
    if (row) goals.push({ goal, measures: Number(row[1]), kpis: Number(row[2]), mean: Number(row[3]) });
  }
  const overall = (label: RegExp) => {
    const m = new RegExp(`${label.source}[^*]*\\*\\*(\\d+)%\\*\\*\\s*\\((\\d+)項目\\)`).exec(MEETING)!;
    return { percent: Number(m[1]), items: Number(m[2]) };
  };
  return { goals, goalTargets: overall(/基本目標における数値目標の達成状況/), kpis: overall(/重要業績評価指標 \(KPI\) 及び実績の達成状況/) };
}

describe('seed 001: 数値目標 and KPIs reported apart', () => {
  const pub = published001();

  test('what 001 prints: 4 goals of 施策数 / 指標総数 / 平均, 86% (10項目), 93% (34項目)', () => {
    expect(pub.goals).toEqual([
      { goal: 1, measures: 3, kpis: 9, mean: 99 },
      { goal: 2, measures: 3, kpis: 6, mean: 76 },
      { goal: 3, measures: 5, kpis: 10, mean: 90 },
      { goal: 4, measures: 3, kpis: 9, mean: 101 },
    ]);
    expect(pub.goalTargets).toEqual({ percent: 86, items: 10 });
    expect(pub.kpis).toEqual({ percent: 93, items: 34 });
  });

  test('the 1st-term table (sheet 第1期数値目標) gives 基本目標における数値目標の達成状況 86% over 10 items', async () => {
    const r = await reviewSeeds(['first-term.xlsx'], { planStart: 2015, planEnd: 2019 });
    const rep = buildReport(r);
    expect(rep.kpis.every((k) => k.kind === 'goalTarget')).toBe(true);
    expect(rep.total.goalTargets.count).toBe(pub.goalTargets.items);
    expect(Math.round(rep.total.goalTargets.meanAchievement!)).toBe(pub.goalTargets.percent);
    expect(rep.total.goalTargets.meanAchievement).toBeCloseTo(85.518, 3);
    expect(rep.goals.map((g) => [g.goal, g.goalTargets.count])).toEqual([[1, 2], [2, 3], [3, 3], [4, 2]]);
    // no KPI rows: the KPI figures stay empty rather than taking the 数値目標 in
    expect(rep.total).toMatchObject({ kpis: 0, meanAchievement: null });
    // FY2019 is the target year (H31) of every row: graded on 達成率, 累計 or not
    expect(rep.kpis.every((k) => k.gradeBasis === 'achievement')).toBe(true);
  });

  /**
   * 001 prints no single 1st-term KPI, only each goal's 施策数, 指標総数 and mean. A workbook with that
   * many KPI rows in that many 施策, each at its goal's published mean, plus the two measures "not
   * carried out" marked 対象外 (001 does not say under which goal; goal 1 here), must give back every
   * per-goal figure and the overall 93% (34項目): the overall is the mean over KPI rows (3156 / 34 =
   * 92.8%), not the mean of the goal means (91.5%).
   */
  test('per 基本目標 施策数 / 指標総数 / 平均 and the overall 93% (34項目) follow from KPI rows, the 2 not carried out left out', () => {
    const rows: RawValue[][] = [['基本目標', '施策', '指標名', '集計', '実績R1', '目標値', '評価対象', '備考']];
    let measure = 0;
    for (const g of pub.goals) {
      for (let i = 0; i < g.kpis; i++) rows.push([g.goal, measure + 1 + (i % g.measures), `基本目標${g.goal}の指標${i + 1}`, '単年', g.mean, 100, null, null]);
      measure += g.measures;
    }
    for (let i = 0; i < 2; i++) rows.push([1, measure + 1 + i, `実施しなかった施策の指標${i + 1}`, '単年', 0, 100, '対象外', '策定当初に掲げた施策のうち実施しなかったもの']);
    const r = review([{ file: '第1期KPI.xlsx', sheets: [{ name: 'KPI', top: 0, left: 0, values: rows }] }], makeSettings({ planStart: 2015, planEnd: 2019 }));
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const rep = buildReport(r);
    expect(rep.goals.map((g) => ({ goal: g.goal, measures: g.measureCount, kpis: g.kpis, mean: Math.round(g.meanAchievement!) }))).toEqual(pub.goals);
    expect(rep.total.kpis).toBe(pub.kpis.items);
    expect(rep.total.excluded).toBe(2);
    expect(rep.excluded).toHaveLength(2);
    expect(rep.total.meanAchievement).toBeCloseTo(3156 / 34, 9);
    expect(Math.round(rep.total.meanAchievement!)).toBe(pub.kpis.percent);
    const meanOfGoals = rep.goals.reduce((s, g) => s + g.meanAchievement!, 0) / rep.goals.length;
    expect(Math.round(meanOfGoals)).not.toBe(pub.kpis.percent);
  });
});

describe('seed 000 sample: running totals by pace, 数値目標 apart, the revision kept', () => {
  let r: Review;
  let rep: ReturnType<typeof buildReport>;
  beforeAll(async () => {
    r = await reviewSeeds(['strategy-2nd-term.xlsx']);
    rep = buildReport(r);
  });

  test('the 31 累計 KPIs with a value are graded by pace in FY2021: 11 D instead of 28', async () => {
    const cumulative = rep.kpis.filter((k) => k.aggregation === '累計' && k.actual !== null);
    expect(cumulative).toHaveLength(31);
    expect(cumulative.every((k) => k.gradeBasis === 'pace')).toBe(true);
    expect(cumulative.filter((k) => k.grade === 'D')).toHaveLength(11);
    const byAchievement = buildReport(await reviewSeeds(['strategy-2nd-term.xlsx'], { gradeCumulativeBy: 'achievement' }));
    expect(byAchievement.kpis.filter((k) => k.aggregation === '累計' && k.actual !== null && k.grade === 'D')).toHaveLength(28);
    // 介護職員育成支援人数: 累計98 of 累計200 is 49% of the target but 122.5% of the FY2021 pace → A
    expect(rep.kpis.find((k) => k.indicator === '介護職員育成支援人数')).toMatchObject({ achievement: 49, pace: 120, grade: 'A', gradeBasis: 'pace' });
    // the D-without-備考 warnings: 20 instead of 36
    expect(rep.warnings.filter((w) => w.code.startsWith('warn.gradeDNoNote'))).toHaveLength(20);
    expect(byAchievement.warnings.filter((w) => w.code.startsWith('warn.gradeDNoNote'))).toHaveLength(36);
  });

  test('新規創業件数: 累計43件 now, 累計125件 before the FY2022 revision (数値目標変更)', () => {
    const k = rep.kpis.find((x) => x.indicator === '新規創業件数')!;
    expect(k).toMatchObject({ kind: 'goalTarget', target: 43, actual: 12 });
    expect(k.achievement).toBeCloseTo((12 / 43) * 100, 9);
    expect(k.revision).toEqual({ kind: '数値目標変更', kinds: ['数値目標変更'], originalTarget: 125, originalAchievement: (12 / 125) * 100 });
  });

  test('the revision marks of 000 are kept on every row that prints them', () => {
    const marks = rep.kpis.flatMap((k) => k.revision?.kinds ?? []);
    const count = (m: string) => marks.filter((x) => x === m).length;
    expect([count('KPI変更'), count('新規事業'), count('事業内容変更'), count('取組終了'), count('新規施策'), count('数値目標変更')]).toEqual([38, 5, 5, 2, 3, 1]);
  });

  test('10 数値目標 apart from 94 KPIs in 19 施策 and 16 基本的方向; KPIs of several departments counted under each', () => {
    expect(rep.total).toMatchObject({ kpis: 94, measureCount: 19, goalTargets: { count: 10 } });
    expect(rep.directions.map((d) => d.direction)).toEqual(['1-1', '1-2', '1-3', '1-4', '2-1', '2-2', '2-3', '2-4', '3-1', '3-2', '3-3', '3-4', '4-1', '4-2', '4-3', '4-4']);
    expect(rep.directions.reduce((n, d) => n + d.kpis, 0)).toBe(94);
    const shared = rep.kpis.filter((k) => k.departments.length > 1);
    expect(shared.length).toBeGreaterThan(0);
    for (const k of shared) for (const d of k.departments) expect(rep.departments.some((x) => x.department === d)).toBe(true);
    const listed = rep.departments.reduce((n, d) => n + d.kpis, 0);
    expect(listed).toBe(rep.kpis.filter((k) => k.kind === 'kpi').reduce((n, k) => n + Math.max(1, k.departments.length), 0));
    expect(rep.departments.reduce((n, d) => n + d.dWithoutNotes, 0)).toBeGreaterThanOrEqual(rep.warnings.filter((w) => w.sheet !== '数値目標' && w.code.startsWith('warn.gradeDNoNote')).length);
  });

  test('COVID flags say where they came from: 6 from notes, the rest from the numbers', () => {
    expect(rep.kpis.filter((k) => k.covidSource === 'note')).toHaveLength(6);
    expect(rep.kpis.filter((k) => k.covid === 'review').every((k) => k.covidSource === 'heuristic')).toBe(true);
    expect(rep.kpis.find((k) => k.indicator === '国外路線')).toMatchObject({ covid: 'review', covidSource: 'heuristic' });
  });
});
