/**
 * The four actions. Buttons wrap into rows on a narrow pane (two per row at 320 px) and their
 * labels wrap inside the button. While an action runs they stay focusable but disabled
 * (aria-disabled), so keyboard focus is not thrown back to the page.
 */
import { Button, makeStyles, Tooltip, tokens, useId } from '@fluentui/react-components';
import { CalculatorRegular, DocumentAddRegular, TableRegular, TaskListSquareLtrRegular } from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import type { ActionKind } from '../state/actionState';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/translate';

const useStyles = makeStyles({
  root: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(128px, 1fr))',
    gap: tokens.spacingHorizontalS,
  },
  button: {
    minWidth: 0,
    maxWidth: '100%',
    height: 'auto',
    minHeight: '40px',
    whiteSpace: 'normal',
    textAlign: 'center',
    overflowWrap: 'anywhere',
  },
});

interface ActionDef {
  kind: ActionKind;
  testId: string;
  label: MessageKey;
  description: MessageKey;
  icon: ReactElement;
  primary?: boolean;
}

const ACTIONS: readonly ActionDef[] = [
  { kind: 'validate', testId: 'action-validate', label: 'action.validate', description: 'action.validate.description', icon: <TaskListSquareLtrRegular />, primary: true },
  { kind: 'compute', testId: 'action-compute', label: 'action.compute', description: 'action.compute.description', icon: <CalculatorRegular /> },
  { kind: 'summary', testId: 'action-summary', label: 'action.summary', description: 'action.summary.description', icon: <TableRegular /> },
  { kind: 'template', testId: 'action-template', label: 'action.template', description: 'action.template.description', icon: <DocumentAddRegular /> },
];

export interface ActionBarProps {
  disabled: boolean;
  /** the id of a text that says why the buttons are disabled, when it is not a running action */
  describedBy?: string;
  onAction: (kind: ActionKind) => void;
}

export function ActionBar({ disabled, describedBy, onAction }: ActionBarProps) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <div role="group" aria-label={t('actions.aria')} className={styles.root}>
      {ACTIONS.map((a) => (
        <ActionButton key={a.kind} def={a} disabled={disabled} describedBy={describedBy} onAction={onAction} className={styles.button} />
      ))}
    </div>
  );
}

function ActionButton({
  def,
  disabled,
  describedBy,
  onAction,
  className,
}: {
  def: ActionDef;
  disabled: boolean;
  describedBy?: string;
  onAction: (kind: ActionKind) => void;
  className: string;
}) {
  const { t } = useI18n();
  // The tooltip describes the button; the button's own aria-describedby would replace the
  // tooltip's, so both ids are given here.
  const tooltipId = useId('action-tip-');
  return (
    <Tooltip content={{ children: t(def.description), id: tooltipId }} relationship="description" withArrow>
      <Button
        data-testid={def.testId}
        className={className}
        appearance={def.primary ? 'primary' : 'secondary'}
        icon={def.icon}
        disabledFocusable={disabled}
        aria-describedby={describedBy ? `${tooltipId} ${describedBy}` : tooltipId}
        onClick={() => onAction(def.kind)}
      >
        {t(def.label)}
      </Button>
    </Tooltip>
  );
}
