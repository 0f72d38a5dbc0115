/**
 * After 計算して書き込む: the sheets written (range, cells) and those not written, with the reason
 * (validation errors, or a password-protected sheet) when the gateway gives one.
 */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { WriteOutcome } from '../../excel/gateway';
import { useI18n } from '../i18n/I18nContext';
import { formatCount } from '../../messages/translate';
import { SKIPPED_TEXT, skippedSheets } from '../state/skipped';
import { useSharedStyles } from './styles';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  item: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  sheet: { fontWeight: tokens.fontWeightSemibold },
  detail: { color: tokens.colorNeutralForeground2 },
  reason: { display: 'block', color: tokens.colorNeutralForeground2 },
  none: { margin: 0, fontSize: tokens.fontSizeBase200 },
  skippedTitle: { color: tokens.colorStatusDangerForeground3 },
});

export function WrittenSheets({ outcome }: { outcome: WriteOutcome }) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const { lang, t } = useI18n();
  const skipped = skippedSheets(outcome);
  return (
    <div className={styles.root}>
      <section className={styles.section}>
        <h2 className={shared.sectionTitle}>{t('written.title')}</h2>
        {outcome.written.length === 0 ? (
          <p className={styles.none}>{t('written.none')}</p>
        ) : (
          <ul className={shared.list} data-testid="written-sheets">
            {outcome.written.map((w) => (
              <li key={w.sheet} className={mergeClasses(styles.item, shared.wrap)}>
                <span className={styles.sheet}>{w.sheet}</span>{' '}
                <span className={styles.detail}>{t('written.item', { range: w.range, cells: formatCount(lang, w.cells) })}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {skipped.length > 0 && (
        <section className={styles.section}>
          <h2 className={mergeClasses(shared.sectionTitle, styles.skippedTitle)}>{t('skipped.title')}</h2>
          <ul className={shared.list} data-testid="skipped-sheets">
            {skipped.map((s) => (
              <li key={s.sheet} className={mergeClasses(styles.item, shared.wrap)} data-reason={s.reason}>
                <span className={styles.sheet}>{s.sheet}</span>
                <span className={styles.reason}>{t(SKIPPED_TEXT[s.reason])}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
