/** A failed action: never a blank pane. Title per action, the message, a hint for known Office.js codes. */
import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import type { ActionKind } from '../state/actionState';
import { ERROR_TITLE } from '../state/labels';
import { errorHint, type ErrorInfo } from '../state/errors';
import { useI18n } from '../i18n/I18nContext';

const useStyles = makeStyles({
  bar: { alignItems: 'flex-start', minWidth: 0 },
  body: { overflowWrap: 'anywhere', whiteSpace: 'normal', minWidth: 0 },
  para: { display: 'block', marginTop: tokens.spacingVerticalXS },
  code: { display: 'block', marginTop: tokens.spacingVerticalXS, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

export interface ActionErrorProps {
  action: ActionKind;
  error: ErrorInfo;
  onDismiss?: () => void;
}

export function ActionError({ action, error, onDismiss }: ActionErrorProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const hint = errorHint(error);
  return (
    <MessageBar intent="error" layout="multiline" className={styles.bar} data-testid="action-error">
      <MessageBarBody className={styles.body}>
        <MessageBarTitle>{t(ERROR_TITLE[action])}</MessageBarTitle>
        <span className={styles.para}>{error.message || t('error.unknown')}</span>
        {hint && <span className={styles.para}>{t(hint)}</span>}
        {error.code && <span className={styles.code}>{t('error.code', { code: error.code })}</span>}
        {error.location && <span className={styles.code}>{t('error.location', { location: error.location })}</span>}
      </MessageBarBody>
      {onDismiss && (
        <MessageBarActions
          containerAction={
            <Button appearance="transparent" aria-label={t('result.dismiss')} icon={<DismissRegular />} onClick={onDismiss} />
          }
        />
      )}
    </MessageBar>
  );
}
