/** How the add-in recognises the sheets it owns: the summary carries a worksheet custom property. */
import { LOG_SHEET } from '../domain/plan/auditLog';

/** Worksheet custom property (ExcelApi 1.12) on the summary sheet this add-in made. */
export const MARKER_KEY = 'progressReview';
export const SUMMARY_MARKER = 'summary';

export function isOwnSummary(marker: string | null): boolean {
  return marker === SUMMARY_MARKER;
}

/** Our own sheets are not reviewed: the summary (marked) and the audit log. */
export function isOwnSheet(name: string, marker: string | null): boolean {
  return isOwnSummary(marker) || name === LOG_SHEET;
}
