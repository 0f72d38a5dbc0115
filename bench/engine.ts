/** {"bench":"engine","rows":100000,"rowsPerSec":…}: parse + validate + compute + plan. */
import { review } from '../src/domain/review';
import { DEFAULT_SETTINGS } from '../src/domain/base/settings';
import { generateKpiSheet } from './generate';
import { issueLine } from '../src/messages/issueText';

export function benchEngine(rows = 100_000, repeats = 5): { bench: string; rows: number; rowsPerSec: number; msBest: number; msMedian: number } {
  const sheet = generateKpiSheet(rows);
  // warm up the JIT on a smaller sheet
  review([{ file: 'warmup.xlsx', sheets: [generateKpiSheet(20_000, 7)] }], DEFAULT_SETTINGS);
  const times: number[] = [];
  let kpis = 0;
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let r = 0; r < repeats; r++) {
    // start each run with the previous run's results collected, so runs do not pay for each other
    gc?.();
    const t0 = process.hrtime.bigint();
    const result = review([{ file: 'bench.xlsx', sheets: [sheet] }], DEFAULT_SETTINGS);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    kpis = result.kpis.length;
    if (!result.files[0].plan.sheets.length) throw new Error('no plan: ' + result.issues.slice(0, 3).map((i) => issueLine('en', i)).join('; '));
  }
  if (kpis !== rows) throw new Error(`expected ${rows} KPIs, got ${kpis}`);
  times.sort((a, b) => a - b);
  const best = times[0];
  return { bench: 'engine', rows, rowsPerSec: Math.round((rows / best) * 1000), msBest: Math.round(best), msMedian: Math.round(times[Math.floor(times.length / 2)]) };
}

if (require.main === module) console.log(JSON.stringify(benchEngine()));
