/**
 * What the review found: the KPIs flagged コロナ中止 or 要確認 and the problems of validation,
 * each linked to its cell (in the reviewed copy when one was written, else in the input).
 */
import { issueMessage } from '../../../messages/issueText';
import { cellLink, covidLabel, NUM, type SectionContext } from './context';
import type { DraftSheet } from './draft';
import { skippedSheets, type ReviewedKpi } from '../../review';
import type { Issue } from '../../base/issues';
import { listOf } from '../../base/lists';
import type { ColumnSpec, SummaryCell } from './types';
import { linkedCell } from './cell';

export function covidSheet(c: SectionContext): DraftSheet {
  const t = c.t;
  const text = (header: string, maxWidth: number): ColumnSpec => ({ header, format: '@', kind: 'text', maxWidth });
  const rows: SummaryCell[][] = listOf();
  for (const k of c.review.kpis) if (k.result.covid !== 'none') rows.push(covidRow(c, k));
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

/** a KPI flagged コロナ中止 or 要確認: its flag, where it is, its baseline, latest actual and notes */
function covidRow(c: SectionContext, { file, row: k, result: r }: ReviewedKpi): SummaryCell[] {
  return [
    covidLabel(c, r.covid),
    file,
    k.sheet,
    k.indicator,
    k.baseline,
    r.latest ? r.latest.value : null,
    k.notes || null,
    linkedCell(c.t('summary.rowRef', { sheet: k.sheet, row: k.row + 1 }), cellLink(c, file, k.sheet, k.row, 0)),
  ];
}

/** an error or warning: its severity, where it is (linked to its cell), its column's header and its message */
function issueRow(c: SectionContext, i: Issue): SummaryCell[] {
  return [
    c.t(i.severity === 'error' ? 'summary.severity.error' : 'summary.severity.warning'),
    i.file ?? null,
    i.sheet,
    i.cell && i.row !== undefined && i.col !== undefined ? linkedCell(i.cell, cellLink(c, i.file ?? '', i.sheet, i.row, i.col)) : null,
    i.header ?? null,
    // the place has its own columns: the message alone
    issueMessage(c.lang, i),
  ];
}

/** the sheets left unwritten for their errors, then the errors and warnings of validation */
export function problemsSheet(c: SectionContext): DraftSheet {
  const t = c.t;
  const text = (header: string, maxWidth: number): ColumnSpec => ({ header, format: '@', kind: 'text', maxWidth });
  const unwritten: SummaryCell[][] = c.review.files.flatMap((f) =>
    skippedSheets(f).map((sheet) => [t('summary.severity.notWritten'), f.file, sheet, null, null, t('summary.sheetNotWritten')]),
  );
  const issues: SummaryCell[][] = listOf();
  for (const i of c.review.issues) if (i.severity !== 'info') issues.push(issueRow(c, i));
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
