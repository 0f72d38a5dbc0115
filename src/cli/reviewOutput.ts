/**
 * What `progress-review review` prints, kept out of runReview's flow: progress per workbook and
 * stage (./progress), then at the end the notices about the plan period, the problems (errors
 * one by one, warnings grouped: ./warningGroups), the features kept in the copies, what was
 * written, and last the one line that sums the run up. --quiet keeps the errors and that line.
 */
import type { Review } from '../domain/review';
import { planNotices, type PlanNotice } from '../domain/output/planNotices';
import type { Lang } from '../messages/lang';
import { formatList, translate } from '../messages/translate';
import type { Io } from './io';
import { Progress, type Verbosity } from './progress';
import { problemLines } from './warningGroups';

export interface RunTotals {
  books: number;
  /** paths written, as they are shown */
  written: string[];
  /** workbooks not written (errors, or the patch writer refused them) */
  skipped: string[];
  /** workbooks written but for some sheets, left as they were for their errors */
  skippedSheets: { file: string; sheets: string[] }[];
}

/** a notice about the plan period and what to do, in one line */
export function noticeLine(n: PlanNotice, lang: Lang): string {
  const { start, end } = n.asked;
  if (n.code === 'otherPlan') {
    return translate(lang, 'cli.notice', {
      file: n.file,
      text: { key: 'notice.otherPlan', params: { targetYear: n.targetYear, start, end, outside: n.outside, withActual: n.withActual } },
      action: { key: 'notice.cli.usePlan', params: { start: n.suggested.start, end: n.suggested.end } },
    });
  }
  return translate(lang, 'cli.notice', {
    file: n.file,
    text: { key: 'notice.outsidePlan', params: { start, end, outside: n.outside, withActual: n.withActual } },
    action: { key: 'notice.cli.choosePlan' },
  });
}

export class ReviewOutput {
  readonly progress: Progress;

  constructor(
    private readonly io: Io,
    private readonly lang: Lang,
    private readonly verbosity: Verbosity,
  ) {
    this.progress = new Progress(io, lang, verbosity);
  }

  private get quiet(): boolean {
    return this.verbosity === 'quiet';
  }

  reading(index: number, total: number, file: string): void {
    this.progress.begin('cli.progress.reading', { index: index + 1, total, file });
  }

  read(index: number, total: number, file: string, sheets: number): void {
    this.progress.done('cli.progress.read', { index: index + 1, total, file, sheets });
  }

  checking(books: number): void {
    this.progress.begin('cli.progress.checking', { books });
  }

  checked(result: Review): void {
    const c = counts(result);
    this.progress.done('cli.progress.checked', { kpis: result.kpis.length, activities: result.activities.length, errors: c.errors, warnings: c.warnings });
  }

  writing(index: number, total: number, file: string): void {
    this.progress.begin('cli.progress.writing', { index: index + 1, total, file });
  }

  written(index: number, total: number, file: string, sheets: number): void {
    this.progress.done('cli.progress.written', { index: index + 1, total, file, sheets });
  }

  notWritten(index: number, total: number, file: string): void {
    this.progress.done('cli.progress.notWritten', { index: index + 1, total, file });
  }

  summary(file: string): void {
    this.progress.done('cli.progress.summary', { file });
  }

  report(file: string): void {
    this.progress.done('cli.progress.report', { file });
  }

  /** a warning printed as it comes (reading the files): not with --quiet */
  warning(line: string): void {
    if (!this.quiet) this.io.err(line);
  }

  /** Excel features a reviewed copy kept as they were */
  kept(file: string, features: readonly string[]): void {
    if (!this.quiet && features.length) this.io.out(translate(this.lang, 'cli.keptFeatures', { file, features: formatList(this.lang, features) }));
  }

  /** the end of the run: notices, problems, what was written and the final line */
  finish(result: Review, totals: RunTotals): void {
    this.progress.end();
    const { lang, io } = this;
    const problems = problemLines(result.issues, lang, this.verbosity === 'verbose');
    if (!this.quiet) {
      for (const n of planNotices(result.files, result.settings)) io.err(noticeLine(n, lang));
    }
    for (const l of problems.errors) io.err(l);
    if (!this.quiet) {
      for (const l of problems.warnings) io.err(l);
      if (problems.grouped) io.err(translate(lang, 'cli.issue.groupHint'));
      if (totals.skipped.length) io.out(translate(lang, 'cli.done.skipped', { files: formatList(lang, totals.skipped) }));
      for (const f of totals.skippedSheets) io.out(translate(lang, 'cli.done.skippedSheets', { file: f.file, sheets: formatList(lang, f.sheets) }));
      for (const w of totals.written) io.out(translate(lang, 'cli.done.wrote', { path: w }));
    }
    const c = counts(result);
    io.out(
      translate(lang, 'cli.done.counts', {
        books: totals.books,
        kpiSheets: c.kpiSheets,
        pledgeSheets: c.pledgeSheets,
        kpis: result.kpis.length,
        activities: result.activities.length,
        errors: c.errors,
        warnings: c.warnings,
        elapsed: this.progress.elapsed(),
      }),
    );
  }
}

function counts(result: Review) {
  let errors = 0;
  let warnings = 0;
  for (const i of result.issues) {
    if (i.severity === 'error') errors++;
    else if (i.severity === 'warning') warnings++;
  }
  let kpiSheets = 0;
  let pledgeSheets = 0;
  for (const f of result.files) {
    for (const s of f.sheets) {
      if (s.kind === 'kpi') kpiSheets++;
      else pledgeSheets++;
    }
  }
  return { errors, warnings, kpiSheets, pledgeSheets };
}
