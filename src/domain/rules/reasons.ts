import type { IssueCode, IssueParams } from '../base/issues';

export type OutputColumn = 'achievement' | 'progress' | 'pace';

/** Why a computed value is blank. */
export interface Reason {
  readonly column: OutputColumn;
  readonly code: IssueCode;
  readonly params?: IssueParams;
}

const shared = new Map<OutputColumn, Map<IssueCode, Reason>>();

/** The same frozen object for every parameterless reason: rows share it instead of allocating. */
export function reason(column: OutputColumn, code: IssueCode): Reason {
  let byCode = shared.get(column);
  if (!byCode) shared.set(column, (byCode = new Map()));
  let r = byCode.get(code);
  if (!r) byCode.set(code, (r = Object.freeze({ column, code })));
  return r;
}

export const NO_REASONS: readonly Reason[] = Object.freeze([]);
