/**
 * The machine-readable report of SPEC section 6 (`--json`). Errors, warnings and notices carry
 * their place and message as a line in Japanese (`message`, as in SPEC) and English (`messageEn`).
 * Goal, 基本的方向, 施策 and department figures count KPI rows only; the basic goals' 数値目標 have
 * their own (`goalTargets`); rows left out by staff are listed in `excluded` and counted nowhere.
 */
import { AGGREGATION_LABEL, DIRECTION_LABEL } from '../cells/directionAggregation';
import type { Issue } from '../base/issues';
import { issueLine, issueMessage } from '../../messages/issueText';
import { summarizeKpis, type GroupSummary } from '../rules/goalSummary';
import { skippedSheets, type Review } from '../review';
import { reviewDepartments } from './departments';
import type { CovidSource, GradeBasis, KpiKind, KpiResult, KpiRow } from '../model/kpi';
import { TOOL_NAME, TOOL_VERSION } from '../../version';

export interface ReportIssue {
  file: string;
  sheet: string;
  cell: string | null;
  header: string | null;
  found: string | null;
  code: string;
  message: string;
  messageEn: string;
}

/** the mid-term revision of a row: its marks and the target before it */
export interface ReportRevision {
  /** the 変更区分 marks joined by ・ (KPI変更), null when only 変更前目標値 is given */
  kind: string | null;
  kinds: string[];
  originalTarget: number | null;
  /** 達成率 against the original target */
  originalAchievement: number | null;
}

export interface ReportKpi {
  file: string;
  sheet: string;
  row: number;
  kind: KpiKind;
  indicator: string;
  goal: number | null;
  /** 基本的方向 "1-1" */
  basicDirection: string | null;
  measure: number | null;
  project: string;
  department: string;
  departments: string[];
  unit: string;
  direction: string;
  aggregation: string;
  baseline: number | null;
  actualYear: number | null;
  actual: number | null;
  target: number | null;
  achievement: number | null;
  progress: number | null;
  pace: number | null;
  grade: string;
  gradeBasis: GradeBasis | null;
  covid: 'none' | 'suspended' | 'review';
  covidSource: CovidSource | null;
  revision: ReportRevision | null;
  excluded: boolean;
  notes: string;
  reasons: { code: string; message: string; messageEn: string }[];
}

export function revisionOf(row: KpiRow, result: KpiResult): ReportRevision | null {
  if (!row.revisionKinds.length && row.originalTarget === null) return null;
  return {
    kind: row.revisionKinds.length ? row.revisionKinds.join('・') : null,
    kinds: [...row.revisionKinds],
    originalTarget: row.originalTarget,
    originalAchievement: result.originalAchievement,
  };
}

function issueOut(i: Issue): ReportIssue {
  return {
    file: i.file ?? '',
    sheet: i.sheet,
    cell: i.cell ?? null,
    header: i.header ?? null,
    found: i.found ?? null,
    code: i.code,
    message: issueLine('ja', i),
    messageEn: issueLine('en', i),
  };
}

function group(g: GroupSummary) {
  return {
    kpis: g.kpis,
    meanAchievement: g.meanAchievement,
    meanAchievementExCovid: g.meanAchievementExCovid,
    grades: g.grades,
    covid: { suspended: g.covidSuspended, review: g.covidReview },
    excluded: g.excluded,
  };
}

export function buildReport(review: Review) {
  const summary = summarizeKpis(review.kpis);
  const s = review.settings;
  const kpis: ReportKpi[] = review.kpis.map(({ file, row, result }) => ({
    file,
    sheet: row.sheet,
    row: row.row + 1,
    kind: row.kind,
    indicator: row.indicator,
    goal: row.goal,
    basicDirection: row.basicDirection,
    measure: row.measure,
    project: row.project,
    department: row.department,
    departments: [...row.departments],
    unit: row.unit,
    direction: DIRECTION_LABEL[row.direction],
    aggregation: AGGREGATION_LABEL[row.aggregation],
    baseline: row.baseline,
    actualYear: result.latest ? result.latest.year : null,
    actual: result.latest ? result.latest.value : null,
    target: row.target,
    achievement: result.achievement,
    progress: result.progress,
    pace: result.pace,
    grade: result.grade,
    gradeBasis: result.gradeBasis,
    covid: result.covid,
    covidSource: result.covidSource,
    revision: revisionOf(row, result),
    excluded: row.excluded,
    notes: row.notes,
    reasons: result.reasons.map((r) => ({ code: r.code, message: issueMessage('ja', r), messageEn: issueMessage('en', r) })),
  }));
  return {
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    settings: { cap: s.cap, plan: `${s.planStart}-${s.planEnd}`, grades: s.grades, gradeCumulativeBy: s.gradeCumulativeBy },
    complete: !review.issues.some((i) => i.severity === 'error'),
    files: review.files.map((f) => ({ file: f.file, sheets: f.sheets.map((x) => x.sheet), skippedSheets: skippedSheets(f), otherSheets: [...f.otherSheets] })),
    kpis,
    goals: summary.goals.map((g) => ({ goal: g.goal, ...group(g), measureCount: g.measureCount, goalTargets: g.goalTargets })),
    directions: summary.directions.map((d) => ({ goal: d.goal, direction: d.direction, title: d.title, ...group(d), measureCount: d.measureCount })),
    measures: summary.measures.map((m) => ({ goal: m.goal, measure: m.measure, ...group(m) })),
    total: { ...group(summary.total), measureCount: summary.total.measureCount, goalTargets: summary.total.goalTargets },
    departments: reviewDepartments(review),
    excluded: kpis.filter((k) => k.excluded).map((k) => ({ file: k.file, sheet: k.sheet, row: k.row, kind: k.kind, indicator: k.indicator, reason: k.notes })),
    pledges: {
      measures: review.pledges.measures.map((m) => ({ policy: m.policy, pledge: m.pledge, measure: m.measure, title: m.title, rating: m.rating, stars: m.stars, activities: m.activities })),
      pledges: review.pledges.pledges.map((p) => ({ policy: p.policy, pledge: p.pledge, title: p.title, percent: p.percent })),
      policies: review.pledges.policies.map((p) => ({ policy: p.policy, title: p.title, percent: p.percent })),
      overall: review.pledges.overall,
    },
    errors: review.issues.filter((i) => i.severity === 'error').map(issueOut),
    warnings: review.issues.filter((i) => i.severity === 'warning').map(issueOut),
    notices: review.issues.filter((i) => i.severity === 'info').map(issueOut),
  };
}

export type Report = ReturnType<typeof buildReport>;
