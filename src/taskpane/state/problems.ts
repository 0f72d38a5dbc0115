/**
 * Problems of a review, grouped by sheet for the task pane. Within a sheet: errors first, then
 * warnings, then notes (info: why a value was left blank), each in cell order (row, then column);
 * issues without a cell come first within their severity (they are about the whole sheet).
 * Sheets with errors come first, then sheets with warnings only, then the rest; ties keep the
 * order in which the review met the sheets (the workbook's order). The pane says each issue with
 * issueMessage (src/messages/issueText.ts) beside the cell and header it shows on their own.
 */
import type { Issue, Severity } from '../../domain/base/issues';

export interface ProblemGroup {
  sheet: string;
  errors: number;
  warnings: number;
  infos: number;
  /** sorted: errors, warnings, infos */
  issues: Issue[];
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function compareIssues(a: Issue, b: Issue): number {
  const s = SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
  if (s !== 0) return s;
  const ar = a.row ?? -1;
  const br = b.row ?? -1;
  if (ar !== br) return ar - br;
  return (a.col ?? -1) - (b.col ?? -1);
}

function groupRank(g: ProblemGroup): number {
  return g.errors > 0 ? 0 : g.warnings > 0 ? 1 : 2;
}

export function groupProblems(issues: readonly Issue[], opts: { includeInfo?: boolean } = {}): ProblemGroup[] {
  const includeInfo = opts.includeInfo ?? true;
  const bySheet = new Map<string, { group: ProblemGroup; items: { issue: Issue; index: number }[] }>();
  issues.forEach((issue, index) => {
    if (issue.severity === 'info' && !includeInfo) return;
    let entry = bySheet.get(issue.sheet);
    if (!entry) {
      entry = { group: { sheet: issue.sheet, errors: 0, warnings: 0, infos: 0, issues: [] }, items: [] };
      bySheet.set(issue.sheet, entry);
    }
    entry.items.push({ issue, index });
    if (issue.severity === 'error') entry.group.errors++;
    else if (issue.severity === 'warning') entry.group.warnings++;
    else entry.group.infos++;
  });
  const groups = [...bySheet.values()].map(({ group, items }) => {
    // Array.prototype.sort is stable; the index makes the tie-break explicit all the same.
    items.sort((x, y) => compareIssues(x.issue, y.issue) || x.index - y.index);
    return { ...group, issues: items.map((i) => i.issue) };
  });
  return groups
    .map((g, order) => ({ g, order }))
    .sort((x, y) => groupRank(x.g) - groupRank(y.g) || x.order - y.order)
    .map((x) => x.g);
}

export interface ProblemCounts {
  errors: number;
  warnings: number;
  infos: number;
}

export function countProblems(issues: readonly Issue[]): ProblemCounts {
  const c: ProblemCounts = { errors: 0, warnings: 0, infos: 0 };
  for (const i of issues) {
    if (i.severity === 'error') c.errors++;
    else if (i.severity === 'warning') c.warnings++;
    else c.infos++;
  }
  return c;
}

/** The problems of one kind (issue code) on a sheet: 備考が空欄（D評価）: 12件. */
export interface KindGroup {
  /** unique in the list: sheet and code */
  key: string;
  sheet: string;
  code: Issue['code'];
  severity: Severity;
  /** in the order of the sheet's sorted issues (cell order) */
  issues: Issue[];
}

/** a sheet's sorted issues by kind: the kinds in the order first met (errors, warnings, reasons), cells in order */
export function kindGroups(group: Pick<ProblemGroup, 'sheet' | 'issues'>): KindGroup[] {
  const byKind = new Map<string, KindGroup>();
  for (const issue of group.issues) {
    const key = `${group.sheet}\u0000${issue.severity}\u0000${issue.code}`;
    let k = byKind.get(key);
    if (!k) byKind.set(key, (k = { key, sheet: group.sheet, code: issue.code, severity: issue.severity, issues: [] }));
    k.issues.push(issue);
  }
  return [...byKind.values()];
}

/** a kind with more problems than this shows as one line that expands to its cells */
export const KIND_COLLAPSE_OVER = 3;
/** a list with at most this many problems shows everything open */
export const SMALL_LIST = 12;

/** What is open when a result first shows: all of a short list; otherwise the sheets with errors, and the small kinds inside. */
export function initiallyOpen(groups: readonly ProblemGroup[]): { sheets: Set<string>; kinds: Set<string> } {
  const total = groups.reduce((n, g) => n + g.issues.length, 0);
  const sheets = new Set<string>();
  const kinds = new Set<string>();
  for (const g of groups) {
    if (total <= SMALL_LIST || g.errors > 0) sheets.add(g.sheet);
    for (const k of kindGroups(g)) if (total <= SMALL_LIST || k.issues.length <= KIND_COLLAPSE_OVER) kinds.add(k.key);
  }
  return { sheets, kinds };
}

/** only the errors (the errors-only filter) */
export function errorsOnly(issues: readonly Issue[]): Issue[] {
  return issues.filter((i) => i.severity === 'error');
}
