/**
 * ブックを取り込む: a disclosure like 設定 (collapsed at first); its workspace (./ImportWorkspace:
 * choose or drop files, the per-file list, the import) is a chunk of its own, loaded when the
 * panel is first opened.
 */
import { ArrowImportRegular } from '@fluentui/react-icons';
import type { Settings } from '../../domain/base/settings';
import type { ImportGateway } from '../../excel/importGateway';
import { useI18n } from '../i18n/I18nContext';
import { Disclosure } from './Disclosure';
import { ImportWorkspace } from './lazyImport';

export interface ImportPanelProps {
  importer: ImportGateway;
  settings: Settings;
  /** another action runs, or the settings are invalid */
  disabled: boolean;
}

export function ImportPanel({ importer, settings, disabled }: ImportPanelProps) {
  const { t } = useI18n();
  return (
    <Disclosure title={t('import.title')} icon={<ArrowImportRegular />} testId="import">
      {() => <ImportWorkspace importer={importer} settings={settings} disabled={disabled} />}
    </Disclosure>
  );
}
