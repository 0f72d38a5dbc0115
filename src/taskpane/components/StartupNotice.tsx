/**
 * Shown instead of the pane when it cannot run: opened outside Excel (a browser, Word), Office.js
 * not loaded, or the gateway failed to start. Both languages, since no preference is known yet.
 */
import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { LANGS, translate, type MessageKey } from '../../messages/translate';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM },
  body: { overflowWrap: 'anywhere', whiteSpace: 'normal', minWidth: 0 },
  para: { display: 'block', marginTop: tokens.spacingVerticalXS },
});

export interface StartupNoticeProps {
  title: MessageKey;
  body?: MessageKey;
  /** a technical detail, e.g. the error message (not translated) */
  detail?: string;
  intent?: 'info' | 'error';
}

export function StartupNotice({ title, body, detail, intent = 'info' }: StartupNoticeProps) {
  const styles = useStyles();
  return (
    <div className={styles.root} data-testid="startup-notice">
      {LANGS.map((lang) => (
        <MessageBar key={lang} intent={intent} layout="multiline" lang={lang}>
          <MessageBarBody className={styles.body}>
            <MessageBarTitle>{translate(lang, title)}</MessageBarTitle>
            {body && <span className={styles.para}>{translate(lang, body)}</span>}
            {detail && lang === 'en' && <span className={styles.para}>{detail}</span>}
          </MessageBarBody>
        </MessageBar>
      ))}
    </div>
  );
}
