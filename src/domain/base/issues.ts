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
  readonly message: string;
  readonly messageEn: string;
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

/**
 * Messages are written when first read: a big sheet can raise tens of thousands of
 * warnings, and most are only counted. toJSON keeps them in serialised output.
 */
class IssueRecord implements Issue {
  severity: Severity;
  code: MessageCode;
  file?: string;
  sheet: string;
  cell?: string;
  row?: number;
  col?: number;
  header?: string;
  found?: string;
  private params: MessageParams;
  private ja?: string;
  private en?: string;

  constructor(i: IssueInput) {
    this.severity = i.severity;
    this.code = i.code;
    this.sheet = i.sheet;
    this.params = i.params ?? {};
    if (i.row !== undefined && i.col !== undefined) {
      this.row = i.row;
      this.col = i.col;
      this.cell = cellAddress(i.row, i.col);
    }
    if (i.header !== undefined) this.header = i.header;
    if (this.params.found !== undefined) this.found = String(this.params.found);
  }

  private where(): string {
    return this.sheet + (this.cell ? '!' + this.cell : '');
  }

  get message(): string {
    return (this.ja ??= `${this.where()}${this.header ? `（${this.header}）` : ''}: ${messageJa(this.code, this.params)}`);
  }

  get messageEn(): string {
    return (this.en ??= `${this.where()}${this.header ? ` (${this.header})` : ''}: ${messageEn(this.code, this.params)}`);
  }

  toJSON(): Record<string, unknown> {
    const { params: _p, ja: _j, en: _e, ...rest } = this;
    void _p;
    void _j;
    void _e;
    return { ...rest, message: this.message, messageEn: this.messageEn };
  }
}

export function makeIssue(i: IssueInput): Issue {
  return new IssueRecord(i);
}

export function hasErrors(issues: readonly Issue[]): boolean {
  for (const i of issues) if (i.severity === 'error') return true;
  return false;
}
