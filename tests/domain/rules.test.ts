import { achievement } from '../../src/domain/rules/achievement';
import { progressFromBaseline } from '../../src/domain/rules/progress';
import { pace } from '../../src/domain/rules/pace';
import { grade } from '../../src/domain/rules/grade';
import { covidFlag, mentionsCovidSuspension } from '../../src/domain/rules/covid';
import { computeKpi } from '../../src/domain/rules/kpiCompute';
import { DEFAULT_SETTINGS, makeSettings } from '../../src/domain/base/settings';
import type { KpiRow } from '../../src/domain/model/kpi';
import type { Reason } from '../../src/domain/rules/reasons';
import { kpiRowOf } from '../support/kpiRow';

const S = DEFAULT_SETTINGS;
const bands = S.grades;

function kpi(p: Partial<KpiRow>): KpiRow {
  return kpiRowOf(p);
}

describe('達成率 (achievement)', () => {
  test('増加: A / T × 100, clamped to [0, cap]', () => {
    expect(achievement(45, 230, 'up', 120, null)).toBeCloseTo(19.5652173913, 8);
    expect(achievement(300, 100, 'up', 120, null)).toBe(120);
    expect(achievement(300, 100, 'up', 150, null)).toBe(150);
    expect(achievement(-5, 100, 'up', 120, null)).toBe(0);
  });
  test('減少: T / A × 100 when both positive', () => {
    expect(achievement(4, 2, 'down', 120, null)).toBe(50);
    expect(achievement(1, 2, 'down', 120, null)).toBe(120);
  });
  test('減少: A = 0 meets or beats the target', () => {
    expect(achievement(0, 0, 'down', 120, null)).toBe(100); // 待機児童数 3 → 0, target 0
    expect(achievement(0, 5, 'down', 120, null)).toBe(120);
  });
  test('減少: T = 0 with A > 0 uses the baseline progress', () => {
    expect(achievement(1, 0, 'down', 120, 66.6)).toBe(66.6);
    const reasons: Reason[] = [];
    expect(achievement(1, 0, 'down', 120, null, reasons)).toBeNull();
    expect(reasons[0].code).toBe('reason.downZeroTargetNoProgress');
  });
  test('no A or no T: blank with the reason', () => {
    const reasons: Reason[] = [];
    expect(achievement(null, 10, 'up', 120, null, reasons)).toBeNull();
    expect(achievement(10, null, 'up', 120, null, reasons)).toBeNull();
    expect(reasons.map((r) => r.code)).toEqual(['reason.noActual', 'reason.noTarget']);
  });
  test('増加 with target 0', () => {
    expect(achievement(0, 0, 'up', 120, null)).toBe(100);
    expect(achievement(3, 0, 'up', 120, null)).toBe(120);
  });
});

describe('基準比進捗率 (progress from baseline)', () => {
  test('(A − B) / (T − B) × 100', () => {
    expect(progressFromBaseline(50, 40, 60, 'up', 'single', 120)).toBe(50);
    expect(progressFromBaseline(1, 3, 0, 'down', 'single', 120)).toBeCloseTo(66.6667, 3);
    expect(progressFromBaseline(30, 40, 60, 'up', 'single', 120)).toBe(0);
    expect(progressFromBaseline(100, 40, 60, 'up', 'single', 120)).toBe(120);
  });
  test.each([
    [50, null, 60, 'up', 'single', 'reason.noBaseline'],
    [50, 60, 60, 'up', 'single', 'reason.targetEqualsBaseline'],
    [50, 40, 60, 'up', 'cumulative', 'reason.cumulativeBaseline'],
    [12817, 35761, 15000, 'up', 'single', 'reason.againstDirection'], // プレールーム利用数, still 増加
    [5, 3, 6, 'down', 'single', 'reason.againstDirection'],
  ] as const)('blank: A=%s B=%s T=%s %s %s', (a, b, t, d, agg, code) => {
    const reasons: Reason[] = [];
    expect(progressFromBaseline(a, b, t, d, agg, 120, reasons)).toBeNull();
    expect(reasons[0].code).toBe(code);
  });
});

describe('計画比 (pace)', () => {
  test('SPEC example: 新規雇用創出数, 累計45 at FY2021 vs 累計230 by FY2024', () => {
    expect(pace(45, 2021, 230, 2020, 2024, 120)).toBeCloseTo(48.9130434783, 8);
  });
  test('blank outside the plan period', () => {
    const reasons: Reason[] = [];
    expect(pace(282, 2019, 300, 2020, 2024, 120, reasons)).toBeNull();
    expect(reasons[0]).toMatchObject({ code: 'reason.outsidePlan' });
    expect(pace(282, 2019, 300, 2015, 2019, 120)).toBeCloseTo(94, 8);
  });
  test('clamped', () => {
    expect(pace(100, 2020, 100, 2020, 2024, 120)).toBe(120);
  });
});

describe('評価 (grade)', () => {
  test.each([
    [100, 'A'], [120, 'A'], [99.99, 'B'], [80, 'B'], [79.9, 'C'], [50, 'C'], [49.9, 'D'], [0, 'D'], [null, '—'],
  ] as const)('%s → %s', (a, g) => {
    expect(grade(a, bands)).toBe(g);
  });
  test('bands are settings', () => {
    expect(grade(90, { A: 90, B: 70, C: 40 })).toBe('A');
  });
});

describe('コロナ影響 (COVID flag)', () => {
  const rule = { covidFrom: 2020, covidTo: 2022, covidRatio: 0.5, planStart: 2020, planEnd: 2024 };
  test('suspension notes from seed 000', () => {
    expect(mentionsCovidSuspension('※実績値（令和3年度）：新型コロナウイルス感染症の影響で事業が中止となり、実績値が0社になっている。')).toBe(true);
    expect(mentionsCovidSuspension('新型コロナウイルス感染症の影響により、研修がオンライン開催となったため')).toBe(true);
    expect(mentionsCovidSuspension('ＣＯＶＩＤ－１９のため延期')).toBe(true);
    expect(mentionsCovidSuspension('新型コロナウイルス感染症の影響で全便運休となり')).toBe(false);
    expect(mentionsCovidSuspension('事業を中止した')).toBe(false);
  });
  test('suspended wins over review', () => {
    expect(covidFlag('コロナで中止', 'up', 'single', 24, [{ year: 2021, value: 0, col: 0 }], rule)).toBe('suspended');
  });
  test('review: a FY2020–2022 actual of 0 or below half the baseline (増加 only)', () => {
    expect(covidFlag('', 'up', 'single', 19, [{ year: 2021, value: 0, col: 0 }], rule)).toBe('review');
    expect(covidFlag('', 'up', 'single', 3957, [{ year: 2021, value: 472, col: 0 }], rule)).toBe('review');
    expect(covidFlag('', 'up', 'single', 100, [{ year: 2021, value: 50, col: 0 }], rule)).toBe('none');
    expect(covidFlag('', 'up', 'single', 100, [{ year: 2023, value: 0, col: 0 }], rule)).toBe('none');
    expect(covidFlag('', 'down', 'single', 3, [{ year: 2021, value: 0, col: 0 }], rule)).toBe('none');
  });
  test('累計 compares its yearly average with the baseline', () => {
    // 就業チャレンジ 参加者数: baseline 289, 累計133 at FY2021 → 66.5 a year < 144.5
    expect(covidFlag('', 'up', 'cumulative', 289, [{ year: 2021, value: 133, col: 0 }], rule)).toBe('review');
    // 相談件数: baseline 825, 累計1,627 at FY2021 → 813.5 a year
    expect(covidFlag('', 'up', 'cumulative', 825, [{ year: 2021, value: 1627, col: 0 }], rule)).toBe('none');
  });
});

describe('one KPI row', () => {
  test('新規雇用創出数: achievement 19.6%, pace 48.9%, no progress (累計)', () => {
    const r = computeKpi(kpi({ aggregation: 'cumulative', baseline: 46, actuals: [{ year: 2021, value: 45, col: 9 }], target: 230 }), S);
    expect(r.achievement).toBeCloseTo(19.565, 3);
    expect(r.pace).toBeCloseTo(48.913, 3);
    expect(r.progress).toBeNull();
    expect(r.grade).toBe('D');
    expect(r.reasons.map((x) => x.code)).toEqual(['reason.cumulativeBaseline']);
  });
  test('待機児童数 3 → 0 with target 0 is 100%', () => {
    const r = computeKpi(kpi({ direction: 'down', baseline: 3, actuals: [{ year: 2021, value: 0, col: 9 }], target: 0 }), S);
    expect(r.achievement).toBe(100);
    expect(r.progress).toBe(100);
    expect(r.grade).toBe('A');
    expect(r.covid).toBe('none');
  });
  test('the latest actual present is used', () => {
    const r = computeKpi(kpi({ actuals: [{ year: 2016, value: 60.6, col: 5 }], target: 66.7 }), S);
    expect(r.latest?.year).toBe(2016);
    expect(r.achievement).toBeCloseTo(90.85, 2);
  });
  test('cap is a setting', () => {
    const r = computeKpi(kpi({ actuals: [{ year: 2021, value: 300, col: 9 }], target: 100 }), makeSettings({ cap: 150 }));
    expect(r.achievement).toBe(150);
  });
});
