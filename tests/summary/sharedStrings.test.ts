import { SharedStrings } from '../../src/xlsx/summary/sharedStrings';
import { Utf8Blocks } from '../../src/xlsx/xml/utf8Blocks';

function written(s: SharedStrings): string {
  const out = new Utf8Blocks();
  s.write(out);
  return new TextDecoder().decode(Buffer.concat(out.done()));
}

test('texts looked up by column give the indices and the part of texts looked up without one', () => {
  // a column of repeats broken by other texts, a text equal to another column's last, texts built anew (not the same string object)
  const cells: [string, number][] = [];
  for (let r = 0; r < 50; r++) {
    cells.push([r % 7 === 3 ? '市民課' : '政策推進課', 0], [`指標${r}`, 1], [['%', '件', '%'][r % 3], 2], ['政策' + '推進課', 3]);
  }
  const plain = new SharedStrings();
  const slotted = new SharedStrings();
  const a = cells.map(([t]) => plain.id(t));
  const b = cells.map(([t, col]) => slotted.id(t, col));
  expect(b).toEqual(a);
  expect(slotted.count).toBe(cells.length);
  expect(written(slotted)).toBe(written(plain));
  expect(written(plain)).toContain(`count="200" uniqueCount="${2 + 50 + 2}"`);
});
