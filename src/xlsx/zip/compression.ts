/**
 * The zip's only dependency on the platform: raw deflate, inflate and CRC-32, here from
 * Node's native zlib (several times faster than JavaScript inflaters on large sheets).
 * A browser build supplies another module with these functions (inflateRawChunks from
 * `new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate-raw'))`, or a small
 * inflater); nothing else in src/xlsx imports a Node API.
 */
import * as zlib from 'node:zlib';

/** Inflates a raw deflate stream (zip method 8); a RangeError past `maxBytes`. */
export function inflateRaw(data: Uint8Array, maxBytes: number): Uint8Array {
  return zlib.inflateRawSync(data, { maxOutputLength: maxBytes, chunkSize: 1 << 20 });
}

/**
 * Inflates a raw deflate stream in chunks, as they come (zlib works on a thread of its own
 * meanwhile); stopping the iteration stops the inflation.
 */
export function inflateRawChunks(data: Uint8Array): AsyncIterable<Uint8Array> {
  const stream = zlib.createInflateRaw({ chunkSize: 1 << 18 });
  stream.end(data);
  return stream;
}

/** Raw deflate at `level` (1 fastest … 9 smallest). */
export function deflateRaw(data: Uint8Array, level: number): Uint8Array {
  const out = zlib.deflateRawSync(data, { level });
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

// zlib.crc32 exists from Node 20.15 / 22.2; older Node uses the table
const nativeCrc = (zlib as unknown as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

/** CRC-32 of `data`, continued from `crc` (the CRC of what came before it). */
export function crc32(data: Uint8Array, crc = 0): number {
  if (nativeCrc) return nativeCrc(data, crc) >>> 0;
  let c = (crc ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
