/** What the patch writer changes in one worksheet part, and how a refusal names the place. */
import type { ConditionalFormatPlan } from '../../../domain/plan/plan';
import type { PageSetupEdit } from './pageSetup';
import type { Params } from '../../../messages/translate';
import { PatchError, type PatchMessageKey } from '../patchError';
import type { RowWrites } from './rowWrites';

export type { CellWrite } from './rowWrites';

export interface SheetEdits {
  /** sheet name, for messages */
  sheet: string;
  /** the cells written, row by row */
  rows: RowWrites;
  /** widths of created columns (zero-based col) */
  widths: { col: number; width: number }[];
  /** our conditional formats: those lying inside `ownCols` from `top` down are replaced by `rules` */
  conditional?: { ownCols: ReadonlySet<number>; top: number; rules: readonly ConditionalFormatPlan[] };
  /** the page setup to give the sheet when it has none of its own (./pageSetup) */
  pageSetup?: PageSetupEdit;
}

/** A replacement of xml[at, end) by `text` (end === at inserts). */
export interface Splice {
  at: number;
  end: number;
  text: string;
}

/** The part is not in a form we can edit safely. */
export function xmlRefusal(edits: SheetEdits, key: PatchMessageKey, params: Params = {}, cell?: string): PatchError {
  return new PatchError('xml', key, params, { sheet: edits.sheet, cell });
}
