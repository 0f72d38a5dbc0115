/**
 * What the review found: the KPIs flagged コロナ中止 or 要確認 and the problems of validation,
 * each linked to its cell (in the reviewed copy when one was written, else in the input).
 */
import { issueMessage } from '../../../messages/issueText';
import { covidLabel, NUM, type SectionContext } from './context';
import { cellSharer, type DraftSheet } from './draft';
import { skippedSheets } from '../../review';
import type { ColumnSpec, SummaryCell } from './types';

export function covidSheet(c: SectionContext): DraftSheet {
  const t = c.t;
  const text = (header: string, maxWidth: number): ColumnSpec => ({ header, format: '@', kind: 'text', maxWidth });
  const share = cellSharer();
  const rows = c.review.kpis
    .filter((k) => k.result.covid !== 'none')
    .map(({ file, row: k, result: r }) => [
      share({ v: covidLabel(c, r.covid) }, 0),
      share({ v: file }, 1),
      share({ v: k.sheet }, 2),
      share({ v: k.indicator }, 3),
      share({ v: k.baseline }, 4),
      share({ v: r.latest ? r.latest.value : null }, 5),
      share({ v: k.notes || null }, 6),
      { v: t('summary.rowRef', { sheet: k.sheet, row: k.row + 1 }), link: c.link(file, k.sheet, k.row, 0) },
    ]);
  return {
    key: 'covid',
    heading: t('summary.heading.covid'),
    part: 'kpi',
    tables: [
      {
        name: 'PR_Covid',
        caption: null,
        columns: [
          { header: t('summary.col.covid'), format: '@', kind: 'code' },
          text(t('summary.col.file'), 20),
          text(t('summary.col.sheet'), 16),
          text(t('summary.col.indicator'), 24),
          { header: t('summary.col.baseline'), format: NUM, kind: 'number' },
          { header: t('summary.col.actual'), format: NUM, kind: 'number' },
          text(t('summary.col.notes'), 44),
          text(t('summary.col.location'), 18),
        ],
        rows,
        emptyText: t('summary.none'),
      },
    ],
  };
}

/** the sheets left unwritten for their errors, then the errors and warnings of validation */
export function problemsSheet(c: SectionContext): DraftSheet {
  const t = c.t;
  const text = (header: string, maxWidth: number): ColumnSpec => ({ header, format: '@', kind: 'text', maxWidth });
  const unwritten: SummaryCell[][] = c.review.files.flatMap((f) =>
    skippedSheets(f).map((sheet) => [{ v: t('summary.severity.notWritten') }, { v: f.file }, { v: sheet }, { v: null }, { v: null }, { v: t('summary.sheetNotWritten') }]),
  );
  const share = cellSharer();
  const issues: SummaryCell[][] = c.review.issues
    .filter((i) => i.severity !== 'info')
    .map((i) => [
      share({ v: t(i.severity === 'error' ? 'summary.severity.error' : 'summary.severity.warning') }, 0),
      share({ v: i.file ?? null }, 1),
      share({ v: i.sheet }, 2),
      i.cell && i.row !== undefined && i.col !== undefined ? { v: i.cell, link: c.link(i.file ?? '', i.sheet, i.row, i.col) } : share({ v: null }, 3),
      share({ v: i.header ?? null }, 4),
      // the place has its own columns: the message alone
      share({ v: issueMessage(c.lang, i) }, 5),
    ]);
  return {
    key: 'problems',
    heading: t('summary.heading.problems'),
    part: 'review',
    tables: [
      {
        name: 'PR_Problems',
        caption: null,
        columns: [
          { header: t('summary.col.severity'), format: '@', kind: 'code' },
          text(t('summary.col.file'), 20),
          text(t('summary.col.sheet'), 16),
          { header: t('summary.col.cell'), format: '@', kind: 'code' },
          text(t('summary.col.header'), 16),
          text(t('summary.col.message'), 60),
        ],
        rows: [...unwritten, ...issues],
        emptyText: t('summary.noProblems'),
      },
    ],
  };
}
