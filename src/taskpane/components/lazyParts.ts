/**
 * The parts of the pane its first screen does not show, each a chunk of its own (see ../lazy.ts):
 * the dialogs, the progress bar, the results and the settings form. Render them inside <Suspense>.
 */
import { lazyComponent } from '../lazy';

export const ComputeConfirmDialog = lazyComponent(() => import(/* webpackChunkName: "compute-dialog" */ './ComputeConfirmDialog'), 'ComputeConfirmDialog');
export const TemplateDialog = lazyComponent(() => import(/* webpackChunkName: "template-dialog" */ './TemplateDialog'), 'TemplateDialog');
export const ProgressPanel = lazyComponent(() => import(/* webpackChunkName: "progress" */ './ProgressPanel'), 'ProgressPanel');
export const ResultSummary = lazyComponent(() => import(/* webpackChunkName: "results" */ './ResultSummary'), 'ResultSummary');
export const SettingsFields = lazyComponent(() => import(/* webpackChunkName: "settings-form" */ './SettingsFields'), 'SettingsFields');

/** fetch every part in the background (called once the first screen is up) */
export function preloadParts(): void {
  for (const part of [ProgressPanel, ResultSummary, ComputeConfirmDialog, TemplateDialog, SettingsFields]) part.preload();
}
