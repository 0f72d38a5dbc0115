import { createInflateRaw, crc32, deflateRawSync } from 'node:zlib';
import { checkedChunks, InflateBudget, LIMITS, type InflatableEntry } from '../../src/xlsx/zip/partLimits';
import type { InflateCodec } from '../../src/xlsx/zip/codec';
import { ReadError } from '../../src/xlsx/read';

const codec: InflateCodec = {
  inflateRawChunks(raw) {
    const s = createInflateRaw({ chunkSize: 1 << 16 });
    s.end(raw);
    return s;
  },
  crc32: (data, prev) => crc32(data, prev),
};

function deflated(name: string, data: Uint8Array): InflatableEntry {
  return { name, method: 8, crc: crc32(data), size: data.length, raw: deflateRawSync(data) };
}

async function drain(entry: InflatableEntry, budget = new InflateBudget()): Promise<number> {
  let n = 0;
  for await (const c of checkedChunks(entry, codec, budget)) n += c.length;
  return n;
}

async function code(p: Promise<unknown>): Promise<string> {
  const e = await p.catch((x: unknown) => x);
  expect(e).toBeInstanceOf(ReadError);
  return (e as ReadError).code;
}

describe('inflating a part within limits', () => {
  test('a sound part comes out whole, stored or deflated', async () => {
    const data = new TextEncoder().encode('<x>'.repeat(100_000));
    expect(await drain(deflated('a.xml', data))).toBe(data.length);
    expect(await drain({ name: 's.xml', method: 0, crc: crc32(data), size: data.length, raw: data })).toBe(data.length);
  });

  test('a bad CRC, a wrong size, broken deflate data and other methods are named', async () => {
    const data = new TextEncoder().encode('hello world '.repeat(1000));
    const e = deflated('a.xml', data);
    expect(await code(drain({ ...e, crc: e.crc ^ 1 }))).toBe('read.crc');
    expect(await code(drain({ ...e, size: e.size + 1 }))).toBe('read.crc');
    expect(await code(drain({ ...e, raw: e.raw.map((b, i) => (i > 4 ? b ^ 0x5a : b)) }))).toMatch(/read\.(damaged|crc)/);
    expect(await code(drain({ ...e, method: 9 }))).toBe('read.compression');
    expect(await code(drain({ ...e, method: 99 }))).toBe('read.encrypted');
  });

  test('a zip bomb is stopped by the ratio, a big part by its size, many parts by the total', async () => {
    const spaces = new Uint8Array(64 * 1024 * 1024).fill(32); // 64 MiB of spaces deflate ~1000:1
    expect(await code(drain(deflated('bomb.xml', spaces)))).toBe('read.ratio');
    const small = { ...LIMITS, partBytes: 1 << 20, ratio: 1e9 };
    expect(await code(drain(deflated('big.xml', new Uint8Array(2 << 20).fill(65)), new InflateBudget(small)))).toBe('read.partTooLarge');
    const budget = new InflateBudget({ ...LIMITS, totalBytes: 2.5 * (1 << 20), ratio: 1e9 });
    const part = deflated('p.xml', new Uint8Array(1 << 20).fill(66));
    await drain(part, budget);
    await drain(part, budget);
    expect(await code(drain(part, budget))).toBe('read.totalTooLarge');
  });
});
