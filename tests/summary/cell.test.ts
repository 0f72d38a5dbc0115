/** Summary cells (src/domain/output/summary/cell.ts): every rich cell has the same keys, in the same order, whatever it carries. */
import { boldCell, cellValue, emboldened, formattedCell, linkedCell, richCell } from '../../src/domain/output/summary/cell';

const link = { file: 'a.xlsx', sheet: '政策推進課', cell: 'A5' };

test('bold, linked, own-format and emboldened cells: one set of keys, the unset ones undefined', () => {
  const cells = [boldCell('計'), boldCell(0.5, '0.0%'), linkedCell('行 5', link), formattedCell(12, '#,##0"(R3)"'), emboldened(formattedCell(3, '0.0')), emboldened(7)];
  for (const c of cells) expect(Object.keys(c)).toEqual(['v', 'bold', 'link', 'format']);
  expect(cells).toEqual([
    { v: '計', bold: true, link: undefined, format: undefined },
    { v: 0.5, bold: true, link: undefined, format: '0.0%' },
    { v: '行 5', bold: undefined, link, format: undefined },
    { v: 12, bold: undefined, link: undefined, format: '#,##0"(R3)"' },
    { v: 3, bold: true, link: undefined, format: '0.0' },
    { v: 7, bold: true, link: undefined, format: undefined },
  ]);
});

test('a bare value reads as itself and has no rich part', () => {
  expect(cellValue(5)).toBe(5);
  expect(cellValue(null)).toBeNull();
  expect(richCell('x')).toBeNull();
  expect(cellValue(linkedCell('x', link))).toBe('x');
  expect(richCell(linkedCell('x', link))?.link).toBe(link);
});
