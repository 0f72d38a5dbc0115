/**
 * The task pane. Talks to the workbook only through the WorkbookGateway it is given; the action
 * state (idle / running / done / failed) is a pure reducer (../state/actionState).
 */
import { makeStyles, MessageBar, MessageBarBody, tokens, useId } from '@fluentui/react-components';
import { Suspense, useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { OnProgress, WorkbookGateway } from '../../excel/gateway';
import type { ImportGateway } from '../../excel/importGateway';
import type { Lang } from '../../messages/lang';
import { I18nProvider } from '../i18n/I18nContext';
import { translator, type Translate } from '../../messages/translate';
import { actionReducer, INITIAL_ACTION_STATE, type ActionKind, type ActionResult, type ActionState } from '../state/actionState';
import { describeError } from '../state/errors';
import { headline } from '../state/headline';
import { ACTION_LABEL, ERROR_TITLE } from '../state/labels';
import { browserStore, loadLang, saveLang, type KeyValueStore } from '../state/storage';
import { useSettings } from '../state/useSettings';
import { ActionBar } from './ActionBar';
import { Header } from './Header';
import { ImportPanel } from './lazyImport';
import { ComputeConfirmDialog, ProgressPanel, ResultSummary, TemplateDialog } from './lazyParts';
import { SettingsPanel } from './SettingsPanel';
import { StatusAnnouncer } from './StatusAnnouncer';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    boxSizing: 'border-box',
    width: '100%',
    maxWidth: '100%',
    minWidth: 0,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    overflowWrap: 'anywhere',
  },
  blocked: { color: tokens.colorStatusDangerForeground3, fontSize: tokens.fontSizeBase200, margin: 0 },
  result: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  selectError: { minWidth: 0 },
  selectErrorBody: { overflowWrap: 'anywhere', whiteSpace: 'normal' },
});

export interface AppProps {
  gateway: WorkbookGateway;
  /** ブックを取り込む (issue 13); without it the pane shows no import panel */
  importer?: ImportGateway;
  /** where settings and the language are kept; localStorage by default */
  store?: KeyValueStore;
}

/** What a screen reader hears after an action. */
function statusText(state: ActionState, t: Translate): string {
  switch (state.status) {
    case 'idle':
      return '';
    case 'running':
      return t('status.running', { action: t(ACTION_LABEL[state.action]) });
    case 'failed':
      return t(ERROR_TITLE[state.action]);
    case 'done': {
      const h = headline(state.result, t);
      return [h.title, ...h.lines].join(' ');
    }
  }
}

export function App({ gateway, importer, store: givenStore }: AppProps) {
  const styles = useStyles();
  const store = useMemo(() => givenStore ?? browserStore(), [givenStore]);
  const [lang, setLang] = useState<Lang>(() => loadLang(store));
  const t = useMemo(() => translator(lang), [lang]);

  // Settings: the form (text) and the settings in force; their checks load with the pane.
  const settingsState = useSettings(store);
  const { settings } = settingsState;
  /** the settings were checked and the form is wrong: say so beside the actions */
  const settingsInvalid = settingsState.ready && !settingsState.ok;

  const [state, dispatch] = useReducer(actionReducer, INITIAL_ACTION_STATE);
  const runIdRef = useRef(0);
  const busyRef = useRef(false);
  const [confirmOpen, setConfirmOpen] = useState(false);
  const [templateOpen, setTemplateOpen] = useState(false);
  /** incremented at each opening of the template dialog, which starts with an empty form */
  const [templateSession, setTemplateSession] = useState(0);
  const [selectError, setSelectError] = useState<{ ref: string; message: string } | null>(null);
  const blockedId = useId('actions-blocked-');
  const resultRef = useRef<HTMLElement>(null);

  useEffect(() => {
    document.documentElement.lang = lang; // dialogs render in a portal outside the root element
    saveLang(store, lang);
  }, [lang, store]);

  // When an action ends with its result out of sight (below an open settings panel), bring the
  // top of the result into view. Focus stays where it is.
  useEffect(() => {
    if (state.status !== 'done' && state.status !== 'failed') return;
    const el = resultRef.current;
    if (el && typeof el.scrollIntoView === 'function' && el.getBoundingClientRect().top > window.innerHeight - 48) {
      el.scrollIntoView({ block: 'start' });
    }
  }, [state.status, state.runId]);

  const run = useCallback(async (action: ActionKind, work: (onProgress: OnProgress) => Promise<ActionResult>) => {
    if (busyRef.current) return; // a second click before the buttons were disabled
    busyRef.current = true;
    const runId = ++runIdRef.current;
    setSelectError(null);
    dispatch({ type: 'start', runId, action });
    try {
      const result = await work((p) => dispatch({ type: 'progress', runId, step: p.step, ratio: p.ratio }));
      dispatch({ type: 'succeed', runId, result });
    } catch (err) {
      console.error(`Progress Review: ${action} failed`, err);
      dispatch({ type: 'fail', runId, error: describeError(err) });
    } finally {
      busyRef.current = false;
    }
  }, []);

  const running = state.status === 'running';
  const actionsDisabled = running || !settingsState.ok;

  const onAction = (kind: ActionKind) => {
    if (actionsDisabled || busyRef.current || !settings) return;
    const s = settings;
    switch (kind) {
      case 'validate':
        void run('validate', async (onProgress) => ({ kind: 'validate', outcome: await gateway.validate(s, onProgress) }));
        break;
      case 'compute':
        setConfirmOpen(true);
        break;
      case 'summary': {
        const summaryLang = lang;
        void run('summary', async (onProgress) => ({
          kind: 'summary',
          outcome: await gateway.buildSummary(s, summaryLang, onProgress),
          lang: summaryLang,
        }));
        break;
      }
      case 'template':
        setTemplateSession((n) => n + 1);
        setTemplateOpen(true);
        break;
    }
  };

  const onConfirmCompute = () => {
    setConfirmOpen(false);
    if (!settingsState.ok || !settings) return;
    const s = settings;
    void run('compute', async (onProgress) => ({ kind: 'compute', outcome: await gateway.computeAndWrite(s, onProgress) }));
  };

  const onSubmitTemplate = (kind: 'kpi' | 'pledge', department: string | undefined) => {
    setTemplateOpen(false);
    if (!settingsState.ok || !settings) return;
    const s = settings;
    void run('template', async () => ({ kind: 'template', outcome: await gateway.addTemplate(kind, s, department) }));
  };

  const onSelect = useCallback(
    (sheet: string, cell: string) => {
      setSelectError(null);
      // Promise.resolve().then: a gateway that throws instead of rejecting is handled the same way.
      Promise.resolve()
        .then(() => gateway.selectCell(sheet, cell))
        .catch((err: unknown) => {
          setSelectError({ ref: `${sheet}!${cell}`, message: describeError(err).message });
        });
    },
    [gateway],
  );

  return (
    <I18nProvider lang={lang}>
      <main className={styles.root} lang={lang} data-testid="app">
        <Header onLanguageChange={setLang} />
        <ActionBar disabled={actionsDisabled} describedBy={settingsInvalid || settingsState.failed ? blockedId : undefined} onAction={onAction} />
        {(settingsInvalid || settingsState.failed) && (
          <p id={blockedId} className={styles.blocked} role="alert">
            {t(settingsState.failed ? 'settings.loadFailed' : 'actions.blockedBySettings')}
          </p>
        )}
        <SettingsPanel state={settingsState} />
        <Suspense fallback={null}>{importer && settings && <ImportPanel importer={importer} settings={settings} disabled={actionsDisabled} />}</Suspense>
        {/* The progress bar, the results and the dialogs are loaded on demand (./lazyParts). */}
        <Suspense fallback={null}>
          {state.status === 'running' && <ProgressPanel action={state.action} step={state.step} ratio={state.ratio} />}
        </Suspense>
        <section ref={resultRef} className={styles.result} data-testid="result" aria-label={t('result.aria')}>
          {selectError && (
            <MessageBar intent="warning" layout="multiline" className={styles.selectError}>
              <MessageBarBody className={styles.selectErrorBody}>
                {t('problems.selectFailed', { ref: selectError.ref, message: selectError.message || t('error.unknown') })}
              </MessageBarBody>
            </MessageBar>
          )}
          <Suspense fallback={null}>
            {(state.status === 'done' || state.status === 'failed') && (
              <ResultSummary key={state.runId} state={state} onSelect={onSelect} onDismiss={() => dispatch({ type: 'dismiss' })} />
            )}
          </Suspense>
        </section>
        <StatusAnnouncer text={statusText(state, t)} />
        <Suspense fallback={null}>
          {confirmOpen && <ComputeConfirmDialog open onConfirm={onConfirmCompute} onCancel={() => setConfirmOpen(false)} />}
          {templateOpen && settings && (
            <TemplateDialog key={templateSession} open settings={settings} onSubmit={onSubmitTemplate} onCancel={() => setTemplateOpen(false)} />
          )}
        </Suspense>
      </main>
    </I18nProvider>
  );
}
