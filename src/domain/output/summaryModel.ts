/**
 * The summary sheet (集計) of SPEC section 5 as data: titled sections, each an Excel table,
 * with number formats, bold rows, links to cells, data bars and icon sets with their scales
 * (from the settings), and one chart spec. Both writers render this same model — the Office.js
 * adapter (src/excel/writeSummary.ts) in the task pane and the package writer
 * (src/xlsx/summaryPackage.ts) on the command line — so they publish the same sheet.
 */
import { cellAddress } from '../base/address';
import { COVID_LABEL } from '../rules/covid';
import { eraLabel } from '../cells/fiscalYear';
import { summarizeKpis, type GroupSummary, type KpiSummary } from '../rules/goalSummary';
import { circledNumber, romanNumeral } from '../cells/ordinals';
import { achievementScaleMax, fraction, gradeIconThresholds, PLEDGE_SCALE_MAX } from '../plan/outputPresentation';
import { skippedSheets, type Review } from '../review';
import type { Lang } from '../../messages/lang';
import { issueMessage } from '../../messages/issueText';
import { translate, translator, type Translate } from '../../messages/translate';

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
  /** a data bar from 0 to `max` (stored units: 1.2 = 120%) on one column (index in the table) */
  dataBar?: { column: number; max: number };
  /** traffic lights on one column: red below thresholds[0], yellow from it, green from thresholds[1] */
  iconSet?: { column: number; thresholds: [number, number] };
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
  /** the value axis, in stored units (1.2 = 120%) */
  axis: { min: number; max: number; majorUnit: number };
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

/** the same name in both languages: the add-in finds its earlier summary by it */
export const SUMMARY_SHEET_NAME = translate('ja', 'summary.sheetName');

const PCT = '0.0%';
const NUM = '#,##0.###';

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

/** What every section needs: the review, its words and scales, and a way to link to a cell. */
interface SectionContext {
  review: Review;
  summary: KpiSummary;
  lang: Lang;
  t: Translate;
  /** top of the 達成率 scales (bars, axis), from the cap */
  scaleMax: number;
  link(file: string, kind: 'reviewed' | 'input', sheet: string, row: number, col: number): CellLink;
  /** sheets left unwritten for their errors (`file|sheet`): their cells are linked in the input */
  unwrittenSheets: ReadonlySet<string>;
}

type Section = Omit<SummaryTable, 'titleRow' | 'left'>;

function goalLabel(c: SectionContext, goal: number | null): string {
  return goal === null ? c.t('summary.noGoal') : c.t('summary.goalLabel', { goal });
}

function measureLabel(c: SectionContext, measure: number | null): string {
  if (measure === null) return c.t('summary.goalTarget');
  // 施策⑤ in Japanese, as the city numbers its measures; Measure 5 in English
  return c.t('summary.measureLabel', { measure: c.lang === 'ja' ? circledNumber(measure) : measure });
}

function groupHeaders(c: SectionContext): string[] {
  const t = c.t;
  return [t('summary.col.kpiCount'), t('summary.col.meanAchievement'), t('summary.col.meanAchievementExCovid'), 'A', 'B', 'C', 'D', t('summary.col.noGrade'), COVID_LABEL.suspended, COVID_LABEL.review];
}

function groupCells(g: GroupSummary): SummaryCell[] {
  return [
    { v: g.kpis },
    { v: fraction(g.meanAchievement) },
    { v: fraction(g.meanAchievementExCovid) },
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

/** 1. KPI achievement per 基本目標, the total in bold; mean 達成率 as a bar */
function goalsSection(c: SectionContext): Section {
  const rows: SummaryCell[][] = c.summary.goals.map((g) => [{ v: goalLabel(c, g.goal) }, ...groupCells(g)]);
  rows.push([{ v: c.t('summary.total'), bold: true }, ...groupCells(c.summary.total).map((cell) => ({ ...cell, bold: true }))]);
  return {
    name: 'PR_Goals',
    title: c.t('summary.section.goals'),
    headers: [c.t('summary.col.goal'), ...groupHeaders(c)],
    rows,
    formats: [null, ...GROUP_FORMATS],
    dataBar: { column: 2, max: c.scaleMax },
    emptyText: c.t('summary.none'),
  };
}

/** the chart beside section 1: mean 達成率 with and without コロナ中止 per goal, the total left out */
function goalsChart(c: SectionContext, goals: SummaryTable): SummaryChart | null {
  if (!c.summary.goals.length) return null;
  return {
    title: c.t('summary.chartTitle'),
    table: goals.name,
    categoryColumn: 0,
    valueColumns: [2, 3],
    rowCount: c.summary.goals.length,
    axis: { min: 0, max: c.scaleMax, majorUnit: 0.2 },
    top: goals.titleRow,
    left: 12,
    width: 560,
    height: 300,
  };
}

/** 2. KPI achievement per 施策 */
function measuresSection(c: SectionContext): Section {
  return {
    name: 'PR_Measures',
    title: c.t('summary.section.measures'),
    headers: [c.t('summary.col.goal'), c.t('summary.col.measure'), ...groupHeaders(c)],
    rows: c.summary.measures.map((m) => [{ v: goalLabel(c, m.goal) }, { v: measureLabel(c, m.measure) }, ...groupCells(m)]),
    formats: [null, null, ...GROUP_FORMATS],
    dataBar: { column: 3, max: c.scaleMax },
    emptyText: c.t('summary.none'),
  };
}

/** 3. every KPI with its computed values; traffic lights on 達成率 at the grade bands */
function kpisSection(c: SectionContext): Section {
  const t = c.t;
  return {
    name: 'PR_KPIs',
    title: t('summary.section.kpis'),
    headers: [
      t('summary.col.goal'), t('summary.col.measure'), t('summary.col.project'), t('summary.col.indicator'), t('summary.col.unit'),
      t('summary.col.baseline'), t('summary.col.actualYear'), t('summary.col.actual'), t('summary.col.target'), t('summary.col.achievement'),
      t('summary.col.progress'), t('summary.col.pace'), t('summary.col.grade'), t('summary.col.covid'), t('summary.col.location'),
    ],
    rows: c.review.kpis.map(({ row: k, result: r }) => [
      { v: k.goal === null ? null : goalLabel(c, k.goal) },
      { v: k.measure === null ? null : measureLabel(c, k.measure) },
      { v: k.project || null },
      { v: k.indicator },
      { v: k.unit || null },
      { v: k.baseline },
      { v: r.latest ? eraLabel(r.latest.year) : null },
      { v: r.latest ? r.latest.value : null },
      { v: k.target },
      { v: fraction(r.achievement) },
      { v: fraction(r.progress) },
      { v: fraction(r.pace) },
      { v: r.grade },
      { v: r.covid === 'none' ? null : COVID_LABEL[r.covid] },
      // plain text: a link per KPI would add a relationship per row to the package
      { v: t('summary.rowRef', { sheet: k.sheet, row: k.row + 1 }) },
    ]),
    formats: [null, null, null, null, null, NUM, null, NUM, NUM, PCT, PCT, PCT, '@', '@', null],
    iconSet: { column: 9, thresholds: gradeIconThresholds(c.review.settings.grades) },
    emptyText: t('summary.none'),
  };
}

/** 4. the pledge overview (総括表) in the layout of seed 002: policies in bold, their pledges under them, 全体 last */
function pledgesSection(c: SectionContext): Section {
  const { pledges } = c.review;
  const rows: SummaryCell[][] = [];
  for (const p of pledges.policies) {
    rows.push([{ v: `${romanNumeral(p.policy)} ${p.title}`.trim(), bold: true }, { v: fraction(p.percent), bold: true }]);
    for (const q of pledges.pledges.filter((x) => x.policy === p.policy)) {
      rows.push([{ v: `　${q.pledge} ${q.title}`.trimEnd() }, { v: fraction(q.percent) }]);
    }
  }
  if (pledges.overall !== null) rows.push([{ v: c.t('summary.overall'), bold: true }, { v: fraction(pledges.overall), bold: true }]);
  return {
    name: 'PR_Pledges',
    title: c.t('summary.section.pledges'),
    headers: [c.t('summary.col.pledgeSection'), c.t('summary.col.pledgeProgress')],
    rows,
    formats: [null, PCT],
    dataBar: { column: 1, max: PLEDGE_SCALE_MAX },
    emptyText: c.t('summary.none'),
  };
}

/** 5. every pledge measure: its mean rating and ★ */
function pledgeMeasuresSection(c: SectionContext): Section {
  const t = c.t;
  return {
    name: 'PR_Measures_Stars',
    title: t('summary.section.pledgeMeasures'),
    headers: [t('summary.col.policy'), t('summary.col.pledge'), t('summary.col.measure'), t('summary.col.measureTitle'), t('summary.col.measureProgress'), t('summary.col.stars'), t('summary.col.activities')],
    rows: c.review.pledges.measures.map((m) => [
      { v: romanNumeral(m.policy) },
      { v: m.pledge },
      { v: m.measure },
      { v: m.title || null },
      { v: m.rating },
      { v: m.stars },
      { v: m.activities },
    ]),
    formats: [null, '0', '0', null, '0.00', '@', '0'],
    emptyText: t('summary.none'),
  };
}

/** 6. the KPIs flagged コロナ中止 or 要確認, each linked to its row */
function covidSection(c: SectionContext): Section {
  const t = c.t;
  return {
    name: 'PR_Covid',
    title: t('summary.section.covid'),
    headers: [t('summary.col.covid'), t('summary.col.file'), t('summary.col.sheet'), t('summary.col.indicator'), t('summary.col.baseline'), t('summary.col.actual'), t('summary.col.notes'), t('summary.col.location')],
    rows: c.review.kpis
      .filter((k) => k.result.covid !== 'none')
      .map(({ file, row: k, result: r }) => [
        { v: COVID_LABEL[r.covid] },
        { v: file },
        { v: k.sheet },
        { v: k.indicator },
        { v: k.baseline },
        { v: r.latest ? r.latest.value : null },
        { v: k.notes || null },
        { v: t('summary.rowRef', { sheet: k.sheet, row: k.row + 1 }), link: c.link(file, c.unwrittenSheets.has(`${file}|${k.sheet}`) ? 'input' : 'reviewed', k.sheet, k.row, 0) },
      ]),
    formats: ['@', null, null, null, NUM, NUM, null, null],
    emptyText: t('summary.none'),
  };
}

/** 7. the sheets left unwritten for their errors, then the errors and warnings of validation, each cell linked to the input */
function problemsSection(c: SectionContext): Section {
  const t = c.t;
  const unwritten: SummaryCell[][] = c.review.files.flatMap((f) =>
    skippedSheets(f).map((sheet) => [{ v: t('summary.severity.notWritten') }, { v: f.file }, { v: sheet }, { v: null }, { v: null }, { v: t('summary.sheetNotWritten') }]),
  );
  const problems: SummaryCell[][] = c.review.issues
    .filter((i) => i.severity !== 'info')
    .map((i) => [
      { v: t(i.severity === 'error' ? 'summary.severity.error' : 'summary.severity.warning') },
      { v: i.file ?? null },
      { v: i.sheet },
      i.cell ? { v: i.cell, link: c.link(i.file ?? '', 'input', i.sheet, i.row!, i.col!) } : { v: null },
      { v: i.header ?? null },
      // the place has its own columns: the message alone
      { v: issueMessage(c.lang, i) },
    ]);
  return {
    name: 'PR_Problems',
    title: t('summary.section.problems'),
    headers: [t('summary.col.severity'), t('summary.col.file'), t('summary.col.sheet'), t('summary.col.cell'), t('summary.col.header'), t('summary.col.message')],
    rows: [...unwritten, ...problems],
    formats: ['@', null, null, null, null, null],
    emptyText: t('summary.noProblems'),
  };
}

export function buildSummaryModel(review: Review, opts: SummaryOptions = {}): SummarySheetModel {
  const lang = opts.lang ?? 'ja';
  const t = translator(lang);
  const s = review.settings;
  const c: SectionContext = {
    review,
    summary: summarizeKpis(review.kpis),
    lang,
    t,
    scaleMax: achievementScaleMax(s),
    link: (file, kind, sheet, row, col) => ({ file: opts.linkFile ? opts.linkFile(file, kind) : undefined, sheet, cell: cellAddress(row, col) }),
    unwrittenSheets: new Set(review.files.flatMap((f) => skippedSheets(f).map((sheet) => `${f.file}|${sheet}`))),
  };

  // sections top to bottom: each takes its title row, its table (at least one row) and two blank rows
  const tables: SummaryTable[] = [];
  let row = 3;
  const place = (section: Section): SummaryTable => {
    const table = { ...section, headers: tableHeaders(section.headers), titleRow: row, left: 0 };
    tables.push(table);
    row += 2 + Math.max(1, section.rows.length) + 2;
    return table;
  };
  const goals = place(goalsSection(c));
  const chart = goalsChart(c, goals);
  // the chart stands right of section 1: the next section starts below it
  if (chart) row = Math.max(row, goals.titleRow + 17);
  place(measuresSection(c));
  place(kpisSection(c));
  place(pledgesSection(c));
  place(pledgeMeasuresSection(c));
  place(covidSection(c));
  place(problemsSection(c));

  return {
    name: SUMMARY_SHEET_NAME,
    title: t('summary.title'),
    subtitle: t('summary.subtitle', { start: s.planStart, end: s.planEnd, cap: s.cap }) + (opts.date ? t('summary.subtitle.date', { date: opts.date }) : ''),
    tables,
    chart,
    freezeRows: 2,
    columnWidths: [22, 14, 22, 34, 10, 12, 10, 12, 12, 10, 12, 10, 8, 12, 16],
  };
}
