import { readCsv, readPledges } from './seed-data';

// The published formulas (002 and SPEC §4), written here independently of the solver:
//   施策進捗 = mean of its activities' ratings; stars = floor(施策進捗)
//   公約 % = floor(mean of its two 施策進捗 × 10); 基本政策 % = floor(mean of its five 公約 %)
//   全体 = mean of the five 基本政策 %, one decimal.
// Sums are kept as integers so that no floating-point rounding can hide a boundary case.

const pledges = readPledges();
const ratings = readCsv('pledge-activities.csv').map((r) => ({
  policy: Number(r.policy),
  pledge: Number(r.pledge),
  measure: Number(r.measure),
  activity: r.activity,
  department: r.department,
  rating: Number(r.rating),
}));
const PLACEHOLDER = '（取組事業内容の明細は原資料に記載なし）';

function ratingsOf(policy: number, pledge: number, measure: number): number[] {
  return ratings
    .filter((r) => r.policy === policy && r.pledge === pledge && r.measure === measure)
    .map((r) => r.rating);
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('reconstructed activity ratings', () => {
  test('ratings are integers 0–10', () => {
    for (const r of ratings) {
      expect(Number.isInteger(r.rating)).toBe(true);
      expect(r.rating).toBeGreaterThanOrEqual(0);
      expect(r.rating).toBeLessThanOrEqual(10);
    }
  });

  test.each(pledges.measures.map((m) => [`${m.policy}-${m.pledge}-${m.measure}`, m] as const))(
    'measure %s: floor(mean rating) is its star count',
    (_, m) => {
      const rs = ratingsOf(m.policy, m.pledge, m.measure);
      expect(rs.length).toBeGreaterThan(0);
      expect(Math.floor(sum(rs) / rs.length)).toBe(m.starCount);
    },
  );

  test.each(pledges.pledges.map((p) => [`${p.policy}-${p.number}`, p] as const))(
    'pledge %s: floor(mean of the two measure means × 10) is the published %',
    (_, p) => {
      const [a, b] = [ratingsOf(p.policy, p.number, 1), ratingsOf(p.policy, p.number, 2)];
      // (Σa/|a| + Σb/|b|) / 2 × 10 = 10·(Σa·|b| + Σb·|a|) / (2·|a|·|b|)
      const percent = Math.floor((10 * (sum(a) * b.length + sum(b) * a.length)) / (2 * a.length * b.length));
      expect(percent).toBe(p.publishedPercent);
    },
  );

  test('each measure lists its source activities in order, then placeholders only', () => {
    for (const m of pledges.measures) {
      const rows = ratings.filter((r) => r.policy === m.policy && r.pledge === m.pledge && r.measure === m.measure);
      expect(rows.slice(0, m.activities.length).map((r) => r.activity)).toEqual(m.activities);
      expect(rows.slice(m.activities.length).every((r) => r.activity === PLACEHOLDER)).toBe(true);
      expect(rows.every((r) => r.department === m.departments.join('、'))).toBe(true);
    }
  });

  test('placeholders are added only for 政策Ⅱ-5, which has no activity text', () => {
    const added = ratings.filter((r) => r.activity === PLACEHOLDER).map((r) => `${r.policy}-${r.pledge}-${r.measure}`);
    expect(added).toEqual(['2-5-1', '2-5-1', '2-5-2', '2-5-2']);
    expect(ratings).toHaveLength(134);
  });

  test('ratings within a measure differ by at most 1', () => {
    for (const m of pledges.measures) {
      const rs = ratingsOf(m.policy, m.pledge, m.measure);
      expect(Math.max(...rs) - Math.min(...rs)).toBeLessThanOrEqual(1);
    }
  });
});

describe('published policy and overall figures', () => {
  test.each(pledges.policies.map((p) => [p.number, p] as const))('基本政策 %s = floor(mean of its 公約 %)', (_, policy) => {
    const own = pledges.pledges.filter((p) => p.policy === policy.number).map((p) => p.publishedPercent);
    expect(own).toHaveLength(5);
    expect(Math.floor(sum(own) / 5)).toBe(policy.publishedPercent);
  });

  test('全体 59.2 = mean of the five 基本政策 %, one decimal', () => {
    const percents = pledges.policies.map((p) => p.publishedPercent);
    expect(percents).toEqual([62, 56, 60, 56, 62]);
    expect(Math.round((sum(percents) / 5) * 10) / 10).toBe(59.2);
    expect(pledges.overall).toBe(59.2);
  });

  test('SPEC §4 check values for 政策Ⅰ', () => {
    expect(pledges.pledges.filter((p) => p.policy === 1).map((p) => p.publishedPercent)).toEqual([73, 66, 70, 43, 61]);
  });
});
