/**
 * The trend of a row's values as eight-level block characters (▁▃▅█), for surfaces that cannot
 * draw Excel's sparklines (the task pane: Office.js has no sparkline API). Blank values are gaps.
 */
const LEVELS = '▁▂▃▄▅▆▇█';

/** null when fewer than two values are present */
export function trendText(values: readonly (number | null)[]): string | null {
  let min = Infinity;
  let max = -Infinity;
  let n = 0;
  for (const v of values) {
    if (v === null || !Number.isFinite(v)) continue;
    n++;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (n < 2) return null;
  const span = max - min;
  let out = '';
  for (const v of values) {
    if (v === null || !Number.isFinite(v)) out += ' ';
    else out += LEVELS[span === 0 ? 3 : Math.round(((v - min) / span) * (LEVELS.length - 1))];
  }
  return out.trimEnd();
}
