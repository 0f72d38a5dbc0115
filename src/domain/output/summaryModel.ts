/**
 * The summary sheet (集計) of SPEC section 5 as data: titled sections, each an Excel table,
 * with number formats, bold rows, links to cells and one chart spec. Both adapters
 * (Office.js and exceljs) render this same model, so the task pane and the command line
 * publish the same sheet.
 */
import { cellAddress } from '../base/address';
import { COVID_LABEL } from '../rules/covid';
import { eraLabel } from '../cells/fiscalYear';
import { summarizeKpis, type GroupSummary } from '../rules/goalSummary';
import type { Issue } from '../base/issues';
import { circledNumber, romanNumeral } from '../cells/ordinals';
import type { Review } from '../review';
import { labels } from './labels';
import type { Lang } from '../../messages/lang';

export type SummaryValue = string | number | null;

export interface CellLink {
  /** workbook file the cell is in; undefined = this workbook */
  file?: string;
  sheet: string;
  cell: string;
}

export interface SummaryCell {
  v: SummaryValue;
  bold?: boolean;
  link?: CellLink;
}

export interface SummaryTable {
  /** Excel table name, unique in the workbook */
  name: string;
  title: string;
  /** row of the title; the table header is the row below */
  titleRow: number;
  left: number;
  headers: string[];
  rows: SummaryCell[][];
  /** number format per column (null = General) */
  formats: (string | null)[];
  /** column index (in the table) that gets an icon set / data bar */
  iconSetColumn?: number;
  dataBarColumn?: number;
  /** text shown instead of the table when it has no rows */
  emptyText: string;
}

export interface SummaryChart {
  title: string;
  /** table whose rows feed the chart */
  table: string;
  categoryColumn: number;
  valueColumns: number[];
  /** number of leading table rows charted (the total row is left out) */
  rowCount: number;
  top: number;
  left: number;
  width: number;
  height: number;
}

export interface SummarySheetModel {
  name: string;
  title: string;
  subtitle: string;
  tables: SummaryTable[];
  chart: SummaryChart | null;
  /** rows frozen at the top (title lines) */
  freezeRows: number;
  columnWidths: number[];
}

export const SUMMARY_SHEET_NAME = '集計';

const PCT = '0.0%';

function pct(x: number | null): number | null {
  return x === null ? null : x / 100;
}

function goalLabel(goal: number | null, lang: Lang): string {
  if (goal === null) return labels[lang].noGoal;
  return lang === 'ja' ? `基本目標${goal}` : `Goal ${goal}`;
}

function measureLabel(measure: number | null, lang: Lang): string {
  if (measure === null) return labels[lang].goalTarget;
  return lang === 'ja' ? `施策${circledNumber(measure)}` : `Measure ${measure}`;
}

function groupCells(g: GroupSummary): SummaryCell[] {
  return [
    { v: g.kpis },
    { v: pct(g.meanAchievement) },
    { v: pct(g.meanAchievementExCovid) },
    { v: g.grades.A },
    { v: g.grades.B },
    { v: g.grades.C },
    { v: g.grades.D },
    { v: g.grades.none },
    { v: g.covidSuspended },
    { v: g.covidReview },
  ];
}

const GROUP_FORMATS = ['0', PCT, PCT, '0', '0', '0', '0', '0', '0', '0'];

/** Unique, non-empty column headers: an Excel table needs distinct header names. */
export function tableHeaders(headers: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return headers.map((h) => {
    const base = h.trim() || 'Column';
    const n = (seen.get(base.toLowerCase()) ?? 0) + 1;
    seen.set(base.toLowerCase(), n);
    return n === 1 ? base : `${base}${n}`;
  });
}

export interface SummaryOptions {
  lang?: Lang;
  /** shown in the subtitle, e.g. 2026-11-22 */
  date?: string;
  /** the workbook being summarised, for links (task pane: undefined = same workbook) */
  linkFile?: (file: string, kind: 'reviewed' | 'input') => string | undefined;
}

export function buildSummaryModel(review: Review, opts: SummaryOptions = {}): SummarySheetModel {
  const lang = opts.lang ?? 'ja';
  const L = labels[lang];
  const s = review.settings;
  const summary = summarizeKpis(review.kpis);
  const link = (file: string, kind: 'reviewed' | 'input', sheet: string, row: number, col: number): CellLink => ({
    file: opts.linkFile ? opts.linkFile(file, kind) : undefined,
    sheet,
    cell: cellAddress(row, col),
  });
  const erroredFiles = new Set(review.issues.filter((i) => i.severity === 'error').map((i) => i.file ?? ''));
  const tables: SummaryTable[] = [];
  let row = 3;
  const place = (t: Omit<SummaryTable, 'titleRow' | 'left'>): void => {
    tables.push({ ...t, headers: tableHeaders(t.headers), titleRow: row, left: 0 });
    row += 2 + Math.max(1, t.rows.length) + 2;
  };

  // 1. goals
  const goalRows: SummaryCell[][] = summary.goals.map((g) => [{ v: goalLabel(g.goal, lang) }, ...groupCells(g)]);
  goalRows.push([{ v: L.total, bold: true }, ...groupCells(summary.total).map((c) => ({ ...c, bold: true }))]);
  const groupHeaders = [L.kpiCount, L.meanAchievement, L.meanAchievementExCovid, 'A', 'B', 'C', 'D', L.noGrade, COVID_LABEL.suspended, COVID_LABEL.review];
  place({
    name: 'PR_Goals',
    title: L.goalsTitle,
    headers: [L.goal, ...groupHeaders],
    rows: goalRows,
    formats: [null, ...GROUP_FORMATS],
    dataBarColumn: 2,
    emptyText: L.none,
  });
  const goalsTable = tables[tables.length - 1];
  const chart: SummaryChart | null = summary.goals.length
    ? {
        title: L.chartTitle,
        table: 'PR_Goals',
        categoryColumn: 0,
        valueColumns: [2, 3],
        rowCount: summary.goals.length,
        top: goalsTable.titleRow,
        left: 12,
        width: 560,
        height: 300,
      }
    : null;
  if (chart) row = Math.max(row, goalsTable.titleRow + 17);

  // 2. measures
  place({
    name: 'PR_Measures',
    title: L.measuresTitle,
    headers: [L.goal, L.measure, ...groupHeaders],
    rows: summary.measures.map((m) => [{ v: goalLabel(m.goal, lang) }, { v: measureLabel(m.measure, lang) }, ...groupCells(m)]),
    formats: [null, null, ...GROUP_FORMATS],
    dataBarColumn: 3,
    emptyText: L.none,
  });

  // 3. every KPI
  place({
    name: 'PR_KPIs',
    title: L.kpisTitle,
    headers: [L.goal, L.measure, L.project, L.indicator, L.unit, L.baseline, L.actualYear, L.actual, L.target, L.achievement, L.progress, L.pace, L.grade, L.covid, L.location],
    rows: review.kpis.map(({ row: k, result: r }) => [
      { v: k.goal === null ? null : goalLabel(k.goal, lang) },
      { v: k.measure === null ? null : measureLabel(k.measure, lang) },
      { v: k.project || null },
      { v: k.indicator },
      { v: k.unit || null },
      { v: k.baseline },
      { v: r.latest ? eraLabel(r.latest.year) : null },
      { v: r.latest ? r.latest.value : null },
      { v: k.target },
      { v: pct(r.achievement) },
      { v: pct(r.progress) },
      { v: pct(r.pace) },
      { v: r.grade },
      { v: r.covid === 'none' ? null : COVID_LABEL[r.covid] },
      // plain text: a link per KPI would add a relationship per row to the package
      { v: L.rowRef(k.sheet, k.row + 1) },
    ]),
    formats: [null, null, null, null, null, '#,##0.###', null, '#,##0.###', '#,##0.###', PCT, PCT, PCT, '@', '@', null],
    iconSetColumn: 9,
    emptyText: L.none,
  });

  // 4. pledge overview (総括表), in the layout of seed 002
  const pledgeRows: SummaryCell[][] = [];
  for (const p of review.pledges.policies) {
    pledgeRows.push([{ v: `${romanNumeral(p.policy)} ${p.title}`.trim(), bold: true }, { v: p.percent / 100, bold: true }]);
    for (const q of review.pledges.pledges.filter((x) => x.policy === p.policy)) {
      pledgeRows.push([{ v: `　${q.pledge} ${q.title}`.trimEnd() }, { v: q.percent / 100 }]);
    }
  }
  if (review.pledges.overall !== null) pledgeRows.push([{ v: L.overall, bold: true }, { v: review.pledges.overall / 100, bold: true }]);
  place({
    name: 'PR_Pledges',
    title: L.pledgesTitle,
    headers: [L.pledgeSection, L.pledgeProgress],
    rows: pledgeRows,
    formats: [null, '0.0%'],
    dataBarColumn: 1,
    emptyText: L.none,
  });
  place({
    name: 'PR_Measures_Stars',
    title: L.pledgeMeasuresTitle,
    headers: [L.policy, L.pledge, L.measure, L.measureTitle, L.measureProgress, L.stars, L.activities],
    rows: review.pledges.measures.map((m) => [
      { v: romanNumeral(m.policy) },
      { v: m.pledge },
      { v: m.measure },
      { v: m.title || null },
      { v: m.rating },
      { v: m.stars },
      { v: m.activities },
    ]),
    formats: [null, '0', '0', null, '0.00', '@', '0'],
    emptyText: L.none,
  });

  // 5. COVID-flagged KPIs
  place({
    name: 'PR_Covid',
    title: L.covidTitle,
    headers: [L.covid, L.file, L.sheet, L.indicator, L.baseline, L.actual, L.notes, L.location],
    rows: review.kpis
      .filter((k) => k.result.covid !== 'none')
      .map(({ file, row: k, result: r }) => [
        { v: COVID_LABEL[r.covid] },
        { v: file },
        { v: k.sheet },
        { v: k.indicator },
        { v: k.baseline },
        { v: r.latest ? r.latest.value : null },
        { v: k.notes || null },
        { v: L.rowRef(k.sheet, k.row + 1), link: link(file, erroredFiles.has(file) ? 'input' : 'reviewed', k.sheet, k.row, 0) },
      ]),
    formats: ['@', null, null, null, '#,##0.###', '#,##0.###', null, null],
    emptyText: L.none,
  });

  // 6. validation problems
  const problems = review.issues.filter((i) => i.severity !== 'info');
  place({
    name: 'PR_Problems',
    title: L.problemsTitle,
    headers: [L.severity, L.file, L.sheet, L.cell, L.header, L.message],
    rows: problems.map((i: Issue) => [
      { v: i.severity === 'error' ? L.error : L.warning },
      { v: i.file ?? null },
      { v: i.sheet },
      i.cell ? { v: i.cell, link: link(i.file ?? '', 'input', i.sheet, i.row!, i.col!) } : { v: null },
      { v: i.header ?? null },
      { v: lang === 'ja' ? i.message : i.messageEn },
    ]),
    formats: ['@', null, null, null, null, null],
    emptyText: L.noProblems,
  });

  return {
    name: SUMMARY_SHEET_NAME,
    title: L.summaryTitle,
    subtitle: L.subtitle(s.planStart, s.planEnd, s.cap, opts.date ?? ''),
    tables,
    chart,
    freezeRows: 2,
    columnWidths: [22, 14, 22, 34, 10, 12, 10, 12, 12, 10, 12, 10, 8, 12, 16],
  };
}
