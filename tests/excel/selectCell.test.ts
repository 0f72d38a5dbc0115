/** Click-through from the problem list. */
import { workbookFromSpec } from '../support/fakeExcel';
import { gatewayFor } from './helpers';

describe('selectCell', () => {
  test('activates the sheet and selects the cell in one sync', async () => {
    const wb = workbookFromSpec({ sheets: [{ name: 'A', values: [['x']] }, { name: '政策推進課', values: [['y']] }] });
    await gatewayFor(wb).selectCell('政策推進課', 'H12');
    expect(wb.syncCount).toBe(1);
    expect(wb.activeSheetId).toBe(wb.sheet('政策推進課')!.id);
    expect(wb.selection).toEqual({ sheetId: wb.sheet('政策推進課')!.id, rect: { top: 11, left: 7, bottom: 11, right: 7 } });
  });

  test('a missing sheet or a bad address is an error, nothing selected', async () => {
    const wb = workbookFromSpec({ sheets: [{ name: 'A', values: [['x']] }] });
    await expect(gatewayFor(wb).selectCell('消えたシート', 'A1')).rejects.toMatchObject({ code: 'ItemNotFound' });
    await expect(gatewayFor(wb).selectCell('A', 'not a cell')).rejects.toThrow(/not a cell address/);
    expect(wb.selection).toBeNull();
  });
});
