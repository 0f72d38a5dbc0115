/**
 * ブックを取り込む: a disclosure button like 設定 (collapsed at first); its workspace
 * (./ImportWorkspace: choose or drop files, the per-file list, the import) is a chunk of its own,
 * loaded when the panel is first opened.
 */
import { Button, makeStyles, mergeClasses, tokens, useId } from '@fluentui/react-components';
import { ArrowImportRegular, ChevronDownRegular, ChevronRightRegular } from '@fluentui/react-icons';
import { Suspense, useState } from 'react';
import type { Settings } from '../../domain/base/settings';
import type { ImportGateway } from '../../excel/importGateway';
import { useI18n } from '../i18n/I18nContext';
import { ImportWorkspace } from './lazyImport';

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
  panel: { paddingTop: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalM, paddingLeft: tokens.spacingHorizontalM, paddingRight: tokens.spacingHorizontalXS, minWidth: 0 },
  collapsed: { display: 'none' },
});

export interface ImportPanelProps {
  importer: ImportGateway;
  settings: Settings;
  /** another action runs, or the settings are invalid */
  disabled: boolean;
}

export function ImportPanel({ importer, settings, disabled }: ImportPanelProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const panelId = useId('import-panel-');
  const [open, setOpen] = useState(false);
  const [opened, setOpened] = useState(false);
  return (
    <div className={styles.root} data-testid="import">
      <Button
        appearance="subtle"
        className={styles.header}
        icon={<ArrowImportRegular />}
        aria-expanded={open}
        aria-controls={panelId}
        data-testid="import-toggle"
        onClick={() => {
          setOpened(true);
          setOpen((v) => !v);
        }}
      >
        <span className={styles.headerText}>
          <span className={styles.headerTitle}>{t('import.title')}</span>
        </span>
        {open ? <ChevronDownRegular className={styles.chevron} aria-hidden="true" /> : <ChevronRightRegular className={styles.chevron} aria-hidden="true" />}
      </Button>
      <div id={panelId} className={mergeClasses(styles.panel, !open && styles.collapsed)} role="region" aria-label={t('import.title')}>
        <Suspense fallback={null}>{opened && <ImportWorkspace importer={importer} settings={settings} disabled={disabled} />}</Suspense>
      </div>
    </div>
  );
}
