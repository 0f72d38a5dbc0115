/**
 * Before 計算して書き込む: says what is written (the output columns only: 達成率 … コロナ影響 on KPI
 * sheets, 施策進捗 … on pledge sheets), that typed cells are not touched and that sheets with
 * errors are not written. Focus starts on Cancel.
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { KPI_OUTPUT_HEADERS, KPI_OUTPUTS, PLEDGE_OUTPUT_HEADERS, PLEDGE_OUTPUTS } from '../../domain/sheets/headers';
import { useI18n } from '../i18n/I18nContext';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: { overflowWrap: 'anywhere' },
  actions: { flexWrap: 'wrap' },
});

export interface ComputeConfirmDialogProps {
  open: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ComputeConfirmDialog({ open, onConfirm, onCancel }: ComputeConfirmDialogProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const sep = t('list.columnSeparator');
  const kpiColumns = KPI_OUTPUTS.map((k) => KPI_OUTPUT_HEADERS[k]).join(sep);
  const pledgeColumns = PLEDGE_OUTPUTS.map((k) => PLEDGE_OUTPUT_HEADERS[k]).join(sep);
  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_, data) => !data.open && onCancel()}>
      <DialogSurface data-testid="compute-dialog">
        <DialogBody>
          <DialogTitle>{t('compute.confirm.title')}</DialogTitle>
          <DialogContent>
            <ul className={styles.list}>
              <li className={styles.item}>{t('compute.confirm.outputs', { kpiColumns, pledgeColumns })}</li>
              <li className={styles.item}>{t('compute.confirm.inputs')}</li>
              <li className={styles.item}>{t('compute.confirm.errors')}</li>
              <li className={styles.item}>{t('compute.confirm.undo')}</li>
            </ul>
          </DialogContent>
          <DialogActions className={styles.actions}>
            <Button appearance="secondary" data-testid="compute-cancel" onClick={onCancel}>
              {t('compute.confirm.cancel')}
            </Button>
            <Button appearance="primary" data-testid="compute-confirm" onClick={onConfirm}>
              {t('compute.confirm.ok')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
