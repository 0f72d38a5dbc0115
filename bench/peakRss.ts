/**
 * The peak RSS of a benchmark's child process, as source for its script. getrusage's maxRSS
 * is no good there: Linux carries the parent's size at fork into the child's maxRSS, so a
 * child of a big bench process would report at least that. /proc/self/status's VmHWM belongs
 * to the child's own memory; elsewhere maxRSS is what there is.
 */
export const PEAK_RSS_MB_JS = `(() => {
  try {
    const m = /VmHWM:\\s*(\\d+)\\s*kB/.exec(require('node:fs').readFileSync('/proc/self/status', 'utf8'));
    if (m) return Math.round(Number(m[1]) / 1024);
  } catch {}
  return Math.round(process.resourceUsage().maxRSS / 1024);
})()`;
