/**
 * The audit trail: every 計算して書き込む run (task pane and CLI) appends one row to a hidden
 * sheet `_review_log` saying when, with which tool version and settings, which sheets and
 * ranges it wrote and which review sheets it left unwritten (errors), so a reviewer can tell
 * what the add-in wrote. A log started by an earlier version gets the header cells it lacks.
 */
import { rangeAddress } from '../base/address';
import type { FileReview, Review } from '../review';
import type { RawSheet } from '../base/raw';
import { rawAt, sheetBottom } from '../base/raw';
import type { WritePlan } from './plan';
import { TOOL_NAME, TOOL_VERSION } from '../../version';
import { translate, type MessageKey } from '../../messages/translate';

export const LOG_SHEET = '_review_log';
const LOG_COLUMNS: readonly MessageKey[] = [
  'auditLog.col.time',
  'auditLog.col.tool',
  'auditLog.col.version',
  'auditLog.col.runner',
  'auditLog.col.file',
  'auditLog.col.written',
  'auditLog.col.kpis',
  'auditLog.col.activities',
  'auditLog.col.errors',
  'auditLog.col.warnings',
  'auditLog.col.cap',
  'auditLog.col.plan',
  'auditLog.col.skipped',
];
/** the log is read by the city's reviewers: Japanese, whatever the surface's language */
export const LOG_HEADERS: readonly string[] = LOG_COLUMNS.map((k) => translate('ja', k));
const MAX_CELL_TEXT = 32000;

export interface LogAppend {
  sheet: string;
  /** the log sheet does not exist yet: create it (hidden) with the header row */
  create: boolean;
  /**
   * the first header cell to write: 0 for a new or empty log, the first column an earlier
   * version's header lacks, or header.length when the header is complete
   */
  headerFrom: number;
  /** zero-based row the entry goes to */
  row: number;
  header: string[];
  values: (string | number)[];
}

export function writtenRanges(plan: WritePlan): string {
  const parts = plan.sheets.map((s) => {
    const cols = s.columns.map((c) => c.col);
    const left = Math.min(...cols);
    const right = Math.max(...cols);
    return `${s.sheet}!${rangeAddress(s.headerRow, left, Math.max(s.lastDataRow, s.headerRow), right)}`;
  });
  const text = parts.join('; ');
  return text.length > MAX_CELL_TEXT ? text.slice(0, MAX_CELL_TEXT) + ` …(${parts.length})` : text;
}

function truncated(text: string): string {
  return text.length > MAX_CELL_TEXT ? text.slice(0, MAX_CELL_TEXT) + ' …' : text;
}

export interface LogContext {
  /** ISO time, e.g. new Date().toISOString() */
  time: string;
  /** 'task pane' / 'CLI' */
  runner: string;
  file: string;
}

/** the review sheets the plan does not write (errors, or left alone by the adapter), by name */
export function unwrittenSheets(fr: FileReview): string[] {
  const written = new Set(fr.plan.sheets.map((p) => p.sheet));
  return fr.sheets.filter((s) => !written.has(s.sheet)).map((s) => s.sheet);
}

/** where the existing log's header stops matching ours: 0 for an empty log, 12 for one an earlier version started */
function headerFrom(existing: RawSheet | undefined): number {
  if (!existing) return 0;
  let i = 0;
  while (i < LOG_HEADERS.length && rawAt(existing, 0, i) === LOG_HEADERS[i]) i++;
  return i;
}

export function planLogAppend(existing: RawSheet | undefined, review: Review, fileIndex: number, ctx: LogContext): LogAppend {
  const fr = review.files[fileIndex];
  const s = review.settings;
  const errors = fr.issues.filter((i) => i.severity === 'error').length;
  const warnings = fr.issues.filter((i) => i.severity === 'warning').length;
  const kpis = fr.sheets.reduce((n, sh) => n + (sh.kind === 'kpi' ? sh.kpis.length : 0), 0);
  const acts = fr.sheets.reduce((n, sh) => n + (sh.kind === 'pledge' ? sh.activities.length : 0), 0);
  const values: (string | number)[] = [
    ctx.time,
    TOOL_NAME,
    TOOL_VERSION,
    ctx.runner,
    ctx.file,
    writtenRanges(fr.plan) || translate('ja', 'auditLog.nothingWritten'),
    kpis,
    acts,
    errors,
    warnings,
    s.cap,
    `${s.planStart}-${s.planEnd}`,
    truncated(unwrittenSheets(fr).join(', ')),
  ];
  // the next row after the last used one (the header is row 0)
  const row = existing ? Math.max(1, sheetBottom(existing) + 1) : 1;
  return { sheet: LOG_SHEET, create: !existing, headerFrom: headerFrom(existing), row, header: [...LOG_HEADERS], values };
}
