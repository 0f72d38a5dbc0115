/**
 * How the add-in recognises the sheets it owns: a worksheet custom property (ExcelApi 1.12) on
 * the summary it made and on each department sheet 取り込み inserted (with the department's key).
 */
import { LOG_SHEET } from '../domain/plan/auditLog';

/** Worksheet custom property (ExcelApi 1.12) on the sheets this add-in made. */
export const MARKER_KEY = 'progressReview';
export const SUMMARY_MARKER = 'summary';
/** the marker of an inserted department sheet: `inserted:` + the department's key */
const INSERTED_PREFIX = 'inserted:';

export function isOwnSummary(marker: string | null): boolean {
  return marker === SUMMARY_MARKER;
}

export function insertedMarker(key: string): string {
  return INSERTED_PREFIX + key;
}

/** the department key of a sheet 取り込み inserted, null for any other sheet */
export function insertedKey(marker: string | null): string | null {
  return marker !== null && marker.startsWith(INSERTED_PREFIX) ? marker.slice(INSERTED_PREFIX.length) : null;
}

/**
 * Our own sheets are not reviewed: the summary (marked) and the audit log. Inserted department
 * sheets are: they are the departments' data, reviewed with the open workbook.
 */
export function isOwnSheet(name: string, marker: string | null): boolean {
  return isOwnSummary(marker) || name === LOG_SHEET;
}
