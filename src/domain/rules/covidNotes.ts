/** A コロナ判定 by staff replaces the automatic flag: a note at the cell says so, and what the automatic one was. */
import { makeIssue, type Issue } from '../base/issues';
import type { GradedKpi } from './gradeNotes';
import { COVID_LABEL, covidFlag, type CovidRule } from './covid';

export function manualCovidNotes(kpis: readonly GradedKpi[], sheet: string, col: number | undefined, headers: ReadonlyMap<number, string>, rule: CovidRule): Issue[] {
  if (col === undefined) return [];
  const out: Issue[] = [];
  for (const { row, result } of kpis) {
    if (result.covidSource !== 'manual') continue;
    const auto = covidFlag(row.notes, row.direction, row.aggregation, row.baseline, row.actuals, rule);
    out.push(
      makeIssue({
        severity: 'info',
        code: 'note.covidManual',
        sheet,
        row: row.row,
        col,
        header: headers.get(col),
        params: { found: result.covid === 'none' ? { key: 'word.covidNone' } : COVID_LABEL[result.covid], auto: auto === 'none' ? { key: 'word.covidNone' } : COVID_LABEL[auto] },
      }),
    );
  }
  return out;
}
