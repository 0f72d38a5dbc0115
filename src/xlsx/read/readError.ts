/**
 * Why a file cannot be read as a workbook: a message key of the catalogue (`read.*`) with its
 * parameters, saying what the file is and what to do. `message` is the English text, for logs.
 */
import { translate, type MessageKey, type Params } from '../../messages/translate';
import type { Lang } from '../../messages/lang';

export type ReadErrorCode = Extract<MessageKey, `read.${string}`>;

/** A worksheet that could not be read, and why. */
export interface SkippedSheet {
  sheet: string;
  reason: ReadError;
}

export class ReadError extends Error {
  constructor(
    readonly code: ReadErrorCode,
    readonly params: Params = {},
    /** for read.noSheets: the worksheets there were and why each could not be read */
    readonly skipped: readonly SkippedSheet[] = [],
  ) {
    super(translate('en', code, params));
    this.name = 'ReadError';
  }

  text(lang: Lang): string {
    return translate(lang, this.code, this.params);
  }
}
