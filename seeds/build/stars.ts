// The ★/☆ progress display of 002: floor(施策進捗) filled stars, then empty ones, 5 + 5.

export function formatStars(count: number): string {
  if (!Number.isInteger(count) || count < 0 || count > 10) throw new Error(`star count ${count}`);
  const s = '★'.repeat(count) + '☆'.repeat(10 - count);
  return `${s.slice(0, 5)} ${s.slice(5)}`;
}

export interface StarText {
  text: string;
  line: number;
}

/** Groups OCR glyph runs (`★★★★★`, `★★☆☆☆`, …) into one printed string per measure. */
export function groupStarRuns(runs: StarText[]): StarText[] {
  const printed: StarText[] = [];
  let current: StarText[] = [];
  for (const run of runs) {
    current.push(run);
    if (current.map((r) => r.text).join('').length >= 10) {
      printed.push({ text: current.map((r) => r.text).join(' '), line: current[0].line });
      current = [];
    }
  }
  if (current.length) throw new Error(`incomplete star text: ${current.map((r) => r.text).join(' ')}`);
  return printed;
}

/**
 * Star counts a printed string can stand for. A well-formed string gives its count; a string
 * with one glyph too many (`★★★★★☆ ☆☆☆☆☆`) gives the counts left by dropping either kind;
 * no string at all (the OCR lost it) allows anything.
 */
export function starCandidates(printed: string | null): number[] {
  if (printed === null) return [...Array(11).keys()];
  const glyphs = printed.replace(/\s+/g, '');
  if (!/^★*☆*$/.test(glyphs)) throw new Error(`stars out of order: ${printed}`);
  const filled = [...glyphs].filter((g) => g === '★').length;
  if (glyphs.length === 10) return [filled];
  if (glyphs.length === 11) {
    const options: number[] = [];
    if (filled > 0) options.push(filled - 1); // drop a ★
    if (filled < glyphs.length) options.push(filled); // drop a ☆
    return options;
  }
  throw new Error(`cannot read ${glyphs.length} star glyphs: ${printed}`);
}

/** Whether two measures with these star counts can average to the published 公約 %. */
export function pledgeFeasible(s1: number, s2: number, percent: number): boolean {
  // floor(5·(p1 + p2)) = percent with p1 ∈ [s1, s1+1), p2 ∈ [s2, s2+1)
  return 5 * (s1 + s2) <= percent && percent < 5 * (s1 + s2) + 10;
}
