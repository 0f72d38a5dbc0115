/**
 * 設定 (a disclosure button; collapsed at first, its summary line shows the settings in force): the
 * form (./SettingsFields: 達成率の上限, 計画期間 start/end, grade bands A/B/C) is checked with the
 * domain's settingsSchema; errors block the actions until fixed. The form state is ../state/useSettings,
 * held by <App>; until its checks have loaded, the summary line is empty and the form waits.
 */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { SettingsRegular } from '@fluentui/react-icons';
import { useI18n } from '../i18n/I18nContext';
import type { SettingsState } from '../state/useSettings';
import { Disclosure } from './Disclosure';
import { SettingsFields } from './lazyParts';

const useStyles = makeStyles({
  headerSummary: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  headerError: { color: tokens.colorStatusDangerForeground3 },
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export interface SettingsPanelProps {
  state: SettingsState;
}

export function SettingsPanel({ state }: SettingsPanelProps) {
  const { form, errors, settings, onFieldChange, onReset } = state;
  const styles = useStyles();
  const { t } = useI18n();
  const invalid = Object.keys(errors).length > 0;
  const summary = (
    <span className={mergeClasses(styles.headerSummary, invalid && styles.headerError)}>
      {invalid
        ? t('actions.blockedBySettings')
        : settings &&
          t('settings.summary', {
            cap: settings.cap,
            start: settings.planStart,
            end: settings.planEnd,
            a: settings.grades.A,
            b: settings.grades.B,
            c: settings.grades.C,
          })}
    </span>
  );
  return (
    <Disclosure title={t('settings.title')} icon={<SettingsRegular />} summary={summary} testId="settings" panelClassName={styles.panel}>
      {() => form && <SettingsFields form={form} errors={errors} onFieldChange={onFieldChange} onReset={onReset} />}
    </Disclosure>
  );
}
