/**
 * Progress of the running action: the step reported by the gateway and the share done. Before
 * the first report (and for actions that report none) the bar is indeterminate.
 */
import { Field, makeStyles, ProgressBar, tokens } from '@fluentui/react-components';
import type { ActionStep } from '../../excel/gateway';
import type { ActionKind } from '../state/actionState';
import { ACTION_LABEL } from '../state/labels';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../../messages/translate';

const useStyles = makeStyles({
  root: {
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    overflowWrap: 'anywhere',
  },
});

export const STEP_LABEL: Record<ActionStep, MessageKey> = {
  read: 'step.read',
  validate: 'step.validate',
  compute: 'step.compute',
  write: 'step.write',
  summary: 'step.summary',
  template: 'step.template',
  select: 'step.select',
};

export interface ProgressPanelProps {
  action: ActionKind;
  step: ActionStep | null;
  ratio: number;
}

export function ProgressPanel({ action, step, ratio }: ProgressPanelProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const stepText = t(step === null ? 'step.starting' : STEP_LABEL[step]);
  const percent = Math.round(ratio * 100);
  return (
    <div className={styles.root}>
      <Field
        label={t('progress.label', { action: t(ACTION_LABEL[action]), step: stepText })}
        validationMessage={step === null ? undefined : t('progress.percent', { percent })}
        validationState="none"
      >
        <ProgressBar
          data-testid="progress"
          thickness="large"
          value={step === null ? undefined : ratio}
          max={1}
          aria-valuetext={step === null ? stepText : `${stepText} ${t('progress.percent', { percent })}`}
        />
      </Field>
    </div>
  );
}
