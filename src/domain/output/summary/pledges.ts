/**
 * The mayoral pledges in the two forms of seed 002: Ⅰ 総括表 (each 基本政策 in bold with its %,
 * its 公約 under it, 全体 last; whole percentages, 全体 with one decimal) and Ⅱ per 施策 (its
 * 取組事業内容, 担当部署, 施策進捗 and ★ under its 基本政策 and 公約 rows).
 */
import { circledNumber, romanNumeral } from '../../cells/ordinals';
import type { PledgeActivity } from '../../model/pledge';
import { RATING, textColumn, type SectionContext } from './context';
import type { DraftSheet } from './draft';
import type { SummaryCell } from './types';
import { boldCell } from './cell';

/** 002 prints whole percentages under a "(%)" header: the value 62, not 0.62 */
function percentNumberFormat(decimals: number): string {
  return decimals > 0 ? `0.${'0'.repeat(decimals)}` : '0';
}

function policyText(policy: number, title: string): string {
  return `${romanNumeral(policy)} ${title}`.trim();
}

function pledgeText(pledge: number, title: string): string {
  return `${pledge} ${title}`.trim();
}

export function pledgeOverviewSheet(c: SectionContext): DraftSheet {
  const { pledges } = c.review;
  const decimals = c.review.settings.percentDecimals;
  const format = percentNumberFormat(decimals);
  const rows: SummaryCell[][] = [];
  const starts: number[] = [];
  for (const p of pledges.policies) {
    starts.push(rows.length);
    rows.push([boldCell(policyText(p.policy, p.title)), boldCell(p.percent)]);
    // pledges indented by an ideographic space, as the city's table sets them in
    for (const q of pledges.pledges.filter((x) => x.policy === p.policy)) rows.push([`\u3000${pledgeText(q.pledge, q.title)}`, q.percent]);
  }
  if (pledges.overall !== null) rows.push([boldCell(c.t('summary.overall')), boldCell(pledges.overall, percentNumberFormat(Math.max(1, decimals)))]);
  return {
    key: 'pledges',
    heading: c.t('summary.heading.pledges'),
    part: 'pledge',
    tables: [
      {
        name: 'PR_Pledges',
        caption: null,
        columns: [
          textColumn(c.t('summary.col.pledgeSection'), 68),
          { header: c.t('summary.col.pledgeProgress'), format, kind: 'number' },
        ],
        rows,
        dataBar: { column: 1, max: 100 },
        groupStarts: starts,
        emptyText: c.t('summary.none'),
      },
    ],
  };
}

/** the departments of a measure's activities, each once, in order (a cell may list several: 、) */
function departmentsOf(acts: readonly PledgeActivity[]): string {
  const seen = new Set<string>();
  for (const a of acts) for (const d of a.department.split(/[、,，\n]/)) if (d.trim()) seen.add(d.trim());
  return [...seen].join('\n');
}

export function pledgeMeasuresSheet(c: SectionContext): DraftSheet {
  const { pledges, activities } = { pledges: c.review.pledges, activities: c.review.activities };
  const t = c.t;
  const decimals = c.review.settings.percentDecimals;
  const format = percentNumberFormat(decimals);
  const byMeasure = new Map<string, PledgeActivity[]>();
  for (const a of activities) {
    const key = `${a.policy}|${a.pledge}|${a.measure}`;
    const list = byMeasure.get(key);
    if (list) list.push(a);
    else byMeasure.set(key, [a]);
  }
  const rows: SummaryCell[][] = [];
  const starts: number[] = [];
  const blank = (n: number): SummaryCell[] => Array.from({ length: n }, () => null);
  for (const p of pledges.policies) {
    starts.push(rows.length);
    rows.push([boldCell(policyText(p.policy, p.title)), ...blank(4), boldCell(p.percent)]);
    pledges.pledges
      .filter((q) => q.policy === p.policy)
      .forEach((q, i) => {
        // a policy row stays with its first pledge
        if (i > 0) starts.push(rows.length);
        rows.push([boldCell(`\u3000${pledgeText(q.pledge, q.title)}`), ...blank(4), boldCell(q.percent)]);
        for (const m of pledges.measures.filter((x) => x.policy === q.policy && x.pledge === q.pledge)) {
          const acts = byMeasure.get(`${m.policy}|${m.pledge}|${m.measure}`) ?? [];
          const label = c.lang === 'ja' ? circledNumber(m.measure) : String(m.measure);
          rows.push([
            `\u3000\u3000${label} ${m.title}`.trimEnd(),
            acts.map((a) => t('summary.activityItem', { activity: a.activity })).join('\n') || null,
            departmentsOf(acts) || null,
            m.rating,
            m.stars,
            null,
          ]);
        }
      });
  }
  return {
    key: 'pledgeMeasures',
    heading: t('summary.heading.pledgeMeasures'),
    part: 'pledge',
    tables: [
      {
        name: 'PR_PledgeMeasures',
        caption: null,
        columns: [
          textColumn(t('summary.col.pledgeMeasure'), 30),
          textColumn(t('summary.col.activities'), 46),
          textColumn(t('summary.col.departments'), 16),
          { header: t('summary.col.measureProgress'), format: RATING, kind: 'number' },
          { header: t('summary.col.stars'), format: '@', kind: 'code', noWrap: true },
          { header: t('summary.col.pledgeProgress'), format, kind: 'number' },
        ],
        rows,
        groupStarts: starts,
        emptyText: t('summary.none'),
      },
    ],
  };
}
