// String helpers shared by the parsers of the OCR'd source texts.

/** Hiragana, katakana, CJK ideographs, CJK punctuation and full-width forms. */
const CJK = '\\u3001-\\u30ff\\u3400-\\u9fff\\uff00-\\uffef';
const WORDISH = `${CJK}A-Za-z0-9`;
const OCR_GAP = new RegExp(`(?<=[${WORDISH}])\\s+(?=[${CJK}])|(?<=[${CJK}])\\s+(?=[${WORDISH}])`, 'gu');

/**
 * Removes the spaces the OCR put between Japanese characters and digits
 * (`令和 3 年度`, `累計 7 人`), keeping spaces between Latin words and around symbols.
 */
export function closeOcrGaps(s: string): string {
  return s.replace(OCR_GAP, '').replace(/\s+/g, ' ').trim();
}

/** NFKC, then no whitespace at all: the form used to compare labels and headers. */
export function squash(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '');
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

export function circledToNumber(c: string): number {
  const i = CIRCLED.indexOf(c);
  if (i < 0) throw new Error(`not a circled number: ${c}`);
  return i + 1;
}

export function numberToCircled(n: number): string {
  if (n < 1 || n > CIRCLED.length) throw new Error(`no circled form for ${n}`);
  return CIRCLED[n - 1];
}

export const CIRCLED_CLASS = `[${CIRCLED}]`;

const ROMAN = ['Ⅰ', 'Ⅱ', 'Ⅲ', 'Ⅳ', 'Ⅴ'];

export function romanToNumber(r: string): number {
  const i = ROMAN.indexOf(r);
  if (i < 0) throw new Error(`not a roman numeral Ⅰ–Ⅴ: ${r}`);
  return i + 1;
}

export function numberToRoman(n: number): string {
  const r = ROMAN[n - 1];
  if (!r) throw new Error(`no roman numeral for ${n}`);
  return r;
}

/** `平成30年度` → 2018, `令和元年` → 2019, `令和 6 年度` → 2024; null when no era year is present. */
export function eraYear(s: string): number | null {
  const m = /(平成|令和)(\d+|元)年/.exec(squash(s));
  if (!m) return null;
  const n = m[2] === '元' ? 1 : Number(m[2]);
  return (m[1] === '平成' ? 1988 : 2018) + n;
}

export function decodeEntities(s: string): string {
  return s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&nbsp;/g, ' ');
}

export function stripTags(s: string): string {
  return decodeEntities(s.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
}

/** Lines of a text, 1-based as an editor shows them. */
export function numberedLines(text: string): { line: number; text: string }[] {
  return text.split('\n').map((t, i) => ({ line: i + 1, text: t }));
}
