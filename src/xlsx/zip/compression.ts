/**
 * The zip's Node side: raw deflate and inflate and CRC-32 from Node's native zlib (several
 * times faster than JavaScript inflaters on large sheets). The reading path gets these only
 * as an InflateCodec (nodeInflate, passed in by src/xlsx/read/index.ts); a browser passes
 * webInflate (webCodec.ts) instead. The writer (zipArchive.ts, deflateParts.ts) runs on Node.
 */
import * as zlib from 'node:zlib';
import { crc32Js, type InflateCodec } from './codec';

/**
 * Inflates a raw deflate stream (zip method 8); a RangeError past `maxBytes`. `expected`, the
 * size the archive states, sizes the output buffer so it is not assembled from pieces.
 */
export function inflateRaw(data: Uint8Array, maxBytes: number, expected = 0): Uint8Array {
  return zlib.inflateRawSync(data, inflateOptions(maxBytes, expected));
}

/** inflateRaw on the thread pool, in one piece: the caller's thread goes on meanwhile. */
export function inflateRawAsync(data: Uint8Array, maxBytes: number, expected = 0): Promise<Uint8Array> {
  return new Promise((resolve, reject) => zlib.inflateRaw(data, inflateOptions(maxBytes, expected), (e, out) => (e ? reject(e) : resolve(out))));
}

/** the limit, and an output buffer sized from the expected size */
function inflateOptions(maxBytes: number, expected: number): zlib.ZlibOptions {
  return { maxOutputLength: maxBytes, chunkSize: Math.min(Math.max(expected + 64, 1 << 16), maxBytes + 64) };
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

/**
 * Raw deflate at `level` (1 fastest … 9 smallest). With `final` false the output ends on a
 * byte boundary without closing the stream (a sync flush), so deflated blocks can be joined
 * one after another and closed with FINAL_EMPTY_BLOCK, as pigz does.
 */
export function deflateRaw(data: Uint8Array, level: number, final = true): Uint8Array {
  return zlib.deflateRawSync(data, { level, finishFlush: final ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH });
}

/** A last, empty block with fixed codes: closes a deflate stream made of sync-flushed blocks. */
export const FINAL_EMPTY_BLOCK = new Uint8Array([0x03, 0x00]);

// zlib.crc32 exists from Node 20.15 / 22.2; older Node uses the table
const nativeCrc = (zlib as unknown as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

/** CRC-32 of `data`, continued from `crc` (the CRC of what came before it). */
export function crc32(data: Uint8Array, crc = 0): number {
  return nativeCrc ? nativeCrc(data, crc) >>> 0 : crc32Js(data, crc);
}

/** The command line's InflateCodec. */
export const nodeInflate: InflateCodec = { inflateRawChunks, crc32 };
