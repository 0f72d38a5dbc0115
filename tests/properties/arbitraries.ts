/**
 * fast-check generators for the property tests: cells as departments type them (and as
 * nobody should), KPI and pledge sheets with their layouts, and a model of what a clean
 * sheet must read as. Sheets are generated as a *spec* (plain data that shrinks well) and
 * rendered to a RawSheet by pure functions, so a failing case shrinks to a small sheet.
 *
 * "clean" sheets use only values the SPEC says are valid, and carry the values the engine
 * must read from them (the model); "dirty" sheets add anything at all on top and are only
 * checked against invariants.
 */
import fc from 'fast-check';
import type { CellRect, RawSheet, RawValue } from '../../src/domain/base/raw';
import type { WorkbookInput } from '../../src/domain/review';
import { DEFAULT_SETTINGS, makeSettings, type Settings } from '../../src/domain/base/settings';
import { generateKpiSheet } from '../../bench/generate';

// ───────────────────────────── small helpers ─────────────────────────────

export const EXCEL_MAX_ROW = 1048575;
export const EXCEL_MAX_COL = 16383;

const FW_OFFSET = 0xff01 - 0x21;

/** n.toLocaleString('en-US', …) without building a formatter per call (Intl is slow) */
const EN_US = new Intl.NumberFormat('en-US');
const EN_US_FULL = new Intl.NumberFormat('en-US', { maximumFractionDigits: 20 });
export function enUS(n: number, full = true): string {
  return (full ? EN_US_FULL : EN_US).format(n);
}

/** ASCII → full-width (digits, comma, period, minus, percent, letters). */
export function toFullWidth(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    out += c >= 0x21 && c <= 0x7e ? String.fromCharCode(c + FW_OFFSET) : ch === ' ' ? '\u3000' : ch;
  }
  return out;
}

export function circled(n: number): string {
  if (n >= 1 && n <= 20) return String.fromCodePoint(0x2460 + n - 1);
  if (n >= 21 && n <= 35) return String.fromCodePoint(0x3251 + n - 21);
  if (n >= 36 && n <= 50) return String.fromCodePoint(0x32b1 + n - 36);
  return String(n);
}

const ROMAN_U = ['', 'Ⅰ', 'Ⅱ', 'Ⅲ', 'Ⅳ', 'Ⅴ', 'Ⅵ', 'Ⅶ', 'Ⅷ', 'Ⅸ', 'Ⅹ', 'Ⅺ', 'Ⅻ'];
const ROMAN_A = ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];
const KANJI = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

export function kanjiNumber(n: number): string {
  if (n < 10) return KANJI[n];
  const t = Math.floor(n / 10);
  const o = n % 10;
  return (t === 1 ? '' : KANJI[t]) + '十' + (o ? KANJI[o] : '');
}

/** stars as the report prints them: floor(r) filled, two groups of five */
export function starsText(r: number, sep = ' '): string {
  const s = '★'.repeat(r) + '☆'.repeat(10 - r);
  return s.slice(0, 5) + sep + s.slice(5);
}

/** A small deterministic shuffle driven by generated sort keys. */
function orderBy<T>(items: T[], keys: number[]): T[] {
  return items
    .map((it, i) => ({ it, k: keys[i % Math.max(1, keys.length)] ?? 0, i }))
    .sort((a, b) => a.k - b.k || a.i - b.i)
    .map((x) => x.it);
}

// ───────────────────────────── cell pools ─────────────────────────────

export const SPECIAL_NUMBERS: number[] = [
  NaN, Infinity, -Infinity, -0, 0, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, -Number.MIN_VALUE,
  1e308, -1e308, 1e300, -1e300, 1e-300, 2 ** 53, 2 ** 53 + 2, -(2 ** 53), 1e15, 999999999999999, 1e16, 1e21, 0.1 + 0.2, 1e20,
];

/** any JS number, weighted to the nasty ones */
export const anyNumberArb: fc.Arbitrary<number> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SPECIAL_NUMBERS) },
  { weight: 2, arbitrary: fc.double() },
  { weight: 3, arbitrary: fc.integer({ min: -100000, max: 100000 }) },
  { weight: 2, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
);

/** numeric text in every form the SPEC accepts (and a few dashes) */
export const numericTextArb: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('1,627', '１６２７', '１，６２７', '累計45人', '93.9%', '９３．９％', '17,550 千t', '199.5万人', '△12', '▲3.5', '0人', '—', '－', '-', '―', '+5', ' 42 ', '累計：12件', '1,234,567', '0.5', '-0', '100%'),
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map((n) => enUS(n, false)),
  fc.integer({ min: 0, max: 99999 }).map((n) => toFullWidth(String(n))),
  fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.constantFrom('人', '件', '回', '社', '千円', '千t', '万人', 'm²', '㎡', 'kWh')).map(([n, u]) => `累計${n}${u}`),
  fc.integer({ min: 0, max: 1000 }).map((n) => `${n / 10}%`),
);

export const BAD_TEXTS = ['約50', '未集計', '50人程度', '集計中', '#DIV/0!', '#N/A', '#REF!', '#VALUE!', 'N/A?', 'abc', '1-2', '12/3', '1.2.3', '５０人くらい', 'TBD', '50 人 程度', '累計', '△', '1,23', '1234,567', '.5', '12.', '5e3', '0x10', 'Infinity', 'NaN', '１．２．３', '1 234', '++5', '累計累計5', '約　50', '5m2', '5㎥', '100%%', '±5'];
export const badTextArb: fc.Arbitrary<string> = fc.constantFrom(...BAD_TEXTS);

export const excelErrorArb: fc.Arbitrary<RawValue> = fc.constantFrom<RawValue>(
  { error: '#DIV/0!' }, { error: '#N/A' }, { error: '#REF!' }, { error: '#VALUE!' }, { error: '#NAME?' }, { error: '#SPILL!' }, { error: '' }, { error: 'weird' },
);

export const dateArb: fc.Arbitrary<Date> = fc.oneof(
  fc.constantFrom(new Date(NaN), new Date(8.64e15), new Date(-8.64e15), new Date(Date.UTC(1900, 0, 1)), new Date(Date.UTC(2021, 4, 1)), new Date(Date.UTC(2019, 2, 31))),
  fc.date({ noInvalidDate: false }),
);

const CONTROL = ['\u0000', '\u0007', '\b', '\n', '\r\n', '\t', '\u001f', '\u007f', '\u0085', '\u2028', '\u200b', '\ufeff', '\u00a0'];
const SURROGATES = ['\ud800', '\udfff', 'a\ud83d', '\ude00b'];
const EMOJI = ['😀', '👨‍👩‍👧', '1️⃣', '🔟', '🇯🇵', '⭐'];

/** strings nobody should type, but someone will */
export const weirdStringArb: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...CONTROL, ...SURROGATES, ...EMOJI, '\u3000', '　　', ' ', '', '※', '※注記', '==', '\u202e逆'),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.array(fc.constantFrom(...CONTROL, ...SURROGATES, ...EMOJI, '1', '2', ',', '.', '%', '人', '累計', '△', '０'), { maxLength: 8 }).map((a) => a.join('')),
  // very long strings
  fc.constantFrom('あ'.repeat(10_001), '1'.repeat(10_050), '1,000'.repeat(2_500), '累計' + '9'.repeat(12_000) + '人', ' '.repeat(10_000), '指標'.repeat(6_000)),
);

/** rich text runs joined, as adapters hand them over */
export const richTextArb: fc.Arbitrary<string> = fc
  .array(fc.constantFrom('累計', '45', '人', '1,6', '27', ' ', '件', '%', '約', '\u3000'), { minLength: 1, maxLength: 5 })
  .map((a) => a.join(''));

export const blankArb: fc.Arbitrary<RawValue> = fc.constantFrom<RawValue>(null, undefined, '', ' ', '\u3000', '—', '－', '-', '―');

/** any cell value at all */
export const anyCellArb: fc.Arbitrary<RawValue> = fc.oneof(
  { weight: 3, arbitrary: anyNumberArb },
  { weight: 3, arbitrary: numericTextArb },
  { weight: 2, arbitrary: badTextArb },
  { weight: 1, arbitrary: excelErrorArb },
  { weight: 1, arbitrary: dateArb },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: blankArb },
  { weight: 2, arbitrary: weirdStringArb },
  { weight: 1, arbitrary: richTextArb },
);

export const NUMBER_FORMATS = [null, undefined, 'General', '0.0%', '0%', '0.00%', '#,##0.0%', 'yyyy/m/d', 'm/d/yyyy', '[$-ja-JP]ggge"年"m"月"d"日"', '@', '#,##0', '0.0', '"%"0', '#,##0"人"', 'garbage[[', '', 'h:mm', '0.00E+00', '[Red]0.0%', '0.0\\%', 'd', '"年"0'];
export const numberFormatArb: fc.Arbitrary<string | null | undefined> = fc.constantFrom(...NUMBER_FORMATS);

// ───────────────────────────── settings ─────────────────────────────

export const settingsArb: fc.Arbitrary<Settings> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(DEFAULT_SETTINGS) },
  {
    weight: 1,
    arbitrary: fc
      .record({
        cap: fc.oneof(fc.constantFrom(100, 120, 150, 1, 0.5, 10000), fc.double({ min: 0.5, max: 10000, noNaN: true })),
        planStart: fc.integer({ min: 2010, max: 2024 }),
        len: fc.integer({ min: 0, max: 10 }),
        bands: fc.array(fc.double({ min: -10, max: 300, noNaN: true }), { minLength: 3, maxLength: 3 }),
        gradeCumulativeBy: fc.constantFrom<'pace' | 'achievement'>('pace', 'achievement'),
      })
      .map(({ cap, planStart, len, bands, gradeCumulativeBy }) => {
        const [C, B, A] = [...bands].sort((a, b) => a - b);
        return makeSettings({ cap, planStart, planEnd: planStart + len, grades: { A, B, C }, gradeCumulativeBy });
      }),
  },
);

// ───────────────────────────── headers ─────────────────────────────

export type KpiField =
  | 'goal' | 'measure' | 'project' | 'department' | 'indicator' | 'unit' | 'direction' | 'aggregation'
  | 'baselineYear' | 'baseline' | 'targetYear' | 'target' | 'notes'
  | 'kind' | 'basicDirection' | 'revision' | 'originalTarget' | 'inScope' | 'covidOverride';
export type KpiOutputKey = 'achievement' | 'progress' | 'pace' | 'grade' | 'gradeBasis' | 'covid';
export type PledgeField = 'policy' | 'pledge' | 'measure' | 'activity' | 'department' | 'rating';
export type PledgeOutputKey = 'measureProgress' | 'measureStars' | 'pledgeProgress' | 'policyProgress';

/** header aliases per SPEC section 2 (Japanese first, then English and other spellings) */
export const KPI_HEADER_ALIASES: Record<KpiField, string[]> = {
  goal: ['基本目標', 'goal', 'Goal', '基本目標番号'],
  measure: ['施策', 'measure', '施策番号', '施策No'],
  project: ['事業名', 'project', 'Project'],
  department: ['担当課', 'department', '担当部署', '所管課'],
  indicator: ['指標名', 'indicator', 'Indicator', 'KPI', 'KPI名'],
  unit: ['単位', 'unit'],
  direction: ['方向', 'direction', '方向性'],
  aggregation: ['集計', 'aggregation', '集計方法'],
  baselineYear: ['基準年度', 'baseline_year', 'Baseline year', '基準値年度'],
  baseline: ['基準値', 'baseline', 'Baseline'],
  targetYear: ['目標年度', 'target_year', 'Target Year'],
  target: ['目標値', 'target', 'TARGET'],
  notes: ['備考', 'notes', 'remarks'],
  kind: ['区分', 'kind', '指標区分'],
  basicDirection: ['基本的方向', 'basic_direction', '施策の基本的方向'],
  revision: ['変更区分', 'revision', '見直し区分'],
  originalTarget: ['変更前目標値', 'original_target', '当初目標値'],
  inScope: ['評価対象', 'in_scope', '集計対象'],
  covidOverride: ['コロナ判定', 'covid_override'],
};
export const KPI_OUTPUT_ALIASES: Record<KpiOutputKey, string[]> = {
  achievement: ['達成率', 'achievement'],
  progress: ['基準比進捗率', 'progress'],
  pace: ['計画比', 'pace'],
  grade: ['評価', 'grade'],
  gradeBasis: ['評価根拠', 'grade_basis'],
  covid: ['コロナ影響', 'covid'],
};
export const PLEDGE_HEADER_ALIASES: Record<PledgeField, string[]> = {
  policy: ['基本政策', 'policy', '政策'],
  pledge: ['公約', 'pledge', '公約内容'],
  measure: ['施策', 'measure', '施策内容'],
  activity: ['取組事業内容', 'activity', '取組内容', '事業内容'],
  department: ['担当部署', 'department', '担当課'],
  rating: ['評価', 'rating', '10段階評価', '評価(10段階)'],
};
export const PLEDGE_OUTPUT_ALIASES: Record<PledgeOutputKey, string[]> = {
  measureProgress: ['施策進捗', 'measure_progress'],
  measureStars: ['施策進捗(★)', '施策進捗★', 'measure_stars'],
  pledgeProgress: ['公約進捗', '公約進捗(%)', 'pledge_progress'],
  policyProgress: ['基本政策進捗', '基本政策進捗(%)', 'policy_progress'],
};

/** headers of unrelated columns: none of them is an alias of anything */
const EXTRA_HEADERS = ['メモ', '担当者名', 'URL', '通し番号', '確認欄', 'チェック', 'comment', '(空き)', '前回値'];
const TITLES: RawValue[] = ['第2期 苫小牧市総合戦略 KPI 進捗状況', '令和3年度 実績報告', '政策推進課 提出用', '※ 記入要領は別紙', 'Progress review (FY2021)', '(単位: 人、件)', 42, '2022/05/31 更新'];

/** decorations that SPEC says must not matter: spaces, full-width, case, note marks */
function decorate(alias: string, how: number): string {
  switch (how % 8) {
    case 7:
      // a line break typed with Alt+Enter inside the header cell
      return alias.length > 2 ? alias.slice(0, 2) + '\n' + alias.slice(2) : alias + '\n';
    case 1:
      return ` ${alias} `;
    case 2:
      return alias.length > 1 ? alias[0] + ' ' + alias.slice(1) : alias;
    case 3:
      return toFullWidth(alias);
    case 4:
      return alias.toUpperCase();
    case 5:
      return alias + '※';
    case 6:
      return '\u3000' + alias;
    default:
      return alias;
  }
}

export function aliasArb(aliases: string[]): fc.Arbitrary<string> {
  return fc.tuple(fc.constantFrom(...aliases), fc.nat(20)).map(([a, how]) => (how < 10 ? a : decorate(a, how)));
}

/** one fiscal year as a 実績 header, in every form the SPEC names; null when the form cannot express the year */
export function actualHeader(year: number, form: number): string | null {
  const r = year - 2018;
  const h = year - 1988;
  switch (form % 17) {
    case 0:
      return r >= 1 ? `実績R${r}` : null;
    case 1:
      return r >= 1 ? `実績(令和${r === 1 ? '元' : r}年度)` : h >= 1 ? `実績(平成${h === 1 ? '元' : h}年度)` : null;
    case 2:
      return `実績${year}`;
    case 3:
      return r >= 1 ? `R${r}実績` : null;
    case 4:
      return `FY${year} actual`;
    case 5:
      return h >= 1 && h <= 31 ? `H${h}実績` : null;
    case 6:
      return h >= 1 && h <= 31 ? `実績(平成${h}年度)` : null;
    case 7:
      return r >= 1 ? `実績（令和${kanjiNumber(r)}年度）` : null;
    case 8:
      return `実績値${year}年度`;
    case 9:
      return r >= 1 ? `実績 Ｒ${r}` : null;
    case 10:
      return `FY${year} Actual`;
    case 11:
      return r >= 1 ? `実績【R${r}】` : null;
    case 12:
      return `${year}年度実績`;
    case 14:
      return r >= 1 ? `令和${r === 1 ? '元' : r}年度実績` : `平成${h}年度実績`;
    case 15:
      return r >= 1 ? `実績\n（R${r}）` : `実績\n(${year})`;
    default:
      return r === 1 ? '実績(令和元年度)' : `actual ${year}`;
  }
}

/** the lower cell of a two-row 実績 header (Excel stores a typed 2021 as the number 2021) */
export function subRowYear(year: number, form: number): string | number {
  const r = year - 2018;
  const h = year - 1988;
  switch (form % 7) {
    case 6:
      return year;
    case 0:
      return r >= 1 ? `R${r}` : `H${h}`;
    case 1:
      return r >= 1 ? `令和${r === 1 ? '元' : r}年度` : `平成${h}年度`;
    case 2:
      return String(year);
    case 3:
      return `FY${year}`;
    case 4:
      return `${year}年度`;
    default:
      return r >= 1 ? `Ｒ${r}` : `Ｈ${h}`;
  }
}

// ───────────────────────────── typed cells (clean) ─────────────────────────────

/** a raw cell and what the engine must read from it */
export interface Cell<T> {
  raw: RawValue;
  fmt?: string;
  value: T;
}
export interface NumCell extends Cell<number | null> {
  /** written with 累計 */
  marked: boolean;
}

function cell<T>(raw: RawValue, value: T, fmt?: string): Cell<T> {
  return fmt === undefined ? { raw, value } : { raw, value, fmt };
}

export const UNIT_POOL = ['人', '件', '%', '回', '社', '千円', '千t', '万人', 'm²', '㎡', '', '', '件/年', 'kWh'];

const blankNumArb: fc.Arbitrary<NumCell> = fc
  .constantFrom<RawValue>(null, undefined, '', '—', '－', '-', '―', '  ', '\u3000')
  .map((raw) => ({ raw, value: null, marked: false }));

/** a realistic value: integers, one decimal, negatives, zero */
export const realisticValueArb: fc.Arbitrary<number> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 50_000 }) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 10_000 }).map((k) => k / 10) },
  { weight: 1, arbitrary: fc.integer({ min: -500, max: -1 }) },
  { weight: 1, arbitrary: fc.constant(0) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000_000, max: 999_999_999 }) },
);

/** a numeric cell holding n, written in one of the SPEC forms (valid for a row whose 単位 is unit) */
export function renderNumber(n: number, form: number, unit: string): NumCell {
  const comma = enUS(n);
  const abs = enUS(Math.abs(n));
  const u = unit === '' ? '件' : unit;
  switch (form % 15) {
    case 14:
      // as the documents print it: 100%（6隊）, the detail in brackets
      return { raw: `${comma}${unit}（${abs}件中）`, value: n, marked: false };
    case 13:
      // full-width digits with the unit, as pasted from a Japanese document: １２０㎡
      return { raw: toFullWidth(comma) + u, value: n, marked: false };
    case 0:
      return { raw: n, value: n, marked: false };
    case 1:
      return { raw: String(n), value: n, marked: false };
    case 2:
      return { raw: comma, value: n, marked: false };
    case 3:
      return { raw: toFullWidth(comma), value: n, marked: false };
    case 4:
      return { raw: `累計${comma}${unit}`, value: n, marked: true };
    case 5:
      return { raw: comma + u, value: n, marked: false };
    case 6:
      return { raw: `${comma} ${u}`, value: n, marked: false };
    case 7:
      return n < 0 ? { raw: '△' + abs, value: n, marked: false } : { raw: comma, value: n, marked: false };
    case 8:
      return { raw: `${comma}%`, value: n, marked: false };
    case 9:
      // 0.939 shown as 93.9%
      return { raw: n / 100, fmt: '0.0%', value: (n / 100) * 100, marked: false };
    case 10:
      return { raw: ` ${comma} `, value: n, marked: false };
    case 11:
      return n < 0 ? { raw: '▲' + abs, value: n, marked: false } : { raw: `累計 ${comma}`, value: n, marked: true };
    default:
      return { raw: n, fmt: '#,##0', value: n, marked: false };
  }
}

export function numCellArb(unit: string): fc.Arbitrary<NumCell> {
  return fc.oneof(
    { weight: 1, arbitrary: blankNumArb },
    { weight: 4, arbitrary: fc.tuple(realisticValueArb, fc.nat(14)).map(([n, f]) => renderNumber(n, f, unit)) },
  );
}

export const goalCellArb: fc.Arbitrary<Cell<number | null>> = fc.oneof(
  fc.constantFrom(cell<number | null>(null, null), cell<number | null>('', null)),
  fc.tuple(fc.integer({ min: 1, max: 4 }), fc.nat(7)).map(([n, f]) => {
    const forms: RawValue[] = [n, String(n), circled(n), `基本目標${n}`, `目標${n}`, `Goal ${n}`, `基本目標${circled(n)}`, `${circled(n)} まちの活力`];
    return cell<number | null>(forms[f], n);
  }),
);

export const measureCellArb: fc.Arbitrary<Cell<number | null>> = fc.oneof(
  fc.constantFrom(cell<number | null>(null, null)),
  fc.tuple(fc.integer({ min: 1, max: 19 }), fc.nat(5)).map(([n, f]) => {
    const forms: RawValue[] = [n, String(n), circled(n), `施策${circled(n)}`, `施策${n}`, `measure ${n}`];
    return cell<number | null>(forms[f], n);
  }),
);

export const directionCellArb: fc.Arbitrary<Cell<'up' | 'down'>> = fc.constantFrom(
  cell<'up' | 'down'>('増加', 'up'), cell<'up' | 'down'>('減少', 'down'), cell<'up' | 'down'>('up', 'up'), cell<'up' | 'down'>('Down', 'down'),
  cell<'up' | 'down'>('増', 'up'), cell<'up' | 'down'>('↓', 'down'), cell<'up' | 'down'>(null, 'up'), cell<'up' | 'down'>('', 'up'), cell<'up' | 'down'>(' 減少 ', 'down'),
  cell<'up' | 'down'>('ｄｏｗｎ', 'down'),
);

export const aggregationCellArb: fc.Arbitrary<Cell<'single' | 'cumulative' | undefined>> = fc.constantFrom(
  cell<'single' | 'cumulative' | undefined>('単年', 'single'), cell<'single' | 'cumulative' | undefined>('累計', 'cumulative'),
  cell<'single' | 'cumulative' | undefined>('cumulative', 'cumulative'), cell<'single' | 'cumulative' | undefined>('Single', 'single'),
  cell<'single' | 'cumulative' | undefined>(null, undefined), cell<'single' | 'cumulative' | undefined>('', undefined),
  cell<'single' | 'cumulative' | undefined>('単年度', 'single'), cell<'single' | 'cumulative' | undefined>('running total', 'cumulative'),
);

export const yearCellArb: fc.Arbitrary<Cell<number | null>> = fc.constantFrom(
  cell<number | null>(2018, 2018), cell<number | null>('H30', 2018), cell<number | null>('平成30年度', 2018), cell<number | null>('R3', 2021),
  cell<number | null>('令和元年度', 2019), cell<number | null>('FY2019', 2019), cell<number | null>('2019年度', 2019), cell<number | null>(null, null),
  cell<number | null>('—', null), cell<number | null>(new Date(Date.UTC(2018, 5, 1)), 2018), cell<number | null>(new Date(Date.UTC(2019, 1, 1)), 2018),
  cell<number | null>('令和三年度', 2021), cell<number | null>('Ｒ６', 2024), cell<number | null>('R6', 2024), cell<number | null>(2024, 2024),
);

const INDICATORS = ['新規雇用創出数', '相談件数', '待機児童数', 'プレールーム利用数', '観光入込客数', '産婦健康診査受診率', 'Visitors', '指標'];
export const indicatorCellArb: fc.Arbitrary<Cell<string>> = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(fc.constantFrom(...INDICATORS), fc.nat(30)).map(([s, i]) => cell(i % 3 === 0 ? s : `${s}${i}`, i % 3 === 0 ? s : `${s}${i}`)) },
  { weight: 1, arbitrary: fc.constantFrom(cell<string>(' 前後に空白　', '前後に空白'), cell<string>(123, '123'), cell<string>('指標😀', '指標😀'), cell<string>('あ'.repeat(10_001), 'あ'.repeat(10_001)), cell<string>('\u200b見えない', '\u200b見えない')) },
);

/** 区分: KPI or 数値目標; blank takes the sheet's kind (数値目標 on a sheet so named) */
export const kindCellArb: fc.Arbitrary<Cell<'kpi' | 'goalTarget' | undefined>> = fc.constantFrom(
  cell<'kpi' | 'goalTarget' | undefined>(null, undefined), cell<'kpi' | 'goalTarget' | undefined>('', undefined), cell<'kpi' | 'goalTarget' | undefined>('KPI', 'kpi'),
  cell<'kpi' | 'goalTarget' | undefined>('ＫＰＩ', 'kpi'), cell<'kpi' | 'goalTarget' | undefined>('数値目標', 'goalTarget'), cell<'kpi' | 'goalTarget' | undefined>('goal target', 'goalTarget'),
);

/** 基本的方向: a goal and a number, with or without its title, or blank */
export const basicDirectionCellArb: fc.Arbitrary<Cell<{ code: string; goal: number } | null>> = fc.oneof(
  fc.constantFrom(cell<{ code: string; goal: number } | null>(null, null), cell<{ code: string; goal: number } | null>('', null)),
  fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 5 }), fc.nat(4)).map(([g, n, f]) => {
    const forms: RawValue[] = [`${g}-${n}`, `${g}-${n} 若者の雇用機会の確保`, toFullWidth(`${g}-${n}`), `基本的方向${g}-${n}`, `${g}－${n}　創業支援`];
    return cell<{ code: string; goal: number } | null>(forms[f], { code: `${g}-${n}`, goal: g });
  }),
);

export const revisionCellArb: fc.Arbitrary<Cell<string[]>> = fc.constantFrom(
  cell<string[]>(null, []), cell<string[]>(null, []), cell<string[]>('KPI変更', ['KPI変更']), cell<string[]>('事業内容変更・KPI変更', ['事業内容変更', 'KPI変更']),
  cell<string[]>('新規事業', ['新規事業']), cell<string[]>('取組終了', ['取組終了']), cell<string[]>('ｋｐｉ変更、新規施策', ['KPI変更', '新規施策']), cell<string[]>('数値目標変更', ['数値目標変更']),
);

export const inScopeCellArb: fc.Arbitrary<Cell<boolean>> = fc.constantFrom(
  cell(null, false), cell(null, false), cell('対象', false), cell('対象外', true), cell(' 対象外 ', true), cell('除外', true), cell('', false),
);

export const covidOverrideCellArb: fc.Arbitrary<Cell<'suspended' | 'none' | null>> = fc.constantFrom(
  cell<'suspended' | 'none' | null>(null, null), cell<'suspended' | 'none' | null>(null, null), cell<'suspended' | 'none' | null>('中止', 'suspended'),
  cell<'suspended' | 'none' | null>('影響なし', 'none'), cell<'suspended' | 'none' | null>('コロナ中止', 'suspended'), cell<'suspended' | 'none' | null>('', null),
);

const NOTES_POOL: RawValue[] = ['', null, '新型コロナウイルス感染症の影響で事業が中止となった', 'イベントを縮小して開催', 'COVID-19 のためオンライン開催', '速報値', '目標見直し (R4)'];

// ───────────────────────────── KPI sheet spec ─────────────────────────────

export type KpiColumn =
  | { kind: 'field'; field: KpiField; header: string }
  | { kind: 'actual'; year: number; header: string; sub?: string | number }
  | { kind: 'output'; key: KpiOutputKey; header: string }
  | { kind: 'extra'; header: RawValue }
  | { kind: 'gap' }
  | { kind: 'yearless'; header: string };

export interface KpiRowSpec {
  kind: 'kpi' | 'blank' | 'note' | 'heading' | 'orphan' | 'empty';
  unit: string;
  goal: Cell<number | null>;
  measure: Cell<number | null>;
  project: RawValue;
  department: RawValue;
  indicator: Cell<string>;
  direction: Cell<'up' | 'down'>;
  aggregation: Cell<'single' | 'cumulative' | undefined>;
  baselineYear: Cell<number | null>;
  targetYear: Cell<number | null>;
  baseline: NumCell;
  target: NumCell;
  actuals: NumCell[];
  notes: RawValue;
  kindCell: Cell<'kpi' | 'goalTarget' | undefined>;
  basicDirection: Cell<{ code: string; goal: number } | null>;
  revision: Cell<string[]>;
  originalTarget: NumCell;
  inScope: Cell<boolean>;
  covidOverride: Cell<'suspended' | 'none' | null>;
  outputs: RawValue[];
  extras: RawValue[];
  trailing: RawValue[];
  shape: 'full' | 'ragged' | 'sparse';
}

export interface Dirt {
  row: number;
  col: number;
  value: RawValue;
  fmt?: string | null;
}

export interface KpiSheetSpec {
  kind: 'kpi';
  name: string;
  top: number;
  left: number;
  /** rows between the top of the used range and the header */
  headerAt: number;
  titles: RawValue[][];
  titleMerge: boolean;
  columns: KpiColumn[];
  twoRow: boolean;
  /** vertically merge the other header cells over the two header rows */
  subRowMerges: boolean;
  mergeGoals: boolean;
  baselineHeaderYear: number | null;
  targetHeaderYear: number | null;
  rows: KpiRowSpec[];
  /** anything-goes cells written over the clean ones */
  dirt: Dirt[];
  randomMerges: CellRect[];
  randomFormats: boolean;
  formatSeed: number[];
  clean: boolean;
}

const FIELD_ORDER: KpiField[] = [
  'goal', 'measure', 'project', 'department', 'indicator', 'unit', 'direction', 'aggregation', 'baselineYear', 'baseline', 'targetYear', 'target', 'notes',
  'kind', 'basicDirection', 'revision', 'originalTarget', 'inScope', 'covidOverride',
];
const OUTPUT_ORDER: KpiOutputKey[] = ['achievement', 'progress', 'pace', 'grade', 'gradeBasis', 'covid'];

function kpiRowArb(dirty: boolean): fc.Arbitrary<KpiRowSpec> {
  return fc.constantFrom(...UNIT_POOL).chain((unit) =>
    fc.record({
      kind: fc.constantFrom<KpiRowSpec['kind']>('kpi', 'kpi', 'kpi', 'kpi', 'kpi', 'kpi', 'blank', 'note', 'heading', 'empty', ...(dirty ? (['orphan'] as const) : [])),
      unit: fc.constant(unit),
      goal: goalCellArb,
      measure: measureCellArb,
      project: fc.constantFrom<RawValue>('事業A', '事業B', '', null, '地元企業と学生との“つながり”事業'),
      department: fc.constantFrom<RawValue>('政策推進課', '産業振興課、観光振興課', null),
      indicator: indicatorCellArb,
      direction: directionCellArb,
      aggregation: aggregationCellArb,
      baselineYear: yearCellArb,
      targetYear: yearCellArb,
      baseline: numCellArb(unit),
      target: numCellArb(unit),
      actuals: fc.array(numCellArb(unit), { minLength: 6, maxLength: 6 }),
      notes: fc.constantFrom(...NOTES_POOL),
      kindCell: kindCellArb,
      basicDirection: basicDirectionCellArb,
      revision: revisionCellArb,
      originalTarget: numCellArb(unit),
      inScope: inScopeCellArb,
      covidOverride: covidOverrideCellArb,
      outputs: fc.array(fc.constantFrom<RawValue>(0.5, 'A', 'コロナ中止', null, '—', 1.2, '要確認', '計画比'), { minLength: 6, maxLength: 6 }),
      extras: fc.array(dirty ? anyCellArb : fc.constantFrom<RawValue>(null, 'メモ', 'ok', 3, '約50', '#DIV/0!'), { minLength: 6, maxLength: 6 }),
      trailing: fc.oneof({ weight: 5, arbitrary: fc.constant<RawValue[]>([]) }, { weight: 1, arbitrary: fc.array(dirty ? anyCellArb : fc.constantFrom<RawValue>(null, '欄外メモ', 7), { maxLength: 4 }) }),
      shape: fc.constantFrom<KpiRowSpec['shape']>('full', 'full', 'ragged', 'sparse'),
    }),
  );
}

/** a random rectangle near (or far from) the table, overlapping, single-cell, or huge */
export function mergeArb(top: number, left: number, height: number, width: number): fc.Arbitrary<CellRect> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.record({ t: fc.integer({ min: Math.max(0, top - 1), max: top + height + 1 }), l: fc.integer({ min: Math.max(0, left - 1), max: left + width + 1 }), h: fc.nat(4), w: fc.nat(4) }).map(({ t, l, h, w }) => ({ top: t, left: l, bottom: t + h, right: l + w })) },
    { weight: 1, arbitrary: fc.constantFrom<CellRect>({ top: 0, left: 0, bottom: EXCEL_MAX_ROW, right: EXCEL_MAX_COL }, { top: 0, left: 0, bottom: 3000, right: 3000 }, { top: top, left: left, bottom: top, right: left }) },
    { weight: 1, arbitrary: fc.record({ t: fc.nat(20), l: fc.nat(20) }).map(({ t, l }) => ({ top: t, left: l, bottom: t + 2000, right: l })) },
    { weight: 1, arbitrary: fc.record({ l: fc.nat(20) }).map(({ l }) => ({ top: 0, left: l, bottom: EXCEL_MAX_ROW, right: l + 2 })) },
  );
}

export interface KpiSheetOptions {
  /** add anything-goes cells, header duplicates, random merges and number formats */
  dirty?: boolean;
  /** let the header sit at row 11 (not a review sheet) sometimes */
  allowLateHeader?: boolean;
}

export function kpiSheetSpecArb(opts: KpiSheetOptions = {}): fc.Arbitrary<KpiSheetSpec> {
  const dirty = opts.dirty ?? false;
  const layoutArb = fc.record({
    top: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.constant(2) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 6 }) }, { weight: opts.allowLateHeader ? 1 : 0, arbitrary: fc.constant(12) }),
    left: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.constant(2) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 30 }) }),
    headerAtRaw: fc.nat(9),
    late: opts.allowLateHeader ? fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }) : fc.constant(false),
    fields: fc.subarray(FIELD_ORDER.filter((f) => f !== 'indicator' && f !== 'target')),
    fieldHeaders: fc.array(fc.tuple(fc.nat(100), fc.nat(20)), { minLength: FIELD_ORDER.length, maxLength: FIELD_ORDER.length }),
    years: fc.uniqueArray(fc.integer({ min: 2015, max: 2026 }), { minLength: 1, maxLength: 4 }),
    yearForms: fc.array(fc.nat(40), { minLength: 4, maxLength: 4 }),
    outputs: fc.subarray(OUTPUT_ORDER),
    outputHeaders: fc.array(fc.nat(3), { minLength: OUTPUT_ORDER.length, maxLength: OUTPUT_ORDER.length }),
    extras: fc.array(fc.constantFrom<KpiColumn>(...EXTRA_HEADERS.map((h) => ({ kind: 'extra' as const, header: h })), { kind: 'gap' }), { maxLength: 3 }),
    order: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 30, maxLength: 30 }),
    twoRow: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    subRowMerges: fc.boolean(),
    mergeGoals: fc.boolean(),
    baselineHeaderYear: fc.constantFrom<number | null>(null, null, 2018, 2019),
    targetHeaderYear: fc.constantFrom<number | null>(null, null, 2024),
    titleCells: fc.array(fc.array(fc.constantFrom(...TITLES, null), { maxLength: 2 }), { minLength: 10, maxLength: 10 }),
    titleMerge: fc.boolean(),
    name: fc.constantFrom('政策推進課', '産業振興課', 'Sheet1', 'こども家庭課 (R3)', "O'Brien's", '健康づくり課', '数値目標'),
  });
  const dirtyArb = dirty
    ? fc.record({
        dirt: fc.array(fc.record({ row: fc.nat(40), col: fc.nat(40), value: anyCellArb, fmt: fc.option(numberFormatArb, { nil: undefined }) }), { maxLength: 8 }),
        headerDirt: fc.array(
          fc.oneof(
            fc.constantFrom(...FIELD_ORDER).chain((f) => aliasArb(KPI_HEADER_ALIASES[f]).map((h): KpiColumn => ({ kind: 'field', field: f, header: h }))),
            fc.constantFrom<KpiColumn>({ kind: 'yearless', header: '実績' }, { kind: 'yearless', header: 'R2-R3実績' }, { kind: 'yearless', header: 'actual' }, { kind: 'actual', year: 2021, header: '実績R3' }, { kind: 'output', key: 'grade', header: '評価' }),
          ),
          { maxLength: 2 },
        ),
        mergeCount: fc.nat(3),
        mergeSeeds: fc.array(fc.tuple(fc.nat(100), fc.nat(100), fc.nat(4), fc.nat(4), fc.nat(20)), { minLength: 3, maxLength: 3 }),
        randomFormats: fc.boolean(),
        formatSeed: fc.array(fc.nat(NUMBER_FORMATS.length * 3), { minLength: 7, maxLength: 7 }),
      })
    : fc.constant({ dirt: [] as Dirt[], headerDirt: [] as KpiColumn[], mergeCount: 0, mergeSeeds: [] as [number, number, number, number, number][], randomFormats: false, formatSeed: [] as number[] });

  return fc.tuple(layoutArb, fc.array(kpiRowArb(dirty), { maxLength: 16 }), dirtyArb).map(([L, rows, D]): KpiSheetSpec => {
    const fields: KpiField[] = ['indicator', 'target', ...L.fields];
    const cols: KpiColumn[] = fields.map((f) => {
      const [ai, how] = L.fieldHeaders[FIELD_ORDER.indexOf(f)];
      const aliases = KPI_HEADER_ALIASES[f];
      let header = decorate(aliases[ai % aliases.length], how < 14 ? 0 : how);
      if (f === 'baseline' && L.baselineHeaderYear !== null) header = `基準値（${L.baselineHeaderYear === 2018 ? '平成30年度' : 'R1'}）`;
      if (f === 'target' && L.targetHeaderYear !== null) header = '目標値(R6)';
      return { kind: 'field', field: f, header };
    });
    const actuals: KpiColumn[] = [];
    L.years.forEach((y, i) => {
      if (L.twoRow) {
        // 実績 over R2 | R3: one merged cell, or the word repeated over every year
        const word = ['実績', '実績値', 'actual', 'Actual'][L.yearForms[1] % 4];
        const repeated = L.yearForms[0] % 3 === 0;
        actuals.push({ kind: 'actual', year: y, header: i === 0 || repeated ? word : '', sub: subRowYear(y, L.yearForms[i]) });
        return;
      }
      let h: string | null = null;
      for (let k = 0; h === null; k++) h = actualHeader(y, L.yearForms[i] + k);
      actuals.push({ kind: 'actual', year: y, header: h });
    });
    const outs: KpiColumn[] = L.outputs.map((k) => ({ kind: 'output', key: k, header: KPI_OUTPUT_ALIASES[k][L.outputHeaders[OUTPUT_ORDER.indexOf(k)] % 2] }));
    // random column order; a two-row 実績 block stays together under its merged cell
    const units: KpiColumn[][] = [...cols.map((c) => [c]), ...(L.twoRow ? [actuals] : actuals.map((a) => [a])), ...outs.map((c) => [c]), ...L.extras.map((c) => [c]), ...D.headerDirt.map((c) => [c])];
    const columns = orderBy(units, L.order).flat();
    const top = L.top;
    const headerAt = L.late ? Math.max(0, 10 - top) : Math.min(L.headerAtRaw, Math.max(0, 9 - top));
    const randomMerges: CellRect[] = [];
    for (let i = 0; i < D.mergeCount; i++) {
      const [a, b, h, w, kind] = D.mergeSeeds[i];
      const height = headerAt + rows.length + 3;
      if (kind === 0) randomMerges.push({ top: 0, left: 0, bottom: EXCEL_MAX_ROW, right: EXCEL_MAX_COL });
      else if (kind === 1) randomMerges.push({ top: top + (a % height), left: L.left, bottom: top + (a % height) + 2000, right: L.left });
      else if (kind === 2 && randomMerges.length) randomMerges.push({ ...randomMerges[0] });
      else {
        const t = top + (a % height);
        const l = L.left + (b % (columns.length + 2));
        randomMerges.push({ top: t, left: l, bottom: t + h, right: l + w });
      }
    }
    return {
      kind: 'kpi',
      name: L.name,
      top,
      left: L.left,
      headerAt,
      titles: L.titleCells.slice(0, headerAt),
      titleMerge: L.titleMerge,
      columns,
      twoRow: L.twoRow,
      subRowMerges: L.subRowMerges,
      mergeGoals: L.mergeGoals,
      baselineHeaderYear: fields.includes('baseline') ? L.baselineHeaderYear : null,
      targetHeaderYear: L.targetHeaderYear,
      rows,
      dirt: D.dirt,
      randomMerges,
      randomFormats: D.randomFormats,
      formatSeed: D.formatSeed,
      clean: !dirty,
    };
  });
}

// ───────────────────────────── KPI sheet rendering + model ─────────────────────────────

export interface ExpectedKpiRow {
  row: number;
  kind: 'kpi' | 'goalTarget';
  indicator: string;
  goal: number | null;
  basicDirection: string | null;
  department: string;
  revisionKinds: string[];
  originalTarget: number | null;
  excluded: boolean;
  covidOverride: 'suspended' | 'none' | null;
  measure: number | null;
  direction: 'up' | 'down';
  aggregation: 'single' | 'cumulative';
  baselineYear: number | null;
  targetYear: number | null;
  baseline: number | null;
  target: number | null;
  actuals: { year: number; value: number }[];
  notes: string;
}

export interface SheetModel {
  kind: 'kpi' | 'pledge' | 'noise' | 'bench';
  name: string;
  /** the header row the engine must find; null = must not be a review sheet */
  headerRow: number | null;
  firstDataRow: number | null;
  /** clean sheets: the engine must read exactly this and report no error */
  clean: boolean;
  kpis?: ExpectedKpiRow[];
  activities?: ExpectedActivity[];
  /** output columns the department's table already has */
  existingOutputs: Record<string, number>;
}

export interface RenderedSheet {
  sheet: RawSheet;
  model: SheetModel;
}

function textOf(v: RawValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  return String(v).trim();
}

/** shapes a row array: ragged rows lose their trailing blanks, sparse rows get holes */
function shapeRow(line: RawValue[], shape: KpiRowSpec['shape']): RawValue[] {
  if (shape === 'ragged') {
    let n = line.length;
    while (n > 0 && (line[n - 1] === null || line[n - 1] === undefined)) n--;
    return line.slice(0, n);
  }
  if (shape === 'sparse') {
    const out: RawValue[] = [];
    line.forEach((v, i) => {
      if (v !== null && v !== undefined) out[i] = v;
    });
    return out;
  }
  return line;
}

export function renderKpiSheet(spec: KpiSheetSpec): RenderedSheet {
  const { top, left, columns } = spec;
  const headerRow = top + spec.headerAt;
  const firstDataRow = headerRow + (spec.twoRow ? 2 : 1);
  const values: RawValue[][] = [];
  const formats: (string | null | undefined)[][] = [];
  const merges: CellRect[] = [];
  const setFmt = (r: number, c: number, f: string | null | undefined) => {
    const ri = r - top;
    while (formats.length <= ri) formats.push([]);
    formats[ri][c - left] = f;
  };
  // titles
  spec.titles.forEach((t, i) => {
    values.push(t.slice());
    if (spec.titleMerge && t.length === 1 && i === 0) merges.push({ top: top + i, left, bottom: top + i, right: left + 3 });
  });
  // header (and sub-row)
  const header: RawValue[] = columns.map((c) => (c.kind === 'gap' ? null : c.kind === 'extra' ? c.header : c.header));
  values.push(header);
  const actualCols = columns.map((c, i) => ({ c, i })).filter((x) => x.c.kind === 'actual');
  if (spec.twoRow) {
    const sub: RawValue[] = columns.map((c) => (c.kind === 'actual' ? c.sub ?? null : null));
    values.push(sub);
    if (actualCols.length > 1 && actualCols.every((a, j) => j === 0 || (a.c as { header: string }).header === '')) merges.push({ top: headerRow, left: left + actualCols[0].i, bottom: headerRow, right: left + actualCols[actualCols.length - 1].i });
    if (spec.subRowMerges) {
      columns.forEach((c, i) => {
        if (c.kind !== 'actual' && c.kind !== 'gap') merges.push({ top: headerRow, left: left + i, bottom: headerRow + 1, right: left + i });
      });
    }
  }
  const colOf = (f: KpiField) => {
    const i = columns.findIndex((c) => c.kind === 'field' && c.field === f);
    return i < 0 ? undefined : i;
  };
  const existingOutputs: Record<string, number> = {};
  columns.forEach((c, i) => {
    if (c.kind === 'output') existingOutputs[c.key] = left + i;
  });
  // the actual columns in the order of the layout's years (index into row.actuals)
  const actualIndex = new Map<number, number>();
  let k = 0;
  columns.forEach((c, i) => {
    if (c.kind === 'actual') actualIndex.set(i, k++);
  });

  const expected: ExpectedKpiRow[] = [];
  const goalCol = colOf('goal');
  let run: { start: number; end: number; value: number } | null = null;
  const closeRun = () => {
    if (run && run.end > run.start && goalCol !== undefined) merges.push({ top: run.start, left: left + goalCol, bottom: run.end, right: left + goalCol });
    run = null;
  };
  spec.rows.forEach((row, ri) => {
    const r = firstDataRow + ri;
    const line: RawValue[] = new Array(columns.length).fill(null);
    let extraIdx = 0;
    const isKpi = row.kind === 'kpi';
    columns.forEach((c, i) => {
      let v: RawValue = null;
      let fmt: string | undefined;
      if (c.kind === 'field' && (isKpi || row.kind === 'orphan')) {
        const f = c.field;
        switch (f) {
          case 'goal':
            v = row.goal.raw;
            break;
          case 'measure':
            v = row.measure.raw;
            break;
          case 'project':
            v = row.project;
            break;
          case 'department':
            v = row.department;
            break;
          case 'indicator':
            v = isKpi ? row.indicator.raw : null;
            break;
          case 'unit':
            v = row.unit;
            break;
          case 'direction':
            v = row.direction.raw;
            break;
          case 'aggregation':
            v = row.aggregation.raw;
            break;
          case 'baselineYear':
            v = row.baselineYear.raw;
            break;
          case 'targetYear':
            v = row.targetYear.raw;
            break;
          case 'baseline':
            v = row.baseline.raw;
            fmt = row.baseline.fmt;
            break;
          case 'target':
            v = row.kind === 'orphan' ? 5 : row.target.raw;
            fmt = row.kind === 'orphan' ? undefined : row.target.fmt;
            break;
          case 'notes':
            v = row.notes;
            break;
          case 'kind':
            v = row.kindCell.raw;
            break;
          case 'basicDirection':
            v = row.basicDirection.raw;
            break;
          case 'revision':
            v = row.revision.raw;
            break;
          case 'originalTarget':
            v = row.originalTarget.raw;
            fmt = row.originalTarget.fmt;
            break;
          case 'inScope':
            v = row.inScope.raw;
            break;
          case 'covidOverride':
            v = row.covidOverride.raw;
            break;
        }
      } else if (c.kind === 'field' && row.kind === 'note' && c.field === 'indicator') {
        v = '※ 実績値は速報値';
      } else if (c.kind === 'field' && row.kind === 'heading' && c.field === 'project') {
        v = '基本目標1 地元企業と学生との“つながり”';
      } else if (c.kind === 'actual' && isKpi) {
        const a = row.actuals[actualIndex.get(i)!];
        v = a.raw;
        fmt = a.fmt;
      } else if (c.kind === 'output' && isKpi) {
        v = row.outputs[OUTPUT_ORDER.indexOf(c.key)];
        if (typeof v === 'number') fmt = '0.0%';
      } else if ((c.kind === 'extra' || c.kind === 'gap') && row.kind !== 'empty') {
        v = row.extras[extraIdx++ % row.extras.length];
      }
      line[i] = v;
      if (fmt !== undefined) setFmt(r, left + i, fmt);
    });
    if (row.kind !== 'empty') for (const t of row.trailing) line.push(t);
    // vertical merges of the goal cell over consecutive KPI rows with the same goal
    if (spec.mergeGoals && goalCol !== undefined) {
      const cur = run as { start: number; end: number; value: number } | null;
      if (isKpi && row.goal.value !== null && cur && cur.end === r - 1 && cur.value === row.goal.value) {
        line[goalCol] = null;
        cur.end = r;
      } else {
        closeRun();
        if (isKpi && row.goal.value !== null) run = { start: r, end: r, value: row.goal.value };
      }
    }
    values.push(row.kind === 'empty' ? [] : shapeRow(line, row.shape));

    if (isKpi) {
      const ind = textOf(row.indicator.raw);
      if (ind !== '' && ind.charCodeAt(0) !== 0x203b) {
        const has = (f: KpiField) => colOf(f) !== undefined;
        const numericMarked = (has('baseline') && row.baseline.value !== null && row.baseline.marked) || (row.target.value !== null && row.target.marked) || (has('originalTarget') && row.originalTarget.value !== null && row.originalTarget.marked) || actualCols.some(({ i }) => {
          const a = row.actuals[actualIndex.get(i)!];
          return a.value !== null && a.marked;
        });
        const aggCell = has('aggregation') ? row.aggregation.value : undefined;
        const acts = actualCols
          .map(({ c, i }) => ({ year: (c as { year: number }).year, value: row.actuals[actualIndex.get(i)!].value }))
          .filter((a): a is { year: number; value: number } => a.value !== null)
          .sort((a, b) => a.year - b.year);
        const direction = has('basicDirection') ? row.basicDirection.value : null;
        const writtenGoal = has('goal') ? row.goal.value : null;
        expected.push({
          row: r,
          kind: (has('kind') ? row.kindCell.value : undefined) ?? (/数値目標/.test(spec.name) ? 'goalTarget' : 'kpi'),
          indicator: ind,
          // a blank 基本目標 is the goal its 基本的方向 names
          goal: writtenGoal ?? direction?.goal ?? null,
          basicDirection: direction?.code ?? null,
          department: has('department') ? textOf(row.department) : '',
          revisionKinds: has('revision') ? row.revision.value : [],
          originalTarget: has('originalTarget') ? row.originalTarget.value : null,
          excluded: has('inScope') ? row.inScope.value : false,
          covidOverride: has('covidOverride') ? row.covidOverride.value : null,
          measure: has('measure') ? row.measure.value : null,
          direction: has('direction') ? row.direction.value : 'up',
          aggregation: aggCell ?? (numericMarked ? 'cumulative' : 'single'),
          baselineYear: (has('baselineYear') ? row.baselineYear.value : null) ?? spec.baselineHeaderYear,
          targetYear: (has('targetYear') ? row.targetYear.value : null) ?? (spec.targetHeaderYear),
          baseline: has('baseline') ? row.baseline.value : null,
          target: row.target.value,
          actuals: acts,
          notes: has('notes') ? textOf(row.notes) : '',
        });
      }
    }
  });
  closeRun();

  // dirt: anything anywhere in the table
  const height = values.length;
  for (const d of spec.dirt) {
    const ri = d.row % Math.max(1, height);
    const ci = d.col % (columns.length + 3);
    const line = values[ri] ?? (values[ri] = []);
    line[ci] = d.value;
    if (d.fmt !== undefined) setFmt(top + ri, left + ci, d.fmt);
  }
  if (spec.randomFormats) {
    spec.formatSeed.forEach((s, i) => {
      const ri = (s * 7 + i) % Math.max(1, height);
      const ci = (s + i * 3) % (columns.length + 1);
      setFmt(top + ri, left + ci, NUMBER_FORMATS[s % NUMBER_FORMATS.length]);
    });
  }
  const sheet: RawSheet = { name: spec.name, top, left, values };
  const allMerges = [...merges, ...spec.randomMerges];
  if (allMerges.length) sheet.merges = allMerges;
  if (formats.length) sheet.numberFormats = formats;
  const detectable = headerRow <= 9;
  return {
    sheet,
    model: {
      kind: 'kpi',
      name: spec.name,
      headerRow: detectable ? headerRow : null,
      firstDataRow: detectable ? firstDataRow : null,
      clean: spec.clean && detectable,
      kpis: expected,
      existingOutputs,
    },
  };
}

// ───────────────────────────── pledge sheets ─────────────────────────────

export interface ExpectedActivity {
  row: number;
  policy: number;
  pledge: number;
  measure: number;
  rating: number;
}

export interface PledgeRowSpec {
  kind: 'activity' | 'blank';
  policy: number;
  pledge: number;
  measure: number;
  rating: number;
  policyForm: number;
  pledgeForm: number;
  measureForm: number;
  ratingForm: number;
  /** leave the key blank when the SPEC allows it (same as the row above) */
  blankKeys: [boolean, boolean, boolean];
  activity: RawValue;
  department: RawValue;
}

export type PledgeColumn =
  | { kind: 'field'; field: PledgeField; header: string }
  | { kind: 'output'; key: PledgeOutputKey; header: string }
  | { kind: 'extra'; header: RawValue }
  | { kind: 'gap' };

export interface PledgeSheetSpec {
  kind: 'pledge';
  name: string;
  top: number;
  left: number;
  headerAt: number;
  titles: RawValue[][];
  columns: PledgeColumn[];
  rows: PledgeRowSpec[];
  sortRows: boolean;
  dirt: Dirt[];
  /** rating forms that are invalid (11, -1, 7.5, text) mixed in */
  badRatings: { row: number; value: RawValue }[];
  randomMerges: CellRect[];
  clean: boolean;
}

export function policyText(p: number, form: number): RawValue {
  const forms: RawValue[] = [ROMAN_U[p], ROMAN_A[p], `政策${ROMAN_U[p]}`, String(p), p, `基本政策${ROMAN_U[p]} 子育て`, `${ROMAN_U[p]}．ひとが輝くまち`, toFullWidth(String(p)), `政策${p}`];
  return forms[form % forms.length];
}
export function pledgeText(q: number, form: number): RawValue {
  const forms: RawValue[] = [circled(q), String(q), q, `公約${q}`, `公約${circled(q)}`, `${circled(q)} 子育て支援の充実`, toFullWidth(String(q))];
  return forms[form % forms.length];
}
export function measureText(m: number, form: number): RawValue {
  const forms: RawValue[] = [circled(m), String(m), m, `施策${m}`, `施策${circled(m)}`, `${circled(m)}保育の充実`];
  return forms[form % forms.length];
}
export function ratingText(r: number, form: number): RawValue {
  const forms: RawValue[] = [r, String(r), toFullWidth(String(r)), `${r}.0`, starsText(r), starsText(r, '\u3000'), starsText(r, ''), r];
  return forms[form % forms.length];
}

export const BAD_RATINGS: RawValue[] = [11, -1, 7.5, '7.5', 'とても良い', '★★★', '11', NaN, Infinity, true, { error: '#N/A' }, new Date(2021, 1, 1), '１１', '★★★★★★★★★★★', '7点'];

const pledgeRowArb: fc.Arbitrary<PledgeRowSpec> = fc.record({
  kind: fc.constantFrom<PledgeRowSpec['kind']>('activity', 'activity', 'activity', 'activity', 'activity', 'blank'),
  policy: fc.integer({ min: 1, max: 5 }),
  pledge: fc.integer({ min: 1, max: 3 }),
  measure: fc.integer({ min: 1, max: 3 }),
  rating: fc.integer({ min: 0, max: 10 }),
  policyForm: fc.nat(20),
  pledgeForm: fc.nat(20),
  measureForm: fc.nat(20),
  ratingForm: fc.nat(20),
  blankKeys: fc.tuple(fc.boolean(), fc.boolean(), fc.boolean()),
  activity: fc.constantFrom<RawValue>('保育士確保', '子育て支援センター運営', '', null, 'プレールーム運営'),
  department: fc.constantFrom<RawValue>('こども家庭課', '保育課', null),
});

const PLEDGE_FIELDS: PledgeField[] = ['policy', 'pledge', 'measure', 'activity', 'department', 'rating'];
const PLEDGE_OUTPUTS: PledgeOutputKey[] = ['measureProgress', 'measureStars', 'pledgeProgress', 'policyProgress'];

export function pledgeSheetSpecArb(opts: { dirty?: boolean; allowLateHeader?: boolean } = {}): fc.Arbitrary<PledgeSheetSpec> {
  const dirty = opts.dirty ?? false;
  return fc
    .record({
      name: fc.constantFrom('公約', '公約進捗', 'Pledges', '総括 (R3)'),
      top: fc.constantFrom(0, 0, 2, 3),
      left: fc.constantFrom(0, 0, 2, 7),
      headerAtRaw: fc.nat(6),
      late: opts.allowLateHeader ? fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }) : fc.constant(false),
      optional: fc.subarray(['activity', 'department'] as PledgeField[]),
      headerForms: fc.array(fc.nat(20), { minLength: 6, maxLength: 6 }),
      outputs: fc.subarray(PLEDGE_OUTPUTS),
      outputForms: fc.array(fc.nat(3), { minLength: 4, maxLength: 4 }),
      extras: fc.array(fc.constantFrom<PledgeColumn>({ kind: 'extra', header: 'メモ' }, { kind: 'gap' }, { kind: 'extra', header: '通し番号' }), { maxLength: 2 }),
      order: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 14, maxLength: 14 }),
      rows: fc.array(pledgeRowArb, { maxLength: 20 }),
      sortRows: fc.boolean(),
      titles: fc.array(fc.array(fc.constantFrom(...TITLES, null), { maxLength: 2 }), { minLength: 10, maxLength: 10 }),
      dirt: dirty ? fc.array(fc.record({ row: fc.nat(40), col: fc.nat(20), value: anyCellArb }), { maxLength: 5 }) : fc.constant([] as Dirt[]),
      badRatings: dirty ? fc.array(fc.record({ row: fc.nat(30), value: fc.constantFrom(...BAD_RATINGS) }), { maxLength: 3 }) : fc.constant([] as { row: number; value: RawValue }[]),
      randomMerges: dirty ? fc.array(mergeArb(0, 0, 20, 10), { maxLength: 2 }) : fc.constant([] as CellRect[]),
    })
    .map((P): PledgeSheetSpec => {
      const fields: PledgeField[] = ['policy', 'pledge', 'measure', 'rating', ...P.optional];
      const cols: PledgeColumn[][] = [
        ...fields.map((f) => {
          const al = PLEDGE_HEADER_ALIASES[f];
          const form = P.headerForms[PLEDGE_FIELDS.indexOf(f)];
          return [{ kind: 'field', field: f, header: form >= 14 ? decorate(al[form % al.length], form) : al[form % al.length] } as PledgeColumn];
        }),
        ...P.outputs.map((k) => [{ kind: 'output', key: k, header: PLEDGE_OUTPUT_ALIASES[k][P.outputForms[PLEDGE_OUTPUTS.indexOf(k)] % PLEDGE_OUTPUT_ALIASES[k].length] } as PledgeColumn]),
        ...P.extras.map((c) => [c]),
      ];
      const columns = orderBy(cols, P.order).flat();
      let rows = P.rows;
      if (P.sortRows) rows = [...rows].sort((a, b) => a.policy - b.policy || a.pledge - b.pledge || a.measure - b.measure);
      const headerAt = P.late ? Math.max(0, 10 - P.top) : Math.min(P.headerAtRaw, 9 - P.top);
      return {
        kind: 'pledge',
        name: P.name,
        top: P.top,
        left: P.left,
        headerAt,
        titles: P.titles.slice(0, headerAt),
        columns,
        rows,
        sortRows: P.sortRows,
        dirt: P.dirt,
        badRatings: P.badRatings,
        randomMerges: P.randomMerges,
        clean: !dirty,
      };
    });
}

export function renderPledgeSheet(spec: PledgeSheetSpec): RenderedSheet {
  const { top, left, columns } = spec;
  const headerRow = top + spec.headerAt;
  const firstDataRow = headerRow + 1;
  const values: RawValue[][] = spec.titles.map((t) => t.slice());
  values.push(columns.map((c) => (c.kind === 'gap' ? null : c.header)));
  const existingOutputs: Record<string, number> = {};
  columns.forEach((c, i) => {
    if (c.kind === 'output') existingOutputs[c.key] = left + i;
  });
  const expected: ExpectedActivity[] = [];
  let above: [number, number, number] | null = null;
  spec.rows.forEach((row, ri) => {
    const r = firstDataRow + ri;
    const line: RawValue[] = new Array(columns.length).fill(null);
    if (row.kind === 'activity') {
      const keys: [number, number, number] = [row.policy, row.pledge, row.measure];
      // a key may be left blank only when it and every key to its left equal the row above
      const blank = keys.map((_, k) => above !== null && row.blankKeys[k] && keys.slice(0, k + 1).every((v, j) => v === above![j]));
      columns.forEach((c, i) => {
        if (c.kind !== 'field') return;
        switch (c.field) {
          case 'policy':
            line[i] = blank[0] ? null : policyText(row.policy, row.policyForm);
            break;
          case 'pledge':
            line[i] = blank[1] ? null : pledgeText(row.pledge, row.pledgeForm);
            break;
          case 'measure':
            line[i] = blank[2] ? null : measureText(row.measure, row.measureForm);
            break;
          case 'rating':
            line[i] = ratingText(row.rating, row.ratingForm);
            break;
          case 'activity':
            line[i] = row.activity;
            break;
          case 'department':
            line[i] = row.department;
            break;
        }
      });
      above = keys;
      expected.push({ row: r, policy: row.policy, pledge: row.pledge, measure: row.measure, rating: row.rating });
    }
    values.push(line);
  });
  const ratingCol = columns.findIndex((c) => c.kind === 'field' && c.field === 'rating');
  for (const b of spec.badRatings) {
    const ri = headerRow + 1 - top + (b.row % Math.max(1, spec.rows.length + 1));
    (values[ri] ??= [])[ratingCol] = b.value;
  }
  for (const d of spec.dirt) {
    const ri = d.row % values.length;
    (values[ri] ??= [])[d.col % (columns.length + 2)] = d.value;
  }
  const sheet: RawSheet = { name: spec.name, top, left, values };
  if (spec.randomMerges.length) sheet.merges = spec.randomMerges.map((m) => ({ top: m.top + top, left: m.left + left, bottom: m.bottom + top, right: m.right + left }));
  const detectable = headerRow <= 9;
  return {
    sheet,
    model: {
      kind: 'pledge',
      name: spec.name,
      headerRow: detectable ? headerRow : null,
      firstDataRow: detectable ? firstDataRow : null,
      clean: spec.clean && detectable,
      activities: expected,
      existingOutputs,
    },
  };
}

/** a pledge sheet whose rows all carry their keys, so any permutation of them means the same */
export const fullKeyPledgeRowsArb: fc.Arbitrary<PledgeRowSpec[]> = fc.array(
  pledgeRowArb.map((r) => ({ ...r, kind: 'activity' as const, blankKeys: [false, false, false] as [boolean, boolean, boolean] })),
  { minLength: 1, maxLength: 25 },
);

// ───────────────────────────── noise and bench sheets ─────────────────────────────

export interface NoiseSheetSpec {
  kind: 'noise';
  name: string;
  top: number;
  left: number;
  rows: RawValue[][];
  formats: (string | null | undefined)[][] | null;
  merges: CellRect[];
}

export const noiseSheetSpecArb: fc.Arbitrary<NoiseSheetSpec> = fc.record({
  kind: fc.constant('noise' as const),
  name: fc.constantFrom('メモ', 'Sheet2', '集計', '_review_log', '空', 'グラフ'),
  top: fc.constantFrom(0, 2, 5, 1000),
  left: fc.constantFrom(0, 2, 100),
  rows: fc.array(fc.array(anyCellArb, { maxLength: 8 }), { maxLength: 12 }),
  formats: fc.option(fc.array(fc.array(numberFormatArb, { maxLength: 8 }), { maxLength: 12 }), { nil: null }),
  merges: fc.array(mergeArb(0, 0, 12, 8), { maxLength: 3 }),
});

export function renderNoiseSheet(spec: NoiseSheetSpec): RenderedSheet {
  const sheet: RawSheet = { name: spec.name, top: spec.top, left: spec.left, values: spec.rows };
  if (spec.formats) sheet.numberFormats = spec.formats;
  if (spec.merges.length) sheet.merges = spec.merges;
  return { sheet, model: { kind: 'noise', name: spec.name, headerRow: null, firstDataRow: null, clean: false, existingOutputs: {} } };
}

export interface BenchSheetSpec {
  kind: 'bench';
  rows: number;
  seed: number;
}

export const benchSheetSpecArb: fc.Arbitrary<BenchSheetSpec> = fc.record({ kind: fc.constant('bench' as const), rows: fc.integer({ min: 0, max: 60 }), seed: fc.nat() });

export function renderBenchSheet(spec: BenchSheetSpec): RenderedSheet {
  const sheet = generateKpiSheet(spec.rows, spec.seed, '政策推進課');
  return { sheet, model: { kind: 'bench', name: sheet.name, headerRow: 1, firstDataRow: 2, clean: true, existingOutputs: {} } };
}

// ───────────────────────────── workbooks ─────────────────────────────

export type SheetSpec = KpiSheetSpec | PledgeSheetSpec | NoiseSheetSpec | BenchSheetSpec;

export function renderSheet(spec: SheetSpec): RenderedSheet {
  switch (spec.kind) {
    case 'kpi':
      return renderKpiSheet(spec);
    case 'pledge':
      return renderPledgeSheet(spec);
    case 'noise':
      return renderNoiseSheet(spec);
    default:
      return renderBenchSheet(spec);
  }
}

export interface RenderedWorkbook {
  input: WorkbookInput;
  models: SheetModel[];
}

/** sheets of one workbook; names are made unique as Excel requires */
export function renderWorkbook(specs: SheetSpec[], file = 'book.xlsx'): RenderedWorkbook {
  const used = new Set<string>();
  const sheets: RawSheet[] = [];
  const models: SheetModel[] = [];
  for (const s of specs) {
    const { sheet, model } = renderSheet(s);
    let name = sheet.name;
    for (let i = 2; used.has(name); i++) name = `${sheet.name} (${i})`;
    used.add(name);
    sheets.push({ ...sheet, name });
    models.push({ ...model, name });
  }
  return { input: { file, sheets }, models };
}

export interface SheetMix {
  dirty: number;
  clean: number;
  pledge: number;
  noise: number;
  bench: number;
  allowLateHeader: boolean;
}

export function sheetSpecArb(mix: SheetMix): fc.Arbitrary<SheetSpec> {
  return fc.oneof(
    { weight: mix.clean, arbitrary: kpiSheetSpecArb({ dirty: false, allowLateHeader: mix.allowLateHeader }) },
    { weight: mix.dirty, arbitrary: kpiSheetSpecArb({ dirty: true, allowLateHeader: mix.allowLateHeader }) },
    { weight: mix.pledge, arbitrary: fc.oneof(pledgeSheetSpecArb({ dirty: false, allowLateHeader: mix.allowLateHeader }), pledgeSheetSpecArb({ dirty: true })) },
    { weight: mix.noise, arbitrary: noiseSheetSpecArb },
    { weight: mix.bench, arbitrary: benchSheetSpecArb },
  );
}

export function workbookSpecArb(mix: SheetMix, minSheets: number, maxSheets: number): fc.Arbitrary<SheetSpec[]> {
  return fc.array(sheetSpecArb(mix), { minLength: minSheets, maxLength: maxSheets });
}

/** the mix used by the crash and write-plan properties */
export const DEFAULT_MIX: SheetMix = { clean: 4, dirty: 4, pledge: 3, noise: 1, bench: 1, allowLateHeader: true };
/** mostly sheets that get a plan */
export const PLANNABLE_MIX: SheetMix = { clean: 6, dirty: 2, pledge: 3, noise: 1, bench: 1, allowLateHeader: false };
