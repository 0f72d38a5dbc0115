/**
 * 設定 (a disclosure button; collapsed at first): 達成率の上限, 計画期間 start/end, grade bands A/B/C. The form is text (IME
 * input such as １２０ is accepted) and is checked with the domain's settingsSchema; errors show
 * under their fields and block the actions until fixed. The form state lives in <App>.
 */
import { Button, Field, Input, makeStyles, mergeClasses, Text, tokens, useId } from '@fluentui/react-components';
import { ArrowResetRegular, ChevronDownRegular, ChevronRightRegular, SettingsRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { Settings } from '../../domain/base/settings';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../../messages/translate';
import type { FieldError, SettingsErrors, SettingsField, SettingsForm } from '../state/settingsForm';
import { useSharedStyles } from './styles';

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
  headerError: { color: tokens.colorStatusDangerForeground1 },
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
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  groupLabel: { fontWeight: tokens.fontWeightSemibold },
  two: { display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', gap: tokens.spacingHorizontalS },
  three: { display: 'grid', gridTemplateColumns: 'repeat(3, minmax(0, 1fr))', gap: tokens.spacingHorizontalS },
  field: { minWidth: 0 },
  input: { width: '100%', minWidth: 0 },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  groupError: { color: tokens.colorStatusDangerForeground1, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  footer: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

export interface SettingsPanelProps {
  form: SettingsForm;
  errors: SettingsErrors;
  /** the settings in force (the last valid form) */
  settings: Settings;
  onFieldChange: (field: SettingsField, value: string) => void;
  onReset: () => void;
}

export function SettingsPanel({ form, errors, settings, onFieldChange, onReset }: SettingsPanelProps) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const { t } = useI18n();
  const planLabelId = useId('plan-label-');
  const planHintId = useId('plan-hint-');
  const gradesLabelId = useId('grades-label-');
  const gradesHintId = useId('grades-hint-');
  const panelId = useId('settings-panel-');
  const [open, setOpen] = useState(false);
  const invalid = Object.keys(errors).length > 0;
  const message = (e: FieldError | undefined) => (e ? t(e.key, e.params) : undefined);

  const numberField = (
    field: SettingsField,
    label: MessageKey,
    opts: { hint?: MessageKey; inputMode: 'numeric' | 'decimal'; describedBy?: string; groupInvalid?: boolean },
  ) => {
    const error = message(errors[field]);
    return (
      <Field
        className={styles.field}
        label={t(label)}
        hint={opts.hint ? t(opts.hint) : undefined}
        validationMessage={error}
        validationState={error || opts.groupInvalid ? 'error' : 'none'}
      >
        <Input
          className={styles.input}
          data-testid={`setting-${field}`}
          value={form[field]}
          inputMode={opts.inputMode}
          autoComplete="off"
          aria-describedby={opts.describedBy}
          onChange={(_, data) => onFieldChange(field, data.value)}
        />
      </Field>
    );
  };

  return (
    <div className={styles.root} data-testid="settings">
      <Button
        appearance="subtle"
        className={styles.header}
        icon={<SettingsRegular />}
        aria-expanded={open}
        aria-controls={panelId}
        data-testid="settings-toggle"
        onClick={() => setOpen((v) => !v)}
      >
        <span className={styles.headerText}>
          <span className={styles.headerTitle}>{t('settings.title')}</span>
          <span className={mergeClasses(styles.headerSummary, invalid && styles.headerError)}>
            {invalid
              ? t('actions.blockedBySettings')
              : t('settings.summary', {
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
        {numberField('cap', 'settings.cap', { hint: 'settings.cap.hint', inputMode: 'decimal' })}

        <div role="group" aria-labelledby={planLabelId} className={styles.group}>
          <Text id={planLabelId} className={styles.groupLabel}>
            {t('settings.planPeriod')}
          </Text>
          <div className={styles.two}>
            {numberField('planStart', 'settings.planStart', { inputMode: 'numeric', describedBy: planHintId })}
            {numberField('planEnd', 'settings.planEnd', { inputMode: 'numeric', describedBy: planHintId })}
          </div>
          <Text id={planHintId} className={styles.hint}>
            {t('settings.planPeriod.hint')}
          </Text>
        </div>

        <div role="group" aria-labelledby={gradesLabelId} className={styles.group}>
          <Text id={gradesLabelId} className={styles.groupLabel}>
            {t('settings.grades')}
          </Text>
          <div className={styles.three}>
            {(['gradeA', 'gradeB', 'gradeC'] as const).map((f) => (
              <div key={f} className={styles.field}>
                {numberField(f, `settings.${f}`, {
                  inputMode: 'decimal',
                  describedBy: gradesHintId,
                  groupInvalid: errors.grades !== undefined,
                })}
              </div>
            ))}
          </div>
          {errors.grades && (
            <Text role="alert" className={styles.groupError}>
              {message(errors.grades)}
            </Text>
          )}
          <Text id={gradesHintId} className={styles.hint}>
            {t('settings.grades.hint')}
          </Text>
        </div>

        <div className={styles.footer}>
          <Button size="small" icon={<ArrowResetRegular />} onClick={onReset} data-testid="settings-reset">
            {t('settings.reset')}
          </Button>
          <Text className={mergeClasses(styles.hint, shared.wrap)}>{t('settings.stored')}</Text>
        </div>
      </div>
    </div>
  );
}
