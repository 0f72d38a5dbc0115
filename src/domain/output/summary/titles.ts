/**
 * The title block of every summary sheet: the plan's name and the sheet's heading; the year of
 * the actuals (令和3年度実績), the as-of label, the date in the language's form (令和7年12月5日 /
 * 5 December 2025) and the cap; and the 未完了 banner naming the sheets with errors and the
 * workbooks whose copy could not be written.
 */
import { fiscalYearName, japaneseDate } from '../../cells/fiscalYear';
import { formatList } from '../../../messages/translate';
import type { SectionContext, SummaryOptions } from './context';
import type { DraftSheet } from './draft';

/** the fiscal year most KPIs report their latest actual for (the later one on a tie) */
export function reportYear(c: SectionContext): number | null {
  const counts = new Map<number, number>();
  const rows = c.figures.kpiRows.length ? c.figures.kpiRows : c.figures.goalTargetRows;
  for (const k of rows) {
    const y = k.result.latest?.year;
    if (y !== undefined) counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  let best: number | null = null;
  for (const [y, n] of counts) if (best === null || n > counts.get(best)! || (n === counts.get(best)! && y > best)) best = y;
  return best;
}

function fyText(c: SectionContext, year: number): string | number {
  return c.lang === 'ja' ? fiscalYearName(year) : year;
}

/** the as-of label: the setting, else the end of the report year */
export function asOfLabel(c: SectionContext, year: number | null): string {
  const set = c.review.settings.asOf.trim();
  if (set) return set;
  return year === null ? '' : c.t('summary.asOf.default', { fy: fyText(c, year) });
}

/** 2025-12-05 → 令和7年12月5日 (ja), 5 December 2025 (en); anything else as given */
export function dateText(c: SectionContext, iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (c.lang === 'ja') return japaneseDate(y, mo, d);
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y, mo - 1, d));
}

export interface TitleFacts {
  year: number | null;
  asOf: string;
  date: string | null;
  banner: string | null;
}

export function titleFacts(c: SectionContext, opts: SummaryOptions): TitleFacts {
  const year = reportYear(c);
  return { year, asOf: asOfLabel(c, year), date: opts.date ? dateText(c, opts.date) : null, banner: banner(c, opts) };
}

function banner(c: SectionContext, opts: SummaryOptions): string | null {
  const errors = c.review.issues.filter((i) => i.severity === 'error');
  const notWritten = opts.notWritten ?? [];
  if (!errors.length && !notWritten.length) return null;
  const sheets: string[] = [];
  for (const f of c.review.files) {
    for (const s of f.sheets) {
      const n = s.issues.filter((i) => i.severity === 'error').length;
      if (n) sheets.push(c.t('summary.banner.sheet', { file: f.file, sheet: s.sheet, errors: n }));
    }
  }
  const parts = [c.t('summary.banner.errors', { errors: errors.length, sheets: formatList(c.lang, sheets) })];
  if (notWritten.length) parts.push(c.t('summary.banner.notWritten', { files: formatList(c.lang, [...notWritten]) }));
  parts.push(c.t('summary.banner.see', { sheet: c.t('summary.sheet.problems') }));
  return c.t('summary.banner', { detail: parts.join(c.t('summary.subtitle.separator')) });
}

export function sheetTitle(c: SectionContext, d: DraftSheet): string {
  if (d.part === 'pledge') return d.heading;
  const s = c.review.settings;
  const plan = s.planName.trim() || c.t('summary.plan.default', { start: s.planStart, end: s.planEnd });
  return c.t('summary.title', { plan, heading: d.heading });
}

export function sheetSubtitle(c: SectionContext, d: DraftSheet, f: TitleFacts): string {
  const s = c.review.settings;
  const parts: string[] = [];
  // KPI sheets are dated by the year of their actuals, pledge sheets by the as-of label (002: 令和5年度末)
  if (d.part === 'kpi' && f.year !== null) parts.push(c.t('summary.subtitle.actualYear', { fy: fyText(c, f.year) }));
  else if (f.asOf) parts.push(c.t('summary.subtitle.asOf', { asOf: f.asOf }));
  if (f.date) parts.push(c.t('summary.subtitle.date', { date: f.date }));
  if (d.part === 'kpi') parts.push(c.t('summary.subtitle.cap', { start: s.planStart, end: s.planEnd, cap: s.cap }));
  return parts.join(c.t('summary.subtitle.separator'));
}
