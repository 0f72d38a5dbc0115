/**
 * Generated KPI sheets for benchmarks and property tests: rows as departments type them
 * (numbers and text forms mixed), deterministic for a seed.
 */
import type { RawSheet, RawValue } from '../src/domain/base/raw';

export const BENCH_HEADERS = ['基本目標', '施策', '事業名', '担当課', '指標名', '単位', '方向', '集計', '基準年度', '基準値', '実績R2', '実績R3', '目標年度', '目標値', '備考'];

/** Small fast deterministic PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const UNITS = ['人', '件', '%', '回', '社', '千円'];
const NOTES = ['', '', '', '', '新型コロナウイルス感染症の影響で事業が中止となった', 'イベントを縮小して開催'];

export function generateKpiRow(i: number, rnd: () => number): RawValue[] {
  const unit = UNITS[i % UNITS.length];
  const cumulative = i % 4 === 0;
  const down = i % 11 === 0;
  const baseline = Math.round(rnd() * 5000);
  const target = down ? Math.round(baseline * 0.5) : Math.round(baseline * (1 + rnd())) + 1;
  const a2 = Math.round(rnd() * target);
  const a3 = Math.round(rnd() * target * 1.3);
  const text = (n: number): RawValue => {
    switch (i % 5) {
      case 0:
        return n;
      case 1:
        return n.toLocaleString('en-US');
      case 2:
        return (cumulative ? '累計' : '') + n.toLocaleString('en-US') + unit;
      case 3:
        return String(n);
      default:
        return n;
    }
  };
  return [
    1 + (i % 4),
    1 + (i % 19),
    '事業' + (i % 500),
    '政策推進課',
    '指標' + i,
    unit,
    down ? '減少' : '増加',
    cumulative ? '累計' : '単年',
    i % 3 === 0 ? 'H30' : 2018,
    text(baseline),
    text(a2),
    i % 7 === 0 ? '—' : text(a3),
    'R6',
    text(target),
    NOTES[i % NOTES.length],
  ];
}

export function generateKpiSheet(rows: number, seed = 1, name = '政策推進課'): RawSheet {
  const rnd = prng(seed);
  const values: RawValue[][] = [['第2期 KPI 実績（ベンチマーク）'], BENCH_HEADERS.slice()];
  for (let i = 0; i < rows; i++) values.push(generateKpiRow(i, rnd));
  return { name, top: 0, left: 0, values };
}
