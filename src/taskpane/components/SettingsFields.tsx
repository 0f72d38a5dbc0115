/**
 * The form inside 設定 (SettingsPanel): 達成率の上限, 計画期間 start/end, grade bands A/B/C, what grades
 * a 累計 KPI before its target year (計画比 or 達成率) and the reset button. Text fields (IME input such as １２０ is accepted); errors show under their fields.
 * A chunk of its own, loaded when the panel is first opened (./lazyParts).
 */
import { Button, Field, Input, makeStyles, mergeClasses, Radio, RadioGroup, Text, tokens, useId } from '@fluentui/react-components';
import { ArrowResetRegular } from '@fluentui/react-icons';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../../messages/translate';
import type { FieldError, NumberField, SettingsErrors, SettingsField, SettingsForm, TextField } from '../state/settingsForm';
import { useSharedStyles } from './styles';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  groupLabel: { fontWeight: tokens.fontWeightSemibold },
  two: { display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', gap: tokens.spacingHorizontalS },
  three: { display: 'grid', gridTemplateColumns: 'repeat(3, minmax(0, 1fr))', gap: tokens.spacingHorizontalS },
  field: { minWidth: 0 },
  input: { width: '100%', minWidth: 0 },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  groupError: { color: tokens.colorStatusDangerForeground3, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  footer: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

export interface SettingsFieldsProps {
  form: SettingsForm;
  errors: SettingsErrors;
  onFieldChange: (field: SettingsField, value: string) => void;
  onReset: () => void;
}

export function SettingsFields({ form, errors, onFieldChange, onReset }: SettingsFieldsProps) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const { t } = useI18n();
  const planLabelId = useId('plan-label-');
  const planHintId = useId('plan-hint-');
  const gradesLabelId = useId('grades-label-');
  const gradesHintId = useId('grades-hint-');
  const message = (e: FieldError | undefined) => (e ? t(e.key, e.params) : undefined);

  const numberField = (
    field: NumberField,
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

  const textField = (field: TextField, label: MessageKey, hint: MessageKey) => {
    const error = message(errors[field]);
    return (
      <Field className={styles.field} label={t(label)} hint={t(hint)} validationMessage={error} validationState={error ? 'error' : 'none'}>
        <Input className={styles.input} data-testid={`setting-${field}`} value={form[field]} autoComplete="off" onChange={(_, data) => onFieldChange(field, data.value)} />
      </Field>
    );
  };

  return (
    <>
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

      <Field
        label={t('settings.gradeCumulativeBy')}
        hint={t('settings.gradeCumulativeBy.hint')}
        validationMessage={message(errors.gradeCumulativeBy)}
        validationState={errors.gradeCumulativeBy ? 'error' : 'none'}
      >
        <RadioGroup data-testid="setting-gradeCumulativeBy" value={form.gradeCumulativeBy} onChange={(_, data) => onFieldChange('gradeCumulativeBy', data.value)}>
          <Radio value="pace" label={t('settings.gradeCumulativeBy.pace')} />
          <Radio value="achievement" label={t('settings.gradeCumulativeBy.achievement')} />
        </RadioGroup>
      </Field>

      {textField('planName', 'settings.planName', 'settings.planName.hint')}
      {textField('asOf', 'settings.asOf', 'settings.asOf.hint')}
      {numberField('percentDecimals', 'settings.percentDecimals', { hint: 'settings.percentDecimals.hint', inputMode: 'numeric' })}

      <div className={styles.footer}>
        <Button size="small" icon={<ArrowResetRegular />} onClick={onReset} data-testid="settings-reset">
          {t('settings.reset')}
        </Button>
        <Text className={mergeClasses(styles.hint, shared.wrap)}>{t('settings.stored')}</Text>
      </div>
    </>
  );
}
