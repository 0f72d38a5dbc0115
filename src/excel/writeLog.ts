/**
 * The audit-log row (planLogAppend) as write operations: the hidden _review_log sheet is created
 * with its header when missing; an existing log gets the header cells it lacks (append.headerFrom).
 */
import type { LogAppend } from '../domain/plan/auditLog';
import { cellRow } from './cellText';
import { ACTION_OVERHEAD, jsonBytes } from './chunking';
import type { WriteOp } from './writeOps';

function formatsFor(values: readonly (string | number)[]): string[][] {
  // text stays text (a time stamp or "2020-2024" must not turn into a date), counts stay numbers
  return [values.map((v) => (typeof v === 'number' ? 'General' : '@'))];
}

export function logOps(append: LogAppend): WriteOp[] {
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
  const from = append.create ? 0 : append.headerFrom;
  if (from < append.header.length) {
    const cells = append.header.slice(from);
    ops.push({
      sheet: name,
      bytes: 3 * ACTION_OVERHEAD + 2 * jsonBytes(cells),
      apply(session) {
        const r = session.sheet(name).getRangeByIndexes(0, from, 1, cells.length);
        r.numberFormat = [cells.map(() => '@')];
        r.values = [cellRow(cells)];
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
