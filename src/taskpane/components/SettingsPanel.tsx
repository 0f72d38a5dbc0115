/**
 * 設定 (a disclosure button; collapsed at first, its summary line shows the settings in force): the
 * form (./SettingsFields: 達成率の上限, 計画期間 start/end, grade bands A/B/C) is checked with the
 * domain's settingsSchema; errors block the actions until fixed. The form state is ../state/useSettings,
 * held by <App>; until its checks have loaded, the summary line is empty and the form waits.
 */
import { Button, makeStyles, mergeClasses, tokens, useId } from '@fluentui/react-components';
import { ChevronDownRegular, ChevronRightRegular, SettingsRegular } from '@fluentui/react-icons';
import { Suspense, useState } from 'react';
import { useI18n } from '../i18n/I18nContext';
import type { SettingsState } from '../state/useSettings';
import { SettingsFields } from './lazyParts';

const useStyles = makeStyles({
  root: { minWidth: 0 },
  header: {
    width: '100%',
    minWidth: 0,
    height: 'auto',
    justifyContent: 'flex-start',
    alignItems: 'flex-start',
    textAlign: 'left',
    fontWeight: tokens.fontWeightRegular,
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
  },
  headerText: { display: 'flex', flexDirection: 'column', flex: '1 1 auto', minWidth: 0, textAlign: 'left' },
  headerTitle: { fontWeight: tokens.fontWeightSemibold },
  chevron: { flex: '0 0 auto', alignSelf: 'center', fontSize: '16px' },
  headerSummary: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  headerError: { color: tokens.colorStatusDangerForeground3 },
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalM,
    paddingLeft: tokens.spacingHorizontalM,
    paddingRight: tokens.spacingHorizontalXS,
    minWidth: 0,
  },
  collapsed: { display: 'none' },
});

export interface SettingsPanelProps {
  state: SettingsState;
}

export function SettingsPanel({ state }: SettingsPanelProps) {
  const { form, errors, settings, onFieldChange, onReset } = state;
  const styles = useStyles();
  const { t } = useI18n();
  const panelId = useId('settings-panel-');
  const [open, setOpen] = useState(false);
  /** the form is loaded when the panel is first opened, and then stays */
  const [opened, setOpened] = useState(false);
  const invalid = Object.keys(errors).length > 0;

  return (
    <div className={styles.root} data-testid="settings">
      <Button
        appearance="subtle"
        className={styles.header}
        icon={<SettingsRegular />}
        aria-expanded={open}
        aria-controls={panelId}
        data-testid="settings-toggle"
        onClick={() => {
          setOpened(true);
          setOpen((v) => !v);
        }}
      >
        <span className={styles.headerText}>
          <span className={styles.headerTitle}>{t('settings.title')}</span>
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
        </span>
        {open ? (
          <ChevronDownRegular className={styles.chevron} aria-hidden="true" />
        ) : (
          <ChevronRightRegular className={styles.chevron} aria-hidden="true" />
        )}
      </Button>
      {/* Always rendered (aria-controls needs its target), hidden when collapsed. */}
      <div id={panelId} className={mergeClasses(styles.panel, !open && styles.collapsed)} role="region" aria-label={t('settings.title')}>
        <Suspense fallback={null}>
          {opened && form && <SettingsFields form={form} errors={errors} onFieldChange={onFieldChange} onReset={onReset} />}
        </Suspense>
      </div>
    </div>
  );
}
