/** Reading: what the Office.js adapter hands the domain equals what is in the sheet. */
import { parseAreas, splitAreas } from '../../src/excel/addresses';
import { workbookFromSpec } from '../support/fakeExcel';
import { readAll } from './helpers';

describe('readWorkbook', () => {
  test('values, number formats, merges and offsets (used range starting at C3) become the RawSheet', async () => {
    const wb = workbookFromSpec({
      name: '第2期.xlsx',
      sheets: [
        {
          name: '政策推進課',
          top: 2,
          left: 2,
          values: [
            ['指標名', '目標値', '実績R3', null],
            ['受診率', 1, 0.939, '#DIV/0!'],
            [null, '1,627', true, { formula: '=A1', value: 7 }],
          ],
          numberFormats: [[], [null, '0%', '0.0%']],
          merges: ['C1:F1', 'H5:I6'],
        },
        { name: 'Empty', values: [], hidden: true },
      ],
    });
    const book = await readAll(wb);
    expect(book.name).toBe('第2期.xlsx');
    expect(wb.syncCount).toBe(2);
    const [s, empty] = book.sheets;
    expect(s.raw).toEqual({
      name: '政策推進課',
      top: 2,
      left: 2,
      values: [
        ['指標名', '目標値', '実績R3', null],
        ['受診率', 1, 0.939, '#DIV/0!'],
        // a formula reads as its result
        [null, '1,627', true, 7],
      ],
      numberFormats: [
        [null, null, null, null],
        [null, '0%', '0.0%', null],
        [null, null, null, null],
      ],
      merges: [
        { top: 0, left: 2, bottom: 0, right: 5 },
        { top: 4, left: 7, bottom: 5, right: 8 },
      ],
      hidden: false,
    });
    expect(empty.raw).toEqual({ name: 'Empty', top: 0, left: 0, values: [], merges: [], hidden: true });
    expect(s.protected).toBe(false);
    expect(s.marker).toBeNull();
  });

  test('protection state, options and our custom property are read in the same sync', async () => {
    const wb = workbookFromSpec({
      sheets: [
        { name: 'A', values: [['x']], protected: { options: { allowInsertRows: true } } },
        { name: '集計', values: [['y']], customProperties: { progressReview: 'summary' } },
      ],
    });
    const book = await readAll(wb, true);
    expect(book.sheets[0]).toMatchObject({ protected: true, protectionOptions: expect.objectContaining({ allowInsertRows: true }) });
    expect(book.sheets[1].marker).toBe('summary');
    expect(wb.syncCount).toBe(2);
  });

  test('merged-area addresses with quoted sheet names', () => {
    expect(splitAreas("'a, b''s'!A1:B2, Sheet1!C3:D4")).toEqual([
      { sheet: "a, b's", local: 'A1:B2' },
      { sheet: 'Sheet1', local: 'C3:D4' },
    ]);
    expect(parseAreas("'x'!A1:B2, 'x'!D:E")).toEqual([
      { top: 0, left: 0, bottom: 1, right: 1 },
      { top: 0, left: 3, bottom: 1_048_575, right: 4 },
    ]);
  });
});
