/** 計算して書き込む gives a reviewed sheet without a page layout of its own A4 landscape, one page wide, its header rows on every page. */
import { DEFAULT_SETTINGS } from '../../src/domain/base/settings';
import { snapshotSheet, workbookFromSpec } from '../support/fakeExcel';
import { sampleKpiSheet, samplePledgeSheet } from '../support/fakeExcel/samples';
import { gatewayFor } from './helpers';

describe('page layout of reviewed sheets (Office.js adapter)', () => {
  test('sheets without a layout of their own get A4 landscape, fit to one page wide, print titles; still 3 syncs', async () => {
    const wb = workbookFromSpec({ name: 'kpi.xlsx', sheets: [sampleKpiSheet(), samplePledgeSheet()] });
    const out = await gatewayFor(wb).computeAndWrite(DEFAULT_SETTINGS);
    expect(out.syncs).toBe(3);
    expect(snapshotSheet(wb.sheet('政策推進課')!).pageLayout).toMatchObject({ paperSize: 'A4', orientation: 'Landscape', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, printTitleRows: '$3:$3', printTitleColumns: null });
    expect(snapshotSheet(wb.sheet('市長公約')!).pageLayout).toMatchObject({ orientation: 'Landscape', printTitleRows: '$1:$1' });
  });

  test('a sheet too wide to read on one page: the scale that keeps 6.5 pt, the indicator column repeated across pages', async () => {
    const wb = workbookFromSpec({ name: 'kpi.xlsx', sheets: [sampleKpiSheet()] });
    // wide columns, as department sheets often have (a long 備考 …)
    for (let c = 0; c < 12; c++) wb.sheet('政策推進課')!.columnWidths.set(c, 200);
    await gatewayFor(wb).computeAndWrite(DEFAULT_SETTINGS);
    expect(snapshotSheet(wb.sheet('政策推進課')!).pageLayout).toMatchObject({ orientation: 'Landscape', zoom: { scale: 60 }, printTitleRows: '$3:$3', printTitleColumns: '$D:$D' });
  });

  test('a sheet whose author set its layout (landscape, a zoom, print titles, another paper) keeps it', async () => {
    const own = [
      { orientation: 'Landscape' as const },
      { zoom: { scale: 70 } },
      { printTitleRows: { top: 0, left: 0, bottom: 2, right: 16383 } },
      { paperSize: 'A3' },
    ];
    for (const layout of own) {
      const wb = workbookFromSpec({ name: 'kpi.xlsx', sheets: [{ ...sampleKpiSheet(), pageLayout: layout }] });
      const before = snapshotSheet(wb.sheet('政策推進課')!).pageLayout;
      await gatewayFor(wb).computeAndWrite(DEFAULT_SETTINGS);
      expect(snapshotSheet(wb.sheet('政策推進課')!).pageLayout).toEqual(before);
    }
  });
});
