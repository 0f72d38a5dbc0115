/**
 * The 担当課 (department) of a KPI template, as the pane's テンプレート作成 dialog and the command
 * line's `template kpi --department` take it (the pledge template has one fixed layout). The KPI
 * sheet is named after the department (./templates.ts cuts the name to Excel's 31 characters),
 * so the name must be a valid sheet name: none of : \ / ? * [ ] and no apostrophe at either end.
 */
import type { MessageKey } from '../../messages/ja';

export const SHEET_NAME_MAX = 31;
const FORBIDDEN = /[:\\/?*[\]]/;

export interface DepartmentCheck {
  /** trimmed (full-width spaces too); undefined when blank */
  value: string | undefined;
  error?: MessageKey;
  /** a note that does not block: the sheet name will be shortened */
  note?: MessageKey;
}

export function checkDepartment(text: string): DepartmentCheck {
  const value = text.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
  if (value === '') return { value: undefined };
  if (FORBIDDEN.test(value)) return { value, error: 'template.department.forbidden' };
  if (value.startsWith("'") || value.endsWith("'")) return { value, error: 'template.department.apostrophe' };
  // UTF-16 length, as Excel and String.prototype.slice in the template count it.
  if (value.length > SHEET_NAME_MAX) return { value, note: 'template.department.long' };
  return { value };
}
