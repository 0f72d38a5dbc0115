/**
 * Japanese fiscal years as written in headers and cells: R3, 令和3年度, 令和元年度, H30,
 * 平成30年度, 2021, FY2021, 2021年度. Era years: 令和 n = 2018 + n, 平成 n = 1988 + n.
 */
import { nfkc, removeSpaces } from '../base/text';

const KANJI_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** "元" → 1, "3" → 3, "三十一" → 31, "十" → 10. */
export function eraNumber(s: string): number | null {
  if (s === '元') return 1;
  if (/^\d{1,2}$/.test(s)) return Number(s);
  if (!/^[〇零一二三四五六七八九十]+$/u.test(s)) return null;
  const ten = s.indexOf('十');
  if (ten < 0) {
    if (s.length !== 1) return null;
    return KANJI_DIGITS[s] ?? null;
  }
  const tens = ten === 0 ? 1 : KANJI_DIGITS[s.slice(0, ten)] ?? NaN;
  const ones = ten === s.length - 1 ? 0 : KANJI_DIGITS[s.slice(ten + 1)] ?? NaN;
  const n = tens * 10 + ones;
  return Number.isFinite(n) ? n : null;
}

export const MIN_YEAR = 1950;
export const MAX_YEAR = 2200;

const ERA_OFFSETS: [RegExp, number][] = [
  [/(?:令和|r)([元〇零一二三四五六七八九十\d]{1,3})(?:年度?)?/iu, 2018],
  [/(?:平成|h)([元〇零一二三四五六七八九十\d]{1,3})(?:年度?)?/iu, 1988],
];

/**
 * Finds one fiscal year inside a text such as "実績(令和3年度)" or "FY2021 actual".
 * Returns null when none; NaN when the text names two different years.
 */
export function findFiscalYear(text: string): number | null {
  const s = removeSpaces(nfkc(text));
  const found = new Set<number>();
  for (const [re, offset] of ERA_OFFSETS) {
    const g = new RegExp(re.source, 'giu');
    let m: RegExpExecArray | null;
    while ((m = g.exec(s))) {
      // "H" or "R" inside a latin word (e.g. "HOUR") is not an era
      const before = s[m.index - 1];
      if (before && /[a-z]/i.test(before)) continue;
      const n = eraNumber(m[1]);
      if (n !== null && n >= 1 && n <= 99) found.add(n + offset);
    }
  }
  const g4 = /(?:fy)?(\d{4})(?!\d)/giu;
  let m: RegExpExecArray | null;
  while ((m = g4.exec(s))) {
    const before = s[m.index - 1];
    if (before && /\d/.test(before)) continue;
    const y = Number(m[1]);
    if (y >= MIN_YEAR && y <= MAX_YEAR) found.add(y);
  }
  if (found.size === 0) return null;
  if (found.size > 1) return NaN;
  return found.values().next().value as number;
}

/**
 * A cell that should hold a fiscal year: the number 2018, the text "H30", "平成30年度",
 * "2018年度", "FY2018", or a date (April–March fiscal year). Anything else is invalid.
 */
export function parseFiscalYearCell(v: unknown): { ok: true; year: number | null } | { ok: false } {
  if (v === null || v === undefined) return { ok: true, year: null };
  if (typeof v === 'number') {
    if (Number.isInteger(v) && v >= MIN_YEAR && v <= MAX_YEAR) return { ok: true, year: v };
    return { ok: false };
  }
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return { ok: false };
    const y = v.getUTCMonth() >= 3 ? v.getUTCFullYear() : v.getUTCFullYear() - 1;
    return y >= MIN_YEAR && y <= MAX_YEAR ? { ok: true, year: y } : { ok: false };
  }
  if (typeof v !== 'string') return { ok: false };
  const s = removeSpaces(nfkc(v));
  if (s === '' || /^[-—－―‐–−ー]$/u.test(s)) return { ok: true, year: null };
  const era = /^(令和|平成|r|h)([元〇零一二三四五六七八九十\d]{1,3})(年度?)?$/iu.exec(s);
  if (era) {
    const n = eraNumber(era[2]);
    if (n === null || n < 1) return { ok: false };
    const isReiwa = era[1] === '令和' || era[1].toLowerCase() === 'r';
    return { ok: true, year: n + (isReiwa ? 2018 : 1988) };
  }
  const west = /^(?:fy)?(\d{4})(?:年度?)?$/iu.exec(s);
  if (west) {
    const y = Number(west[1]);
    if (y >= MIN_YEAR && y <= MAX_YEAR) return { ok: true, year: y };
  }
  return { ok: false };
}

/** "R3" for 2021, "H30" for 2018: how the report shows a year to Japanese readers. */
export function eraLabel(year: number): string {
  if (year >= 2019) return 'R' + (year - 2018);
  if (year >= 1989) return 'H' + (year - 1988);
  return String(year);
}

export interface EraYear {
  era: '令和' | '平成' | '昭和';
  /** the year within the era; 1 is written 元 (元年) */
  year: number;
}

/** A fiscal year (April–March) in its era: 2021 → 令和3; 2019 → 令和元 (令和 began in May 2019). */
export function fiscalEra(fiscalYear: number): EraYear {
  if (fiscalYear >= 2019) return { era: '令和', year: fiscalYear - 2018 };
  if (fiscalYear >= 1989) return { era: '平成', year: fiscalYear - 1988 };
  return { era: '昭和', year: fiscalYear - 1925 };
}

/** A calendar date in its era: 2025-12-05 → 令和7; 2019-04-30 → 平成31; 2019-05-01 → 令和元. */
export function dateEra(year: number, month: number, day: number): EraYear {
  const key = year * 10000 + month * 100 + day;
  if (key >= 20190501) return { era: '令和', year: year - 2018 };
  if (key >= 19890108) return { era: '平成', year: year - 1988 };
  return { era: '昭和', year: year - 1925 };
}

/** The year of an era as written: 1 → 元, 7 → 7. */
export function eraYearText(year: number): string {
  return year === 1 ? '元' : String(year);
}

/** A fiscal year as the city writes it: 2021 → 令和3年度, 2019 → 令和元年度. */
export function fiscalYearName(fiscalYear: number): string {
  const e = fiscalEra(fiscalYear);
  return `${e.era}${eraYearText(e.year)}年度`;
}

/** A date as the city writes it: 2025-12-05 → 令和7年12月5日. */
export function japaneseDate(year: number, month: number, day: number): string {
  const e = dateEra(year, month, day);
  return `${e.era}${eraYearText(e.year)}年${month}月${day}日`;
}
