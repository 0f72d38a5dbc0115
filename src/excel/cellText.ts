/**
 * What we put into Range.values. Office.js reads a string the way Excel reads typed input:
 * `=…` (and `+ - @` followed by text) becomes a formula, `1,627`/`2021`/`1/2`/`TRUE` become
 * numbers, dates or booleans, a leading `'` disappears, and `null` means "leave the cell as it
 * is". Every writer (output columns, summary, template, audit log) goes through cellValue(), so
 * user text such as `=HYPERLINK(…)` is always stored as text and an empty plan cell is emptied.
 */

export type OfficeCellValue = string | number | boolean;

/**
 * Strings Excel would not keep as the same text: formula starts (CSV-injection characters
 * = + - @ tab CR, and LF), an apostrophe (Excel's own text prefix), and anything that parses as a
 * number, percentage, date, time or boolean.
 */
const FORMULA_START = /^[=+\-@\t\r\n']/;
const NUMBER_LIKE = /^\s*[(]?[+-]?[¥$€£]?\s*(\d[\d,]*\.?\d*|\.\d+)\s*(%|[eE][+-]?\d+)?[)]?\s*$/;
const DATE_LIKE = /^\s*(\d{1,4}[-/.年]\d{1,2}([-/.月]\d{1,4}日?)?|\d{1,2}:\d{2}(:\d{2})?(\s*[AaPp][Mm])?|\d{1,2}月\d{1,2}日)\s*$/;
const BOOLEAN_LIKE = /^\s*(true|false)\s*$/i;

function risky(s: string): boolean {
  return FORMULA_START.test(s) || NUMBER_LIKE.test(s) || DATE_LIKE.test(s) || BOOLEAN_LIKE.test(s);
}

/** Also after NFKC: Japanese Excel may read full-width ＝ and １２３ as = and 123. */
export function needsTextPrefix(s: string): boolean {
  if (risky(s)) return true;
  const n = s.normalize('NFKC');
  return n !== s && risky(n);
}

/** One cell for Range.values: null → '' (empty the cell), risky strings → '-prefixed text. */
export function cellValue(v: string | number | boolean | null | undefined): OfficeCellValue {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? v : '';
  if (typeof v === 'boolean') return v;
  return v !== '' && needsTextPrefix(v) ? "'" + v : v;
}

export function cellRow(values: readonly (string | number | boolean | null | undefined)[]): OfficeCellValue[] {
  const out: OfficeCellValue[] = new Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = cellValue(values[i]);
  return out;
}

export function cellGrid(values: readonly (readonly (string | number | boolean | null | undefined)[])[]): OfficeCellValue[][] {
  return values.map(cellRow);
}

/** Display text for a hyperlink: only when Excel would show it unchanged. */
export function safeDisplayText(s: string): string | undefined {
  return s === '' || needsTextPrefix(s) ? undefined : s;
}
