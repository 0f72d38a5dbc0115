/** A KPI graded D needs its reason in 備考: a warning names the empty 備考 cell. */
import { makeIssue, type Issue } from '../base/issues';
import type { KpiResult, KpiRow } from '../model/kpi';

export interface GradedKpi {
  row: KpiRow;
  result: KpiResult;
}

/**
 * `notesCol` is the 備考 column; a sheet without one gets the warning on the 指標名 cell.
 * `headers` gives the header text of each column, for the message.
 */
export function gradeDWithoutNotes(kpis: readonly GradedKpi[], sheet: string, notesCol: number | undefined, indicatorCol: number, headers: ReadonlyMap<number, string>): Issue[] {
  const out: Issue[] = [];
  const col = notesCol ?? indicatorCol;
  for (const k of kpis) {
    if (k.result.grade !== 'D' || k.row.notes) continue;
    out.push(
      makeIssue({
        severity: 'warning',
        code: 'warn.gradeDNoNote',
        sheet,
        row: k.row.row,
        col,
        header: headers.get(col),
        params: { achievement: (k.result.achievement ?? 0).toFixed(1) + '%' },
      }),
    );
  }
  return out;
}
