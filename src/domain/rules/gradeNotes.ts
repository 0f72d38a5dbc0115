/**
 * A KPI graded D needs its reason in 備考: a warning names the empty 備考 cell and the value the
 * grade came from (達成率, or 計画比 for a 累計 KPI graded on pace). A row left out (評価対象 =
 * 対象外) is warned about its missing reason when it is read, not again here.
 */
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
    if (k.result.grade !== 'D' || k.row.notes || k.row.excluded) continue;
    const byPace = k.result.gradeBasis === 'pace';
    const value = (byPace ? k.result.pace : k.result.achievement) ?? 0;
    out.push(
      makeIssue({
        severity: 'warning',
        code: byPace ? 'warn.gradeDNoNotePace' : 'warn.gradeDNoNote',
        sheet,
        row: k.row.row,
        col,
        header: headers.get(col),
        params: byPace ? { pace: value.toFixed(1) + '%' } : { achievement: value.toFixed(1) + '%' },
      }),
    );
  }
  return out;
}
