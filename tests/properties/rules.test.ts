/**
 * Property 4 — the computation rules of SPEC sections 3 and 4 as properties: monotonicity
 * of 達成率, clamping to [0, cap] for any cap and any finite inputs, grade bands as a
 * partition, 計画比 only inside the plan period, no 基準比進捗率 for 累計 rows, and the
 * pledge rollup in exact arithmetic, invariant under permutation of the activity rows.
 */
import fc from 'fast-check';
import { achievement } from '../../src/domain/rules/achievement';
import { grade } from '../../src/domain/rules/grade';
import type { KpiRow } from '../../src/domain/model/kpi';
import { computeKpi } from '../../src/domain/rules/kpiCompute';
import { covidFlag } from '../../src/domain/rules/covid';
import { pace } from '../../src/domain/rules/pace';
import { policyPercent, overallPercent, rollupPledges } from '../../src/domain/rules/pledgeRollup';
import type { PledgeActivity } from '../../src/domain/model/pledge';
import { progressFromBaseline } from '../../src/domain/rules/progress';
import { parseRating } from '../../src/domain/cells/rating';
import { review } from '../../src/domain/review';
import { DEFAULT_SETTINGS, makeSettings, type Settings } from '../../src/domain/base/settings';
import { starCount, stars } from '../../src/domain/cells/stars';
import { fullKeyPledgeRowsArb, pledgeSheetSpecArb, renderPledgeSheet, settingsArb, starsText, type PledgeSheetSpec } from './arbitraries';
import { knownBugs } from './knownBugs';
import { assertProperty, canon, checkKpiResult, checkRollup, expectedGrade, reporter, rollupNumbers, safeJson, starsFilled, violated } from './support';
import { issueLine } from '../../src/messages/issueText';
import { kpiRowOf } from '../support/kpiRow';

const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
/** magnitudes where floating point is not the story */
const moderate = fc.oneof(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: -1e12, max: 1e12 }).map((k) => k / 1000));
const capArb = fc.oneof(fc.constantFrom(100, 120, 150, 1, 10000), fc.double({ min: 0.01, max: 10000, noNaN: true }));
const direction = fc.constantFrom<'up' | 'down'>('up', 'down');
const aggregation = fc.constantFrom<'single' | 'cumulative'>('single', 'cumulative');

function clampRef(x: number, cap: number): number {
  return Math.min(cap, Math.max(0, x));
}

function closeTo(a: number | null, b: number | null, rel = 1e-9): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b));
}

function kpiRow(p: Partial<KpiRow>): KpiRow {
  return kpiRowOf(p);
}

const yearArb = fc.integer({ min: 2010, max: 2030 });

/** any KPI row the sheet reader can produce (finite numbers over the whole double range) */
const kpiRowArb = (num: fc.Arbitrary<number>) =>
  fc
    .record({
      direction,
      aggregation,
      baseline: fc.option(num, { nil: null }),
      target: fc.option(num, { nil: null }),
      actuals: fc.uniqueArray(fc.record({ year: yearArb, value: num }), { selector: (a) => a.year, maxLength: 4 }),
      notes: fc.constantFrom('', 'コロナのため中止', '速報値'),
    })
    .map((r) => kpiRow({ ...r, actuals: [...r.actuals].sort((a, b) => a.year - b.year).map((a, i) => ({ ...a, col: 9 + i })) }));

describe('property 4: 達成率', () => {
  test('増加 (target ≥ 0): non-decreasing in the actual', () => {
    assertProperty(
      'achievement up monotone',
      fc.property(finite, finite, fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e300, noNaN: true })), capArb, (a, b, t, cap) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const x = achievement(lo, t, 'up', cap, null);
        const y = achievement(hi, t, 'up', cap, null);
        if (x === null || y === null || !(x <= y)) violated(`up: achievement(${lo}) = ${x} > achievement(${hi}) = ${y} for target ${t}, cap ${cap}`);
      }),
      { numRuns: 3000, seed: 4101 },
    );
  });

  test('減少 (positive target, actual ≥ 0): non-increasing in the actual', () => {
    assertProperty(
      'achievement down anti-monotone',
      fc.property(fc.double({ min: 0, max: 1e300, noNaN: true }), fc.double({ min: 0, max: 1e300, noNaN: true }), fc.double({ min: Number.MIN_VALUE, max: 1e300, noNaN: true }), capArb, (a, b, t, cap) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const x = achievement(lo, t, 'down', cap, null);
        const y = achievement(hi, t, 'down', cap, null);
        if (x === null || y === null || !(x >= y)) violated(`down: achievement(${lo}) = ${x} < achievement(${hi}) = ${y} for target ${t}, cap ${cap}`);
      }),
      { numRuns: 3000, seed: 4102 },
    );
  });

  test('the SPEC formula, clamped to [0, cap] (moderate magnitudes)', () => {
    assertProperty(
      'achievement formula',
      fc.property(moderate, moderate, direction, capArb, (a, t, d, cap) => {
        const got = achievement(a, t, d, cap, null);
        let want: number | null;
        if (d === 'up') want = t === 0 ? (a > 0 ? cap : a === 0 ? Math.min(100, cap) : 0) : clampRef((a / t) * 100, cap);
        else if (t > 0 && a > 0) want = clampRef((t / a) * 100, cap);
        else if (a === 0 && t >= 0) want = t > 0 ? cap : Math.min(100, cap);
        else want = null; // T = 0 < A falls back to the (absent) progress; negatives are not computed
        if (!closeTo(got, want)) violated(`achievement(${a}, ${t}, ${d}, cap ${cap}) = ${got}, SPEC says ${want}`);
      }),
      { numRuns: 3000, seed: 4103 },
    );
  });
});

describe('property 4: every computed value is null or within [0, cap]', () => {
  test('computeKpi over any finite inputs and any cap', () => {
    const counts: Record<string, number> = {};
    assertProperty(
      'clamped',
      fc.property(kpiRowArb(fc.oneof(finite, moderate, fc.constantFrom(1e308, -1e308, Number.MAX_VALUE, -Number.MAX_VALUE, 0, -0))), settingsArb, capArb, (row, s, cap) => {
        const settings: Settings = { ...s, cap };
        const r = computeKpi(row, settings);
        checkKpiResult(row, r, settings, 'computeKpi', reporter(knownBugs, counts));
      }),
      { numRuns: 5000, seed: 4201 },
    );
    console.log(`property 4 clamped: known bugs hit ${JSON.stringify(counts)}`);
  });

  test('基準比進捗率 follows (A − B) / (T − B), blank for 累計, T = B, no B, or against the direction', () => {
    assertProperty(
      'progress',
      fc.property(moderate, fc.option(moderate, { nil: null }), moderate, direction, aggregation, capArb, (a, b, t, d, agg, cap) => {
        const got = progressFromBaseline(a, b, t, d, agg, cap);
        let want: number | null;
        if (agg === 'cumulative' || b === null || t === b || (d === 'up' && t < b) || (d === 'down' && t > b)) want = null;
        else want = clampRef(((a - b) / (t - b)) * 100, cap);
        if (!closeTo(got, want)) violated(`progress(${a}, B=${b}, T=${t}, ${d}, ${agg}) = ${got}, SPEC says ${want}`);
      }),
      { numRuns: 3000, seed: 4202 },
    );
  });

  test('累計 rows never get 基準比進捗率; 単年 rows never get 計画比', () => {
    assertProperty(
      'cumulative',
      fc.property(kpiRowArb(moderate), settingsArb, (row, s) => {
        const r = computeKpi(row, s);
        if (row.aggregation === 'cumulative' && r.progress !== null) violated('累計 row with 基準比進捗率', { row, r });
        if (row.aggregation === 'single' && r.pace !== null) violated('単年 row with 計画比', { row, r });
      }),
      { numRuns: 3000, seed: 4203 },
    );
  });
});

describe('property 4: 計画比', () => {
  test('null outside the plan period; E = T × (t − start + 1) / (end − start + 1) inside it', () => {
    assertProperty(
      'pace',
      fc.property(moderate, yearArb, moderate, fc.integer({ min: 2010, max: 2026 }), fc.nat(8), capArb, (a, t, target, start, len, cap) => {
        const end = start + len;
        const got = pace(a, t, target, start, end, cap);
        if (t < start || t > end) {
          if (got !== null) violated(`pace for FY${t} outside ${start}–${end} = ${got}`);
          return;
        }
        if (target === 0) {
          if (got !== null) violated('pace with target 0');
          return;
        }
        const want = clampRef((a * (end - start + 1) * 100) / (target * (t - start + 1)), cap);
        if (!closeTo(got, want)) violated(`pace(${a}, FY${t}, ${target}, ${start}–${end}) = ${got}, SPEC says ${want}`);
      }),
      { numRuns: 3000, seed: 4301 },
    );
  });

  test('computeKpi: 累計 rows get 計画比 exactly when the latest year is in the plan (and T ≠ 0)', () => {
    assertProperty(
      'pace via computeKpi',
      fc.property(kpiRowArb(moderate), settingsArb, (row0, s) => {
        const row = { ...row0, aggregation: 'cumulative' as const };
        const r = computeKpi(row, s);
        const latest = row.actuals[row.actuals.length - 1];
        const inside = latest !== undefined && latest.year >= s.planStart && latest.year <= s.planEnd;
        const computable = inside && row.target !== null && row.target !== 0;
        if (computable !== (r.pace !== null)) violated(`pace ${r.pace} for latest ${safeJson(latest)} in plan ${s.planStart}–${s.planEnd}, target ${row.target}`);
        if (latest && !inside && !r.reasons.some((x) => x.code === 'reason.outsidePlan') && row.target !== null) violated('blank 計画比 outside the plan without the reason', r.reasons);
      }),
      { numRuns: 3000, seed: 4302 },
    );
  });

  test('SPEC example: 新規雇用創出数 累計45 at FY2021 vs 累計230 → 19.6% and 48.9%', () => {
    const r = computeKpi(kpiRow({ aggregation: 'cumulative', baseline: 46, target: 230, actuals: [{ year: 2021, value: 45, col: 9 }] }), DEFAULT_SETTINGS);
    expect(r.achievement!.toFixed(1)).toBe('19.6');
    expect(r.pace!.toFixed(1)).toBe('48.9');
    expect(r.progress).toBeNull();
  });
});

describe('property 4: 評価 bands partition the achievements', () => {
  const bandsArb = fc.array(fc.double({ min: -50, max: 500, noNaN: true }), { minLength: 3, maxLength: 3 }).map((xs) => {
    const [C, B, A] = [...xs].sort((p, q) => p - q);
    return { A, B, C };
  });
  test('exactly one grade per achievement, by the bands, monotone in the achievement', () => {
    assertProperty(
      'grades',
      fc.property(fc.option(fc.double({ noNaN: true }), { nil: null }), fc.double({ noNaN: true }), bandsArb, (x, y, bands) => {
        const g = grade(x, bands);
        if (g !== expectedGrade(x, bands)) violated(`grade(${x}) = ${g} with bands ${safeJson(bands)}`);
        const inA = x !== null && x >= bands.A;
        const inB = x !== null && x < bands.A && x >= bands.B;
        const inC = x !== null && x < bands.B && x >= bands.C;
        const inD = x !== null && x < bands.C;
        if ([inA, inB, inC, inD, x === null].filter(Boolean).length !== 1) violated('bands do not partition', { x, bands });
        const order = ['D', 'C', 'B', 'A'];
        if (x !== null) {
          const [lo, hi] = x <= y ? [x, y] : [y, x];
          if (order.indexOf(grade(lo, bands)) > order.indexOf(grade(hi, bands))) violated(`grade not monotone: ${lo} → ${grade(lo, bands)}, ${hi} → ${grade(hi, bands)}`);
        }
      }),
      { numRuns: 3000, seed: 4401 },
    );
  });

  test('default bands: A ≥ 100, B ≥ 80, C ≥ 50, D below, — when blank', () => {
    const b = DEFAULT_SETTINGS.grades;
    expect([100, 99.999, 80, 79.99, 50, 49.99, 0, null].map((x) => grade(x, b))).toEqual(['A', 'B', 'B', 'C', 'C', 'D', 'D', '—']);
  });
});

describe('property 4: コロナ影響', () => {
  const PIECES = ['新型コロナウイルス感染症', 'コロナ禍', 'COVID-19', 'ｃｏｖｉｄ', '感染症対策', 'の影響で', '事業を', '中止', '休止', '延期', '縮小', 'オンライン開催', '開催', '実施', '予定どおり', '。', ' '];
  const notesArb = fc.array(fc.constantFrom(...PIECES), { maxLength: 5 }).map((xs) => xs.join(''));
  test('suspended iff 備考 names COVID and a suspension; otherwise 要確認 for 増加 KPIs with a zero or collapsed FY2020–2022 actual', () => {
    assertProperty(
      'covid',
      fc.property(notesArb, kpiRowArb(fc.oneof(fc.integer({ min: -10, max: 2000 }), fc.constant(0))), settingsArb, (notes, row, s) => {
        const got = covidFlag(notes, row.direction, row.aggregation, row.baseline, row.actuals, s);
        const t = notes.normalize('NFKC').toLowerCase();
        const suspended = /コロナ|covid|感染症/.test(t) && /中止|休止|延期|縮小|オンライン開催/.test(t);
        let want: string = suspended ? 'suspended' : 'none';
        if (!suspended && row.direction === 'up') {
          for (const a of row.actuals) {
            if (a.year < s.covidFrom || a.year > s.covidTo) continue;
            if (a.value === 0) want = 'review';
            else if (row.baseline !== null && row.baseline > 0) {
              if (row.aggregation === 'single' && a.value < row.baseline * s.covidRatio) want = 'review';
              if (row.aggregation === 'cumulative' && a.year >= s.planStart && a.year <= s.planEnd && a.value / (a.year - s.planStart + 1) < row.baseline * s.covidRatio) want = 'review';
            }
          }
        }
        if (got !== want) violated(`covidFlag = ${got}, SPEC says ${want}`, { notes, row, plan: [s.planStart, s.planEnd] });
      }),
      { numRuns: 3000, seed: 4601 },
    );
  });
});

// ───────────────────────────── pledge rollup ─────────────────────────────

const activityArb = fc.record({
  policy: fc.integer({ min: 1, max: 5 }),
  pledge: fc.integer({ min: 1, max: 4 }),
  measure: fc.integer({ min: 1, max: 4 }),
  rating: fc.integer({ min: 0, max: 10 }),
  title: fc.constantFrom('', '', 'A', 'B'),
});

function activities(xs: { policy: number; pledge: number; measure: number; rating: number; title: string }[]): PledgeActivity[] {
  return xs.map((x, i) => ({ sheet: 's', row: i + 1, policy: x.policy, pledge: x.pledge, measure: x.measure, policyTitle: x.title, pledgeTitle: x.title, measureTitle: x.title, activity: '', department: '', rating: x.rating }));
}

const permutationOf = <T,>(xs: T[]) => fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: xs.length, maxLength: xs.length }).map((keys) => xs.map((x, i) => ({ x, k: keys[i] })).sort((a, b) => a.k - b.k).map((p) => p.x));

describe('property 4: pledge rollup (SPEC section 4)', () => {
  test('stars = floor(mean), 公約 % = floor(mean × 10) in [0, 100], policy % = floor(mean), 全体 = mean to 1 decimal — exactly', () => {
    assertProperty(
      'rollup exact',
      fc.property(fc.array(activityArb, { minLength: 0, maxLength: 80 }), (xs) => {
        checkRollup(rollupPledges(activities(xs)), xs);
      }),
      { numRuns: 3000, seed: 4501 },
    );
  });

  test('permuting the activity rows does not change the rollup', () => {
    assertProperty(
      'rollup permutation',
      fc.property(
        fc.array(activityArb, { minLength: 1, maxLength: 40 }).chain((xs) => fc.tuple(fc.constant(xs), permutationOf(xs))),
        ([xs, ys]) => {
          const a = rollupPledges(activities(xs));
          const b = rollupPledges(activities(ys));
          if (canon(rollupNumbers(a)) !== canon(rollupNumbers(b))) violated('rollup numbers depend on row order', { a: rollupNumbers(a), b: rollupNumbers(b) });
        },
      ),
      { numRuns: 2000, seed: 4502 },
    );
  });

  test('titles do not depend on row order when the rows of a key agree on their title', () => {
    assertProperty(
      'titles permutation',
      fc.property(
        fc.array(activityArb.map((a) => ({ ...a, title: a.title === '' ? '' : `T${a.policy}-${a.pledge}-${a.measure}` })), { minLength: 1, maxLength: 40 }).chain((xs) => fc.tuple(fc.constant(xs), permutationOf(xs))),
        ([xs, ys]) => {
          const a = rollupPledges(activities(xs));
          const b = rollupPledges(activities(ys));
          if (canon(a) !== canon(b)) violated('rollup depends on row order', { a, b });
        },
      ),
      { numRuns: 1000, seed: 4503 },
    );
  });

  test('through review(): a pledge sheet with every key written reads and rolls up the same in any row order', () => {
    const specArb = fc.tuple(pledgeSheetSpecArb({ dirty: false }), fullKeyPledgeRowsArb).chain(([spec, rows]) =>
      fc.tuple(fc.constant({ ...spec, rows, headerAt: Math.min(spec.headerAt, 9 - spec.top), titles: spec.titles } as PledgeSheetSpec), permutationOf(rows)),
    );
    assertProperty(
      'sheet permutation',
      fc.property(specArb, ([spec, permuted]) => {
        const one = renderPledgeSheet(spec);
        const two = renderPledgeSheet({ ...spec, rows: permuted, sortRows: false });
        const r1 = review([{ file: 'a.xlsx', sheets: [one.sheet] }], DEFAULT_SETTINGS);
        const r2 = review([{ file: 'a.xlsx', sheets: [two.sheet] }], DEFAULT_SETTINGS);
        if (r1.issues.some((i) => i.severity === 'error') || r2.issues.some((i) => i.severity === 'error')) violated('clean pledge sheet with errors', [...r1.issues, ...r2.issues].map((i) => issueLine('ja', i)));
        checkRollup(r1.pledges, one.model.activities!);
        if (canon(rollupNumbers(r1.pledges)) !== canon(rollupNumbers(r2.pledges))) violated('rollup depends on row order', { a: rollupNumbers(r1.pledges), b: rollupNumbers(r2.pledges) });
      }),
      { numRuns: 300, seed: 4504 },
    );
  });

  test('ratings: 0–10 in every form read as the number; stars round-trip; 11, -1, 7.5 and text are invalid', () => {
    for (let n = 0; n <= 10; n++) {
      expect(starCount(stars(n))).toBe(n);
      expect(starsFilled(stars(n))).toBe(n);
      for (const t of [n, String(n), String.fromCharCode(...[...String(n)].map((c) => c.charCodeAt(0) + 0xfee0)), `${n}.0`, starsText(n), starsText(n, '\u3000')]) {
        const r = parseRating(t);
        expect(r.kind === 'rating' && r.value).toBe(n);
      }
    }
    for (const bad of [11, -1, 7.5, '7.5', 'text', '★★★', NaN, Infinity, '11']) expect(parseRating(bad).kind).toBe('invalid');
    assertProperty(
      'stars',
      fc.property(fc.double({ min: 0, max: 10, noNaN: true }), (x) => {
        const s = stars(x);
        if (starsFilled(s) !== Math.floor(x + 1e-9)) violated(`stars(${x}) = ${s}`);
      }),
      { numRuns: 1000, seed: 4505 },
    );
  });

  test('SPEC check against seed 002: 73, 66, 70, 43, 61 → 62; 62, 56, 60, 56, 62 → 59.2', () => {
    expect(policyPercent([73, 66, 70, 43, 61])).toBe(62);
    expect(overallPercent([62, 56, 60, 56, 62])).toBe(59.2);
  });

  test('makeSettings accepts the generated settings (sanity of the generator)', () => {
    fc.assert(fc.property(settingsArb, (s) => makeSettings(s) !== null), { numRuns: 200, seed: 4506 });
  });
});
