/**
 * What the review found: the KPIs flagged コロナ中止 or 要確認 and the problems of validation,
 * each linked to its cell (in the reviewed copy when one was written, else in the input), up to
 * the links a worksheet holds (./linkBudget).
 */
import { issueMessage } from '../../../messages/issueText';
import { cellLink, codeColumn, covidLabel, numberColumn, textColumn, type SectionContext } from './context';
import type { DraftSheet } from './draft';
import { skippedSheets, type ReviewedKpi } from '../../review';
import type { Issue } from '../../base/issues';
import { listOf } from '../../base/lists';
import type { SummaryCell } from './types';
import { LinkBudget, MAX_LINKS_PER_SHEET } from './linkBudget';
import { formatCount } from '../../../messages/translate';

export function covidSheet(c: SectionContext): DraftSheet {
  const t = c.t;
  const rows: SummaryCell[][] = listOf();
  const links = new LinkBudget();
  for (const k of c.review.kpis) if (k.result.covid !== 'none') rows.push(covidRow(c, k, links));
  return {
    key: 'covid',
    heading: t('summary.heading.covid'),
    part: 'kpi',
    tables: [
      {
        name: 'PR_Covid',
        caption: linksCaption(c, links),
        columns: [
          codeColumn(t('summary.col.covid')),
          textColumn(t('summary.col.file'), 20),
          textColumn(t('summary.col.sheet'), 16),
          textColumn(t('summary.col.indicator'), 24),
          numberColumn(t('summary.col.baseline')),
          numberColumn(t('summary.col.actual')),
          textColumn(t('summary.col.notes'), 44),
          textColumn(t('summary.col.location'), 18),
        ],
        rows,
        emptyText: t('summary.none'),
      },
    ],
  };
}

/** a KPI flagged コロナ中止 or 要確認: its flag, where it is, its baseline, latest actual and notes */
function covidRow(c: SectionContext, { file, row: k, result: r }: ReviewedKpi, links: LinkBudget): SummaryCell[] {
  return [
    covidLabel(c, r.covid),
    file,
    k.sheet,
    k.indicator,
    k.baseline,
    r.latest ? r.latest.value : null,
    k.notes || null,
    links.cell(c.t('summary.rowRef', { sheet: k.sheet, row: k.row + 1 }), cellLink(c, file, k.sheet, k.row, 0)),
  ];
}

/** an error or warning: its severity, where it is (linked to its cell), its column's header and its message */
function issueRow(c: SectionContext, i: Issue, links: LinkBudget): SummaryCell[] {
  return [
    c.t(i.severity === 'error' ? 'summary.severity.error' : 'summary.severity.warning'),
    i.file ?? null,
    i.sheet,
    i.cell && i.row !== undefined && i.col !== undefined ? links.cell(i.cell, cellLink(c, i.file ?? '', i.sheet, i.row, i.col)) : null,
    i.header ?? null,
    // the place has its own columns: the message alone
    issueMessage(c.lang, i),
  ];
}

/** the sheets left unwritten for their errors, then the errors and warnings of validation */
export function problemsSheet(c: SectionContext): DraftSheet {
  const t = c.t;
  const unwritten: SummaryCell[][] = c.review.files.flatMap((f) =>
    skippedSheets(f).map((sheet) => [t('summary.severity.notWritten'), f.file, sheet, null, null, t('summary.sheetNotWritten')]),
  );
  const issues: SummaryCell[][] = listOf();
  const links = new LinkBudget();
  for (const i of c.review.issues) if (i.severity !== 'info') issues.push(issueRow(c, i, links));
  return {
    key: 'problems',
    heading: t('summary.heading.problems'),
    part: 'review',
    tables: [
      {
        name: 'PR_Problems',
        caption: linksCaption(c, links),
        columns: [
          codeColumn(t('summary.col.severity')),
          textColumn(t('summary.col.file'), 20),
          textColumn(t('summary.col.sheet'), 16),
          codeColumn(t('summary.col.cell')),
          textColumn(t('summary.col.header'), 16),
          textColumn(t('summary.col.message'), 60),
        ],
        rows: [...unwritten, ...issues],
        emptyText: t('summary.noProblems'),
      },
    ],
  };
}

/** the caption of a list some of whose cells were left without their link, else none */
function linksCaption(c: SectionContext, links: LinkBudget): string | null {
  return links.unlinked ? c.t('summary.caption.linksCapped', { limit: formatCount(c.lang, MAX_LINKS_PER_SHEET), unlinked: formatCount(c.lang, links.unlinked) }) : null;
}
