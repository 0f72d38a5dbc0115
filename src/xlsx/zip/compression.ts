/**
 * The zip's only dependency on the platform: raw deflate, inflate and CRC-32, here from
 * Node's native zlib (several times faster than JavaScript inflaters on large sheets).
 * A browser build supplies another module with these three functions (DecompressionStream
 * or a small inflater); nothing else in src/xlsx imports a Node API.
 */
import * as zlib from 'node:zlib';

/** Inflates a raw deflate stream (zip method 8). */
export function inflateRaw(data: Uint8Array): Uint8Array {
  return zlib.inflateRawSync(data);
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
const nativeCrc = (zlib as unknown as { crc32?: (data: Uint8Array) => number }).crc32;

export function crc32(data: Uint8Array): number {
  if (nativeCrc) return nativeCrc(data) >>> 0;
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
