/**
 * The machine-readable report of SPEC section 6 (`--json`). Errors and warnings carry their
 * place and message as a line in Japanese (`message`, as in SPEC) and English (`messageEn`).
 */
import { AGGREGATION_LABEL, DIRECTION_LABEL } from '../cells/directionAggregation';
import type { Issue } from '../base/issues';
import { issueLine, issueMessage } from '../../messages/issueText';
import { summarizeKpis, type GroupSummary } from '../rules/goalSummary';
import type { Review } from '../review';
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

export interface ReportKpi {
  file: string;
  sheet: string;
  row: number;
  indicator: string;
  goal: number | null;
  measure: number | null;
  project: string;
  department: string;
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
  covid: 'none' | 'suspended' | 'review';
  reasons: { code: string; message: string; messageEn: string }[];
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
  };
}

export function buildReport(review: Review) {
  const summary = summarizeKpis(review.kpis);
  const s = review.settings;
  const kpis: ReportKpi[] = review.kpis.map(({ file, row, result }) => ({
    file,
    sheet: row.sheet,
    row: row.row + 1,
    indicator: row.indicator,
    goal: row.goal,
    measure: row.measure,
    project: row.project,
    department: row.department,
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
    covid: result.covid,
    reasons: result.reasons.map((r) => ({ code: r.code, message: issueMessage('ja', r), messageEn: issueMessage('en', r) })),
  }));
  return {
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    settings: { cap: s.cap, plan: `${s.planStart}-${s.planEnd}`, grades: s.grades },
    complete: !review.issues.some((i) => i.severity === 'error'),
    kpis,
    goals: summary.goals.map((g) => ({ goal: g.goal, ...group(g) })),
    measures: summary.measures.map((m) => ({ goal: m.goal, measure: m.measure, ...group(m) })),
    total: group(summary.total),
    pledges: {
      measures: review.pledges.measures.map((m) => ({ policy: m.policy, pledge: m.pledge, measure: m.measure, title: m.title, rating: m.rating, stars: m.stars, activities: m.activities })),
      pledges: review.pledges.pledges.map((p) => ({ policy: p.policy, pledge: p.pledge, title: p.title, percent: p.percent })),
      policies: review.pledges.policies.map((p) => ({ policy: p.policy, title: p.title, percent: p.percent })),
      overall: review.pledges.overall,
    },
    errors: review.issues.filter((i) => i.severity === 'error').map(issueOut),
    warnings: review.issues.filter((i) => i.severity === 'warning').map(issueOut),
  };
}

export type Report = ReturnType<typeof buildReport>;
