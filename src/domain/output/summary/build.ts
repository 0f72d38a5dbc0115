/**
 * The summary of a review (SPEC §5) as a book of sheets, one table each, in the order a reader
 * goes through them: 総括, 数値目標, 基本的方向別, 施策別, KPI一覧, 担当課別, 見直し, 対象外,
 * 公約総括表, 公約施策別, コロナ影響, 問題. A sheet
 * whose table would be empty because its kind of input is absent (no pledge sheet, no 数値目標)
 * is left out; 総括, コロナ影響 and 問題 are always there.
 */
import type { Review } from '../../review';
import type { MessageKey } from '../../../messages/ja';
import { sectionContext, type SectionContext, type SummaryOptions } from './context';
import type { DraftSheet } from './draft';
import { FONT_SIZES } from './geometry';
import { departmentsSheet, directionsSheet, exclusionsSheet, goalTargetsSheet, kpiListSheet, measuresSheet, revisionsSheet } from './kpiLists';
import { layoutSheet } from './layout';
import { overviewSheet } from './overview';
import { pledgeMeasuresSheet, pledgeOverviewSheet } from './pledges';
import { covidSheet, problemsSheet } from './reviewLists';
import { sheetSubtitle, sheetTitle, titleFacts, type TitleFacts } from './titles';
import type { SummaryBook, SummarySheet, SummarySheetKey, SummarySheets } from './types';

export type { SummaryOptions } from './context';

const SHEET_NAME: Record<SummarySheetKey, MessageKey> = {
  overview: 'summary.sheet.overview',
  goalTargets: 'summary.sheet.goalTargets',
  measures: 'summary.sheet.measures',
  directions: 'summary.sheet.directions',
  kpis: 'summary.sheet.kpis',
  departments: 'summary.sheet.departments',
  revisions: 'summary.sheet.revisions',
  exclusions: 'summary.sheet.exclusions',
  pledges: 'summary.sheet.pledges',
  pledgeMeasures: 'summary.sheet.pledgeMeasures',
  covid: 'summary.sheet.covid',
  problems: 'summary.sheet.problems',
};

/** a section: drafts its sheet */
type Section = (c: SectionContext) => DraftSheet;

/**
 * The sheets' sections, in order, each to be drafted when its turn comes. The section functions
 * themselves, not closures over `c` made per summary: V8 compiles a section into the function
 * that calls it, and drops that code with a closure once the closure is gone.
 */
function sections(c: SectionContext): Section[] {
  const f = c.figures;
  const pledges = c.review.pledges.measures.length > 0;
  return [
    overviewSheet,
    ...(f.goalTargetRows.length ? [goalTargetsSheet] : []),
    ...(f.summary.directions.length ? [directionsSheet] : []),
    ...(f.kpiRows.length ? [measuresSheet, kpiListSheet] : []),
    // 担当課別 when some row names its department
    ...(f.departments.some((d) => d.department !== null) ? [departmentsSheet] : []),
    ...(f.anyRevision ? [revisionsSheet] : []),
    ...(f.anyExcluded ? [exclusionsSheet] : []),
    ...(pledges ? [pledgeOverviewSheet, pledgeMeasuresSheet] : []),
    covidSheet,
    problemsSheet,
  ];
}

/** The sheets laid out as they are asked for (a generator function at module level: see zipSource.ts's partChunks). */
function* laidOutSheets(c: SectionContext, facts: TitleFacts): Generator<SummarySheet> {
  for (const draft of sections(c)) {
    const d = draft(c);
    yield layoutSheet(d, { name: c.t(SHEET_NAME[d.key]), title: sheetTitle(c, d), subtitle: sheetSubtitle(c, d, facts), banner: facts.banner });
  }
}

/**
 * The summary with its sheets made one at a time, as they are iterated (once): a writer that
 * lets each sheet go once written never holds a 100,000-row KPI一覧 beside the other lists.
 * The book's title is its first sheet's.
 */
export function summarySheets(review: Review, opts: SummaryOptions = {}): SummarySheets {
  const c = sectionContext(review, opts);
  const facts = titleFacts(c, opts);
  return { sheets: laidOutSheets(c, facts), complete: facts.banner === null, footer: c.t('summary.footer'), fonts: { ...FONT_SIZES } };
}

export function buildSummaryBook(review: Review, opts: SummaryOptions = {}): SummaryBook {
  const lazy = summarySheets(review, opts);
  const sheets = [...lazy.sheets];
  return { title: sheets[0].title, ...lazy, sheets };
}
