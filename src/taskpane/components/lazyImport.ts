/**
 * ブックを取り込む is not on the first screen's script: its panel shows as soon as its chunk is
 * fetched (right after the first screen), and its workspace with the reader when it is opened.
 */
import { lazyComponent } from '../lazy';

export const ImportPanel = lazyComponent(() => import(/* webpackChunkName: "import-panel" */ './ImportPanel'), 'ImportPanel');
export const ImportWorkspace = lazyComponent(() => import(/* webpackChunkName: "import" */ './ImportWorkspace'), 'ImportWorkspace');
