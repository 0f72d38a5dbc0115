/**
 * SPEC §3 and §4 written again, as plainly as possible, and compared with the engine on
 * clean generated sheets (every SPEC layout and value variation the generators know). The
 * oracle reads the values the generator meant (the sheet model), not what the engine read,
 * so a reading slip and a rule slip both fail here. With issue 8: grading a running total by
 * pace, コロナ判定 by staff, 達成率 against 変更前目標値, and the totals over KPI rows only
 * (数値目標 apart, rows 対象外 nowhere).
 */
import fc from 'fast-check';
import { buildReport } from '../../src/domain/output/report';
import { review } from '../../src/domain/review';
import type { Settings } from '../../src/domain/base/settings';
import { renderWorkbook, settingsArb, workbookSpecArb, type ExpectedActivity, type ExpectedKpiRow } from './arbitraries';
import { assertProperty, violated } from './support';

const clamp = (x: number, cap: number) => Math.min(cap, Math.max(0, x));

/** 基準比進捗率 and 達成率 of SPEC §3 against a target T */
function achievementAgainst(k: ExpectedKpiRow, A: number | null, T: number | null, s: Settings) {
  const B = k.baseline;
  const cum = k.aggregation === 'cumulative';
  let progress: number | null = null;
  if (A !== null && T !== null && B !== null && T !== B && !cum && !(k.direction === 'up' && T < B) && !(k.direction === 'down' && T > B)) {
    const p = ((A - B) / (T - B)) * 100;
    progress = Number.isNaN(p) ? null : clamp(p, s.cap);
  }
  let achievement: number | null = null;
  if (A !== null && T !== null) {
    if (k.direction === 'up') achievement = T === 0 ? (A > 0 ? s.cap : A === 0 ? clamp(100, s.cap) : 0) : clamp((A / T) * 100, s.cap);
    else if (T > 0 && A > 0) achievement = clamp((T / A) * 100, s.cap);
    else if (A === 0 && T >= 0) achievement = T > 0 ? s.cap : clamp(100, s.cap);
    else if (T === 0 && A > 0) achievement = progress;
  }
  return { progress, achievement };
}

/** SPEC §3, literally */
function oracleKpi(k: ExpectedKpiRow, s: Settings) {
  const latest = k.actuals.length ? [...k.actuals].sort((a, b) => a.year - b.year)[k.actuals.length - 1] : null;
  const A = latest ? latest.value : null;
  const T = k.target;
  const B = k.baseline;
  const cum = k.aggregation === 'cumulative';
  const { progress, achievement } = achievementAgainst(k, A, T, s);
  const originalAchievement = k.originalTarget === null ? null : achievementAgainst(k, A, k.originalTarget, s).achievement;
  let pace: number | null = null;
  if (cum && A !== null && T !== null && latest && latest.year >= s.planStart && latest.year <= s.planEnd) {
    const E = (T * (latest.year - s.planStart + 1)) / (s.planEnd - s.planStart + 1);
    if (E !== 0) pace = clamp((A / E) * 100, s.cap);
  }
  // issue 8: a running total is judged by its pace until its target year (増加 only; 計画比 must exist)
  const byPace = s.gradeCumulativeBy === 'pace' && cum && k.direction === 'up' && pace !== null && latest !== null && latest.year < (k.targetYear ?? s.planEnd);
  const graded = byPace ? pace : achievement;
  const grade = graded === null ? '—' : graded >= s.grades.A ? 'A' : graded >= s.grades.B ? 'B' : graded >= s.grades.C ? 'C' : 'D';
  const gradeBasis = grade === '—' ? null : byPace ? 'pace' : 'achievement';
  const notes = k.notes.normalize('NFKC');
  let covid: 'none' | 'suspended' | 'review' = 'none';
  if (/コロナ|covid|感染症/i.test(notes) && /中止|休止|延期|縮小|オンライン開催/.test(notes)) covid = 'suspended';
  else if (k.direction === 'up') {
    for (const a of k.actuals) {
      if (a.year < s.covidFrom || a.year > s.covidTo) continue;
      if (a.value === 0) covid = 'review';
      else if (B !== null && B > 0) {
        if (cum && (a.year < s.planStart || a.year > s.planEnd)) continue;
        const yearly = cum ? a.value / (a.year - s.planStart + 1) : a.value;
        if (yearly < B * s.covidRatio) covid = 'review';
      }
    }
  }
  // コロナ判定 by staff wins, and says so
  const covidSource = k.covidOverride !== null ? 'manual' : covid === 'suspended' ? 'note' : covid === 'review' ? 'heuristic' : null;
  if (k.covidOverride !== null) covid = k.covidOverride;
  return { achievement, progress, pace, grade, gradeBasis, covid, covidSource, originalAchievement };
}

/** The totals of the report, over the rows as the generator wrote them: KPI rows only, 数値目標 apart, 対象外 nowhere. */
function oracleTotals(rows: { k: ExpectedKpiRow; want: ReturnType<typeof oracleKpi> }[]) {
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
  const counted = rows.filter((r) => !r.k.excluded);
  const kpis = counted.filter((r) => r.k.kind === 'kpi');
  const targets = counted.filter((r) => r.k.kind === 'goalTarget');
  const ach = (xs: typeof rows) => xs.map((r) => r.want.achievement).filter((a): a is number => a !== null);
  const exCovid = (xs: typeof rows) => ach(xs.filter((r) => r.want.covid !== 'suspended'));
  return {
    kpis: kpis.length,
    excluded: rows.filter((r) => r.k.excluded && r.k.kind === 'kpi').length,
    meanAchievement: mean(ach(kpis)),
    meanAchievementExCovid: mean(exCovid(kpis)),
    grades: { A: kpis.filter((r) => r.want.grade === 'A').length, D: kpis.filter((r) => r.want.grade === 'D').length },
    goalTargets: { count: targets.length, meanAchievement: mean(ach(targets)), meanAchievementExCovid: mean(exCovid(targets)) },
  };
}

/** SPEC §4 with exact integer arithmetic: ratings are integers, so means are fractions */
function oraclePledges(acts: ExpectedActivity[]) {
  const measures = new Map<string, number[]>();
  for (const a of acts) {
    const key = `${a.policy}|${a.pledge}|${a.measure}`;
    measures.set(key, [...(measures.get(key) ?? []), a.rating]);
  }
  const measureMean = new Map([...measures].map(([k, r]) => [k, r.reduce((x, y) => x + y, 0) / r.length]));
  const pledges = new Map<string, number[]>();
  for (const [k, m] of measureMean) {
    const [po, pl] = k.split('|');
    pledges.set(`${po}|${pl}`, [...(pledges.get(`${po}|${pl}`) ?? []), m]);
  }
  const pledgePct = new Map([...pledges].map(([k, ms]) => [k, Math.floor((ms.reduce((x, y) => x + y, 0) / ms.length) * 10 + 1e-9)]));
  const policies = new Map<number, number[]>();
  for (const [k, p] of pledgePct) policies.set(Number(k.split('|')[0]), [...(policies.get(Number(k.split('|')[0])) ?? []), p]);
  const policyPct = new Map([...policies].map(([k, ps]) => [k, Math.floor(ps.reduce((x, y) => x + y, 0) / ps.length + 1e-9)]));
  const vals = [...policyPct.values()];
  const overall = vals.length ? Math.round((vals.reduce((x, y) => x + y, 0) / vals.length) * 10) / 10 : null;
  return { measureMean, pledgePct, policyPct, overall };
}

function close(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
}

const cleanOnly = { clean: 6, dirty: 0, pledge: 3, noise: 1, bench: 1, allowLateHeader: false };

describe('the engine equals SPEC §3–§4 written independently', () => {
  test('every KPI and pledge row of clean generated workbooks, through the JSON report', () => {
    let kpis = 0;
    let activities = 0;
    let totals = 0;
    assertProperty(
      'spec oracle',
      fc.property(workbookSpecArb(cleanOnly as never, 1, 3), settingsArb, (specs, settings) => {
        const book = renderWorkbook(specs, 'never-seen.xlsx');
        const result = review([book.input], settings);
        const report = buildReport(result);
        const acts: ExpectedActivity[] = [];
        const rows: { k: ExpectedKpiRow; want: ReturnType<typeof oracleKpi> }[] = [];
        for (const model of book.models) {
          if (!model.clean) continue;
          for (const k of model.kpis ?? []) {
            const got = report.kpis.find((x) => x.sheet === model.name && x.row === k.row + 1);
            if (!got) violated(`no KPI reported for ${model.name} row ${k.row + 1}`, { k });
            const want = oracleKpi(k, settings);
            const same =
              close(got!.achievement, want.achievement) && close(got!.progress, want.progress) && close(got!.pace, want.pace) && got!.grade === want.grade && got!.gradeBasis === want.gradeBasis &&
              got!.covid === want.covid && got!.covidSource === want.covidSource && close(got!.revision?.originalAchievement ?? null, want.originalAchievement) && got!.kind === k.kind && got!.excluded === k.excluded;
            if (!same) violated(`KPI ${model.name}!${k.row + 1} differs from SPEC`, { got, want, k });
            rows.push({ k, want });
            kpis++;
          }
          for (const a of model.activities ?? []) acts.push(a);
        }
        // the totals, when every KPI the engine read comes from a clean sheet the oracle knows
        if (rows.length === report.kpis.length) {
          const want = oracleTotals(rows);
          const t = report.total;
          const same =
            t.kpis === want.kpis && t.excluded === want.excluded && close(t.meanAchievement, want.meanAchievement) && close(t.meanAchievementExCovid, want.meanAchievementExCovid) &&
            t.grades.A === want.grades.A && t.grades.D === want.grades.D && t.goalTargets.count === want.goalTargets.count &&
            close(t.goalTargets.meanAchievement, want.goalTargets.meanAchievement) && close(t.goalTargets.meanAchievementExCovid, want.goalTargets.meanAchievementExCovid);
          if (!same) violated('report totals differ from the rows', { got: t, want });
          totals++;
        }
        if (acts.length && book.models.every((m) => m.kind !== 'pledge' || m.clean)) {
          const want = oraclePledges(acts);
          for (const m of report.pledges.measures) {
            if (!close(m.rating, want.measureMean.get(`${m.policy}|${m.pledge}|${m.measure}`) ?? null)) violated('measure rating differs', { m });
            const filled = [...m.stars].filter((c) => c === '★').length;
            if (filled !== Math.floor(m.rating + 1e-9)) violated('stars differ', { m });
          }
          for (const p of report.pledges.pledges) if (p.percent !== want.pledgePct.get(`${p.policy}|${p.pledge}`)) violated('pledge % differs', { p, want: want.pledgePct.get(`${p.policy}|${p.pledge}`) });
          for (const p of report.pledges.policies) if (p.percent !== want.policyPct.get(p.policy)) violated('policy % differs', { p });
          if (report.pledges.overall !== want.overall) violated('overall differs', { got: report.pledges.overall, want: want.overall });
          activities += acts.length;
        }
      }),
      { numRuns: 1200, seed: 31415 },
    );
    console.log(`spec oracle: ${kpis} KPI rows, ${totals} workbook totals and ${activities} pledge activities compared`);
    expect(kpis).toBeGreaterThan(3000);
    expect(totals).toBeGreaterThan(300);
    expect(activities).toBeGreaterThan(1000);
  }, 120_000);
});
