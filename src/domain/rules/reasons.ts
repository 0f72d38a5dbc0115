import type { MessageCode, MessageParams } from '../base/messages';

export type OutputColumn = 'achievement' | 'progress' | 'pace';

/** Why a computed value is blank. */
export interface Reason {
  readonly column: OutputColumn;
  readonly code: MessageCode;
  readonly params?: MessageParams;
}

const shared = new Map<OutputColumn, Map<MessageCode, Reason>>();

/** The same frozen object for every parameterless reason: rows share it instead of allocating. */
export function reason(column: OutputColumn, code: MessageCode): Reason {
  let byCode = shared.get(column);
  if (!byCode) shared.set(column, (byCode = new Map()));
  let r = byCode.get(code);
  if (!r) byCode.set(code, (r = Object.freeze({ column, code })));
  return r;
}

export const NO_REASONS: readonly Reason[] = Object.freeze([]);
