/**
 * The deflating helper (a worker thread fed through shared memory): the parts it helps write are
 * byte for byte those written on one thread, whoever deflated each block, and read back as written.
 */
import { crc32, inflateRawSync } from 'node:zlib';
import { crc32Combine, crc32Js } from '../../src/xlsx/zip/codec';
import { DeflateHelper } from '../../src/xlsx/zip/deflateHelper';
import { DeflatingPart } from '../../src/xlsx/zip/deflateParts';
import { piecesJoined } from '../../src/xlsx/zip/partBlocks';

/** XML-like text with some randomness (a fixed seed), `mb` megabytes of it */
function sheetLike(mb: number, seed: number): Uint8Array {
  let x = seed;
  const rnd = () => (x = (x * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const parts: string[] = [];
  let n = 0;
  for (let r = 1; n < mb * (1 << 20); r++) {
    const row = `<row r="${r}"><c r="A${r}" s="3"><v>${Math.floor(rnd() * 1e6)}</v></c><c r="B${r}" t="s"><v>${Math.floor(rnd() * 500)}</v></c></row>`;
    parts.push(row);
    n += row.length;
  }
  return new TextEncoder().encode(parts.join(''));
}

/** random bytes: deflate makes them a little larger, never smaller */
function noise(bytes: number): Uint8Array {
  const out = new Uint8Array(bytes);
  let x = 7;
  for (let i = 0; i < bytes; i++) out[i] = (x = (x * 1103515245 + 12345) & 0x7fffffff) >> 16;
  return out;
}

/** the part written block by block (`sizes` cycled), with the helper or without */
function write(data: Uint8Array, sizes: number[], helper: DeflateHelper | null): DeflatingPart {
  const part = new DeflatingPart(1, helper);
  for (let at = 0, i = 0; at < data.length; i++) {
    const n = sizes[i % sizes.length];
    part.write(data.subarray(at, at + n));
    at += n;
  }
  return part;
}

const helper = DeflateHelper.shared()!;

test('crc32Combine: the CRC of two pieces from theirs is the CRC of both', () => {
  const data = sheetLike(1, 9);
  for (const cut of [0, 1, 1000, 65_536, data.length - 3, data.length]) {
    const [a, b] = [data.subarray(0, cut), data.subarray(cut)];
    expect(crc32Combine(crc32Js(a), crc32Js(b), b.length)).toBe(crc32(data));
  }
});

describe('DeflateHelper', () => {
  test('starts on Node', () => {
    expect(helper).toBeInstanceOf(DeflateHelper);
  });

  test('parts are the same bytes with it and without it, and inflate to what was written', () => {
    const cases: [Uint8Array, number[]][] = [
      [sheetLike(9, 1), [1 << 20]], // more blocks than the helper has slots
      [sheetLike(3, 2), [1 << 20, 3 << 20, 10_000]], // a block too big for a slot, and small ones
      [noise(3 << 20), [(1 << 20) + (1 << 18)]], // incompressible, a full slot
    ];
    for (const [data, sizes] of cases) {
      const alone = write(data, sizes, null).end();
      const helped = write(data, sizes, helper).end();
      expect(Buffer.from(piecesJoined(helped.pieces)).equals(Buffer.from(piecesJoined(alone.pieces)))).toBe(true);
      expect(helped.crc).toBe(alone.crc);
      expect(helped.size).toBe(data.length);
      expect(Buffer.from(inflateRawSync(piecesJoined(helped.pieces))).equals(Buffer.from(data))).toBe(true);
    }
  });

  test('parts written at the same time (a sheet and its relationships) each get their own blocks back', () => {
    const a = sheetLike(4, 3);
    const b = sheetLike(4, 4);
    const pa = new DeflatingPart(1, helper);
    const pb = new DeflatingPart(1, helper);
    for (let at = 0; at < Math.max(a.length, b.length); at += 1 << 19) {
      pa.write(a.subarray(at, at + (1 << 19)));
      pb.write(b.subarray(at, at + (1 << 19)));
    }
    expect(Buffer.from(inflateRawSync(piecesJoined(pb.end().pieces))).equals(Buffer.from(b))).toBe(true);
    expect(Buffer.from(inflateRawSync(piecesJoined(pa.end().pieces))).equals(Buffer.from(a))).toBe(true);
  });

  test('the worker deflates the blocks it is given while the writer goes on; the rest the writer does itself', async () => {
    const data = sheetLike(3, 5);
    const before = { ...helper.counts };
    const part = write(data, [1 << 20], helper);
    // time for the worker to finish what it holds
    await new Promise((r) => setTimeout(r, 300));
    const out = part.end();
    expect(helper.counts.worker).toBeGreaterThan(before.worker);
    expect(Buffer.from(inflateRawSync(piecesJoined(out.pieces))).equals(Buffer.from(data))).toBe(true);
  });

  test('a writer that does not wait leaves the block to the worker, deflates its copy, and gets the slot back once the worker is done', async () => {
    const impatient = DeflateHelper.start(0);
    await new Promise((r) => setTimeout(r, 300)); // the worker has started
    for (let round = 0; round < 3; round++) {
      const data = sheetLike(6, 10 + round);
      const alone = write(data, [1 << 20], null).end();
      const helped = write(data, [1 << 20], impatient).end();
      expect(Buffer.from(piecesJoined(helped.pieces)).equals(Buffer.from(piecesJoined(alone.pieces)))).toBe(true);
      expect(helped.crc).toBe(alone.crc);
    }
    await new Promise((r) => setTimeout(r, 300));
    const before = impatient.counts.worker;
    const part = write(sheetLike(3, 20), [1 << 20], impatient);
    await new Promise((r) => setTimeout(r, 300));
    part.end();
    expect(impatient.counts.worker).toBeGreaterThan(before);
  });
});
