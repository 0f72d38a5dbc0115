/**
 * Static rendering of the pane with react-dom/server (the jest environment is node, no DOM):
 * the stable data-testid hooks, the language attribute, the results and errors. Interaction
 * (clicks, keyboard) is left to the browser test.
 */
import { FluentProvider, SSRProvider, webLightTheme } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { makeIssue } from '../../src/domain/base/issues';
import type { SummaryOutcome, ValidateOutcome, WorkbookGateway, WriteOutcome } from '../../src/excel/gateway';
import { App } from '../../src/taskpane/components/App';
import { ProgressPanel } from '../../src/taskpane/components/ProgressPanel';
import { ResultSummary } from '../../src/taskpane/components/ResultSummary';
import { SettingsFields } from '../../src/taskpane/components/SettingsFields';
import { settingsToForm } from '../../src/taskpane/state/settingsForm';
import { DEFAULT_SETTINGS } from '../../src/domain/base/settings';
import { I18nProvider } from '../../src/taskpane/i18n/I18nContext';
import type { ActionState } from '../../src/taskpane/state/actionState';
import { LANG_KEY, memoryStore } from '../../src/taskpane/state/storage';
import type { Lang } from '../../src/messages/lang';

const issues = [
  makeIssue({ severity: 'warning', code: 'warn.gradeDNoNote', sheet: '政策推進課', row: 7, col: 3, params: { found: '12.5%' } }),
  makeIssue({ severity: 'error', code: 'number.text', sheet: '政策推進課', row: 11, col: 7, header: '実績R3', params: { found: '約50' } }),
  makeIssue({ severity: 'info', code: 'reason.noActual', sheet: '政策推進課', row: 4, col: 2 }),
  makeIssue({ severity: 'error', code: 'header.actualYearMissing', sheet: '市民課' }),
];

const validateOutcome: ValidateOutcome = {
  issues,
  kpiSheets: ['政策推進課', '市民課'],
  pledgeSheets: ['市長公約'],
  otherSheets: ['メモ'],
  kpiCount: 1234,
  activityCount: 56,
  syncs: 3,
};

const writeOutcome: WriteOutcome = {
  ...validateOutcome,
  written: [{ sheet: '市長公約', range: 'G3:J60', cells: 232 }],
  skipped: ['政策推進課', '市民課'],
  skippedDetails: [
    { sheet: '政策推進課', reason: 'errors' },
  ],
  largestRequestBytes: 1000,
};

const summaryOutcome: SummaryOutcome = { ...validateOutcome, sheet: '集計_総括', sheets: ['集計_総括', '集計_問題'], replaced: true, complete: true };

/** a gateway that must not be called while rendering */
const gateway: WorkbookGateway = {
  validate: () => Promise.reject(new Error('not in this test')),
  computeAndWrite: () => Promise.reject(new Error('not in this test')),
  buildSummary: () => Promise.reject(new Error('not in this test')),
  addTemplate: () => Promise.reject(new Error('not in this test')),
  selectCell: () => Promise.reject(new Error('not in this test')),
};

function html(node: ReactElement, lang: Lang = 'ja'): string {
  return renderToStaticMarkup(
    <SSRProvider>
      <FluentProvider theme={webLightTheme}>
        <I18nProvider lang={lang}>{node}</I18nProvider>
      </FluentProvider>
    </SSRProvider>,
  );
}

function count(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

const noop = () => undefined;

describe('the pane', () => {
  test('Japanese by default: lang="ja", the four actions and the language switch', () => {
    const out = html(<App gateway={gateway} store={memoryStore()} />);
    expect(out).toMatch(/<main[^>]*lang="ja"[^>]*data-testid="app"/);
    for (const id of ['action-validate', 'action-compute', 'action-summary', 'action-template', 'lang-switch', 'result']) {
      expect(count(out, `data-testid="${id}"`)).toBe(1);
    }
    expect(out).toContain('検証');
    expect(out).toContain('計算して書き込む');
    expect(out).toContain('集計シート作成');
    expect(out).toContain('テンプレート作成');
    expect(out).toContain('<span lang="en">English</span>');
    expect(out).not.toContain('data-testid="progress"');
  });

  test('English when chosen before', () => {
    const out = html(<App gateway={gateway} store={memoryStore({ [LANG_KEY]: 'en' })} />, 'en');
    expect(out).toMatch(/<main[^>]*lang="en"[^>]*data-testid="app"/);
    expect(out).toContain('Validate');
    expect(out).toContain('Compute &amp; write'); // short enough for one line at 320 px
    expect(out).toContain('<span lang="ja">日本語</span>');
  });

  test('progress: step name, percentage and an ARIA progress bar', () => {
    const out = html(<ProgressPanel action="compute" step="write" ratio={0.42} />);
    expect(out).toContain('data-testid="progress"');
    expect(out).toContain('role="progressbar"');
    expect(out).toContain('aria-valuenow="0.42"');
    expect(out).toContain('計算して書き込む：出力列に書き込んでいます');
    expect(out).toContain('42%');
  });

  test('progress before the first report is indeterminate', () => {
    const out = html(<ProgressPanel action="template" step={null} ratio={0} />);
    expect(out).toContain('data-testid="progress"');
    expect(out).not.toContain('aria-valuenow');
    expect(out).toContain('開始しています');
  });
});

describe('settings', () => {
  test('the choice of what grades a 累計 KPI: 計画比 by default, 達成率 when chosen', () => {
    const out = html(<SettingsFields form={settingsToForm(DEFAULT_SETTINGS)} errors={{}} onFieldChange={noop} onReset={noop} />);
    expect(count(out, 'data-testid="setting-gradeCumulativeBy"')).toBe(1);
    expect(out).toContain('累計の指標の評価（目標年度より前）');
    const checked = (v: string) => new RegExp(`<input(?=[^>]*checked)(?=[^>]*value="${v}")[^>]*>`);
    expect(out).toMatch(checked('pace'));
    expect(out).not.toMatch(checked('achievement'));
    const chosen = html(<SettingsFields form={{ ...settingsToForm(DEFAULT_SETTINGS), gradeCumulativeBy: 'achievement' }} errors={{}} onFieldChange={noop} onReset={noop} />, 'en');
    expect(chosen).toMatch(checked('achievement'));
    expect(chosen).toContain('Grade on pace (計画比, default)');
  });
});

describe('results', () => {
  const done = (result: Extract<ActionState, { status: 'done' }>['result']): ActionState => ({
    status: 'done',
    runId: 1,
    action: result.kind,
    result,
  });

  test('validate: counts and problems, errors first, reasons hidden', () => {
    const out = html(<ResultSummary state={done({ kind: 'validate', outcome: validateOutcome })} onSelect={noop} onDismiss={noop} />);
    expect(out).toContain('data-intent="error"');
    expect(out).toContain('エラー 2件・警告 1件'); // the headline counts
    expect(out).toContain('シート 3枚を検証しました（KPI 1,234件・公約の取組 56件）。');
    expect(out).toContain('1,234件'); // KPI数
    expect(out).toContain('56件'); // 取組数
    expect(out).toContain('政策推進課、市民課');
    expect(count(out, 'data-testid="problem-item"')).toBe(3); // the reason (info) is behind a button
    expect(out).toContain('空欄にした理由も表示する（1件）');
    // order: 政策推進課 (met first) with its H12 error before the D8 warning, then 市民課 (a sheet-level error)
    const order = [out.indexOf('data-sheet="政策推進課"'), out.indexOf('>H12<'), out.indexOf('>D8<'), out.indexOf('data-sheet="市民課"')];
    expect(order.every((v) => v >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // a problem with a cell is a button; found text and header shown
    expect(out).toMatch(/<button[^>]*data-testid="problem-item"[^>]*data-severity="error"/);
    expect(out).toMatch(/<div data-testid="problem-item" data-severity="error"/);
    expect(out).toContain('入力: 「約50」');
    expect(out).toContain('見出し: 実績R3');
    // the location prefix is not repeated in the message
    expect(out).not.toContain('政策推進課!H12（実績R3）:');
  });

  test('validate in English', () => {
    const out = html(<ResultSummary state={done({ kind: 'validate', outcome: validateOutcome })} onSelect={noop} onDismiss={noop} />, 'en');
    expect(out).toContain('2 errors · 1 warning');
    expect(out).toContain('3 sheets checked (1,234 KPIs, 56 pledge activities).');
    expect(out).toContain('is not a number');
    expect(out).toContain('KPIs (KPI数)');
  });

  test('validate without problems', () => {
    const clean = { ...validateOutcome, issues: [] };
    const out = html(<ResultSummary state={done({ kind: 'validate', outcome: clean })} onSelect={noop} onDismiss={noop} />);
    expect(out).toContain('data-intent="success"');
    expect(out).toContain('問題は見つかりませんでした');
    expect(out).not.toContain('problem-item');
  });

  test('compute: written and skipped sheets', () => {
    const out = html(<ResultSummary state={done({ kind: 'compute', outcome: writeOutcome })} onSelect={noop} onDismiss={noop} />);
    expect(out).toContain('一部のシートだけ書き込みました');
    expect(out).toContain('G3:J60（232セル）');
    expect(out).toMatch(/data-testid="skipped-sheets"[\s\S]*政策推進課[\s\S]*市民課/);
    expect(out).toContain('エラーがあるため書き込みませんでした'); // the pane's words for the reason
    expect(out).toContain('data-reason="errors"');
    expect(out).toContain('エラーがあるため書き込みませんでした');
    expect(count(out, 'data-testid="problem-item"')).toBe(3);
  });

  test('summary: sheet name and replacement', () => {
    const out = html(
      <ResultSummary state={done({ kind: 'summary', outcome: summaryOutcome, lang: 'en' })} onSelect={noop} onDismiss={noop} />,
    );
    expect(out).toContain('集計シート 2 枚を作成しました（先頭は「集計_総括」）');
    expect(out).toContain('スパークライン');
    expect(out).toContain('前回の集計シートを置き換えました');
    expect(out).toContain('集計シートの言語: 英語');
    expect(out).toContain('data-testid="go-to-sheet"');
  });

  test('template', () => {
    const out = html(
      <ResultSummary state={done({ kind: 'template', outcome: { sheet: '市民課', syncs: 2 } })} onSelect={noop} onDismiss={noop} />,
    );
    expect(out).toContain('テンプレート「市民課」を追加しました');
  });

  test('a failed action shows its message, the hint and the code; never an empty pane', () => {
    const failed: ActionState = {
      status: 'failed',
      runId: 2,
      action: 'compute',
      error: { message: 'The operation cannot be performed in cell edit mode.', code: 'InvalidOperationInCellEditMode' },
    };
    const out = html(<ResultSummary state={failed} onSelect={noop} onDismiss={noop} />);
    expect(out).toContain('data-testid="action-error"');
    expect(out).toContain('計算・書き込みができませんでした');
    expect(out).toContain('cell edit mode');
    expect(out).toContain('Esc キー');
    expect(out).toContain('エラーコード: InvalidOperationInCellEditMode');

    const empty = html(<ResultSummary state={{ ...failed, error: { message: '' } }} onSelect={noop} onDismiss={noop} />);
    expect(empty).toContain('原因の分からないエラーが起きました');
  });

  test('many problems: grouped by kind, a kind with many cells is one collapsed line, sheets without errors closed', () => {
    const many = Array.from({ length: 20 }, (_, i) =>
      makeIssue({ severity: 'warning', code: 'warn.gradeDNoNote', sheet: '市民課', row: 5 + i, col: 3, params: { achievement: '10.0%' } }),
    );
    const big = { ...validateOutcome, issues: [...many, ...issues] };
    const out = html(<ResultSummary state={done({ kind: 'validate', outcome: big })} onSelect={noop} onDismiss={noop} />);
    expect(out).toContain('エラー 2件・警告 21件');
    // 政策推進課 has an error: open, its kinds small and listed; 市民課 too (its sheet-level error)
    expect(out).toMatch(/data-sheet="市民課"[\s\S]*data-testid="problem-kind-toggle"/);
    expect(out).toContain('備考が空欄（D評価）: 20件');
    expect(out).toMatch(/aria-expanded="false"[^>]*data-testid="problem-kind-toggle"/);
    expect(count(out, 'data-testid="problem-item"')).toBe(3); // the 20 cells behind the kind's button
    expect(out).toContain('data-testid="problems-filter-errors"');

    const warningsOnly = { ...validateOutcome, issues: many };
    const closed = html(<ResultSummary state={done({ kind: 'validate', outcome: warningsOnly })} onSelect={noop} onDismiss={noop} />);
    expect(closed).toMatch(/aria-expanded="false"[^>]*data-testid="problem-sheet-toggle"/);
    expect(count(closed, 'data-testid="problem-item"')).toBe(0);
    expect(count(closed, 'data-testid="problem-kind"')).toBe(0);
  });

  test('compute says which sheets were not written and why; summary which sheets are left out', () => {
    const out = html(<ResultSummary state={done({ kind: 'compute', outcome: writeOutcome })} onSelect={noop} onDismiss={noop} />);
    expect(out).toContain('書き込まなかったシート: 政策推進課（エラー 1件）、市民課（エラー 1件）');
    const locked = { ...writeOutcome, skippedDetails: [{ sheet: '市民課', reason: 'protected' as const }] };
    expect(html(<ResultSummary state={done({ kind: 'compute', outcome: locked })} onSelect={noop} onDismiss={noop} />)).toContain('市民課（パスワードで保護）');
    const en = html(<ResultSummary state={done({ kind: 'compute', outcome: writeOutcome })} onSelect={noop} onDismiss={noop} />, 'en');
    expect(en).toContain('Not written: 政策推進課 (1 error)');

    const sum = html(<ResultSummary state={done({ kind: 'summary', outcome: summaryOutcome, lang: 'ja' })} onSelect={noop} onDismiss={noop} />);
    expect(sum).toContain('data-intent="warning"');
    expect(sum).toContain('エラーのある行は集計に入っていません: 政策推進課（エラー 1件）、市民課（エラー 1件）');
  });

  test('a plan-period notice under the headline, with what to do in the pane', () => {
    const planNotice = { code: 'otherPlan' as const, file: 'a.xlsx', asked: { start: 2020, end: 2024 }, targetYear: 2019, suggested: { start: 2015, end: 2019 }, outside: 10, withActual: 10 };
    const out = html(<ResultSummary state={done({ kind: 'validate', outcome: { ...validateOutcome, planNotice } })} onSelect={noop} onDismiss={noop} />);
    expect(out).toContain('data-testid="plan-notice"');
    expect(out).toContain('目標年度が 2019年度');
    expect(out).toContain('設定の計画期間を 2015〜2019 にして');
    expect(html(<ResultSummary state={done({ kind: 'validate', outcome: validateOutcome })} onSelect={noop} onDismiss={noop} />)).not.toContain('plan-notice');
  });

  test('idle and running render no result', () => {
    expect(html(<ResultSummary state={{ status: 'idle', runId: 0 }} onSelect={noop} onDismiss={noop} />)).not.toContain('MessageBar');
  });
});
