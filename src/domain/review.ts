/**
 * The review of one or more workbooks: find the KPI and pledge sheets, read and validate
 * them, compute every KPI and the pledge rollup (across all pledge sheets given), and plan
 * the writes for the sheets that have no errors. Pure: values in, data out.
 */
import { COVID_LABEL } from './rules/covid';
import { detectHeader, type PledgeHeader, KPI_OUTPUT_HEADERS, KPI_OUTPUTS, PLEDGE_OUTPUT_HEADERS, PLEDGE_OUTPUTS, type KpiOutput, type PledgeOutput } from './sheets/headers';
import { hasErrors, makeIssue, type Issue } from './base/issues';
import type { KpiResult, KpiRow } from './model/kpi';
import { computeKpi } from './rules/kpiCompute';
import { parseKpiSheet } from './sheets/kpiSheet';
import { mergeLookup } from './base/merges';
import { placeOutputColumns, type OutputSpec } from './plan/outputColumns';
import { dataWrites, headerWrites, type ConditionalFormatPlan, type PlannedColumn, type PlanValue, type SheetPlan, type WritePlan } from './plan/plan';
import type { PledgeActivity, PledgeRollup } from './model/pledge';
import { rollupPledges } from './rules/pledgeRollup';
import { parsePledgeSheet } from './sheets/pledgeSheet';
import type { RawSheet } from './base/raw';
import type { Settings } from './base/settings';

export const KPI_OUTPUT_SPEC: OutputSpec<KpiOutput> = {
  order: KPI_OUTPUTS,
  headers: KPI_OUTPUT_HEADERS,
  formats: { achievement: '0.0%', progress: '0.0%', pace: '0.0%', grade: '@', covid: '@' },
  widths: { achievement: 10, progress: 12, pace: 10, grade: 8, covid: 12 },
};

export const PLEDGE_OUTPUT_SPEC: OutputSpec<PledgeOutput> = {
  order: PLEDGE_OUTPUTS,
  headers: PLEDGE_OUTPUT_HEADERS,
  formats: { measureProgress: '0.00', measureStars: '@', pledgeProgress: '0%', policyProgress: '0%' },
  widths: { measureProgress: 10, measureStars: 16, pledgeProgress: 10, policyProgress: 12 },
};

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

function pct(x: number | null): number | null {
  return x === null ? null : x / 100;
}

const GRADE_STYLES: { text: string; fill: string; fontColor: string }[] = [
  { text: 'A', fill: '#E2EFDA', fontColor: '#375623' },
  { text: 'D', fill: '#FCE4D6', fontColor: '#9C0006' },
];
const COVID_STYLES: { text: string; fill: string; fontColor: string }[] = [
  { text: COVID_LABEL.suspended, fill: '#F8CBAD', fontColor: '#833C0B' },
  { text: COVID_LABEL.review, fill: '#FFF2CC', fontColor: '#7F6000' },
];

function kpiConditionalFormats(columns: PlannedColumn[], first: number, last: number, s: Settings): ConditionalFormatPlan[] {
  if (last < first) return [];
  const at = (k: string) => columns.find((c) => c.key === k)!.col;
  const out: ConditionalFormatPlan[] = [];
  for (const k of ['achievement', 'pace'] as const) {
    out.push({ kind: 'iconSet', top: first, left: at(k), bottom: last, right: at(k), thresholds: [s.grades.C / 100, s.grades.A / 100] });
  }
  for (const g of GRADE_STYLES) out.push({ kind: 'textEquals', top: first, left: at('grade'), bottom: last, right: at('grade'), ...g });
  for (const g of COVID_STYLES) out.push({ kind: 'textEquals', top: first, left: at('covid'), bottom: last, right: at('covid'), ...g });
  return out;
}

/** Merged cells over output cells would make the write fail or spill; refuse instead. */
function mergeOverOutputs(sheet: RawSheet, columns: PlannedColumn[], first: number, last: number): Issue[] {
  if (last < first) return [];
  for (const m of sheet.merges ?? []) {
    if (m.bottom < first || m.top > last) continue;
    for (const c of columns) {
      if (c.col >= m.left && c.col <= m.right) {
        return [makeIssue({ severity: 'error', code: 'sheet.outputBlocked', sheet: sheet.name, row: Math.max(m.top, first), col: c.col, header: c.header, params: { found: c.header, other: '結合セル' } })];
      }
    }
  }
  return [];
}

export function kpiRowValues(r: KpiResult): PlanValue[] {
  return [pct(r.achievement), pct(r.progress), pct(r.pace), r.grade, r.covid === 'none' ? null : COVID_LABEL[r.covid]];
}

function gradeDWarnings(kpis: ReviewedKpi[], sheet: string, notesCol: number | undefined, indicatorCol: number, texts: Map<number, string>): Issue[] {
  const out: Issue[] = [];
  for (const k of kpis) {
    if (k.result.grade !== 'D' || k.row.notes) continue;
    const col = notesCol ?? indicatorCol;
    out.push(
      makeIssue({
        severity: 'warning',
        code: 'warn.gradeDNoNote',
        sheet,
        row: k.row.row,
        col,
        header: texts.get(col),
        params: { achievement: (k.result.achievement ?? 0).toFixed(1) + '%' },
      }),
    );
  }
  return out;
}

/**
 * The plan of one sheet: output columns placed (or the issues that block them), then the
 * header cells of created columns and one block per run of rows.
 */
function planSheet<K extends string>(
  sheet: RawSheet,
  kind: SheetPlan['kind'],
  header: { row: number; firstDataRow: number; outputs: Partial<Record<K, number>> },
  lastRow: number,
  spec: OutputSpec<K>,
  rowNumbers: number[],
  values: PlanValue[][],
  conditionalFormats: (columns: PlannedColumn[]) => ConditionalFormatPlan[],
): { plan: SheetPlan } | { blocked: Issue[] } {
  const placed = placeOutputColumns(sheet, header.row, lastRow, header.outputs, spec);
  const blocked = [...placed.issues, ...mergeOverOutputs(sheet, placed.columns, header.firstDataRow, lastRow)];
  if (blocked.length) return { blocked };
  return {
    plan: {
      sheet: sheet.name,
      kind,
      headerRow: header.row,
      firstDataRow: header.firstDataRow,
      lastDataRow: lastRow,
      columns: placed.columns,
      writes: [...headerWrites(placed.columns, header.row), ...dataWrites(placed.columns, rowNumbers, values)],
      conditionalFormats: conditionalFormats(placed.columns),
    },
  };
}

interface ParsedSheet {
  sheet: RawSheet;
  review: SheetReview;
  pledgeHeader?: PledgeHeader;
  lastRow: number;
}

export function review(inputs: readonly WorkbookInput[], settings: Settings): Review {
  const parsedByFile: { file: string; parsed: ParsedSheet[]; other: string[] }[] = [];
  const allActivities: PledgeActivity[] = [];
  const allKpis: ReviewedKpi[] = [];

  for (const input of inputs) {
    const parsed: ParsedSheet[] = [];
    const other: string[] = [];
    for (const sheet of input.sheets) {
      const merges = mergeLookup(sheet);
      const header = detectHeader(sheet, merges);
      if (!header) {
        other.push(sheet.name);
        continue;
      }
      if (header.kind === 'kpi') {
        const p = parseKpiSheet(sheet, header, merges);
        const kpis: ReviewedKpi[] = new Array(p.rows.length);
        for (let i = 0; i < p.rows.length; i++) kpis[i] = { file: input.file, row: p.rows[i], result: computeKpi(p.rows[i], settings) };
        const issues = [...p.issues, ...gradeDWarnings(kpis, sheet.name, header.fields.notes, header.fields.indicator!, header.texts)];
        for (const k of kpis) allKpis.push(k);
        const review: KpiSheetReview = { kind: 'kpi', file: input.file, sheet: sheet.name, headerRow: header.row, kpis, issues: withFile(issues, input.file), plan: null };
        parsed.push({ sheet, review, lastRow: p.lastRow });
        if (!hasErrors(issues)) {
          const rowNumbers: number[] = new Array(kpis.length);
          const values: PlanValue[][] = new Array(kpis.length);
          for (let i = 0; i < kpis.length; i++) {
            rowNumbers[i] = kpis[i].row.row;
            values[i] = kpiRowValues(kpis[i].result);
          }
          const planned = planSheet(sheet, 'kpi', header, p.lastRow, KPI_OUTPUT_SPEC, rowNumbers, values, (cols) => kpiConditionalFormats(cols, header.firstDataRow, p.lastRow, settings));
          if ('blocked' in planned) issues.push(...withFile(planned.blocked, input.file));
          else review.plan = planned.plan;
        }
      } else {
        const p = parsePledgeSheet(sheet, header, merges);
        for (const a of p.activities) allActivities.push(a);
        const review: PledgeSheetReview = { kind: 'pledge', file: input.file, sheet: sheet.name, headerRow: header.row, activities: p.activities, issues: withFile(p.issues, input.file), plan: null };
        parsed.push({ sheet, review, pledgeHeader: header, lastRow: p.lastRow });
      }
    }
    parsedByFile.push({ file: input.file, parsed, other });
  }

  const pledges = rollupPledges(allActivities);
  const measureOf = new Map(pledges.measures.map((m) => [`${m.policy}|${m.pledge}|${m.measure}`, m]));
  const pledgeOf = new Map(pledges.pledges.map((p) => [`${p.policy}|${p.pledge}`, p]));
  const policyOf = new Map(pledges.policies.map((p) => [p.policy, p]));

  const files: FileReview[] = [];
  const allIssues: Issue[] = [];
  for (const { file, parsed, other } of parsedByFile) {
    const sheets: SheetReview[] = [];
    for (const { sheet, review: sr, pledgeHeader: header, lastRow } of parsed) {
      if (sr.kind === 'pledge' && header && !hasErrors(sr.issues)) {
        const rowNumbers = sr.activities.map((a) => a.row);
        const values: PlanValue[][] = sr.activities.map((a) => {
          const m = measureOf.get(`${a.policy}|${a.pledge}|${a.measure}`)!;
          return [m.rating, m.stars, pledgeOf.get(`${a.policy}|${a.pledge}`)!.percent / 100, policyOf.get(a.policy)!.percent / 100];
        });
        const planned = planSheet(sheet, 'pledge', header, lastRow, PLEDGE_OUTPUT_SPEC, rowNumbers, values, () => []);
        if ('blocked' in planned) sr.issues.push(...withFile(planned.blocked, file));
        else sr.plan = planned.plan;
      }
      sheets.push(sr);
    }
    for (const s of sheets) s.issues.sort(byPosition);
    const issues = sheets.flatMap((s) => s.issues);
    for (const i of issues) allIssues.push(i);
    files.push({ file, sheets, otherSheets: other, issues, plan: { sheets: sheets.flatMap((s) => (s.plan ? [s.plan] : [])) } });
  }
  return { settings, files, kpis: allKpis, activities: allActivities, pledges, issues: allIssues };
}
