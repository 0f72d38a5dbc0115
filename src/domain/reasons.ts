import type { MessageCode, MessageParams } from './messages';

export type OutputColumn = 'achievement' | 'progress' | 'pace';

/** Why a computed value is blank. */
export interface Reason {
  column: OutputColumn;
  code: MessageCode;
  params?: MessageParams;
}
