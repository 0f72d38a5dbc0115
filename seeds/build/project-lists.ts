import { CIRCLED_CLASS, circledToNumber, closeOcrGaps, numberedLines } from './text';

export interface ListedProject {
  name: string;
  line: number;
}

/**
 * The 展開する事業 lists of the 2nd-term outline in 001 (Nov 2020), per 施策 number.
 * Items may share a line (`・ A ・ B`) or wrap onto an unbulleted next line.
 */
export function parseProjectLists(meetingText: string): Map<number, ListedProject[]> {
  const lists = new Map<number, ListedProject[]>();
  const measureRe = new RegExp(`施策(${CIRCLED_CLASS})`, 'g');
  let measure: number | null = null;
  let current: ListedProject[] | null = null;
  for (const { line, text } of numberedLines(meetingText)) {
    const t = text.trim();
    const measures = [...t.matchAll(measureRe)];
    if (measures.length) {
      measure = circledToNumber(measures[measures.length - 1][1]);
      current = null;
      continue;
    }
    if (t === '展開する事業') {
      if (measure === null) throw new Error(`001:${line}: 展開する事業 before any 施策`);
      current = [];
      lists.set(measure, current);
      continue;
    }
    if (!current) continue;
    if (!t) {
      if (current.length) current = null;
      continue;
    }
    if (t.startsWith('-')) {
      for (const name of t.replace(/^-\s*/, '').split(/(?:^|\s)・\s*/)) {
        if (name.trim()) current.push({ name: closeOcrGaps(name), line });
      }
    } else if (current.length) {
      const last = current[current.length - 1];
      last.name = closeOcrGaps(last.name + t);
    }
  }
  return lists;
}

/** Names compared without spaces, width or a trailing （…） qualifier. */
export function sameProject(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').replace(/\([^)]*\)$/, '');
  const x = norm(a);
  const y = norm(b);
  return x === y || x.startsWith(y) || y.startsWith(x);
}
