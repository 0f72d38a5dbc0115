/**
 * The result of the last action: a headline (MessageBar), what was read, what was written or
 * built, and the problems. For a failed action, the error.
 */
import { Button, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { OpenRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import type { ActionState } from '../state/actionState';
import { headline, planNoticeText } from '../state/headline';
import { useI18n } from '../i18n/I18nContext';
import { ActionError } from './ActionError';
import { OutcomeCounts } from './OutcomeCounts';
import { ProblemList } from './ProblemList';
import { WrittenSheets } from './WrittenSheets';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  bar: { alignItems: 'flex-start', minWidth: 0 },
  body: { overflowWrap: 'anywhere', whiteSpace: 'normal', minWidth: 0 },
  para: { display: 'block', marginTop: tokens.spacingVerticalXS },
  goTo: { alignSelf: 'flex-start' },
});

export interface ResultSummaryProps {
  state: ActionState;
  onSelect: (sheet: string, cell: string) => void;
  /** dismiss an error */
  onDismiss: () => void;
}

export function ResultSummary({ state, onSelect, onDismiss }: ResultSummaryProps) {
  const styles = useStyles();
  const { t } = useI18n();
  if (state.status === 'failed') return <ActionError action={state.action} error={state.error} onDismiss={onDismiss} />;
  if (state.status !== 'done') return null;

  const result = state.result;
  const h = headline(result, t);
  const notice = result.kind === 'template' ? undefined : result.outcome.planNotice;
  let details: ReactNode = null;
  let sheetToShow: string | undefined;
  switch (result.kind) {
    case 'validate':
      details = (
        <>
          <OutcomeCounts outcome={result.outcome} />
          <ProblemList issues={result.outcome.issues} onSelect={onSelect} />
        </>
      );
      break;
    case 'compute':
      details = (
        <>
          <WrittenSheets outcome={result.outcome} />
          <OutcomeCounts outcome={result.outcome} />
          <ProblemList issues={result.outcome.issues} onSelect={onSelect} />
        </>
      );
      break;
    case 'summary':
      sheetToShow = result.outcome.sheet;
      details = (
        <>
          <OutcomeCounts outcome={result.outcome} />
          <ProblemList issues={result.outcome.issues} onSelect={onSelect} />
        </>
      );
      break;
    case 'template':
      sheetToShow = result.outcome.sheet;
      break;
  }

  return (
    <div className={styles.root}>
      <MessageBar intent={h.intent} layout="multiline" className={styles.bar} data-testid="result-headline" data-intent={h.intent}>
        <MessageBarBody className={styles.body}>
          <MessageBarTitle>{h.title}</MessageBarTitle>
          {h.lines.map((line) => (
            <span key={line} className={styles.para}>
              {line}
            </span>
          ))}
        </MessageBarBody>
      </MessageBar>
      {notice && (
        <MessageBar intent="info" layout="multiline" className={styles.bar} data-testid="plan-notice">
          <MessageBarBody className={styles.body}>{planNoticeText(notice, t)}</MessageBarBody>
        </MessageBar>
      )}
      {sheetToShow !== undefined && <GoToSheet sheet={sheetToShow} onSelect={onSelect} />}
      {details}
    </div>
  );
}

function GoToSheet({ sheet, onSelect }: { sheet: string; onSelect: ResultSummaryProps['onSelect'] }) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <Button
      className={styles.goTo}
      appearance="secondary"
      size="small"
      icon={<OpenRegular />}
      data-testid="go-to-sheet"
      onClick={() => onSelect(sheet, 'A1')}
    >
      {t('result.showSheet')}
    </Button>
  );
}
