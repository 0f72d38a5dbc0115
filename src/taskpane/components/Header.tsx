/** Title of the pane and the language switch. */
import { makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import type { Lang } from '../../messages/lang';
import { useI18n } from '../i18n/I18nContext';
import { LanguageSwitch } from './LanguageSwitch';
import { useSharedStyles } from './styles';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-start',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  titles: {
    display: 'flex',
    flexDirection: 'column',
    flex: '1 1 160px',
    minWidth: 0,
  },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
  subtitle: {
    color: tokens.colorNeutralForeground3,
  },
});

export interface HeaderProps {
  onLanguageChange: (lang: Lang) => void;
}

export function Header({ onLanguageChange }: HeaderProps) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const { t } = useI18n();
  return (
    <header className={styles.root}>
      <div className={styles.titles}>
        <h1 className={mergeClasses(styles.title, shared.wrap)}>{t('app.title')}</h1>
        <Text size={200} className={mergeClasses(styles.subtitle, shared.wrap)}>
          {t('app.subtitle')}
        </Text>
      </div>
      <LanguageSwitch onChange={onLanguageChange} />
    </header>
  );
}
