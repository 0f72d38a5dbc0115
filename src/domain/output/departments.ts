/** The per-department table of a review (report and summary): KPIs counted under each department they name, errors by the rows they are in. */
import type { Review } from '../review';
import { summarizeDepartments, type DepartmentErrors, type DepartmentSummary } from '../rules/departmentSummary';

/** the departments of the rows that could not be read, with the errors in each row */
function failedRowErrors(review: Review): DepartmentErrors[] {
  const out: DepartmentErrors[] = [];
  for (const f of review.files) {
    for (const s of f.sheets) {
      if (s.kind !== 'kpi' || !s.failedRows.length) continue;
      const perRow = new Map<number, number>();
      for (const i of s.issues) if (i.severity === 'error' && i.row !== undefined) perRow.set(i.row, (perRow.get(i.row) ?? 0) + 1);
      for (const r of s.failedRows) out.push({ departments: r.departments, errors: perRow.get(r.row) ?? 0 });
    }
  }
  return out;
}

export function reviewDepartments(review: Review): DepartmentSummary[] {
  return summarizeDepartments(review.kpis, failedRowErrors(review));
}
