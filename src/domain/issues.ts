/** Problems found in a workbook: errors block writing a sheet, warnings and reasons do not. */
import { cellAddress } from './address';
import { messageEn, messageJa, type MessageCode, type MessageParams } from './messages';

export type Severity = 'error' | 'warning' | 'info';

export interface Issue {
  severity: Severity;
  code: MessageCode;
  file?: string;
  sheet: string;
  /** A1 address of the cell, when the issue is about one cell */
  cell?: string;
  row?: number;
  col?: number;
  header?: string;
  found?: string;
  /** Japanese message with location, e.g. 政策推進課!H12（実績R3）: … */
  message: string;
  messageEn: string;
}

export interface IssueInput {
  severity: Severity;
  code: MessageCode;
  sheet: string;
  row?: number;
  col?: number;
  header?: string;
  params?: MessageParams;
}

export function makeIssue(i: IssueInput): Issue {
  const params = i.params ?? {};
  const cell = i.row !== undefined && i.col !== undefined ? cellAddress(i.row, i.col) : undefined;
  const where = i.sheet + (cell ? '!' + cell : '');
  const headerJa = i.header ? `（${i.header}）` : '';
  const headerEn = i.header ? ` (${i.header})` : '';
  const issue: Issue = {
    severity: i.severity,
    code: i.code,
    sheet: i.sheet,
    message: `${where}${headerJa}: ${messageJa(i.code, params)}`,
    messageEn: `${where}${headerEn}: ${messageEn(i.code, params)}`,
  };
  if (cell !== undefined) {
    issue.cell = cell;
    issue.row = i.row;
    issue.col = i.col;
  }
  if (i.header !== undefined) issue.header = i.header;
  if (params.found !== undefined) issue.found = String(params.found);
  return issue;
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}
