/**
 * The headline of an action's result: the MessageBar of the results and what a screen reader
 * hears. It says what was found (エラー n件・警告 n件, the sheets checked) and, whenever its
 * icon is a warning or an error, why: which sheet was not written or left out, and the reason.
 */
import type { PlanNotice } from '../../domain/output/planNotices';
import type { Issue } from '../../domain/base/issues';
import type { ValidateOutcome } from '../../excel/gateway';
import type { Translate } from '../../messages/translate';
import type { ActionResult } from './actionState';
import { countProblems } from './problems';
import { skippedSheets } from './skipped';

type Intent = 'success' | 'warning' | 'error' | 'info';

export interface Headline {
  intent: Intent;
  title: string;
  lines: string[];
}

/** エラー 3件・警告 36件 */
export function countsText(issues: readonly Issue[], t: Translate): string {
  const c = countProblems(issues);
  return t('result.counts', { errors: c.errors, warnings: c.warnings });
}

/** シート 27枚を検証しました（KPI 104件・公約の取組 134件）。 */
function sheetsChecked(o: ValidateOutcome, t: Translate): string {
  return t('result.sheetsChecked', { sheets: o.kpiSheets.length + o.pledgeSheets.length, kpis: o.kpiCount, activities: o.activityCount });
}

/** errors per sheet, in the order the sheets are met */
function errorsBySheet(issues: readonly Issue[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const i of issues) if (i.severity === 'error') out.set(i.sheet, (out.get(i.sheet) ?? 0) + 1);
  return out;
}

/** 建設課（エラー 3件）、市民課（パスワードで保護） */
function sheetsWithReasons(items: readonly { sheet: string; reason: string }[], t: Translate): string {
  return items.map((s) => t('result.sheetReason', { sheet: s.sheet || t('problems.workbook'), reason: s.reason })).join(t('list.separator'));
}

/** the plan-period notice and what to do about it in the pane */
export function planNoticeText(n: PlanNotice, t: Translate): string {
  const { start, end } = n.asked;
  if (n.code === 'otherPlan') {
    return `${t('notice.otherPlan', { targetYear: n.targetYear, start, end, outside: n.outside, withActual: n.withActual })} ${t('notice.pane.usePlan', { start: n.suggested.start, end: n.suggested.end })}`;
  }
  return `${t('notice.outsidePlan', { start, end, outside: n.outside, withActual: n.withActual })} ${t('notice.pane.choosePlan')}`;
}

/** The MessageBar text of a result (also announced to screen readers). */
export function headline(result: ActionResult, t: Translate): Headline {
  switch (result.kind) {
    case 'validate': {
      const o = result.outcome;
      const c = countProblems(o.issues);
      const title = countsText(o.issues, t);
      const checked = sheetsChecked(o, t);
      if (c.errors > 0) return { intent: 'error', title, lines: [checked, t('result.validate.hasErrors')] };
      if (c.warnings > 0) return { intent: 'warning', title, lines: [checked] };
      return { intent: 'success', title, lines: [checked, t('result.validate.ok')] };
    }
    case 'compute': {
      const o = result.outcome;
      const { written } = o;
      const errors = errorsBySheet(o.issues);
      const skipped = skippedSheets(o).map((s) => ({
        sheet: s.sheet,
        reason: s.reason === 'protected' ? t('skipped.reason.protected') : t('skipped.reason.errors', { count: errors.get(s.sheet) ?? 0 }),
      }));
      const lines = [countsText(o.issues, t)];
      if (skipped.length > 0) lines.push(t('result.compute.skippedLine', { sheets: sheetsWithReasons(skipped, t) }), t('result.compute.partial'));
      if (written.length === 0) return { intent: skipped.length > 0 ? 'error' : 'warning', title: t('result.compute.nothingTitle'), lines };
      if (skipped.length > 0) return { intent: 'warning', title: t('result.compute.partialTitle'), lines };
      return { intent: 'success', title: t('result.compute.title'), lines };
    }
    case 'summary': {
      const o = result.outcome;
      const errors = [...errorsBySheet(o.issues)].map(([sheet, n]) => ({ sheet, reason: t('skipped.reason.errors', { count: n }) }));
      const lines = [
        t(o.replaced ? 'result.summary.replaced' : 'result.summary.added'),
        ...(o.complete ? [] : [t('result.summary.incomplete')]),
        t('result.summary.language', { language: t(result.lang === 'ja' ? 'language.ja' : 'language.en') }),
        t('result.summary.sparklines'),
        countsText(o.issues, t),
      ];
      // the sheets were built, but the rows with errors are not in them: the reviewer must see which
      if (errors.length > 0) lines.push(t('result.summary.leftOut', { sheets: sheetsWithReasons(errors, t) }));
      return { intent: errors.length > 0 ? 'warning' : 'success', title: t('result.summary.title', { sheet: o.sheet, count: o.sheets.length }), lines };
    }
    case 'template':
      return { intent: 'success', title: t('result.template.title', { sheet: result.outcome.sheet }), lines: [t('result.template.body')] };
  }
}
