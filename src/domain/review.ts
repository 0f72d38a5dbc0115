/**
 * The review of one or more workbooks, in the order the data flows:
 *   read     find each sheet's header row: a KPI sheet, a pledge sheet, or neither (left alone);
 *   validate read the rows, naming every bad cell (sheets/);
 *   compute  every KPI from its own row (rules/), then the pledge rollup over the pledge sheets
 *            of all workbooks together;
 *   plan     the writes of every sheet without errors: output columns only (plan/).
 * Pure: values in, data out. Adapters apply the plans; output/ turns the review into the
 * summary sheet and the JSON report.
 */
import { ACTUAL_HEADER, detectHeader, KPI_FIELD_HEADERS, PLEDGE_FIELD_HEADERS, type KpiHeader, type PledgeHeader } from './sheets/headers';
import { hasErrors, makeIssue, type Issue } from './base/issues';
import type { KpiResult, KpiRow } from './model/kpi';
import { computeKpi } from './rules/kpiCompute';
import { gradeDWithoutNotes } from './rules/gradeNotes';
import { manualCovidNotes } from './rules/covidNotes';
import { parseKpiSheet, type FailedRow } from './sheets/kpiSheet';
import { mergeLookup, type MergeLookup } from './base/merges';
import { KPI_OUTPUT_SPEC, PLEDGE_OUTPUT_SPEC, kpiConditionalFormats, kpiOutputValues, pledgeOutputValues } from './plan/outputPresentation';
import { planSheet } from './plan/sheetPlan';
import type { PlanValue, SheetPlan, WritePlan } from './plan/plan';
import type { PledgeActivity, PledgeRollup } from './model/pledge';
import { rollupPledges } from './rules/pledgeRollup';
import { parsePledgeSheet } from './sheets/pledgeSheet';
import type { RawSheet } from './base/raw';
import type { Settings } from './base/settings';

export interface WorkbookInput {
  /** file name (CLI) or workbook name (task pane) */
  file: string;
  sheets: RawSheet[];
}

export interface ReviewedKpi {
  file: string;
  row: KpiRow;
  result: KpiResult;
}

export interface KpiSheetReview {
  kind: 'kpi';
  file: string;
  sheet: string;
  headerRow: number;
  kpis: ReviewedKpi[];
  /** rows that could not be read (their errors are in `issues`) */
  failedRows: FailedRow[];
  issues: Issue[];
  plan: SheetPlan | null;
}

export interface PledgeSheetReview {
  kind: 'pledge';
  file: string;
  sheet: string;
  headerRow: number;
  activities: PledgeActivity[];
  issues: Issue[];
  plan: SheetPlan | null;
}

export type SheetReview = KpiSheetReview | PledgeSheetReview;

export interface FileReview {
  file: string;
  sheets: SheetReview[];
  /** names of sheets that are neither KPI nor pledge sheets (left alone) */
  otherSheets: string[];
  issues: Issue[];
  plan: WritePlan;
}

export interface Review {
  settings: Settings;
  files: FileReview[];
  kpis: ReviewedKpi[];
  activities: PledgeActivity[];
  pledges: PledgeRollup;
  issues: Issue[];
}

function byPosition(a: Issue, b: Issue): number {
  return (a.row ?? -1) - (b.row ?? -1) || (a.col ?? -1) - (b.col ?? -1);
}

function withFile(issues: Issue[], file: string): Issue[] {
  for (const i of issues) i.file = file;
  return issues;
}

/** A pledge sheet waits for the rollup (over every workbook) before it can be planned. */
interface PendingPledgeSheet {
  raw: RawSheet;
  header: PledgeHeader;
  lastRow: number;
  review: PledgeSheetReview;
}

interface ReadWorkbook {
  file: string;
  sheets: SheetReview[];
  pending: PendingPledgeSheet[];
  otherSheets: string[];
}

/** read, validate, compute and plan a KPI sheet: everything it needs is on its own rows */
function reviewKpiSheet(file: string, raw: RawSheet, header: KpiHeader, merges: MergeLookup, settings: Settings): KpiSheetReview {
  const parsed = parseKpiSheet(raw, header, merges);
  const kpis: ReviewedKpi[] = new Array(parsed.rows.length);
  for (let i = 0; i < parsed.rows.length; i++) kpis[i] = { file, row: parsed.rows[i], result: computeKpi(parsed.rows[i], settings) };
  const issues = [
    ...parsed.issues,
    ...gradeDWithoutNotes(kpis, raw.name, header.fields.notes, header.fields.indicator!, header.texts),
    ...manualCovidNotes(kpis, raw.name, header.fields.covidOverride, header.texts, settings),
  ];
  withFile(issues, file);
  // made with its plan, not given it after: a field written again once its object is made throws
  // away the code V8 optimised for that object's class (the reading and computing of the rows)
  const plan = hasErrors(issues) ? null : kpiSheetPlan(file, raw, header, parsed.lastRow, kpis, settings, issues);
  return { kind: 'kpi', file, sheet: raw.name, headerRow: header.row, kpis, failedRows: parsed.failedRows, issues, plan };
}

/** the writes of a KPI sheet without errors, or null when they are blocked (the reasons join `issues`, with its file) */
function kpiSheetPlan(file: string, raw: RawSheet, header: KpiHeader, lastRow: number, kpis: readonly ReviewedKpi[], settings: Settings, issues: Issue[]): SheetPlan | null {
  const rows: number[] = new Array(kpis.length);
  const values: PlanValue[][] = new Array(kpis.length);
  for (let i = 0; i < kpis.length; i++) {
    rows[i] = kpis[i].row.row;
    values[i] = kpiOutputValues(kpis[i].result);
  }
  const planned = planSheet(raw, 'kpi', header, lastRow, KPI_OUTPUT_SPEC, { rows, values }, (cols) => kpiConditionalFormats(cols, header.firstDataRow, lastRow, settings));
  if (!('blocked' in planned)) return planned.plan;
  issues.push(...withFile(planned.blocked, file));
  return null;
}

/** read and validate every sheet of a workbook; KPI sheets are computed and planned at once */
function readWorkbook(input: WorkbookInput, settings: Settings): ReadWorkbook {
  const out: ReadWorkbook = { file: input.file, sheets: [], pending: [], otherSheets: [] };
  for (const raw of input.sheets) {
    const merges = mergeLookup(raw);
    const header = detectHeader(raw, merges);
    if (!header) out.otherSheets.push(raw.name);
    else if (header.kind === 'kpi') out.sheets.push(reviewKpiSheet(input.file, raw, header, merges, settings));
    else {
      const parsed = parsePledgeSheet(raw, header, merges);
      const review: PledgeSheetReview = { kind: 'pledge', file: input.file, sheet: raw.name, headerRow: header.row, activities: parsed.activities, issues: withFile(parsed.issues, input.file), plan: null };
      out.sheets.push(review);
      out.pending.push({ raw, header, lastRow: parsed.lastRow, review });
    }
  }
  return out;
}

/** each activity's measure, pledge and policy in the rollup */
function rollupLookup(rollup: PledgeRollup): (a: PledgeActivity) => PlanValue[] {
  const measureOf = new Map(rollup.measures.map((m) => [`${m.policy}|${m.pledge}|${m.measure}`, m]));
  const pledgeOf = new Map(rollup.pledges.map((q) => [`${q.policy}|${q.pledge}`, q]));
  const policyOf = new Map(rollup.policies.map((q) => [q.policy, q]));
  return (a) => pledgeOutputValues(measureOf.get(`${a.policy}|${a.pledge}|${a.measure}`)!, pledgeOf.get(`${a.policy}|${a.pledge}`)!, policyOf.get(a.policy)!);
}

/** plan a pledge sheet without errors: every activity row gets its measure's, pledge's and policy's progress */
function planPledgeSheet(p: PendingPledgeSheet, valuesOf: (a: PledgeActivity) => PlanValue[]): void {
  const sr = p.review;
  if (hasErrors(sr.issues)) return;
  const data = { rows: sr.activities.map((a) => a.row), values: sr.activities.map(valuesOf) };
  const planned = planSheet(p.raw, 'pledge', p.header, p.lastRow, PLEDGE_OUTPUT_SPEC, data, () => []);
  if ('blocked' in planned) sr.issues.push(...withFile(planned.blocked, sr.file));
  else sr.plan = planned.plan;
}

/** the headers a KPI sheet and a pledge sheet are recognised by, for the message when neither is found */
const KPI_HEADERS_LOOKED_FOR = [KPI_FIELD_HEADERS.indicator, KPI_FIELD_HEADERS.target, `${ACTUAL_HEADER}R3`].join('・');
const PLEDGE_HEADERS_LOOKED_FOR = [PLEDGE_FIELD_HEADERS.policy, PLEDGE_FIELD_HEADERS.pledge, PLEDGE_FIELD_HEADERS.measure, PLEDGE_FIELD_HEADERS.rating].join('・');

/** A workbook in which no sheet is a KPI or pledge sheet is an error: nothing was reviewed. */
function nothingRecognised(book: ReadWorkbook): Issue[] {
  if (book.sheets.length) return [];
  const issue = makeIssue({ severity: 'error', code: 'workbook.noReviewSheet', sheet: '', params: { kpi: KPI_HEADERS_LOOKED_FOR, pledge: PLEDGE_HEADERS_LOOKED_FOR, sheets: book.otherSheets.length } });
  return withFile([issue], book.file);
}

function fileReview(book: ReadWorkbook): FileReview {
  for (const s of book.sheets) s.issues.sort(byPosition);
  return {
    file: book.file,
    sheets: book.sheets,
    otherSheets: book.otherSheets,
    issues: [...nothingRecognised(book), ...book.sheets.flatMap((s) => s.issues)],
    plan: { sheets: book.sheets.flatMap((s) => (s.plan ? [s.plan] : [])) },
  };
}

/** the sheets of a workbook left unwritten for their errors */
export function skippedSheets(fr: FileReview): string[] {
  return fr.sheets.filter((s) => s.plan === null).map((s) => s.sheet);
}

export function review(inputs: readonly WorkbookInput[], settings: Settings): Review {
  // read, validate and compute (KPI sheets are planned here too)
  const books = inputs.map((input) => readWorkbook(input, settings));
  const kpis: ReviewedKpi[] = [];
  const activities: PledgeActivity[] = [];
  for (const b of books) {
    for (const s of b.sheets) {
      if (s.kind === 'kpi') for (const k of s.kpis) kpis.push(k);
      else for (const a of s.activities) activities.push(a);
    }
  }
  // compute the pledge rollup over every workbook, then plan the pledge sheets
  const pledges = rollupPledges(activities);
  const valuesOf = rollupLookup(pledges);
  for (const b of books) for (const p of b.pending) planPledgeSheet(p, valuesOf);

  const files = books.map(fileReview);
  return { settings, files, kpis, activities, pledges, issues: files.flatMap((f) => f.issues) };
}
