/** The audit-log row (planLogAppend) as write operations: the hidden _review_log sheet is created with its header when missing. */
import type { LogAppend } from '../domain/plan/auditLog';
import { cellRow } from './cellText';
import { ACTION_OVERHEAD, jsonBytes } from './chunking';
import type { WriteOp } from './writeOps';

function formatsFor(values: readonly (string | number)[]): string[][] {
  // text stays text (a time stamp or "2020-2024" must not turn into a date), counts stay numbers
  return [values.map((v) => (typeof v === 'number' ? 'General' : '@'))];
}

/** `writeHeader`: also when the sheet exists but is empty */
export function logOps(append: LogAppend, writeHeader: boolean): WriteOp[] {
  const ops: WriteOp[] = [];
  const name = append.sheet;
  if (append.create) {
    ops.push({
      sheet: null,
      bytes: 3 * ACTION_OVERHEAD,
      apply(session) {
        const ws = session.context.workbook.worksheets.add(name);
        session.register(name, ws);
        ws.visibility = 'Hidden';
      },
    });
  }
  if (append.create || writeHeader) {
    ops.push({
      sheet: name,
      bytes: 3 * ACTION_OVERHEAD + 2 * jsonBytes(append.header),
      apply(session) {
        const r = session.sheet(name).getRangeByIndexes(0, 0, 1, append.header.length);
        r.numberFormat = [append.header.map(() => '@')];
        r.values = [cellRow(append.header)];
        r.format.font.bold = true;
      },
    });
  }
  ops.push({
    sheet: name,
    bytes: 2 * ACTION_OVERHEAD + 2 * jsonBytes(append.values),
    apply(session) {
      const r = session.sheet(name).getRangeByIndexes(append.row, 0, 1, append.values.length);
      r.numberFormat = formatsFor(append.values);
      r.values = [cellRow(append.values)];
    },
  });
  return ops;
}
