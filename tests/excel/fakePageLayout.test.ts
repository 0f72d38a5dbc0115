/** The in-memory Excel's page layout behaves as Excel's (ExcelApi 1.9): loads, checks, print titles, page breaks. */
import { createContext, snapshotSheet, workbookFromSpec } from '../support/fakeExcel';

function book() {
  return workbookFromSpec({ sheets: [{ name: 'Data', values: [['a', 1], ['b', 2]] }, { name: 'Own', values: [['x']], pageLayout: { orientation: 'Landscape' } }] });
}

describe('fake Excel: page layout', () => {
  test('a new sheet reads as Excel gives it (portrait, A4 in Japan, 100%, no print titles or area)', async () => {
    const ctx = createContext(book());
    const layout = ctx.workbook.worksheets.getItem('Data').pageLayout;
    layout.load('orientation,paperSize,zoom');
    const titles = layout.getPrintTitleRowsOrNullObject();
    titles.load('address');
    const area = layout.getPrintAreaOrNullObject();
    area.load('address');
    await ctx.sync();
    expect([layout.orientation, layout.paperSize, layout.zoom]).toEqual(['Portrait', 'A4', { scale: 100 }]);
    expect([titles.isNullObject, area.isNullObject]).toEqual([true, true]);
  });

  test('setting: zoom takes a scale or pages to fit (not both), print titles, footer, breaks above a row', async () => {
    const wb = book();
    const ctx = createContext(wb);
    const ws = ctx.workbook.worksheets.getItem('Data');
    ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    ws.pageLayout.setPrintTitleRows('$2:$3');
    ws.pageLayout.setPrintTitleColumns('$B:$C');
    ws.pageLayout.headersFooters.defaultForAllPages.centerFooter = 'ページ &P / &N';
    ws.horizontalPageBreaks.add('A10');
    await ctx.sync();
    expect(snapshotSheet(wb.sheet('Data')!)).toMatchObject({
      pageLayout: { zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, printTitleRows: '$2:$3', printTitleColumns: '$B:$C', centerFooter: 'ページ &P / &N' },
      pageBreaks: [10],
    });
    expect(() => (ws.pageLayout.zoom = { scale: 90, horizontalFitToPages: 1 })).toThrow(/scale or pages/);
    expect(() => (ws.pageLayout.zoom = { scale: 5 })).toThrow(/10–400/);
    expect(() => (ws.pageLayout.paperSize = 'A9' as never)).toThrow(/bad paper/);
  });

  test('a spec can give a sheet its own layout', () => {
    expect(snapshotSheet(book().sheet('Own')!).pageLayout.orientation).toBe('Landscape');
  });
});
