/**
 * What the pane shows for a failed action. Office.js rejects with OfficeExtension.Error (message,
 * code, debugInfo.errorLocation); other code may throw anything. Never an empty pane: when
 * nothing readable is found the message is empty and the UI shows its own generic text.
 */
import type { MessageKey } from '../../messages/ja';

export interface ErrorInfo {
  message: string;
  /** Office.js error code, e.g. InvalidOperationInCellEditMode, ItemNotFound */
  code?: string;
  /** where Office.js says it failed, e.g. Range.values */
  location?: string;
}

const MAX_MESSAGE = 2000;

function text(v: unknown): string | undefined {
  if (typeof v === 'string') {
    const s = v.trim();
    return s === '' ? undefined : s.length > MAX_MESSAGE ? s.slice(0, MAX_MESSAGE) + '…' : s;
  }
  return undefined;
}

export function describeError(err: unknown): ErrorInfo {
  if (typeof err === 'string') return { message: text(err) ?? '' };
  if (err && typeof err === 'object') {
    const o = err as { message?: unknown; code?: unknown; name?: unknown; debugInfo?: { errorLocation?: unknown } };
    const info: ErrorInfo = { message: text(o.message) ?? '' };
    const code = text(o.code);
    if (code !== undefined) info.code = code;
    const location = text(o.debugInfo?.errorLocation);
    if (location !== undefined) info.location = location;
    if (info.message === '' && info.code === undefined) {
      const name = text(o.name);
      if (name !== undefined && name !== 'Error') info.message = name;
    }
    return info;
  }
  if (typeof err === 'number' || typeof err === 'boolean' || typeof err === 'bigint') return { message: String(err) };
  return { message: '' };
}

/**
 * Office.js error codes a planning officer can do something about, with the hint shown under
 * the message. https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-error-handling
 */
const HINTS: Record<string, MessageKey> = {
  InvalidOperationInCellEditMode: 'error.hint.cellEdit',
  ItemNotFound: 'error.hint.itemNotFound',
  AccessDenied: 'error.hint.protected',
  InsertDeleteConflict: 'error.hint.conflict',
  MergedRangeConflict: 'error.hint.conflict',
  FilteredRangeConflict: 'error.hint.conflict',
  PivotTableRangeConflict: 'error.hint.conflict',
  ActivityLimitReached: 'error.hint.tooLarge',
  RangeExceedsLimit: 'error.hint.tooLarge',
  OperationCellsExceedLimit: 'error.hint.tooLarge',
  RequestPayloadSizeLimitExceeded: 'error.hint.tooLarge',
  ResponsePayloadSizeLimitExceeded: 'error.hint.tooLarge',
  ApiNotFound: 'error.hint.apiNotFound',
};

export function errorHint(info: ErrorInfo): MessageKey | undefined {
  return info.code !== undefined ? HINTS[info.code] : undefined;
}
