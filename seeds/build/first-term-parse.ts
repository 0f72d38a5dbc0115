import { FirstTermRecord } from './types';
import { numberedLines } from './text';

const HEADER = ['項目', 'H26基準', 'H28実績', 'H29実績', 'H30実績', 'R1実績', 'H31目標', '達成状況'];
const UNITS = new Set(['人', '%', '％', '件', '万人']);

/** `新規雇用創出数（人）【累計】` → indicator, unit, aggregation. */
function splitLabel(label: string): Pick<FirstTermRecord, 'indicator' | 'unit' | 'aggregation'> {
  let s = label.trim();
  const cumulative = s.includes('【累計】');
  s = s.replace('【累計】', '').trim();
  const m = /^(.*)[（(]([^）)]+)[）)]$/.exec(s);
  const unit = m && UNITS.has(m[2]) ? m[2].replace('％', '%') : '';
  return { indicator: unit ? m![1].trim() : s, unit, aggregation: cumulative ? '累計' : '単年' };
}

function value(cell: string): string {
  const v = cell.trim();
  return v === '' || /^[—－\-―]$/.test(v) ? '—' : v;
}

/**
 * The 1st-term results tables of 001 (基本目標における数値目標): one tab-separated table per
 * 基本目標, headed `項目 H26基準 … 達成状況`.
 */
export function parseFirstTerm(meetingText: string): FirstTermRecord[] {
  const records: FirstTermRecord[] = [];
  let goal = 0;
  let inTable = false;
  for (const { line, text } of numberedLines(meetingText)) {
    const goalHead = /^基本目標\s*(\d)\s+\S/.exec(text.trim());
    if (goalHead) goal = Number(goalHead[1]);
    const cells = text.split('\t');
    if (cells[0].trim() === '項目') {
      if (cells.map((c) => c.trim()).join() !== HEADER.join()) throw new Error(`001:${line}: unexpected header ${text}`);
      inTable = true;
      continue;
    }
    if (!inTable) continue;
    if (cells.length !== HEADER.length) {
      inTable = false;
      continue;
    }
    const achievement = /^(\d+)%$/.exec(cells[7].trim());
    if (!achievement) throw new Error(`001:${line}: no 達成状況 in ${text}`);
    records.push({
      goal,
      ...splitLabel(cells[0]),
      baselineH26: value(cells[1]),
      actualH28: value(cells[2]),
      actualH29: value(cells[3]),
      actualH30: value(cells[4]),
      actualR1: value(cells[5]),
      targetH31: value(cells[6]),
      publishedAchievement: Number(achievement[1]),
    });
  }
  return records;
}
