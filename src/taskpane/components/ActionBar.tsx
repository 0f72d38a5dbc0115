/**
 * The four actions as tiles (icon above the label): they wrap into rows on a narrow pane (two per
 * row at 320 px, four from about 610 px) and a label has the tile's whole width, so
 * 「計算して書き込む」 fits on one line at 320 px; longer English labels wrap inside the tile.
 * While an action runs the buttons stay focusable but disabled (aria-disabled), so keyboard focus
 * is not thrown back to the page.
 */
import { Button, makeStyles, tokens, useId } from '@fluentui/react-components';
import { CalculatorRegular, DocumentAddRegular, TableRegular, TaskListSquareLtrRegular } from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import type { ActionKind } from '../state/actionState';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../../messages/translate';
import { useSharedStyles } from './styles';

const useStyles = makeStyles({
  root: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(136px, 1fr))',
    gap: tokens.spacingHorizontalS,
  },
  button: {
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    minWidth: 0,
    maxWidth: '100%',
    height: 'auto',
    minHeight: '56px',
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalS,
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
  {
    kind: 'validate',
    testId: 'action-validate',
    label: 'action.validate',
    description: 'action.validate.description',
    icon: <TaskListSquareLtrRegular />,
    primary: true,
  },
  {
    kind: 'compute',
    testId: 'action-compute',
    label: 'action.compute',
    description: 'action.compute.description',
    icon: <CalculatorRegular />,
  },
  { kind: 'summary', testId: 'action-summary', label: 'action.summary', description: 'action.summary.description', icon: <TableRegular /> },
  {
    kind: 'template',
    testId: 'action-template',
    label: 'action.template',
    description: 'action.template.description',
    icon: <DocumentAddRegular />,
  },
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
  const shared = useSharedStyles();
  // The description: a native tooltip (title) for the mouse, a hidden text for screen readers.
  // Fluent's Tooltip would add its positioning engine (~40 KB) to the bundle for this alone.
  const descriptionId = useId('action-desc-');
  const description = t(def.description);
  return (
    <>
      <Button
        data-testid={def.testId}
        className={className}
        appearance={def.primary ? 'primary' : 'secondary'}
        icon={def.icon}
        disabledFocusable={disabled}
        title={description}
        aria-describedby={describedBy ? `${descriptionId} ${describedBy}` : descriptionId}
        onClick={() => onAction(def.kind)}
      >
        {t(def.label)}
      </Button>
      <span id={descriptionId} className={shared.visuallyHidden}>
        {description}
      </span>
    </>
  );
}
