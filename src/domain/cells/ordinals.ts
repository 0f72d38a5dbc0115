/**
 * Numbers people write for goals, measures, policies and pledges:
 * ①, "基本目標1", "施策⑤", "5", "Ⅲ", "III", "政策Ⅲ", optionally followed by a title.
 */
import { nfkc } from '../base/text';

const CIRCLED_START = 0x2460; // ① .. ⑳
const CIRCLED_21 = 0x3251; // ㉑ .. ㉟
const CIRCLED_36 = 0x32b1; // ㊱ .. ㊿

function circledValue(ch: string): number | null {
  const c = ch.codePointAt(0)!;
  if (c >= CIRCLED_START && c <= CIRCLED_START + 19) return c - CIRCLED_START + 1;
  if (c >= CIRCLED_21 && c <= CIRCLED_21 + 14) return c - CIRCLED_21 + 21;
  if (c >= CIRCLED_36 && c <= CIRCLED_36 + 14) return c - CIRCLED_36 + 36;
  return null;
}

const ROMAN_UNICODE: Record<string, number> = {
  Ⅰ: 1, Ⅱ: 2, Ⅲ: 3, Ⅳ: 4, Ⅴ: 5, Ⅵ: 6, Ⅶ: 7, Ⅷ: 8, Ⅸ: 9, Ⅹ: 10, Ⅺ: 11, Ⅻ: 12,
  ⅰ: 1, ⅱ: 2, ⅲ: 3, ⅳ: 4, ⅴ: 5, ⅵ: 6, ⅶ: 7, ⅷ: 8, ⅸ: 9, ⅹ: 10,
};

const ROMAN_ASCII = /^(X{0,3})(IX|IV|V?I{0,3})$/;

function romanValue(s: string): number | null {
  const u = s.toUpperCase();
  if (!u || !ROMAN_ASCII.test(u)) return null;
  const vals: Record<string, number> = { I: 1, V: 5, X: 10 };
  let total = 0;
  for (let i = 0; i < u.length; i++) {
    const v = vals[u[i]];
    const next = vals[u[i + 1]] ?? 0;
    total += v < next ? -v : v;
  }
  return total > 0 ? total : null;
}

/** goals, measures, policies and pledges are numbered in the tens at most; 999 leaves room */
export const MAX_ORDINAL = 999;

export interface OrdinalParse {
  value: number;
  title: string;
}

/**
 * Reads a leading ordinal, after an optional prefix word. Returns null when the text does
 * not start with one, or when what follows is not a title ("1-1", "12.5").
 */
export function parseOrdinal(raw: unknown, prefixes: readonly string[], allowRoman: boolean): OrdinalParse | null {
  if (typeof raw === 'number') return Number.isInteger(raw) && raw >= 1 && raw <= MAX_ORDINAL ? { value: raw, title: '' } : null;
  if (typeof raw !== 'string') return null;
  // Circled numbers survive NFKC only as digits; read them before normalising.
  let s = raw.trim();
  for (const p of prefixes) {
    const np = nfkc(s).toLowerCase();
    if (np.startsWith(p.toLowerCase())) {
      // cut the prefix from the original text, keeping circled digits intact
      s = s.slice(p.length).replace(/^[\s\u3000:：.．]+/u, '');
      break;
    }
    // original (pre-NFKC) prefix check for kanji prefixes
    if (s.startsWith(p)) {
      s = s.slice(p.length).replace(/^[\s\u3000:：.．]+/u, '');
      break;
    }
  }
  if (s === '') return null;
  const first = String.fromCodePoint(s.codePointAt(0)!);
  const circled = circledValue(first);
  if (circled !== null) return { value: circled, title: s.slice(first.length).trim() };
  if (allowRoman && ROMAN_UNICODE[first] !== undefined) {
    return { value: ROMAN_UNICODE[first], title: s.slice(first.length).replace(/^[\s\u3000:：.．、]+/u, '').trim() };
  }
  const n = nfkc(s);
  const digits = /^(\d{1,3})(?:\.0+)?(?=$|[^\d.,\-/~〜])/.exec(n);
  if (digits) {
    const rest = n.slice(digits[0].length);
    if (/^[-/.,~〜]\s*\d/.test(rest)) return null;
    const v = Number(digits[1]);
    if (v < 1) return null;
    return { value: v, title: rest.replace(/^[\s:.、)）]+/u, '').trim() };
  }
  if (allowRoman) {
    const rm = /^([IVXivx]{1,6})(?=$|[^A-Za-z])/.exec(n);
    if (rm) {
      const v = romanValue(rm[1]);
      if (v !== null) return { value: v, title: n.slice(rm[0].length).replace(/^[\s:.、]+/u, '').trim() };
    }
  }
  return null;
}

export function romanNumeral(n: number): string {
  const table = ['', 'Ⅰ', 'Ⅱ', 'Ⅲ', 'Ⅳ', 'Ⅴ', 'Ⅵ', 'Ⅶ', 'Ⅷ', 'Ⅸ', 'Ⅹ', 'Ⅺ', 'Ⅻ'];
  return table[n] ?? String(n);
}

export function circledNumber(n: number): string {
  if (n >= 1 && n <= 20) return String.fromCodePoint(CIRCLED_START + n - 1);
  if (n >= 21 && n <= 35) return String.fromCodePoint(CIRCLED_21 + n - 21);
  if (n >= 36 && n <= 50) return String.fromCodePoint(CIRCLED_36 + n - 36);
  return String(n);
}
