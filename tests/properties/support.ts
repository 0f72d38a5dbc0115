/**
 * Support for the property tests: an in-memory plan applier, an independent reading of
 * A1 addresses and output headers, exact (rational) pledge arithmetic, and the invariant
 * checks shared by the properties. Checks throw PropertyViolation with a description
 * that names the sheet and cell, so a shrunk counterexample reads like a bug report.
 */
import fc from 'fast-check';
import { kpiRowSchema, type KpiResult, type KpiRow } from '../../src/domain/model/kpi';
import { issueCodes, issueLine } from '../../src/messages/issueText';
import type { SheetPlan, PlanValue } from '../../src/domain/plan/plan';
import type { PledgeActivity, PledgeRollup } from '../../src/domain/model/pledge';
import type { CellRect, RawSheet, RawValue } from '../../src/domain/base/raw';
import { buildReport } from '../../src/domain/output/report';
import type { FileReview, Review, SheetReview, WorkbookInput } from '../../src/domain/review';
import type { Issue } from '../../src/domain/base/issues';
import type { Settings } from '../../src/domain/base/settings';
import { EXCEL_MAX_COL, EXCEL_MAX_ROW, KPI_OUTPUT_ALIASES, PLEDGE_OUTPUT_ALIASES, type ExpectedKpiRow, type SheetModel } from './arbitraries';

export class PropertyViolation extends Error {}

export function violated(what: string, detail?: unknown): never {
  throw new PropertyViolation(detail === undefined ? what : `${what}\n  ${safeJson(detail)}`);
}

/** a canonical text for equality: complete, with NaN, ±Infinity and -0 kept apart */
export function canon(v: unknown): string {
  return JSON.stringify(v, (_k, x) => (typeof x === 'number' && (!Number.isFinite(x) || Object.is(x, -0)) ? `#${Object.is(x, -0) ? '-0' : String(x)}` : x === undefined ? '#undefined' : x)) ?? 'undefined';
}

/** a short text for messages */
export function safeJson(v: unknown): string {
  try {
    const s = JSON.stringify(v, (_k, x) => (typeof x === 'number' && !Number.isFinite(x) ? String(x) : typeof x === 'string' && x.length > 200 ? x.slice(0, 200) + `…(${x.length} chars)` : x));
    return s.length > 4000 ? s.slice(0, 4000) + '…' : s;
  } catch (e) {
    return `<unserialisable: ${(e as Error).message}>`;
  }
}

// ───────────────────────────── run settings ─────────────────────────────

/** PROPERTY_SCALE=10 runs ten times as many cases (nightly); PROPERTY_SEED overrides every seed */
export function runs(n: number): number {
  const scale = Number(process.env.PROPERTY_SCALE ?? '1');
  return Math.max(1, Math.round(n * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}

export function seed(fixed: number): number {
  const s = process.env.PROPERTY_SEED;
  return s !== undefined && s !== '' && Number.isFinite(Number(s)) ? Number(s) : fixed;
}

/** fc.assert with a fixed seed; on failure the error names the seed and path to replay it */
export function assertProperty<Ts>(name: string, property: fc.IProperty<Ts>, params: { numRuns: number; seed: number }): void {
  const p: fc.Parameters<Ts> = { numRuns: runs(params.numRuns), seed: seed(params.seed), endOnFailure: false, verbose: 0 };
  // PROPERTY_SEED=… PROPERTY_PATH=… replays the shrunk counterexample of a failure directly
  if (process.env.PROPERTY_PATH && process.env.PROPERTY_SEED) p.path = process.env.PROPERTY_PATH;
  const details = fc.check(property, p);
  if (details.failed) {
    const err = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    const example = safeJson(details.counterexample).slice(0, 6000);
    throw new Error(`[${name}] failed with seed ${p.seed} (replay: PROPERTY_SEED=${p.seed} PROPERTY_PATH=${details.counterexamplePath}; shrunk ${details.numShrinks} times)\n${err}\nCounterexample: ${example}`);
  }
}

// ───────────────────────────── addresses ─────────────────────────────

/** independent A1 reading: "AB12" → { row: 11, col: 27 } */
export function parseA1(a1: string): { row: number; col: number } | null {
  const m = /^([A-Z]{1,3})([1-9][0-9]{0,6})$/.exec(a1);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

export function sheetArea(sheet: RawSheet): { top: number; left: number; bottom: number; right: number } {
  let w = 0;
  for (const r of sheet.values) if (r && r.length > w) w = r.length;
  return { top: sheet.top, left: sheet.left, bottom: sheet.top + sheet.values.length - 1, right: sheet.left + w - 1 };
}

export function rawCell(sheet: RawSheet, row: number, col: number): RawValue {
  const line = sheet.values[row - sheet.top];
  if (!line) return null;
  const v = line[col - sheet.left];
  return v === undefined ? null : v;
}

export function isEmptyInput(v: RawValue): boolean {
  return v === null || v === undefined || v === '';
}

function displayed(v: RawValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && !(v instanceof Date)) return v.error;
  return String(v);
}

// ───────────────────────────── output headers ─────────────────────────────

/** header matching per SPEC: NFKC, no spaces, case-insensitive; _ - . ・ and note marks ignored */
export function normHeader(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u3000\u00a0\u200b\ufeff]+/g, '')
    .toLowerCase()
    .replace(/^[※*＊]+|[※*＊]+$/gu, '')
    .replace(/[_\-.・]/g, '');
}

const OUTPUT_KEYS = new Set([...Object.values(KPI_OUTPUT_ALIASES).flat(), ...Object.values(PLEDGE_OUTPUT_ALIASES).flat(), '施策進捗%', '公約進捗%', '基本政策進捗%'].map(normHeader));

export function isOutputHeader(v: RawValue): boolean {
  return typeof v === 'string' && OUTPUT_KEYS.has(normHeader(v));
}

// ───────────────────────────── plan applier ─────────────────────────────

export interface PlannedCell {
  row: number;
  col: number;
  value: PlanValue;
  format: string;
  role: 'header' | 'data';
}

/** every cell a plan writes, in order; throws on malformed blocks */
export function planCells(plan: SheetPlan): PlannedCell[] {
  const out: PlannedCell[] = [];
  for (const w of plan.writes) {
    if (!Array.isArray(w.values) || w.values.length === 0) violated(`${plan.sheet}: a write block without rows`, w);
    const width = w.numberFormats.length;
    w.values.forEach((line, i) => {
      if (line.length !== width) violated(`${plan.sheet}: write block row ${i} has ${line.length} values for ${width} formats`, { top: w.top, left: w.left });
      line.forEach((value, j) => out.push({ row: w.top + i, col: w.left + j, value, format: w.numberFormats[j], role: w.role }));
    });
  }
  return out;
}

function cloneSheet(s: RawSheet): RawSheet {
  const values: RawValue[][] = [];
  for (let i = 0; i < s.values.length; i++) {
    const r = s.values[i];
    values.push(r ? Array.from(r, (v) => (v === undefined ? null : v)) : []);
  }
  const out: RawSheet = { ...s, values };
  if (s.numberFormats) out.numberFormats = s.numberFormats.map((r) => (r ? Array.from(r) : []));
  if (s.merges) out.merges = s.merges.map((m) => ({ ...m }));
  return out;
}

/**
 * Writes a plan into a copy of the sheet as Excel would: values into `values`, number
 * formats into `numberFormats`, growing the read area to the right and down as needed.
 */
export function applyPlan(sheet: RawSheet, plan: SheetPlan): RawSheet {
  const out = cloneSheet(sheet);
  const formats = out.numberFormats ?? (out.numberFormats = []);
  for (const c of planCells(plan)) {
    const ri = c.row - out.top;
    const ci = c.col - out.left;
    if (ri < 0 || ci < 0) violated(`${plan.sheet}: plan writes above or left of the read area`, c);
    while (out.values.length <= ri) out.values.push([]);
    const line = out.values[ri];
    while (line.length < ci) line.push(null);
    line[ci] = c.value;
    while (formats.length <= ri) formats.push([]);
    const fl = formats[ri];
    while (fl.length < ci) fl.push(null);
    fl[ci] = c.format;
  }
  return out;
}

/** the workbook with every sheet plan of its review applied */
export function applyFilePlan(input: WorkbookInput, file: FileReview): WorkbookInput {
  const byName = new Map(file.plan.sheets.map((p) => [p.sheet, p]));
  return { file: input.file, sheets: input.sheets.map((s) => (byName.has(s.name) ? applyPlan(s, byName.get(s.name)!) : s)) };
}

// ───────────────────────────── exact pledge arithmetic ─────────────────────────────

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b) [a, b] = [b, a % b];
  return a;
}

/** a fraction n/d, d > 0 */
export class Q {
  readonly n: bigint;
  readonly d: bigint;
  constructor(n: bigint, d: bigint = 1n) {
    if (d < 0n) [n, d] = [-n, -d];
    const g = gcd(n, d) || 1n;
    this.n = n / g;
    this.d = d / g;
  }
  add(o: Q): Q {
    return new Q(this.n * o.d + o.n * this.d, this.d * o.d);
  }
  mulInt(k: bigint): Q {
    return new Q(this.n * k, this.d);
  }
  divInt(k: bigint): Q {
    return new Q(this.n, this.d * k);
  }
  floor(): bigint {
    const q = this.n / this.d;
    return this.n < 0n && q * this.d !== this.n ? q - 1n : q;
  }
  /** to one decimal, halves rounded up */
  round1(): number {
    const t = this.mulInt(20n).add(new Q(1n)).divInt(2n).floor(); // floor(10x + 1/2)
    return Number(t) / 10;
  }
  toNumber(): number {
    return Number(this.n) / Number(this.d);
  }
}

function meanQ(xs: Q[]): Q {
  return xs.reduce((a, b) => a.add(b), new Q(0n)).divInt(BigInt(xs.length));
}

export interface ExactRollup {
  measures: Map<string, { rating: Q; filled: number }>;
  pledges: Map<string, number>;
  policies: Map<number, number>;
  overall: number | null;
}

/** SPEC section 4 in exact arithmetic */
export function exactRollup(acts: readonly { policy: number; pledge: number; measure: number; rating: number }[]): ExactRollup {
  const byMeasure = new Map<string, number[]>();
  for (const a of acts) {
    const k = `${a.policy}|${a.pledge}|${a.measure}`;
    (byMeasure.get(k) ?? byMeasure.set(k, []).get(k)!).push(a.rating);
  }
  const measures = new Map<string, { rating: Q; filled: number }>();
  const measuresOfPledge = new Map<string, Q[]>();
  for (const [k, rs] of byMeasure) {
    const mean = meanQ(rs.map((r) => new Q(BigInt(r))));
    measures.set(k, { rating: mean, filled: Number(mean.floor()) });
    const pk = k.split('|').slice(0, 2).join('|');
    (measuresOfPledge.get(pk) ?? measuresOfPledge.set(pk, []).get(pk)!).push(mean);
  }
  const pledges = new Map<string, number>();
  const pledgesOfPolicy = new Map<number, Q[]>();
  for (const [pk, ms] of measuresOfPledge) {
    const pct = Number(meanQ(ms).mulInt(10n).floor());
    pledges.set(pk, pct);
    const policy = Number(pk.split('|')[0]);
    (pledgesOfPolicy.get(policy) ?? pledgesOfPolicy.set(policy, []).get(policy)!).push(new Q(BigInt(pct)));
  }
  const policies = new Map<number, number>();
  for (const [p, ps] of pledgesOfPolicy) policies.set(p, Number(meanQ(ps).floor()));
  const overall = policies.size ? meanQ([...policies.values()].map((v) => new Q(BigInt(v)))).round1() : null;
  return { measures, pledges, policies, overall };
}

export function starsFilled(s: string): number {
  return [...s].filter((c) => c === '★').length;
}

/** the engine's rollup equals the SPEC computed exactly */
export function checkRollup(r: PledgeRollup, acts: readonly PledgeActivity[] | readonly { policy: number; pledge: number; measure: number; rating: number }[]): void {
  const e = exactRollup(acts);
  if (r.measures.length !== e.measures.size) violated('rollup: measure count', { got: r.measures.length, expected: e.measures.size });
  for (const m of r.measures) {
    const x = e.measures.get(`${m.policy}|${m.pledge}|${m.measure}`);
    if (!x) violated('rollup: unexpected measure', m);
    if (Math.abs(m.rating - x.rating.toNumber()) > 1e-12) violated('施策進捗 ≠ mean of ratings', { measure: m, expected: x.rating.toNumber() });
    if (!/^[★☆]{5} [★☆]{5}$/u.test(m.stars) || !/^★*☆*$/u.test(m.stars.replace(' ', ''))) violated('stars not ten ★/☆ in two groups of five', m.stars);
    if (starsFilled(m.stars) !== x.filled) violated('stars: filled count ≠ floor(mean rating)', { stars: m.stars, rating: m.rating, expected: x.filled });
  }
  if (r.pledges.length !== e.pledges.size) violated('rollup: pledge count', { got: r.pledges.length, expected: e.pledges.size });
  for (const p of r.pledges) {
    const x = e.pledges.get(`${p.policy}|${p.pledge}`);
    if (x === undefined) violated('rollup: unexpected pledge', p);
    if (p.percent !== x) violated('公約進捗 % ≠ floor(mean 施策進捗 × 10)', { pledge: p, expected: x });
    if (!(p.percent >= 0 && p.percent <= 100)) violated('公約進捗 % outside [0, 100]', p);
  }
  if (r.policies.length !== e.policies.size) violated('rollup: policy count', { got: r.policies.length, expected: e.policies.size });
  for (const p of r.policies) {
    const x = e.policies.get(p.policy);
    if (p.percent !== x) violated('基本政策進捗 % ≠ floor(mean 公約 %)', { policy: p, expected: x });
  }
  if (r.overall !== e.overall) violated('全体 ≠ mean of policy % to one decimal', { got: r.overall, expected: e.overall });
}

/** the numbers of a rollup, without titles (titles come from the first row that has one) */
export function rollupNumbers(r: PledgeRollup): unknown {
  return {
    measures: r.measures.map((m) => [m.policy, m.pledge, m.measure, m.rating, m.stars, m.activities]),
    pledges: r.pledges.map((p) => [p.policy, p.pledge, p.percent, p.measures]),
    policies: r.policies.map((p) => [p.policy, p.percent, p.pledges]),
    overall: r.overall,
  };
}

// ───────────────────────────── KPI result rules ─────────────────────────────

export function expectedGrade(ach: number | null, bands: Settings['grades']): string {
  if (ach === null) return '—';
  if (ach >= bands.A) return 'A';
  if (ach >= bands.B) return 'B';
  if (ach >= bands.C) return 'C';
  return 'D';
}

/**
 * What a KPI is graded on (issue 8): a 累計 増加 KPI whose latest actual is before its target year
 * (the plan's end when none) is graded on 計画比 while the settings say so and 計画比 is not blank.
 */
export function expectedBasis(row: KpiRow, pace: number | null, s: Settings): 'achievement' | 'pace' {
  const latest = row.actuals.length ? row.actuals[row.actuals.length - 1] : null;
  const byPace = s.gradeCumulativeBy === 'pace' && row.aggregation === 'cumulative' && row.direction === 'up' && latest !== null && pace !== null && latest.year < (row.targetYear ?? s.planEnd);
  return byPace ? 'pace' : 'achievement';
}

function inRange(x: number | null, cap: number): boolean {
  return x === null || (typeof x === 'number' && Number.isFinite(x) && x >= 0 && x <= cap);
}

/** one violation of a property; `check` names the rule, so known bugs can be recognised precisely */
export interface Violation {
  check: string;
  message: string;
  detail?: unknown;
  issue?: Issue;
  row?: KpiRow;
  result?: KpiResult;
  sheet?: RawSheet;
  settings?: Settings;
  /** the other issues of the same sheet, when a violation is about the set */
  siblings?: Issue[];
}

/** returns the id of the known src bug that explains the violation, or null */
export type KnownBugFilter = (v: Violation) => string | null;

export type Reporter = (v: Violation) => void;

/** a reporter that fails on every violation not explained by a known bug, and counts the rest */
export function reporter(known: KnownBugFilter, counts: Record<string, number>): Reporter {
  return (v) => {
    const bug = known(v);
    if (!bug) violated(v.message, v.detail);
    counts[bug] = (counts[bug] ?? 0) + 1;
  };
}

export const strictReporter: Reporter = (v) => violated(v.message, v.detail);

/** the per-KPI rules of SPEC section 3 that hold for every row */
export function checkKpiResult(row: KpiRow, result: KpiResult, s: Settings, where: string, report: Reporter = strictReporter): void {
  const ctx = { row, result, settings: s };
  const parsed = kpiRowSchema.safeParse(row);
  if (!parsed.success) {
    for (const i of parsed.error.issues) report({ check: `kpi.schema.${i.path.join('.')}`, message: `${where}: KPI row does not satisfy kpiRowSchema: ${i.path.join('.')} ${i.message}`, detail: row, ...ctx });
  }
  for (let i = 1; i < row.actuals.length; i++) if (!(row.actuals[i - 1].year < row.actuals[i].year)) report({ check: 'kpi.actualsOrder', message: `${where}: actuals not sorted by year`, detail: row.actuals, ...ctx });
  for (const k of ['achievement', 'progress', 'pace'] as const) {
    if (!inRange(result[k], s.cap)) report({ check: `kpi.range.${k}`, message: `${where}: ${k} = ${result[k]} is not null and not within [0, cap=${s.cap}]`, detail: { row, result }, ...ctx });
  }
  const basis = expectedBasis(row, result.pace, s);
  const graded = basis === 'pace' ? result.pace : result.achievement;
  const g = expectedGrade(graded, s.grades);
  if (result.grade !== g) report({ check: 'kpi.grade', message: `${where}: grade ${result.grade} inconsistent with ${basis} ${graded} (bands ${safeJson(s.grades)}) → ${g}`, ...ctx });
  if (result.gradeBasis !== (g === '—' ? null : basis)) report({ check: 'kpi.gradeBasis', message: `${where}: grade basis ${result.gradeBasis}, expected ${g === '—' ? null : basis}`, ...ctx });
  if (row.originalTarget === null && result.originalAchievement !== null) report({ check: 'kpi.originalAchievement', message: `${where}: an original achievement without 変更前目標値`, ...ctx });
  if (!inRange(result.originalAchievement, s.cap)) report({ check: 'kpi.range.originalAchievement', message: `${where}: original achievement ${result.originalAchievement} outside [0, cap]`, ...ctx });
  if ((row.covidOverride !== null) !== (result.covidSource === 'manual') || (row.covidOverride !== null && result.covid !== row.covidOverride)) report({ check: 'kpi.covidOverride', message: `${where}: コロナ判定 ${row.covidOverride} but covid ${result.covid} (${result.covidSource})`, ...ctx });
  if (!['none', 'suspended', 'review'].includes(result.covid)) report({ check: 'kpi.covid', message: `${where}: covid flag ${result.covid}`, ...ctx });
  const latest = row.actuals.length ? row.actuals[row.actuals.length - 1] : null;
  if ((result.latest?.year ?? null) !== (latest?.year ?? null)) report({ check: 'kpi.latest', message: `${where}: latest actual is not the last year present`, detail: { latest: result.latest, actuals: row.actuals }, ...ctx });
  if (row.aggregation === 'cumulative' && result.progress !== null) report({ check: 'kpi.cumulativeProgress', message: `${where}: 累計 KPI got 基準比進捗率 ${result.progress}`, detail: row, ...ctx });
  if (row.aggregation === 'single' && result.pace !== null) report({ check: 'kpi.singlePace', message: `${where}: 単年 KPI got 計画比 ${result.pace}`, detail: row, ...ctx });
  if (latest && (latest.year < s.planStart || latest.year > s.planEnd) && result.pace !== null) report({ check: 'kpi.paceOutside', message: `${where}: 計画比 ${result.pace} for FY${latest.year} outside the plan ${s.planStart}–${s.planEnd}`, ...ctx });
  if ((latest === null || row.target === null) && result.achievement !== null) report({ check: 'kpi.achievementWithoutInputs', message: `${where}: achievement without actual or target`, detail: row, ...ctx });
}

// ───────────────────────────── review-wide checks (property 1) ─────────────────────────────

const CODES = new Set<string>(issueCodes());
/** issues about the sheet's layout rather than a typed cell: their cell may lie right of the read area */
const SHEET_LEVEL = new Set(['sheet.tooWide', 'sheet.outputBlocked']);

export interface CheckStats {
  sheets: number;
  kpiSheets: number;
  pledgeSheets: number;
  otherSheets: number;
  planned: number;
  withErrors: number;
  kpis: number;
  activities: number;
  issues: number;
  cleanChecked: number;
  /** violations that belong to a known src bug (see knownBugs.ts), counted instead of failing */
  knownBug: Record<string, number>;
}

export function newStats(): CheckStats {
  return { sheets: 0, kpiSheets: 0, pledgeSheets: 0, otherSheets: 0, planned: 0, withErrors: 0, kpis: 0, activities: 0, issues: 0, cleanChecked: 0, knownBug: {} };
}

function sheetReviewOf(file: FileReview, name: string): SheetReview | undefined {
  return file.sheets.find((s) => s.sheet === name);
}

function headerTextAt(sheet: RawSheet, row: number, col: number): string {
  return displayed(rawCell(sheet, row, col)).trim();
}

/** walks a JSON-bound value: every number finite, no undefined in arrays, no functions */
function checkJsonable(v: unknown, path: string): void {
  if (v === null) return;
  switch (typeof v) {
    case 'number':
      if (!Number.isFinite(v)) violated(`report: ${path} = ${v} would serialise as null`);
      return;
    case 'string':
    case 'boolean':
      return;
    case 'undefined':
      violated(`report: ${path} is undefined`);
      break;
    case 'object':
      if (Array.isArray(v)) v.forEach((x, i) => checkJsonable(x, `${path}[${i}]`));
      else for (const [k, x] of Object.entries(v as object)) if (x !== undefined) checkJsonable(x, `${path}.${k}`);
      return;
    default:
      violated(`report: ${path} is a ${typeof v}`);
  }
}

/**
 * Property 1: the review finished; every issue is well-formed and points into the sheet;
 * the report serialises; every KPI result obeys the rules; sheets end in a plan or in
 * errors; clean sheets read exactly as their model says.
 */
export function checkReview(inputs: readonly WorkbookInput[], review: Review, models: SheetModel[][] | null, stats: CheckStats, known: KnownBugFilter = () => null): void {
  const s = review.settings;
  const report = reporter(known, stats.knownBug);
  if (review.files.length !== inputs.length) violated('one FileReview per input');
  inputs.forEach((input, fi) => {
    const file = review.files[fi];
    const names = new Set(input.sheets.map((x) => x.name));
    for (const sr of file.sheets) if (!names.has(sr.sheet)) violated(`review names a sheet that does not exist: ${sr.sheet}`);
    for (const n of file.otherSheets) if (!names.has(n)) violated(`otherSheets names a sheet that does not exist: ${n}`);
    if (file.sheets.length + file.otherSheets.length !== input.sheets.length) violated('every sheet is reviewed or left alone, exactly once', { reviewed: file.sheets.map((x) => x.sheet), other: file.otherSheets });
    for (const sheet of input.sheets) {
      stats.sheets++;
      const sr = sheetReviewOf(file, sheet.name);
      const model = models?.[fi]?.find((m) => m.name === sheet.name);
      if (!sr) {
        stats.otherSheets++;
        if (model && model.headerRow !== null && model.clean) violated(`${sheet.name}: clean ${model.kind} sheet with its header on row ${model.headerRow + 1} was not recognised`);
        continue;
      }
      if (model && model.headerRow === null) violated(`${sheet.name}: header on row 11 or later (or none), yet read as a ${sr.kind} sheet with header row ${sr.headerRow + 1}`);
      if (sr.kind === 'kpi') stats.kpiSheets++;
      else stats.pledgeSheets++;
      if (sr.headerRow < Math.max(0, sheet.top) || sr.headerRow > 9) violated(`${sheet.name}: header row ${sr.headerRow + 1} outside rows 1–10`);
      const errs = sr.issues.filter((i) => i.severity === 'error');
      if (errs.length) stats.withErrors++;
      if (sr.plan) stats.planned++;
      if (errs.length > 0 && sr.plan !== null) violated(`${sheet.name}: a sheet with errors has a plan`, errs.map((e) => issueLine('ja', e)));
      if (errs.length === 0 && sr.plan === null) violated(`${sheet.name}: a ${sr.kind} sheet without errors has no plan (neither result nor named error)`);
      checkIssues(sheet, sr, stats, report);
      if (sr.kind === 'kpi') {
        stats.kpis += sr.kpis.length;
        for (const k of sr.kpis) {
          if (k.row.sheet !== sheet.name) violated('KPI row names another sheet');
          if (k.row.row < sr.headerRow) violated(`${sheet.name}: KPI row ${k.row.row + 1} above the header`);
          checkKpiResult(k.row, k.result, s, `${sheet.name}!row ${k.row.row + 1}`, report);
        }
      } else stats.activities += sr.activities.length;
      if (model && model.clean && model.headerRow !== null) {
        stats.cleanChecked++;
        if (sr.headerRow !== model.headerRow) violated(`${sheet.name}: header found on row ${sr.headerRow + 1}, written on row ${model.headerRow + 1}`);
        if (errs.length) {
          for (const e of errs) report({ check: 'clean.error', message: `${sheet.name}: a sheet with only valid values got errors`, detail: errs.map((x) => `${x.cell} ${x.code} found=${x.found}`), issue: e, sheet, siblings: errs });
        } else if (sr.kind === 'kpi' && model.kpis) checkKpiModel(sheet.name, sr.kpis.map((k) => k.row), model.kpis);
        else if (sr.kind === 'pledge' && model.activities) {
          const got = sr.activities.map((a) => ({ row: a.row, policy: a.policy, pledge: a.pledge, measure: a.measure, rating: a.rating }));
          if (canon(got) !== canon(model.activities)) violated(`${sheet.name}: activities read ≠ activities written`, { got, expected: model.activities });
        }
      }
    }
  });
  // rollup = SPEC over the activities that were read
  checkRollup(review.pledges, review.activities);
  // the report serialises, with finite numbers only
  let rep: ReturnType<typeof buildReport>;
  try {
    rep = buildReport(review);
  } catch (e) {
    violated(`buildReport threw: ${(e as Error).message}`);
  }
  try {
    checkJsonable(rep, 'report');
  } catch (e) {
    report({ check: 'report.json', message: (e as Error).message });
  }
  // summaries: grade counts add up, means within [0, cap]
  for (const g of [...rep.goals, ...rep.measures, rep.total]) {
    const n = g.grades.A + g.grades.B + g.grades.C + g.grades.D + g.grades.none;
    if (n !== g.kpis) violated('report: grade counts do not add up to the KPI count', g);
    for (const m of [g.meanAchievement, g.meanAchievementExCovid]) if (!(m === null || (Number.isFinite(m) && m >= 0 && m <= s.cap + 1e-9))) report({ check: 'report.mean', message: `report: mean achievement ${m} outside [0, cap]`, detail: g });
  }
  // 数値目標 and rows left out are counted apart
  if (rep.total.kpis !== review.kpis.filter((k) => k.row.kind === 'kpi' && !k.row.excluded).length) violated('report: total KPI count');
  if (rep.total.goalTargets.count !== review.kpis.filter((k) => k.row.kind === 'goalTarget' && !k.row.excluded).length) violated('report: total 数値目標 count');
  if (rep.total.excluded !== review.kpis.filter((k) => k.row.kind === 'kpi' && k.row.excluded).length) violated('report: total excluded count');
  if (rep.goals.reduce((n, g) => n + g.kpis, 0) !== rep.total.kpis) violated('report: goal KPI counts do not add up to the total');
  const text = JSON.stringify(rep);
  const back = JSON.parse(text) as { kpis: unknown[]; errors: unknown[] };
  if (back.kpis.length !== review.kpis.length) violated('report: KPI count');
  if (back.errors.length !== review.issues.filter((i) => i.severity === 'error').length) violated('report: error count');
}

function close(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return a === b || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

function checkKpiModel(sheet: string, rows: KpiRow[], expected: ExpectedKpiRow[]): void {
  if (rows.length !== expected.length) violated(`${sheet}: ${rows.length} KPI rows read, ${expected.length} written`, { read: rows.map((r) => r.row), written: expected.map((e) => e.row) });
  rows.forEach((r, i) => {
    const e = expected[i];
    const where = `${sheet}!row ${e.row + 1}`;
    const same =
      r.row === e.row && r.indicator === e.indicator && r.goal === e.goal && r.measure === e.measure && r.direction === e.direction && r.aggregation === e.aggregation &&
      r.baselineYear === e.baselineYear && r.targetYear === e.targetYear && close(r.baseline, e.baseline) && close(r.target, e.target) && r.notes === e.notes &&
      r.actuals.length === e.actuals.length && r.actuals.every((a, j) => a.year === e.actuals[j].year && close(a.value, e.actuals[j].value)) &&
      r.kind === e.kind && r.basicDirection === e.basicDirection && r.department === e.department && canon(r.revisionKinds) === canon(e.revisionKinds) &&
      close(r.originalTarget, e.originalTarget) && r.excluded === e.excluded && r.covidOverride === e.covidOverride;
    if (!same) violated(`${where}: read ≠ written`, { read: { ...r, indicator: r.indicator.slice(0, 40) }, written: { ...e, indicator: e.indicator.slice(0, 40) } });
  });
}

function checkIssues(sheet: RawSheet, sr: SheetReview, stats: CheckStats, report: Reporter): void {
  const area = sheetArea(sheet);
  for (const i of sr.issues) {
    stats.issues++;
    const where = `${sheet.name}: issue ${i.code} ${i.cell ?? ''}`;
    const message = issueLine('ja', i);
    const messageEn = issueLine('en', i);
    const fail = (check: string, text: string) => report({ check, message: `${where}: ${text}`, detail: { message, row: i.row, col: i.col, header: i.header }, issue: i, sheet });
    if (!['error', 'warning', 'info'].includes(i.severity)) fail('issue.severity', `severity ${i.severity}`);
    if (!CODES.has(i.code)) fail('issue.code', 'unknown code');
    if (i.sheet !== sheet.name) fail('issue.sheet', `names sheet ${i.sheet}`);
    if (message.trim() === '' || messageEn.trim() === '') fail('issue.message', 'empty message');
    if (/\{\w+\}/.test(message) || /\{\w+\}/.test(messageEn)) fail('issue.placeholder', `message with an unfilled placeholder: ${message} / ${messageEn}`);
    if (i.severity === 'error' && i.cell === undefined) fail('issue.noCell', 'an error that names no cell');
    if (i.cell === undefined) continue;
    const a = parseA1(i.cell);
    if (!a) {
      fail('issue.a1', `not an A1 address: ${i.cell}`);
      continue;
    }
    if (a.row !== i.row || a.col !== i.col) fail('issue.a1', `cell ${i.cell} ≠ row ${i.row} col ${i.col}`);
    if (a.row > EXCEL_MAX_ROW || a.col > EXCEL_MAX_COL) fail('issue.grid', 'beyond XFD1048576');
    const outside = a.row < area.top || a.row > area.bottom || a.col < area.left || a.col > area.right;
    if (outside && (!SHEET_LEVEL.has(i.code) || a.row > area.bottom)) fail('issue.area', `cell outside the sheet's area ${safeJson(area)}`);
    if (!message.includes(`${sheet.name}!${i.cell}`)) fail('issue.location', `message does not name ${sheet.name}!${i.cell}: ${message}`);
    const head = headerTextAt(sheet, sr.headerRow, a.col);
    if (i.severity === 'error' && head !== '' && !i.header) fail('issue.header', `error in a column with header「${head}」but the issue names no header: ${message}`);
  }
}

// ───────────────────────────── plan safety (property 2) ─────────────────────────────

function insideMerge(merges: CellRect[] | undefined, row: number, col: number): CellRect | undefined {
  return merges?.find((m) => (m.bottom > m.top || m.right > m.left) && row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
}

export interface PlanStats {
  plans: number;
  cells: number;
  createdColumns: number;
  existingColumns: number;
  overwrittenOutputs: number;
}

export function newPlanStats(): PlanStats {
  return { plans: 0, cells: 0, createdColumns: 0, existingColumns: 0, overwrittenOutputs: 0 };
}

/**
 * Property 2: a plan only addresses output columns; header cells only in the header row
 * of created columns; data cells only in data rows; never a non-empty input cell unless
 * it lies in an existing output column; never a merged cell; conditional formats only
 * over output columns.
 */
export function checkPlan(sheet: RawSheet, sr: SheetReview, model: SheetModel | undefined, stats: PlanStats, pledges?: PledgeRollup): void {
  const plan = sr.plan;
  if (!plan) return;
  stats.plans++;
  const name = sheet.name;
  if (plan.sheet !== name || plan.kind !== sr.kind || plan.headerRow !== sr.headerRow) violated(`${name}: plan names another sheet, kind or header row`, { plan: plan.sheet, kind: plan.kind, headerRow: plan.headerRow });
  if (!(plan.firstDataRow > plan.headerRow)) violated(`${name}: first data row ${plan.firstDataRow} not below header ${plan.headerRow}`);
  const byCol = new Map<number, SheetPlan['columns'][number]>();
  const keys = new Set<string>();
  for (const c of plan.columns) {
    if (byCol.has(c.col)) violated(`${name}: two output columns at column ${c.col}`, plan.columns);
    if (keys.has(c.key)) violated(`${name}: output ${c.key} planned twice`);
    if (c.col < 0 || c.col > EXCEL_MAX_COL) violated(`${name}: output column ${c.col} outside the grid`);
    byCol.set(c.col, c);
    keys.add(c.key);
    const head = rawCell(sheet, plan.headerRow, c.col);
    if (c.created) {
      stats.createdColumns++;
      for (let r = plan.headerRow; r <= plan.lastDataRow; r++) if (!isEmptyInput(rawCell(sheet, r, c.col))) violated(`${name}: column ${c.col} is created over input data at row ${r + 1}`, rawCell(sheet, r, c.col));
    } else {
      stats.existingColumns++;
      if (!isOutputHeader(head)) violated(`${name}: column ${c.col} taken as existing output ${c.key}, but its header「${displayed(head)}」is not an output header`);
    }
  }
  const expectedCount = sr.kind === 'kpi' ? 6 : 4;
  if (plan.columns.length !== expectedCount) violated(`${name}: ${plan.columns.length} output columns planned, ${expectedCount} expected`);
  if (model) {
    const existing: Record<string, number> = {};
    for (const c of plan.columns) if (!c.created) existing[c.key] = c.col;
    const want = model.existingOutputs;
    const same = Object.keys(want).length === Object.keys(existing).length && Object.entries(want).every(([k, v]) => existing[k] === v);
    if (!same) violated(`${name}: existing output columns found ≠ output columns in the table`, { found: existing, table: want });
  }
  const cells = planCells(plan);
  stats.cells += cells.length;
  const seen = new Set<string>();
  for (const c of cells) {
    const key = `${c.row},${c.col}`;
    if (seen.has(key)) violated(`${name}: cell (${c.row},${c.col}) written twice`);
    seen.add(key);
    const col = byCol.get(c.col);
    if (!col) violated(`${name}: write at column ${c.col} which is not an output column`, c);
    if (c.role === 'header') {
      if (!col.created) violated(`${name}: header written over the existing output column ${col.key}`);
      if (c.row !== plan.headerRow) violated(`${name}: header cell written at row ${c.row + 1}, header row is ${plan.headerRow + 1}`);
      if (c.value !== col.header) violated(`${name}: header cell value ${safeJson(c.value)} ≠ ${col.header}`);
    } else {
      if (c.row < plan.firstDataRow || c.row > plan.lastDataRow) violated(`${name}: data cell at row ${c.row + 1} outside data rows ${plan.firstDataRow + 1}–${plan.lastDataRow + 1}`);
      if (c.format !== col.numberFormat) violated(`${name}: number format ${c.format} ≠ column's ${col.numberFormat}`);
      if (!(c.value === null || typeof c.value === 'string' || (typeof c.value === 'number' && Number.isFinite(c.value)))) violated(`${name}: written value ${c.value}`);
    }
    const before = rawCell(sheet, c.row, c.col);
    if (!isEmptyInput(before)) {
      if (col.created) violated(`${name}: plan overwrites input ${safeJson(before)} at (${c.row},${c.col})`);
      stats.overwrittenOutputs++;
    }
    const m = insideMerge(sheet.merges, c.row, c.col);
    if (m) violated(`${name}: plan writes into merged area`, { cell: c, merge: m });
  }
  // data cells: exactly one row per reviewed row, every output column
  const rows = sr.kind === 'kpi' ? sr.kpis.map((k) => k.row.row) : sr.activities.map((a) => a.row);
  const dataCells = cells.filter((c) => c.role === 'data');
  if (dataCells.length !== rows.length * plan.columns.length) violated(`${name}: ${dataCells.length} data cells for ${rows.length} rows × ${plan.columns.length} columns`);
  const rowSet = new Set(rows);
  for (const c of dataCells) if (!rowSet.has(c.row)) violated(`${name}: data written on row ${c.row + 1}, which is not a reviewed row`);
  // every data cell holds the value computed for its row and its column's key (whatever the column order)
  const expectedByRow = new Map<number, Record<string, PlanValue>>();
  const pct = (x: number | null) => (x === null ? null : x / 100);
  if (sr.kind === 'kpi') {
    for (const k of sr.kpis) {
      const r = k.result;
      const basis = r.gradeBasis === null ? null : r.gradeBasis === 'pace' ? '計画比' : '達成率';
      expectedByRow.set(k.row.row, { achievement: pct(r.achievement), progress: pct(r.progress), pace: pct(r.pace), grade: r.grade, gradeBasis: basis, covid: r.covid === 'none' ? null : r.covid === 'suspended' ? 'コロナ中止' : '要確認' });
    }
  } else if (pledges) {
    for (const a of sr.activities) {
      const m = pledges.measures.find((x) => x.policy === a.policy && x.pledge === a.pledge && x.measure === a.measure);
      const p = pledges.pledges.find((x) => x.policy === a.policy && x.pledge === a.pledge);
      const q = pledges.policies.find((x) => x.policy === a.policy);
      if (!m || !p || !q) violated(`${name}: activity on row ${a.row + 1} missing from the rollup`);
      expectedByRow.set(a.row, { measureProgress: m.rating, measureStars: m.stars, pledgeProgress: p.percent / 100, policyProgress: q.percent / 100 });
    }
  }
  for (const c of dataCells) {
    const want = expectedByRow.get(c.row);
    if (!want) continue;
    const key = byCol.get(c.col)!.key;
    if (!Object.is(c.value, want[key])) violated(`${name}: cell (${c.row + 1}, ${c.col}) in column ${key} holds ${safeJson(c.value)}, the row's ${key} is ${safeJson(want[key])}`);
  }
  const created = plan.columns.filter((c) => c.created).length;
  if (cells.filter((c) => c.role === 'header').length !== created) violated(`${name}: ${created} created columns but ${cells.filter((c) => c.role === 'header').length} header cells`);
  for (const cf of plan.conditionalFormats) {
    if (cf.top < plan.firstDataRow || cf.bottom > plan.lastDataRow || cf.top > cf.bottom) violated(`${name}: conditional format rows ${cf.top}–${cf.bottom} outside data rows`, cf);
    for (let col = cf.left; col <= cf.right; col++) if (!byCol.has(col)) violated(`${name}: conditional format over column ${col}, not an output column`, cf);
  }
}

/** the plans of a review, per sheet name, as cell → value maps (for idempotency) */
export function planMap(plan: SheetPlan, role?: 'header' | 'data'): Map<string, string> {
  const m = new Map<string, string>();
  for (const c of planCells(plan)) if (!role || c.role === role) m.set(`${c.row},${c.col}`, canon([c.value, c.format]));
  return m;
}

export function sameMap(a: Map<string, string>, b: Map<string, string>): string | null {
  if (a.size !== b.size) return `${a.size} cells vs ${b.size} cells`;
  for (const [k, v] of a) if (b.get(k) !== v) return `cell ${k}: ${v} vs ${b.get(k)}`;
  return null;
}
