/**
 * What the review found: the KPIs flagged コロナ中止 or 要確認 and the problems of validation,
 * each linked to its cell (in the reviewed copy when one was written, else in the input).
 */
import { issueMessage } from '../../../messages/issueText';
import { covidLabel, NUM, type SectionContext } from './context';
import type { DraftSheet } from './draft';
import { skippedSheets } from '../../review';
import type { ColumnSpec, SummaryCell } from './types';
import { linkedCell } from './cell';

export function covidSheet(c: SectionContext): DraftSheet {
  const t = c.t;
  const text = (header: string, maxWidth: number): ColumnSpec => ({ header, format: '@', kind: 'text', maxWidth });
  const rows = c.review.kpis
    .filter((k) => k.result.covid !== 'none')
    .map(({ file, row: k, result: r }) => [
      covidLabel(c, r.covid),
      file,
      k.sheet,
      k.indicator,
      k.baseline,
      r.latest ? r.latest.value : null,
      k.notes || null,
      linkedCell(t('summary.rowRef', { sheet: k.sheet, row: k.row + 1 }), c.link(file, k.sheet, k.row, 0)),
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
    skippedSheets(f).map((sheet) => [t('summary.severity.notWritten'), f.file, sheet, null, null, t('summary.sheetNotWritten')]),
  );
  const issues: SummaryCell[][] = c.review.issues
    .filter((i) => i.severity !== 'info')
    .map((i) => [
      t(i.severity === 'error' ? 'summary.severity.error' : 'summary.severity.warning'),
      i.file ?? null,
      i.sheet,
      i.cell && i.row !== undefined && i.col !== undefined ? linkedCell(i.cell, c.link(i.file ?? '', i.sheet, i.row, i.col)) : null,
      i.header ?? null,
      // the place has its own columns: the message alone
      issueMessage(c.lang, i),
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
