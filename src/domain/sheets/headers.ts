/**
 * Finds the header row of a KPI or pledge sheet in its first 10 rows and maps each
 * column to what it holds. Headers match after NFKC, without spaces, in Japanese or
 * English; 実績 columns carry their fiscal year in the header (実績R3, FY2021 actual).
 */
import { findFiscalYear, MAX_YEAR, MIN_YEAR } from '../cells/fiscalYear';
import { makeIssue, type Issue } from '../base/issues';
import { cellAddress } from '../base/address';
import { rawAt, sheetBottom, sheetRight, type RawSheet, type RawValue } from '../base/raw';
import { headerKey } from '../base/text';
import { displayText } from '../cells/numberCell';
import { mergeLookup, type MergeLookup } from '../base/merges';

export const HEADER_SCAN_ROWS = 10;

export type KpiField =
  | 'kind' | 'goal' | 'basicDirection' | 'measure' | 'project' | 'department' | 'indicator' | 'unit' | 'direction' | 'aggregation'
  | 'baselineYear' | 'baseline' | 'targetYear' | 'target' | 'revision' | 'originalTarget' | 'inScope' | 'covidOverride' | 'notes';
export type KpiOutput = 'achievement' | 'progress' | 'pace' | 'grade' | 'gradeBasis' | 'covid';
export type PledgeField = 'policy' | 'pledge' | 'measure' | 'activity' | 'department' | 'rating';
export type PledgeOutput = 'measureProgress' | 'measureStars' | 'pledgeProgress' | 'policyProgress';

function keys(...names: string[]): string[] {
  return names.map(aliasKey);
}

/** Alias key: header key without _ - . so "baseline_year" = "Baseline year". */
export function aliasKey(text: string): string {
  return headerKey(text).replace(/[_\-.・]/g, '');
}

/** The header each KPI field is written with (templates); the first of its aliases. */
export const KPI_FIELD_HEADERS: Record<KpiField, string> = {
  kind: '区分',
  goal: '基本目標',
  basicDirection: '基本的方向',
  measure: '施策',
  project: '事業名',
  department: '担当課',
  indicator: '指標名',
  unit: '単位',
  direction: '方向',
  aggregation: '集計',
  baselineYear: '基準年度',
  baseline: '基準値',
  targetYear: '目標年度',
  target: '目標値',
  revision: '変更区分',
  originalTarget: '変更前目標値',
  inScope: '評価対象',
  covidOverride: 'コロナ判定',
  notes: '備考',
};
/** 実績 columns carry their fiscal year: 実績R3 */
export const ACTUAL_HEADER = '実績';

const H = KPI_FIELD_HEADERS;
export const KPI_FIELD_ALIASES: Record<KpiField, string[]> = {
  kind: keys(H.kind, 'kind', '指標区分', '指標の区分'),
  goal: keys(H.goal, 'goal', '基本目標番号', '基本目標No'),
  basicDirection: keys(H.basicDirection, 'basic_direction', '基本的方向番号', '施策の基本的方向'),
  measure: keys(H.measure, 'measure', '施策番号', '施策No'),
  project: keys(H.project, 'project', '事業'),
  department: keys(H.department, 'department', '担当部署', '所管課'),
  indicator: keys(H.indicator, 'indicator', '指標', 'KPI', 'KPI名'),
  unit: keys(H.unit, 'unit'),
  direction: keys(H.direction, 'direction', '方向性'),
  aggregation: keys(H.aggregation, 'aggregation', '集計方法', '集計区分'),
  baselineYear: keys(H.baselineYear, 'baseline_year', '基準値年度'),
  baseline: keys(H.baseline, 'baseline', '基準'),
  targetYear: keys(H.targetYear, 'target_year', '目標値年度'),
  target: keys(H.target, 'target', '目標'),
  revision: keys(H.revision, 'revision', '見直し区分'),
  originalTarget: keys(H.originalTarget, 'original_target', '見直し前目標値', '変更前の目標値', '当初目標値'),
  inScope: keys(H.inScope, 'in_scope', '集計対象'),
  covidOverride: keys(H.covidOverride, 'covid_override', 'コロナ影響判定'),
  notes: keys(H.notes, 'notes', 'note', 'remarks'),
};

/** Output column headers the add-in owns, in the order it creates them. */
export const KPI_OUTPUTS: readonly KpiOutput[] = ['achievement', 'progress', 'pace', 'grade', 'gradeBasis', 'covid'];
export const KPI_OUTPUT_HEADERS: Record<KpiOutput, string> = {
  achievement: '達成率',
  progress: '基準比進捗率',
  pace: '計画比',
  grade: '評価',
  gradeBasis: '評価根拠',
  covid: 'コロナ影響',
};
const KPI_OUTPUT_ALIASES: Record<KpiOutput, string[]> = {
  achievement: keys('達成率', 'achievement'),
  progress: keys('基準比進捗率', 'progress'),
  pace: keys('計画比', 'pace'),
  grade: keys('評価', 'grade'),
  gradeBasis: keys('評価根拠', 'grade_basis'),
  covid: keys('コロナ影響', 'covid'),
};

const ACTUAL_WORDS = keys(ACTUAL_HEADER, '実績値', 'actual', 'actuals', 'result');
const BASELINE_WORDS = keys('基準値', '基準', 'baseline');
const TARGET_WORDS = keys('目標値', '目標', 'target');

/** The header each pledge field is written with (templates); the first of its aliases. */
export const PLEDGE_FIELD_HEADERS: Record<PledgeField, string> = {
  policy: '基本政策',
  pledge: '公約',
  measure: '施策',
  activity: '取組事業内容',
  department: '担当部署',
  rating: '評価',
};

const P = PLEDGE_FIELD_HEADERS;
export const PLEDGE_FIELD_ALIASES: Record<PledgeField, string[]> = {
  policy: keys(P.policy, 'policy', '政策'),
  pledge: keys(P.pledge, 'pledge', '公約内容'),
  measure: keys(P.measure, 'measure', '施策内容'),
  activity: keys(P.activity, 'activity', '取組内容', '事業内容', '取組事業'),
  department: keys(P.department, 'department', '担当課'),
  rating: keys(P.rating, 'rating', '10段階評価', '評価(10段階)'),
};
export const PLEDGE_OUTPUTS: readonly PledgeOutput[] = ['measureProgress', 'measureStars', 'pledgeProgress', 'policyProgress'];
export const PLEDGE_OUTPUT_HEADERS: Record<PledgeOutput, string> = {
  measureProgress: '施策進捗',
  measureStars: '施策進捗(★)',
  pledgeProgress: '公約進捗',
  policyProgress: '基本政策進捗',
};
const PLEDGE_OUTPUT_ALIASES: Record<PledgeOutput, string[]> = {
  measureProgress: keys('施策進捗', 'measure_progress'),
  measureStars: keys('施策進捗(★)', '施策進捗★', 'measure_stars'),
  pledgeProgress: keys('公約進捗', '公約進捗%', '公約進捗(%)', 'pledge_progress'),
  policyProgress: keys('基本政策進捗', '基本政策進捗%', '基本政策進捗(%)', 'policy_progress'),
};

function lookup<K extends string>(aliases: Record<K, string[]>): Map<string, K> {
  const m = new Map<string, K>();
  for (const k of Object.keys(aliases) as K[]) for (const a of aliases[k]) m.set(a, k);
  return m;
}
const KPI_FIELD_BY_KEY = lookup(KPI_FIELD_ALIASES);
const KPI_OUTPUT_BY_KEY = lookup(KPI_OUTPUT_ALIASES);
const PLEDGE_FIELD_BY_KEY = lookup(PLEDGE_FIELD_ALIASES);
const PLEDGE_OUTPUT_BY_KEY = lookup(PLEDGE_OUTPUT_ALIASES);

/** Removes the fiscal-year expression and brackets: "実績(令和3年度)" → "実績". */
function withoutYear(key: string): string {
  return key
    .replace(/fy\d{4}/g, '')
    .replace(/(?<!\d)\d{4}(?!\d)(年度|年)?/g, '')
    .replace(/(令和|平成)([元〇零一二三四五六七八九十\d]{1,3})(年度|年)?/gu, '')
    .replace(/(?<![a-z])[rh]\d{1,2}(年度|年)?(?!\d)/g, '')
    .replace(/[()[\]{}（）［］【】「」]/gu, '')
    .replace(/(年度|年)$/u, '')
    .replace(/^(の|of)|(の|of)$/gu, '');
}

export interface ActualColumn {
  col: number;
  year: number;
  header: string;
}

export interface HeaderCell {
  col: number;
  text: string;
}

interface HeaderBase {
  /** row of the header (the lower row when the header spans two rows) */
  row: number;
  firstDataRow: number;
  /** rightmost column with a header */
  lastCol: number;
  /** header text per column, for messages */
  texts: Map<number, string>;
  issues: Issue[];
}

export interface KpiHeader extends HeaderBase {
  kind: 'kpi';
  fields: Partial<Record<KpiField, number>>;
  outputs: Partial<Record<KpiOutput, number>>;
  actuals: ActualColumn[];
  /** year written in the 基準値 / 目標値 header itself (基準値（平成30年度）) */
  baselineHeaderYear: number | null;
  targetHeaderYear: number | null;
}

export interface PledgeHeader extends HeaderBase {
  kind: 'pledge';
  fields: Partial<Record<PledgeField, number>>;
  outputs: Partial<Record<PledgeOutput, number>>;
}

export type SheetHeader = KpiHeader | PledgeHeader;

function headerText(sheet: RawSheet, merges: MergeLookup, row: number, col: number): string {
  let v: RawValue = rawAt(sheet, row, col);
  if (v === null || v === undefined || v === '') v = merges.anchorValue(row, col) ?? null;
  if (v === null || v === undefined) return '';
  return displayText(v).trim();
}

/** Visits every non-empty cell of a candidate header row; returns the rightmost header column. */
function scanHeaderRow(
  sheet: RawSheet,
  merges: MergeLookup,
  row: number,
  right: number,
  texts: Map<number, string>,
  visit: (col: number, text: string, key: string) => void,
): number {
  let lastCol = -1;
  for (let col = sheet.left; col <= right; col++) {
    const text = headerText(sheet, merges, row, col);
    if (!text) continue;
    texts.set(col, text);
    lastCol = col;
    visit(col, text, aliasKey(text));
  }
  return lastCol;
}

interface Claim {
  key: string;
  col: number;
  text: string;
}

function claim(map: Map<string, Claim>, key: string, col: number, text: string, issues: Issue[], sheet: string, row: number): void {
  const prev = map.get(key);
  if (prev) {
    issues.push(
      makeIssue({
        severity: 'error',
        code: 'header.duplicate',
        sheet,
        row,
        col,
        header: text,
        params: { found: text, other: cellAddress(row, prev.col) },
      }),
    );
    return;
  }
  map.set(key, { key, col, text });
}

/** the columns claimed, by what they hold */
function columnsOf<K extends string>(claims: ReadonlyMap<string, Claim>): Partial<Record<K, number>> {
  const out: Partial<Record<K, number>> = {};
  for (const [k, c] of claims) out[k as K] = c.col;
  return out;
}

/** What a candidate KPI header row holds, gathered cell by cell. */
interface KpiHeaderScan {
  sheet: RawSheet;
  merges: MergeLookup;
  row: number;
  issues: Issue[];
  texts: Map<number, string>;
  fields: Map<string, Claim>;
  outputs: Map<string, Claim>;
  actualByYear: Map<number, Claim>;
  actuals: ActualColumn[];
  /** 実績 columns whose header names no year */
  yearless: HeaderCell[];
  baselineHeaderYear: number | null;
  targetHeaderYear: number | null;
  /** the years of 実績 stand in the row below (a two-row header): data starts a row later */
  usesSubRow: boolean;
}

/** A two-row header: 実績 above R2 | R3. The years may be text (R2, 令和2年度) or typed numbers (2020). */
function yearBelow(scan: KpiHeaderScan, col: number): { year: number; text: string } | null {
  const belowRaw = rawAt(scan.sheet, scan.row + 1, col);
  const typedYear = typeof belowRaw === 'number' && Number.isInteger(belowRaw) && belowRaw >= MIN_YEAR && belowRaw <= MAX_YEAR;
  const below = typeof belowRaw === 'string' || typedYear ? headerText(scan.sheet, scan.merges, scan.row + 1, col) : '';
  const year = below ? findFiscalYear(below) : null;
  // the cell below must be a year and nothing else
  if (year === null || Number.isNaN(year) || withoutYear(aliasKey(below)) !== '') return null;
  return { year, text: below };
}

/** A 実績 column: its year from its header or from the row below; one column per year. */
function readActualHeader(scan: KpiHeaderScan, col: number, text: string, headerYear: number | null): void {
  let year = headerYear;
  if (year === null) {
    const below = yearBelow(scan, col);
    if (below) {
      year = below.year;
      scan.usesSubRow = true;
      scan.texts.set(col, text + ' ' + below.text);
    }
  }
  if (year === null || Number.isNaN(year)) {
    scan.yearless.push({ col, text });
    return;
  }
  const prev = scan.actualByYear.get(year);
  if (prev) {
    scan.issues.push(
      makeIssue({ severity: 'error', code: 'header.duplicateYear', sheet: scan.sheet.name, row: scan.row, col, header: text, params: { year, other: cellAddress(scan.row, prev.col) } }),
    );
    return;
  }
  scan.actualByYear.set(year, { key: String(year), col, text });
  scan.actuals.push({ col, year, header: scan.texts.get(col)! });
}

/** One cell of a candidate KPI header row: a field, an output column, a 実績 column, or 基準値 / 目標値 with a year (基準値（平成30年度）). */
function readKpiHeaderCell(scan: KpiHeaderScan, col: number, text: string, key: string): void {
  const { sheet, row, issues } = scan;
  const field = KPI_FIELD_BY_KEY.get(key);
  if (field) return claim(scan.fields, field, col, text, issues, sheet.name, row);
  const out = KPI_OUTPUT_BY_KEY.get(key);
  if (out) return claim(scan.outputs, out, col, text, issues, sheet.name, row);
  const bare = withoutYear(key);
  const year = findFiscalYear(text);
  if (ACTUAL_WORDS.includes(bare)) return readActualHeader(scan, col, text, year);
  if (year === null || Number.isNaN(year)) return;
  if (BASELINE_WORDS.includes(bare)) {
    claim(scan.fields, 'baseline', col, text, issues, sheet.name, row);
    scan.baselineHeaderYear = year;
  } else if (TARGET_WORDS.includes(bare)) {
    claim(scan.fields, 'target', col, text, issues, sheet.name, row);
    scan.targetHeaderYear = year;
  }
}

/** A KPI header needs 指標名, 目標値 and at least one 実績 column; a 実績 column without a year is an error. */
function kpiHeaderOf(scan: KpiHeaderScan, lastCol: number): KpiHeader | null {
  if (!scan.fields.has('indicator') || !scan.fields.has('target') || scan.actuals.length + scan.yearless.length === 0) return null;
  for (const y of scan.yearless) {
    scan.issues.push(makeIssue({ severity: 'error', code: 'header.actualYearMissing', sheet: scan.sheet.name, row: scan.row, col: y.col, header: y.text, params: { found: y.text } }));
  }
  scan.actuals.sort((a, b) => a.year - b.year);
  return {
    kind: 'kpi',
    row: scan.row,
    firstDataRow: scan.row + (scan.usesSubRow ? 2 : 1),
    lastCol,
    texts: scan.texts,
    issues: scan.issues,
    fields: columnsOf<KpiField>(scan.fields),
    outputs: columnsOf<KpiOutput>(scan.outputs),
    actuals: scan.actuals,
    baselineHeaderYear: scan.baselineHeaderYear,
    targetHeaderYear: scan.targetHeaderYear,
  };
}

function tryKpiHeader(sheet: RawSheet, merges: MergeLookup, row: number, right: number): KpiHeader | null {
  const scan: KpiHeaderScan = {
    sheet,
    merges,
    row,
    issues: [],
    texts: new Map(),
    fields: new Map(),
    outputs: new Map(),
    actualByYear: new Map(),
    actuals: [],
    yearless: [],
    baselineHeaderYear: null,
    targetHeaderYear: null,
    usesSubRow: false,
  };
  const lastCol = scanHeaderRow(sheet, merges, row, right, scan.texts, (col, text, key) => readKpiHeaderCell(scan, col, text, key));
  return kpiHeaderOf(scan, lastCol);
}

function tryPledgeHeader(sheet: RawSheet, merges: MergeLookup, row: number, right: number): PledgeHeader | null {
  const issues: Issue[] = [];
  const fields = new Map<string, Claim>();
  const outputs = new Map<string, Claim>();
  const texts = new Map<number, string>();
  const lastCol = scanHeaderRow(sheet, merges, row, right, texts, (col, text, key) => {
    const field = PLEDGE_FIELD_BY_KEY.get(key);
    if (field) claim(fields, field, col, text, issues, sheet.name, row);
    else {
      const out = PLEDGE_OUTPUT_BY_KEY.get(key);
      if (out) claim(outputs, out, col, text, issues, sheet.name, row);
    }
  });
  if (!fields.has('policy') || !fields.has('pledge') || !fields.has('measure') || !fields.has('rating')) return null;
  return { kind: 'pledge', row, firstDataRow: row + 1, lastCol, texts, issues, fields: columnsOf<PledgeField>(fields), outputs: columnsOf<PledgeOutput>(outputs) };
}

/** The first header row in the sheet's first 10 rows, KPI layout before pledge layout. */
export function detectHeader(sheet: RawSheet, merges: MergeLookup = mergeLookup(sheet)): SheetHeader | null {
  const right = sheetRight(sheet);
  const last = Math.min(sheetBottom(sheet), HEADER_SCAN_ROWS - 1);
  for (let row = Math.max(0, sheet.top); row <= last; row++) {
    const kpi = tryKpiHeader(sheet, merges, row, right);
    if (kpi) return kpi;
    const pledge = tryPledgeHeader(sheet, merges, row, right);
    if (pledge) return pledge;
  }
  return null;
}
