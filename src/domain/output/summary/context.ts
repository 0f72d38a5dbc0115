/**
 * What every section of the summary shares: the review and its figures, the words of the chosen
 * language, the number formats the settings ask for, the labels of goals and measures, and a way
 * to link to a cell of an input.
 */
import { cellAddress } from '../../base/address';
import { circledNumber } from '../../cells/ordinals';
import { achievementScaleMax } from '../../plan/outputPresentation';
export { fraction } from '../../plan/outputPresentation';
import type { CovidFlag } from '../../model/kpi';
import type { Review } from '../../review';
import type { Lang } from '../../../messages/lang';
import { translator, type Translate } from '../../../messages/translate';
import { planFigures, type PlanFigures } from './facts';
import type { CellLink, ColumnSpec } from './types';

export interface SummaryOptions {
  lang?: Lang;
  /** the day the summary is made (YYYY-MM-DD), shown in the titles */
  date?: string;
  /**
   * Where the cells of a workbook are, relative to the summary: the reviewed copy when one was
   * written, else the input. Undefined (or returning undefined): the same workbook (task pane).
   */
  linkFile?: (file: string) => string | undefined;
  /** workbooks whose reviewed copy could not be written (named in the 未完了 banner) */
  notWritten?: readonly string[];
}

export interface SectionContext {
  review: Review;
  figures: PlanFigures;
  lang: Lang;
  t: Translate;
  /** top of the 達成率 scales (bars, axis), from the cap */
  scaleMax: number;
  /** percent format the city publishes (0% by default; the decimals setting) */
  pct: string;
  /** 全体 of the pledges: one decimal at least, as 002 prints 59.2 */
  overallPct: string;
  /** SummaryOptions.linkFile */
  linkFile: ((file: string) => string | undefined) | undefined;
  /** what linkFile gives for each reviewed workbook, asked once */
  linkedFiles: Map<string, string | undefined>;
}

/**
 * A link to a cell of a reviewed workbook. A module-level function, with the caller's linkFile
 * asked ahead for each workbook: it runs for every linked row, and V8 throws away optimised code
 * that is, or calls, a closure once the closure is gone (between reviews; see listCells.ts).
 */
export function cellLink(c: SectionContext, file: string, sheet: string, row: number, col: number): CellLink {
  const target = c.linkedFiles.has(file) ? c.linkedFiles.get(file) : c.linkFile?.(file);
  return { file: target, sheet, cell: cellAddress(row, col) };
}

export const NUM = '#,##0.###';
export const RATING = '0.00';
export const COUNT = '#,##0';

/** a column of short labels, centred (評価, コロナ影響) */
export function codeColumn(header: string): ColumnSpec {
  return { header, format: '@', kind: 'code' };
}

/** a column of text, wrapped past `maxWidth` characters */
export function textColumn(header: string, maxWidth: number): ColumnSpec {
  return { header, format: '@', kind: 'text', maxWidth };
}

/** a column of values (baseline, actuals, target) */
export function numberColumn(header: string): ColumnSpec {
  return { header, format: NUM, kind: 'number' };
}

/** a column of counts */
export function countColumn(header: string): ColumnSpec {
  return { header, format: COUNT, kind: 'number' };
}

/** a column of percentages, in the format the settings ask for */
export function percentColumn(c: SectionContext, header: string): ColumnSpec {
  return { header, format: c.pct, kind: 'number' };
}

/** 0 → 0%, 1 → 0.0% */
export function percentFormat(decimals: number): string {
  return decimals > 0 ? `0.${'0'.repeat(decimals)}%` : '0%';
}

export function sectionContext(review: Review, opts: SummaryOptions): SectionContext {
  const lang = opts.lang ?? 'ja';
  const decimals = review.settings.percentDecimals;
  return {
    review,
    figures: planFigures(review),
    lang,
    t: translator(lang),
    scaleMax: achievementScaleMax(review.settings),
    pct: percentFormat(decimals),
    overallPct: percentFormat(Math.max(1, decimals)),
    linkFile: opts.linkFile,
    linkedFiles: new Map(review.files.map((f) => [f.file, opts.linkFile?.(f.file)])),
  };
}

/** KPI rows left out by staff get a count column of their own in the figure tables (they are in no count and no mean) */
export function showsExcluded(c: SectionContext): boolean {
  return c.figures.summary.total.excluded > 0;
}

export function goalLabel(c: SectionContext, goal: number | null): string {
  return goal === null ? c.t('summary.noGoal') : c.t('summary.goalLabel', { goal });
}

export function measureLabel(c: SectionContext, measure: number | null): string {
  if (measure === null) return c.t('summary.noMeasure');
  // 施策⑤ in Japanese, as the city numbers its measures; Measure 5 in English
  return c.t('summary.measureLabel', { measure: c.lang === 'ja' ? circledNumber(measure) : measure });
}

export function covidLabel(c: SectionContext, flag: CovidFlag): string | null {
  return flag === 'none' ? null : c.t(flag === 'suspended' ? 'summary.covid.suspended' : 'summary.covid.review');
}
