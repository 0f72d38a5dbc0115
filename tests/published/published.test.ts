/**
 * The published figures are the oracle: seed 002 (pledges), seed 001 (1st-term results)
 * and the SPEC examples, computed by the engine from the bundled sample workbooks.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readCsvObjects } from '../../seeds/build/csv';
import { overallPercent, policyPercent } from '../../src/domain/rules/pledgeRollup';
import { review, type Review } from '../../src/domain/review';
import { makeSettings } from '../../src/domain/base/settings';
import { readXlsx } from '../../src/xlsx/read';
import { summarizeKpis } from '../../src/domain/rules/goalSummary';

const SEEDS = path.join(__dirname, '..', '..', 'seeds');

interface PublishedPledges {
  overall: number;
  policies: { number: number; publishedPercent: number }[];
  pledges: { policy: number; number: number; publishedPercent: number }[];
  measures: { policy: number; pledge: number; measure: number; stars: string; starCount: number }[];
}
const published: PublishedPledges = JSON.parse(readFileSync(path.join(SEEDS, 'data', 'pledges.json'), 'utf8'));

async function reviewSeeds(files: string[], plan = '2020-2024'): Promise<Review> {
  const [planStart, planEnd] = plan.split('-').map(Number);
  const inputs = [];
  for (const f of files) {
    const { sheets } = await readXlsx(new Uint8Array(readFileSync(path.join(SEEDS, f))));
    inputs.push({ file: f, sheets });
  }
  return review(inputs, makeSettings({ planStart, planEnd }));
}

describe('seed 002: 市長公約の取組状況', () => {
  test('基本政策 % = floor(mean of the published 公約 %): 62, 56, 60, 56, 62', () => {
    const byPolicy = [1, 2, 3, 4, 5].map((p) => published.pledges.filter((q) => q.policy === p).map((q) => q.publishedPercent));
    expect(byPolicy.map(policyPercent)).toEqual([62, 56, 60, 56, 62]);
    expect(byPolicy.map(policyPercent)).toEqual(published.policies.map((p) => p.publishedPercent));
  });

  test('全体 = mean of the five 基本政策 % to one decimal: 59.2', () => {
    expect(overallPercent([62, 56, 60, 56, 62])).toBe(59.2);
    expect(published.overall).toBe(59.2);
  });

  test('the sample pledge workbook reproduces every published ★, 公約 %, 基本政策 % and 全体', async () => {
    const r = await reviewSeeds(['pledges.xlsx']);
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(r.pledges.measures).toHaveLength(50);
    for (const m of published.measures) {
      const got = r.pledges.measures.find((x) => x.policy === m.policy && x.pledge === m.pledge && x.measure === m.measure);
      expect({ at: [m.policy, m.pledge, m.measure], stars: got?.stars }).toEqual({ at: [m.policy, m.pledge, m.measure], stars: m.stars });
    }
    expect(r.pledges.pledges.map((p) => [p.policy, p.pledge, p.percent])).toEqual(published.pledges.map((p) => [p.policy, p.number, p.publishedPercent]));
    expect(r.pledges.policies.map((p) => p.percent)).toEqual([62, 56, 60, 56, 62]);
    expect(r.pledges.overall).toBe(59.2);
  });
});

describe('seed 001: 1st-term results (達成状況 = 実績 / 目標, capped at 120%)', () => {
  const rows = readCsvObjects(readFileSync(path.join(SEEDS, 'data', 'first-term.csv'), 'utf8'));

  test('every 1st-term achievement is within ±1 point of the published figure', async () => {
    const r = await reviewSeeds(['first-term.xlsx'], '2015-2019');
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(r.kpis).toHaveLength(rows.length);
    for (const row of rows) {
      const k = r.kpis.find((x) => x.row.indicator === row.indicator)!;
      expect(k).toBeDefined();
      const publishedValue = Number(row.published_achievement);
      const computed = k.result.achievement!;
      expect({ indicator: row.indicator, off: Math.abs(computed - publishedValue) <= 1 }).toEqual({ indicator: row.indicator, off: true });
    }
  });

  test('the latest actual present is used (合計特殊出生率: H30 1.56, R1 blank → 97.5%)', async () => {
    const r = await reviewSeeds(['first-term.xlsx'], '2015-2019');
    const k = r.kpis.find((x) => x.row.indicator === '合計特殊出生率')!;
    expect(k.result.latest).toMatchObject({ year: 2018, value: 1.56 });
    expect(k.result.achievement).toBeCloseTo(97.5, 6);
  });

  test('the publication’s own inconsistency: 33.1 / 30.3 is 109.2%, published as 110%', async () => {
    const r = await reviewSeeds(['first-term.xlsx'], '2015-2019');
    const k = r.kpis.find((x) => x.row.indicator.includes('住みやすい'))!;
    expect(k.result.achievement).toBeCloseTo(109.24, 2);
    expect(Number(rows.find((x) => x.indicator.includes('住みやすい'))!.published_achievement)).toBe(110);
  });

  test('mean of the ten 数値目標 ≈ the published 86%', async () => {
    const r = await reviewSeeds(['first-term.xlsx'], '2015-2019');
    const mean = r.kpis.reduce((s, k) => s + k.result.achievement!, 0) / r.kpis.length;
    expect(Math.abs(mean - 86)).toBeLessThanOrEqual(1);
  });

  test('a 1st-term 累計 KPI reviewed with the 2nd-term plan gets no pace', async () => {
    const r = await reviewSeeds(['first-term.xlsx'], '2020-2024');
    const k = r.kpis.find((x) => x.row.indicator === '新規雇用創出数')!;
    expect(k.row.aggregation).toBe('cumulative');
    expect(k.result.pace).toBeNull();
    expect(k.result.reasons.map((x) => x.code)).toContain('reason.outsidePlan');
  });
});

describe('seed 000 and SPEC examples on the 2nd-term sample', () => {
  let r: Review;
  beforeAll(async () => {
    r = await reviewSeeds(['strategy-2nd-term.xlsx']);
  });

  test('no validation errors; 94 KPI rows and 10 数値目標', () => {
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(r.kpis.filter((k) => k.row.measure !== null)).toHaveLength(94);
    expect(r.kpis.filter((k) => k.row.measure === null)).toHaveLength(10);
  });

  test('新規雇用創出数: 累計45 at FY2021 vs 累計230 by FY2024 → 19.6% and pace 48.9%', () => {
    const k = r.kpis.find((x) => x.row.indicator === '新規雇用創出数')!;
    expect(k.result.achievement).toBeCloseTo(19.565, 3);
    expect(k.result.pace).toBeCloseTo(48.913, 3);
  });

  test('待機児童数 3 → 0 with target 0 is 100%', () => {
    const k = r.kpis.find((x) => x.row.indicator === '待機児童数')!;
    expect(k.row.direction).toBe('down');
    expect(k.result.achievement).toBe(100);
    expect(k.result.grade).toBe('A');
  });

  test('プレールーム利用数 35,761 → 15,000 stays 増加: no progress from baseline, achievement 85.4%', () => {
    const k = r.kpis.find((x) => x.row.indicator === 'プレールーム利用数')!;
    expect(k.row.direction).toBe('up');
    expect(k.result.progress).toBeNull();
    expect(k.result.achievement).toBeCloseTo((12817 / 15000) * 100, 6);
  });

  test('the COVID suspension notes of seed 000 flag コロナ中止; 全便運休 is only 要確認', () => {
    const suspended = r.kpis.filter((k) => k.result.covid === 'suspended').map((k) => k.row.indicator).sort();
    expect(suspended).toEqual(['アイスホッケー事業参加人数', 'ワークショップ参加者数', '参加人数', '参加企業・団体数', '研修参加延人数', '研修派遣者数'].sort());
    expect(r.kpis.find((k) => k.row.indicator === '国外路線')!.result.covid).toBe('review');
  });

  test('goal summaries: KPI rows only, mean of capped achievements, and the same without コロナ中止 rows; 数値目標 apart', () => {
    const summary = summarizeKpis(r.kpis);
    expect(summary.goals.map((g) => g.goal)).toEqual([1, 2, 3, 4]);
    for (const g of summary.goals) {
      const rows = r.kpis.filter((k) => k.row.goal === g.goal && k.row.kind === 'kpi');
      const vals = rows.filter((k) => k.result.achievement !== null);
      const ex = vals.filter((k) => k.result.covid !== 'suspended');
      expect(g.kpis).toBe(rows.length);
      expect(g.meanAchievement).toBeCloseTo(vals.reduce((s, k) => s + Math.min(120, k.result.achievement!), 0) / vals.length, 9);
      expect(g.meanAchievementExCovid).toBeCloseTo(ex.reduce((s, k) => s + k.result.achievement!, 0) / ex.length, 9);
      expect(g.grades.A + g.grades.B + g.grades.C + g.grades.D + g.grades.none).toBe(rows.length);
      expect(g.measureCount).toBe(new Set(rows.map((k) => k.row.measure)).size);
      const targets = r.kpis.filter((k) => k.row.goal === g.goal && k.row.kind === 'goalTarget');
      expect(g.goalTargets.count).toBe(targets.length);
    }
    // 000: 17 KPIs and 3 数値目標 in goal 1; 19 施策 and 10 数値目標 (3 + 2 + 3 + 2) in all
    expect(summary.goals.map((g) => [g.kpis, g.goalTargets.count])).toEqual([[17, 3], [26, 2], [26, 3], [25, 2]]);
    expect(summary.total).toMatchObject({ kpis: 94, measureCount: 19, goalTargets: { count: 10 } });
    // goal 2 holds three of the suspended KPIs, so its means differ
    const g2 = summary.goals.find((g) => g.goal === 2)!;
    expect(g2.covidSuspended).toBeGreaterThan(0);
    expect(g2.meanAchievementExCovid!).toBeGreaterThan(g2.meanAchievement!);
  });
});
