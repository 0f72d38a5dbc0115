/**
 * 取り込み: choose or drop the departments' workbooks; each is read in the pane (progress, cancel)
 * and listed with its sheets, counts and problems (a problem opens its details: file › sheet!cell,
 * message, value typed); on confirmation the ImportGateway builds the summary sheet in the open
 * workbook from all of them and the open workbook's own sheets, and, as an option, inserts the
 * departments' sheets with their output columns filled (the dialog first names the sheets of an
 * earlier import this replaces and the files left out for their errors). Until the workbook is
 * written to, the import can be cancelled.
 */
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  mergeClasses,
  ProgressBar,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import type { Issue } from '../../domain/base/issues';
import type { Settings } from '../../domain/base/settings';
import { IMPORT_LIMITS } from '../../domain/import/importPlan';
import { supersededSheets } from '../../domain/import/insertPlan';
import type { ActionStep, Progress } from '../../excel/gateway';
import type { ImportGateway, ImportOutcome, NotInsertedReason } from '../../excel/importGateway';
import { issueMessage, issuePlace } from '../../messages/issueText';
import { formatCount, formatList, type MessageKey } from '../../messages/translate';
import { useI18n } from '../i18n/I18nContext';
import { importList, type ImportListEntry } from '../import/importList';
import { fillOutputs } from '../import/fillOutputs';
import { readImportFiles, type FileRead, type ReadProgress } from '../import/readImportFiles';
import { describeError } from '../state/errors';
import { STEP_LABEL } from './ProgressPanel';
import { useSharedStyles } from './styles';

const MB = 1024 * 1024;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  intro: { margin: 0, fontSize: tokens.fontSizeBase200 },
  drop: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalM,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  dropActive: { border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  input: { display: 'none' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderLeftWidth: tokens.strokeWidthThickest,
    borderRadius: tokens.borderRadiusMedium,
    fontSize: tokens.fontSizeBase200,
    minWidth: 0,
  },
  ok: { borderLeftColor: tokens.colorStatusSuccessBorder1 },
  warn: { borderLeftColor: tokens.colorStatusWarningBorder2 },
  bad: { borderLeftColor: tokens.colorStatusDangerBorder2 },
  name: { fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
  danger: { color: tokens.colorStatusDangerForeground1 },
  problems: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '2px' },
  problem: { height: 'auto', minWidth: 0, justifyContent: 'flex-start', textAlign: 'left', whiteSpace: 'normal', fontWeight: tokens.fontWeightRegular },
  detail: { margin: 0, paddingLeft: tokens.spacingHorizontalM, color: tokens.colorNeutralForeground2 },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  textButton: { height: 'auto', whiteSpace: 'normal', textAlign: 'left', minWidth: 0 },
  actions: { flexWrap: 'wrap' },
  confirmList: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, overflowWrap: 'anywhere' },
});

type Phase =
  | { kind: 'idle' }
  | { kind: 'reading'; progress: ReadProgress | null }
  | { kind: 'importing'; progress: Progress | null }
  | { kind: 'done'; outcome: ImportOutcome }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string };

export interface ImportWorkspaceProps {
  importer: ImportGateway;
  settings: Settings;
  disabled: boolean;
}

const REFUSAL_KEY: Record<string, MessageKey> = {
  notWorkbook: 'import.refusal.notWorkbook',
  empty: 'import.refusal.empty',
  tooLarge: 'import.refusal.tooLarge',
  totalTooLarge: 'import.refusal.totalTooLarge',
  duplicate: 'import.refusal.duplicate',
};

const NOT_INSERTED_KEY: Record<NotInsertedReason, MessageKey> = {
  errors: 'import.notInserted.errors',
  noSheets: 'import.notInserted.noSheets',
  unreadable: 'import.notInserted.unreadable',
  unpatchable: 'import.notInserted.unpatchable',
  tooLarge: 'import.notInserted.tooLarge',
};

/** steps before the workbook is written to: the import may still be cancelled */
const CANCELLABLE: readonly ActionStep[] = ['read', 'validate', 'compute'];

/** what the confirmation says when sheets are inserted */
interface InsertPreview {
  count: number;
  replace: string[];
  skip: string[];
}

function megabytes(bytes: number): string {
  return String(Math.round((bytes / MB) * 10) / 10);
}

export function ImportWorkspace({ importer, settings, disabled }: ImportWorkspaceProps) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const { lang, t } = useI18n();
  const [reads, setReads] = useState<FileRead[]>([]);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [cancelled, setCancelled] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [insert, setInsert] = useState(false);
  const [preview, setPreview] = useState<InsertPreview | null>(null);
  const [dragging, setDragging] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const abortRef = useRef<AbortController | null>(null);
  const list = useMemo(() => importList(reads, settings), [reads, settings]);
  const busy = phase.kind === 'reading' || phase.kind === 'importing';

  useEffect(() => () => abortRef.current?.abort(), []);

  const choose = async (files: readonly File[]) => {
    if (busy || !files.length) return;
    const abort = new AbortController();
    abortRef.current = abort;
    setReads([]);
    setCancelled(false);
    setPhase({ kind: 'reading', progress: null });
    try {
      const { cancelled: stopped } = await readImportFiles(files, (r) => setReads((rs) => [...rs, r]), {
        signal: abort.signal,
        onProgress: (p) => setPhase({ kind: 'reading', progress: p }),
      });
      setCancelled(stopped);
      setPhase({ kind: 'idle' });
    } catch (err) {
      setPhase({ kind: 'failed', message: describeError(err).message || t('error.unknown') });
    } finally {
      abortRef.current = null;
    }
  };

  /** the confirmation; when inserting, first what it replaces (our sheets of the same departments) */
  const confirm = async () => {
    setPreview(null);
    if (insert) {
      try {
        const earlier = await importer.insertedSheets();
        const entries = list.entries.filter((e) => e.facts);
        setPreview({
          count: entries.filter((e) => e.facts!.insertable).length,
          replace: supersededSheets(
            earlier.map((s) => ({ name: s.name, insertedKey: s.key })),
            entries.filter((e) => e.facts!.insertable).map((e) => e.file),
          ),
          skip: entries.filter((e) => e.facts!.errors > 0).map((e) => e.file),
        });
      } catch (err) {
        setPhase({ kind: 'failed', message: describeError(err).message || t('error.unknown') });
        return;
      }
    }
    setConfirming(true);
  };

  const runImport = async () => {
    setConfirming(false);
    const abort = new AbortController();
    abortRef.current = abort;
    setPhase({ kind: 'importing', progress: null });
    try {
      const outcome = await importer.importWorkbooks(
        { books: list.books, settings, lang, ...(insert ? { insertSheets: fillOutputs } : {}), signal: abort.signal },
        (p) => setPhase({ kind: 'importing', progress: p }),
      );
      setPhase({ kind: 'done', outcome });
    } catch (err) {
      if (err instanceof Error && err.name === 'ImportCancelled') {
        setPhase({ kind: 'cancelled' });
        return;
      }
      console.error('Progress Review: import failed', err);
      setPhase({ kind: 'failed', message: describeError(err).message || t('error.unknown') });
    } finally {
      abortRef.current = null;
    }
  };

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    void choose(Array.from(e.dataTransfer.files));
  };

  return (
    <div className={styles.root} data-testid="import-workspace">
      <p className={mergeClasses(styles.intro, shared.wrap)}>{t('import.intro')}</p>
      <div
        className={mergeClasses(styles.drop, dragging && styles.dropActive)}
        data-testid="import-drop"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <Button appearance="secondary" disabled={busy || disabled} data-testid="import-choose" onClick={() => inputRef.current?.click()}>
          {t('import.choose')}
        </Button>
        <input
          ref={inputRef}
          className={styles.input}
          type="file"
          multiple
          accept=".xlsx,.xlsm,.xltx,.xltm"
          data-testid="import-input"
          onChange={(e) => {
            const files = Array.from(e.target.files ?? []);
            e.target.value = '';
            void choose(files);
          }}
        />
        <span className={styles.hint}>{t('import.limits', { file: megabytes(IMPORT_LIMITS.fileBytes), total: megabytes(IMPORT_LIMITS.totalBytes) })}</span>
      </div>

      {phase.kind === 'reading' && (
        <div className={styles.buttons}>
          <Field
            style={{ flex: '1 1 100%', minWidth: 0 }}
            label={t('import.reading', { done: phase.progress?.done ?? 0, total: phase.progress?.total ?? 0, file: phase.progress?.file ?? '' })}
            validationState="none"
          >
            <ProgressBar data-testid="import-progress" thickness="large" value={phase.progress && phase.progress.total ? phase.progress.done / phase.progress.total : undefined} max={1} />
          </Field>
          <Button appearance="secondary" data-testid="import-cancel" onClick={() => abortRef.current?.abort()}>
            {t('compute.confirm.cancel')}
          </Button>
        </div>
      )}
      {cancelled && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody className={shared.wrap}>{t('import.cancelled')}</MessageBarBody>
        </MessageBar>
      )}

      {list.entries.length > 0 && (
        <section aria-label={t('import.title')} className={styles.root}>
          <ul className={styles.list} data-testid="import-list">
            {list.entries.map((e, i) => (
              <li key={`${e.read.name}-${i}`}>
                <FileCard entry={e} />
              </li>
            ))}
          </ul>
          <Field hint={t('import.insert.hint')} validationState="none">
            <Checkbox checked={insert} disabled={busy} data-testid="import-insert" label={t('import.insert.option')} onChange={(_, data) => setInsert(data.checked === true)} />
          </Field>
          <div className={styles.buttons}>
            <Button appearance="primary" disabled={busy || disabled || list.books.length === 0} data-testid="import-run" onClick={() => void confirm()}>
              {t('import.run')}
            </Button>
            <Button
              appearance="secondary"
              disabled={busy}
              data-testid="import-clear"
              onClick={() => {
                setReads([]);
                setCancelled(false);
                setPhase({ kind: 'idle' });
              }}
            >
              {t('import.clear')}
            </Button>
          </div>
        </section>
      )}

      {phase.kind === 'importing' && (
        <div className={styles.buttons}>
          <Field
            style={{ flex: '1 1 100%', minWidth: 0 }}
            label={t('progress.label', { action: t('import.title'), step: t(phase.progress ? STEP_LABEL[phase.progress.step] : 'step.starting') })}
            validationMessage={phase.progress ? t('progress.percent', { percent: Math.round(phase.progress.ratio * 100) }) : undefined}
            validationState="none"
          >
            <ProgressBar data-testid="import-write-progress" thickness="large" value={phase.progress?.ratio} max={1} />
          </Field>
          <Button
            appearance="secondary"
            data-testid="import-write-cancel"
            disabled={!!phase.progress && !CANCELLABLE.includes(phase.progress.step)}
            onClick={() => abortRef.current?.abort()}
          >
            {t('compute.confirm.cancel')}
          </Button>
        </div>
      )}
      {phase.kind === 'cancelled' && (
        <MessageBar intent="info" layout="multiline" data-testid="import-cancelled">
          <MessageBarBody className={shared.wrap}>{t('import.cancelledWrite')}</MessageBarBody>
        </MessageBar>
      )}
      {phase.kind === 'done' && (
        <MessageBar intent="success" layout="multiline" data-testid="import-done">
          <MessageBarBody className={shared.wrap}>
            {t('import.done', {
              count: formatCount(lang, phase.outcome.summarySheets.length),
              sheet: phase.outcome.summarySheet,
              files: formatCount(lang, list.books.length),
              kpis: formatCount(lang, phase.outcome.files.reduce((n, f) => n + f.kpiCount, 0)),
              activities: formatCount(lang, phase.outcome.files.reduce((n, f) => n + f.activityCount, 0)),
            })}
            {!phase.outcome.summaryComplete && <span data-testid="import-incomplete"> {t('result.summary.incomplete')}</span>}
            {phase.outcome.inserted.length > 0 && (
              <>
                <br />
                <span data-testid="import-inserted">
                  {t('import.done.inserted', {
                    count: formatCount(lang, phase.outcome.inserted.reduce((n, f) => n + f.sheets.length, 0)),
                    replaced: formatCount(lang, phase.outcome.replacedSheets.length),
                  })}
                </span>
              </>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {phase.kind === 'done' && phase.outcome.notInserted.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="import-not-inserted">
          <MessageBarBody className={shared.wrap}>
            {phase.outcome.notInserted.map((n) => (
              <div key={n.file}>{t(NOT_INSERTED_KEY[n.reason], { file: n.file, detail: n.detail ?? '' })}</div>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
      {phase.kind === 'failed' && (
        <MessageBar intent="error" layout="multiline" data-testid="import-failed">
          <MessageBarBody className={shared.wrap}>{t('import.failed', { message: phase.message })}</MessageBarBody>
        </MessageBar>
      )}

      {confirming && (
        <Dialog open modalType="alert" onOpenChange={(_, data) => !data.open && setConfirming(false)}>
          <DialogSurface data-testid="import-dialog">
            <DialogBody>
              <DialogTitle>{t('import.title')}</DialogTitle>
              <DialogContent>
                <p className={shared.wrap}>{t('import.confirm.body', { files: formatCount(lang, list.books.length), prefix: t('summary.sheetPrefix') })}</p>
                {insert && preview && (
                  <ul className={styles.confirmList} data-testid="import-dialog-insert">
                    <li>{t('import.confirm.insert', { count: formatCount(lang, preview.count) })}</li>
                    {preview.replace.length > 0 && <li data-testid="import-dialog-replace">{t('import.confirm.replace', { sheets: formatList(lang, preview.replace) })}</li>}
                    {preview.skip.length > 0 && <li>{t('import.confirm.skip', { files: formatList(lang, preview.skip) })}</li>}
                    <li>{t('import.confirm.charts')}</li>
                  </ul>
                )}
              </DialogContent>
              <DialogActions className={styles.actions}>
                <Button appearance="secondary" data-testid="import-confirm-cancel" onClick={() => setConfirming(false)}>
                  {t('compute.confirm.cancel')}
                </Button>
                <Button appearance="primary" data-testid="import-confirm" onClick={() => void runImport()}>
                  {t('import.confirm.ok')}
                </Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      )}
    </div>
  );
}

/** one file of the list: what was read, or why not */
function FileCard({ entry }: { entry: ImportListEntry }) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const { lang, t } = useI18n();
  const [open, setOpen] = useState(false);
  const { read, facts } = entry;
  const tone = read.status !== 'read' || (facts && facts.errors > 0) ? styles.bad : facts && (facts.warnings > 0 || facts.kpiSheets.length + facts.pledgeSheets.length === 0) ? styles.warn : styles.ok;
  const problems = facts ? facts.issues.filter((i) => i.severity !== 'info') : [];
  return (
    <div className={mergeClasses(styles.card, tone, shared.wrap)} data-testid="import-file">
      <span className={styles.name}>{entry.file}</span>
      {read.status === 'refused' && (
        <span className={styles.danger}>{t(REFUSAL_KEY[read.refusal], { limit: megabytes(read.refusal === 'tooLarge' ? IMPORT_LIMITS.fileBytes : IMPORT_LIMITS.totalBytes), other: read.other ?? '' })}</span>
      )}
      {read.status === 'unreadable' && (
        <span className={styles.danger}>{t('read.unreadable', { reason: typeof read.reason === 'string' ? read.reason : read.reason.text(lang) })}</span>
      )}
      {read.status === 'read' && read.skipped.map((s) => <span key={s.sheet}>{t('read.sheetSkipped', { sheet: s.sheet, reason: s.reason.text(lang) })}</span>)}
      {facts && (
        <>
          {facts.kpiSheets.length > 0 && <span>{t('import.file.kpiSheets', { sheets: formatList(lang, facts.kpiSheets) })}</span>}
          {facts.pledgeSheets.length > 0 && <span>{t('import.file.pledgeSheets', { sheets: formatList(lang, facts.pledgeSheets) })}</span>}
          {facts.kpiSheets.length + facts.pledgeSheets.length === 0 && <span>{t('import.file.noSheets')}</span>}
          {facts.otherSheets.length > 0 && <span className={styles.muted}>{t('import.file.otherSheets', { sheets: formatList(lang, facts.otherSheets) })}</span>}
          <span className={facts.errors ? styles.danger : undefined}>
            {t('import.file.counts', {
              kpis: formatCount(lang, facts.kpiCount),
              activities: formatCount(lang, facts.activityCount),
              errors: formatCount(lang, facts.errors),
              warnings: formatCount(lang, facts.warnings),
            })}
          </span>
          {problems.length > 0 && (
            <div>
              <Button appearance="transparent" size="small" className={styles.textButton} aria-expanded={open} data-testid="import-problems-toggle" onClick={() => setOpen((v) => !v)}>
                {t('import.problems.show', { count: formatCount(lang, problems.length) })}
              </Button>
              {open && (
                <ul className={styles.problems}>
                  {problems.map((issue, i) => (
                    <li key={`${issue.code}-${issue.cell ?? ''}-${i}`}>
                      <ProblemDetail file={entry.file} issue={issue} />
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
        </>
      )}
    </div>
  );
}

/** a problem of a file not open in Excel: its place as file › sheet!cell; a click shows the rest */
function ProblemDetail({ file, issue }: { file: string; issue: Issue }) {
  const styles = useStyles();
  const { lang, t } = useI18n();
  const [open, setOpen] = useState(false);
  const place = t('import.problem.place', { file, place: issuePlace(lang, issue) });
  return (
    <>
      <Button appearance="subtle" size="small" className={styles.problem} aria-expanded={open} data-testid="import-problem" onClick={() => setOpen((v) => !v)}>
        <span className={issue.severity === 'error' ? styles.danger : undefined}>{t(issue.severity === 'error' ? 'severity.error' : 'severity.warning')}</span>
        &nbsp;{place}
      </Button>
      {open && (
        <p className={styles.detail} data-testid="import-problem-detail">
          {issueMessage(lang, issue)}
        </p>
      )}
    </>
  );
}
