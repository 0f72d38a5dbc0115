/**
 * Per 担当課: its KPIs (a KPI naming several departments counts under each), their mean 達成率,
 * grades, the D grades still without a reason in 備考, the rows left out, and the errors in its
 * rows. KPI rows only, as the goal figures (数値目標 apart); rows left out are in no mean and no count.
 */
import type { GradeCounts, SummarizedKpi } from './goalSummary';
import type { Grade } from '../model/kpi';

export interface DepartmentSummary {
  /** null: rows whose 担当課 is blank */
  department: string | null;
  kpis: number;
  meanAchievement: number | null;
  meanAchievementExCovid: number | null;
  grades: GradeCounts;
  /** graded D with an empty 備考 (the warnings of the review) */
  dWithoutNotes: number;
  excluded: number;
  /** errors in the department's rows (rows that could not be read) */
  errors: number;
}

/** rows of one department that could not be read, with their error count */
export interface DepartmentErrors {
  departments: readonly string[];
  errors: number;
}

interface Acc {
  kpis: number;
  sum: number;
  n: number;
  sumEx: number;
  nEx: number;
  grades: GradeCounts;
  dWithoutNotes: number;
  excluded: number;
  errors: number;
}

const GRADE_KEY: Record<Grade, keyof GradeCounts> = { A: 'A', B: 'B', C: 'C', D: 'D', '—': 'none' };

function acc(): Acc {
  return { kpis: 0, sum: 0, n: 0, sumEx: 0, nEx: 0, grades: { A: 0, B: 0, C: 0, D: 0, none: 0 }, dWithoutNotes: 0, excluded: 0, errors: 0 };
}

/** departments in the order they first appear; rows without one last */
export function summarizeDepartments(kpis: readonly SummarizedKpi[], failed: readonly DepartmentErrors[] = []): DepartmentSummary[] {
  const by = new Map<string | null, Acc>();
  const of = (d: string | null) => {
    let a = by.get(d);
    if (!a) by.set(d, (a = acc()));
    return a;
  };
  const each = (departments: readonly string[]): readonly (string | null)[] => (departments.length ? departments : [null]);
  for (const { row, result: r } of kpis) {
    if (row.kind !== 'kpi') continue;
    for (const d of each(row.departments)) {
      const a = of(d);
      if (row.excluded) {
        a.excluded++;
        continue;
      }
      a.kpis++;
      a.grades[GRADE_KEY[r.grade]]++;
      if (r.grade === 'D' && !row.notes) a.dWithoutNotes++;
      if (r.achievement === null) continue;
      a.sum += r.achievement;
      a.n++;
      if (r.covid !== 'suspended') {
        a.sumEx += r.achievement;
        a.nEx++;
      }
    }
  }
  for (const f of failed) for (const d of each(f.departments)) of(d).errors += f.errors;
  const keys = [...by.keys()].sort((a, b) => (a === null ? 1 : 0) - (b === null ? 1 : 0));
  return keys.map((department) => {
    const a = by.get(department)!;
    return {
      department,
      kpis: a.kpis,
      meanAchievement: a.n ? a.sum / a.n : null,
      meanAchievementExCovid: a.nEx ? a.sumEx / a.nEx : null,
      grades: a.grades,
      dWithoutNotes: a.dWithoutNotes,
      excluded: a.excluded,
      errors: a.errors,
    };
  });
}
