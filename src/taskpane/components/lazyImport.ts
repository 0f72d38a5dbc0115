/** The import workspace and its reader: a chunk of their own, loaded when ブックを取り込む is opened. */
import { lazyComponent } from '../lazy';

export const ImportWorkspace = lazyComponent(() => import(/* webpackChunkName: "import" */ './ImportWorkspace'), 'ImportWorkspace');
