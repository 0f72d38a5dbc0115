/**
 * Problems found in a workbook: errors block writing a sheet, warnings and reasons do not.
 * An issue is data — a code, its place and the parameters of its message; the surfaces say it
 * in their language through src/messages/issueText.ts.
 */
import { cellAddress } from './address';
import type { IssueCode } from '../../messages/issueText';
import type { Params } from '../../messages/translate';

export type { IssueCode } from '../../messages/issueText';
export type IssueParams = Params;

export type Severity = 'error' | 'warning' | 'info';

export interface Issue {
  severity: Severity;
  /** the message's key in the catalogue is `issue.<code>` */
  code: IssueCode;
  file?: string;
  sheet: string;
  /** A1 address of the cell, when the issue is about one cell */
  cell?: string;
  row?: number;
  col?: number;
  header?: string;
  /** the cell's text, when the issue is about what was typed */
  found?: string;
  params?: IssueParams;
}

export interface IssueInput {
  severity: Severity;
  code: IssueCode;
  sheet: string;
  row?: number;
  col?: number;
  header?: string;
  params?: IssueParams;
}

export function makeIssue(i: IssueInput): Issue {
  const issue: Issue = { severity: i.severity, code: i.code, sheet: i.sheet };
  if (i.row !== undefined && i.col !== undefined) {
    issue.row = i.row;
    issue.col = i.col;
    issue.cell = cellAddress(i.row, i.col);
  }
  if (i.header !== undefined) issue.header = i.header;
  const found = i.params?.found;
  if (found !== undefined && typeof found !== 'object') issue.found = String(found);
  if (i.params) issue.params = i.params;
  return issue;
}

export function hasErrors(issues: readonly Issue[]): boolean {
  for (const i of issues) if (i.severity === 'error') return true;
  return false;
}
