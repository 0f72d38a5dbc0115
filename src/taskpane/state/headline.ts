/** The headline of an action's result: the MessageBar of the results and what a screen reader hears. */
import type { Translate } from '../../messages/translate';
import type { ActionResult } from './actionState';
import { countProblems } from './problems';

type Intent = 'success' | 'warning' | 'error' | 'info';

export interface Headline {
  intent: Intent;
  title: string;
  lines: string[];
}

/** The MessageBar text of a result (also announced to screen readers). */
export function headline(result: ActionResult, t: Translate): Headline {
  switch (result.kind) {
    case 'validate': {
      const c = countProblems(result.outcome.issues);
      if (c.errors > 0) return { intent: 'error', title: t('result.validate.title'), lines: [t('result.validate.hasErrors')] };
      if (c.warnings > 0) return { intent: 'warning', title: t('result.validate.title'), lines: [] };
      return { intent: 'success', title: t('result.validate.title'), lines: [t('result.validate.ok')] };
    }
    case 'compute': {
      const { written, skipped } = result.outcome;
      if (written.length === 0) {
        return {
          intent: skipped.length > 0 ? 'error' : 'warning',
          title: t('result.compute.nothingTitle'),
          lines: skipped.length > 0 ? [t('result.compute.partial')] : [],
        };
      }
      if (skipped.length > 0) return { intent: 'warning', title: t('result.compute.partialTitle'), lines: [t('result.compute.partial')] };
      return { intent: 'success', title: t('result.compute.title'), lines: [] };
    }
    case 'summary':
      return {
        // the sheet was built, but it lists validation errors the reviewer must see
        intent: result.outcome.issues.some((i) => i.severity === 'error') ? 'warning' : 'success',
        title: t('result.summary.title', { sheet: result.outcome.sheet, count: result.outcome.sheets.length }),
        lines: [
          t(result.outcome.replaced ? 'result.summary.replaced' : 'result.summary.added'),
          ...(result.outcome.complete ? [] : [t('result.summary.incomplete')]),
          t('result.summary.language', { language: t(result.lang === 'ja' ? 'language.ja' : 'language.en') }),
          t('result.summary.sparklines'),
        ],
      };
    case 'template':
      return { intent: 'success', title: t('result.template.title', { sheet: result.outcome.sheet }), lines: [t('result.template.body')] };
  }
}
