/**
 * テンプレート作成: KPI sheet or pledge sheet, and for the KPI sheet an optional 担当課 name.
 * Enter in the name submits, but never while an IME composition is open (the Enter that
 * confirms a conversion), and Escape during a composition cancels the conversion, not the dialog.
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  Radio,
  RadioGroup,
  tokens,
} from '@fluentui/react-components';
import { useState, type KeyboardEvent } from 'react';
import type { TemplateKind } from '../../excel/gateway';
import type { Settings } from '../../domain/base/settings';
import { useI18n } from '../i18n/I18nContext';
import { isImeEscape, isSubmitEnter } from '../state/keyboard';
import { checkDepartment } from '../../domain/output/templateName';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  input: { width: '100%', minWidth: 0 },
  note: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere', margin: 0 },
  actions: { flexWrap: 'wrap' },
});

export interface TemplateDialogProps {
  open: boolean;
  settings: Settings;
  onSubmit: (kind: TemplateKind, department: string | undefined) => void;
  onCancel: () => void;
}

export function TemplateDialog({ open, settings, onSubmit, onCancel }: TemplateDialogProps) {
  return (
    <Dialog open={open} onOpenChange={(_, data) => !data.open && onCancel()}>
      {/* The parent gives the dialog a new key for each opening: the form starts fresh. */}
      <TemplateForm settings={settings} onSubmit={onSubmit} onCancel={onCancel} />
    </Dialog>
  );
}

function TemplateForm({ settings, onSubmit, onCancel }: Omit<TemplateDialogProps, 'open'>) {
  const styles = useStyles();
  const { t } = useI18n();
  const [kind, setKind] = useState<TemplateKind>('kpi');
  const [department, setDepartment] = useState('');
  const check = checkDepartment(department);
  const blocked = kind === 'kpi' && check.error !== undefined;

  const submit = () => {
    if (blocked) return;
    onSubmit(kind, kind === 'kpi' ? check.value : undefined);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (isImeEscape(e)) {
      // Let the IME cancel the conversion; keep the dialog open.
      e.stopPropagation();
      return;
    }
    if (isSubmitEnter(e)) {
      e.preventDefault();
      submit();
    }
  };

  const fieldMessage = kind === 'kpi' ? (check.error ? t(check.error) : check.note ? t(check.note) : undefined) : undefined;
  return (
    <DialogSurface data-testid="template-dialog">
      <DialogBody>
        <DialogTitle>{t('template.title')}</DialogTitle>
        <DialogContent className={styles.content}>
          <Field label={t('template.kind.label')}>
            <RadioGroup value={kind} onChange={(_, data) => setKind(data.value === 'pledge' ? 'pledge' : 'kpi')}>
              <Radio value="kpi" label={t('template.kind.kpi')} data-testid="template-kind-kpi" />
              <Radio value="pledge" label={t('template.kind.pledge')} data-testid="template-kind-pledge" />
            </RadioGroup>
          </Field>
          <Field
            label={t('template.department.label')}
            hint={kind === 'kpi' ? t('template.department.hint') : t('template.department.pledgeHint')}
            validationMessage={fieldMessage}
            validationState={kind === 'kpi' && check.error ? 'error' : kind === 'kpi' && check.note ? 'warning' : 'none'}
          >
            <Input
              className={styles.input}
              data-testid="template-department"
              value={department}
              disabled={kind !== 'kpi'}
              autoComplete="off"
              onChange={(_, data) => setDepartment(data.value)}
              onKeyDown={onKeyDown}
            />
          </Field>
          {kind === 'kpi' && (
            <p className={styles.note}>{t('template.planPeriod', { start: settings.planStart, end: settings.planEnd })}</p>
          )}
        </DialogContent>
        <DialogActions className={styles.actions}>
          <Button appearance="secondary" data-testid="template-cancel" onClick={onCancel}>
            {t('template.cancel')}
          </Button>
          <Button appearance="primary" data-testid="template-submit" disabledFocusable={blocked} onClick={submit}>
            {t('template.submit')}
          </Button>
        </DialogActions>
      </DialogBody>
    </DialogSurface>
  );
}
