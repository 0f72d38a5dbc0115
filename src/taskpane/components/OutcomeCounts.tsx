/** What the review read: KPIシート, 公約シート (with their names), KPI数, 取組数, errors, warnings. */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ValidateOutcome } from '../../excel/gateway';
import { useI18n } from '../i18n/I18nContext';
import { formatCount } from '../../messages/translate';
import { countProblems } from '../state/problems';

const useStyles = makeStyles({
  root: {
    display: 'grid',
    gridTemplateColumns: 'fit-content(55%) minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  term: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere', minWidth: 0 },
  value: { margin: 0, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere', minWidth: 0 },
  names: { fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2 },
  danger: { color: tokens.colorStatusDangerForeground3 },
});

export function OutcomeCounts({ outcome }: { outcome: ValidateOutcome }) {
  const styles = useStyles();
  const { lang, t } = useI18n();
  const counts = countProblems(outcome.issues);
  const sep = t('list.separator');
  const sheets = (names: readonly string[]) => (
    <>
      {t('counts.sheetCount', { count: formatCount(lang, names.length) })}
      {names.length > 0 && <span className={styles.names}>{t('counts.sheetNames', { names: names.join(sep) })}</span>}
    </>
  );
  const items = (n: number) => t('counts.itemCount', { count: formatCount(lang, n) });
  return (
    <dl className={styles.root} aria-label={t('counts.aria')}>
      <dt className={styles.term}>{t('counts.kpiSheets')}</dt>
      <dd className={styles.value}>{sheets(outcome.kpiSheets)}</dd>
      <dt className={styles.term}>{t('counts.pledgeSheets')}</dt>
      <dd className={styles.value}>{sheets(outcome.pledgeSheets)}</dd>
      <dt className={styles.term}>{t('counts.kpis')}</dt>
      <dd className={styles.value}>{items(outcome.kpiCount)}</dd>
      <dt className={styles.term}>{t('counts.activities')}</dt>
      <dd className={styles.value}>{items(outcome.activityCount)}</dd>
      <dt className={styles.term}>{t('counts.errors')}</dt>
      <dd className={mergeClasses(styles.value, counts.errors > 0 && styles.danger)}>{items(counts.errors)}</dd>
      <dt className={styles.term}>{t('counts.warnings')}</dt>
      <dd className={styles.value}>{items(counts.warnings)}</dd>
      {outcome.otherSheets.length > 0 && (
        <>
          <dt className={styles.term}>{t('counts.otherSheets')}</dt>
          <dd className={styles.value}>{sheets(outcome.otherSheets)}</dd>
        </>
      )}
    </dl>
  );
}
