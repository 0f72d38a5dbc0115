/** Click-through from the problem list: activate the sheet and select the cell (1 sync). */
import { parseCellAddress } from '../domain/base/address';
import { parseLocalRange } from './addresses';
import { ACTION_OVERHEAD } from './chunking';
import type { Session } from './session';

export async function selectCell(session: Session, sheet: string, cell: string): Promise<void> {
  const local = cell.includes('!') ? cell.slice(cell.lastIndexOf('!') + 1) : cell;
  if (!parseCellAddress(local.split(':')[0]) || !parseLocalRange(local)) throw new Error(`not a cell address: ${cell}`);
  session.progress('select', 0);
  const ws = session.context.workbook.worksheets.getItem(sheet);
  ws.activate();
  ws.getRange(local).select();
  await session.sync(3 * ACTION_OVERHEAD);
  session.progress('select', 1);
}
