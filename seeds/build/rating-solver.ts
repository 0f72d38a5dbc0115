import { ActivityRating, MeasureRecord, PledgeData } from './types';

/**
 * 002 publishes only each 施策's stars and each 公約's %, not the 0–10 ratings of the activities
 * behind them. This reconstructs integer ratings that reproduce both:
 *   floor(mean(ratings of a 施策)) = its stars, floor(mean of the two 施策 means × 10) = the 公約 %.
 * A 施策 with n activities and s stars has a rating sum S in [s·n, s·n + n − 1]; its ratings are then
 * s or s + 1 (the first S − s·n activities get s + 1), the tightest spread possible.
 * Where no sums fit with the source's activity count, the fewest placeholder activities are added.
 */
export const PLACEHOLDER_ACTIVITY = '（取組事業内容の明細は原資料に記載なし）';

const MAX_EXTRA = 6;

interface Choice {
  counts: [number, number];
  sums: [number, number];
  spread: number;
}

/** floor(mean(S1/n1, S2/n2) × 10) in integers: floor(10·(S1·n2 + S2·n1) / (2·n1·n2)). */
function pledgePercent(s1: number, n1: number, s2: number, n2: number): number {
  return Math.floor((10 * (s1 * n2 + s2 * n1)) / (2 * n1 * n2));
}

function sumsFor(stars: number, n: number): number[] {
  const sums: number[] = [];
  for (let s = stars * n; s <= Math.min(stars * n + n - 1, 10 * n); s++) sums.push(s);
  return sums;
}

/** Variance of the pledge's ratings, ×(n1+n2)², kept in integers so ties are exact. */
function spread(stars: [number, number], counts: [number, number], sums: [number, number]): number {
  const ratings = [0, 1].flatMap((i) => ratingsFor(stars[i], counts[i], sums[i]));
  const n = ratings.length;
  const total = ratings.reduce((a, b) => a + b, 0);
  return ratings.reduce((acc, r) => acc + (n * r - total) ** 2, 0);
}

function ratingsFor(stars: number, n: number, sum: number): number[] {
  const up = sum - stars * n;
  return Array.from({ length: n }, (_, i) => (i < up ? stars + 1 : stars));
}

function solvePledge(stars: [number, number], activities: [number, number], percent: number): Choice {
  for (let extra = 0; extra <= MAX_EXTRA; extra++) {
    let best: Choice | null = null;
    for (let e1 = 0; e1 <= extra; e1++) {
      const counts: [number, number] = [activities[0] + e1, activities[1] + extra - e1];
      if (counts[0] === 0 || counts[1] === 0) continue;
      for (const s1 of sumsFor(stars[0], counts[0])) {
        for (const s2 of sumsFor(stars[1], counts[1])) {
          if (pledgePercent(s1, counts[0], s2, counts[1]) !== percent) continue;
          const choice: Choice = { counts, sums: [s1, s2], spread: spread(stars, counts, [s1, s2]) };
          if (!best || choice.spread < best.spread) best = choice; // first found wins ties: deterministic
        }
      }
    }
    if (best) return best;
  }
  throw new Error(`no ratings give ${percent}% with stars ${stars.join('/')}`);
}

export function reconstructRatings(data: PledgeData): ActivityRating[] {
  const rows: ActivityRating[] = [];
  for (const pledge of data.pledges) {
    const pair = data.measures.filter((m) => m.policy === pledge.policy && m.pledge === pledge.number);
    if (pair.length !== 2) throw new Error(`pledge ${pledge.policy}-${pledge.number} has ${pair.length} measures`);
    const [m1, m2] = pair as [MeasureRecord, MeasureRecord];
    const choice = solvePledge([m1.starCount, m2.starCount], [m1.activities.length, m2.activities.length], pledge.publishedPercent);
    [m1, m2].forEach((m, i) => {
      const texts = [...m.activities, ...Array(choice.counts[i] - m.activities.length).fill(PLACEHOLDER_ACTIVITY)];
      const ratings = ratingsFor(m.starCount, choice.counts[i], choice.sums[i]);
      texts.forEach((activity, k) => {
        rows.push({ policy: m.policy, pledge: m.pledge, measure: m.measure, activity, department: m.departments.join('、'), rating: ratings[k] });
      });
    });
  }
  return rows;
}
