/**
 * What reading a zip needs from the platform: raw deflate inflated in chunks, and CRC-32.
 * The reading path (zipDirectory.ts, partLimits.ts, src/xlsx/read) takes an InflateCodec as a
 * parameter and imports no platform API: the command line passes nodeInflate (compression.ts,
 * native zlib), a browser webInflate (webCodec.ts, DecompressionStream).
 */
import type { EncodedPart, PartContent } from './partBlocks';

export interface InflateCodec {
  /** the inflated bytes of a raw deflate stream (zip method 8), in order; stopping early stops the work */
  inflateRawChunks(raw: Uint8Array): AsyncIterable<Uint8Array>;
  /** CRC-32 of `data` continued from `crc` (0 to start) */
  crc32(data: Uint8Array, crc: number): number;
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

/** the CRC-32 polynomial, bits reversed */
const POLY = 0xedb88320;

/** a(x)·b(x) modulo the CRC polynomial (bit-reversed, as the CRC is) */
function multModP(a: number, b: number): number {
  let m = 0x80000000;
  let p = 0;
  for (;;) {
    if (a & m) {
      p ^= b;
      if ((a & (m - 1)) === 0) break;
    }
    m >>>= 1;
    b = b & 1 ? (b >>> 1) ^ POLY : b >>> 1;
  }
  return p >>> 0;
}

/** X2N[k] = x^(2^k) modulo the polynomial */
const X2N = (() => {
  const t = new Uint32Array(32);
  let p = 0x40000000; // x^1
  t[0] = p;
  for (let k = 1; k < 32; k++) t[k] = p = multModP(p, p);
  return t;
})();

/**
 * The CRC-32 of two pieces one after the other, from each one's CRC and the second one's length
 * (as zlib's crc32_combine): pieces checked on different threads make one part's CRC.
 */
export function crc32Combine(crc1: number, crc2: number, length2: number): number {
  // x^(8·length2): the first CRC shifted past the second piece's bits
  let shift = 0x80000000; // x^0
  for (let n = length2, k = 3; n > 0; n = Math.floor(n / 2), k++) if (n % 2) shift = multModP(X2N[k & 31], shift);
  return (multModP(shift, crc1) ^ crc2) >>> 0;
}

/** CRC-32 in JavaScript (table-driven), for platforms without a native one. */
export function crc32Js(data: Uint8Array, crc = 0): number {
  let c = (crc ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * What editing a zip (packageZip.ts) needs from the platform: the InflateCodec, and deflating a
 * changed part. Node (zipArchive.ts: native zlib, also at once) or a browser (webCodec.ts:
 * CompressionStream; parts the editor reads are inflated when the package is opened).
 */
export interface ZipCodec extends InflateCodec {
  /** a changed part's stored form: deflated, or stored when deflating does not make it smaller */
  encode(content: PartContent): Promise<EncodedPart>;
  /** encode() at once, where the platform can */
  encodeSync?(content: PartContent): EncodedPart;
  /** a part deflated block by block as its writer makes it, where the platform can do it at once */
  deflating?(): PartDeflater;
  /** a raw deflate stream inflated at once, where the platform can; a RangeError past `maxBytes` */
  inflateSync?(raw: Uint8Array, maxBytes: number, expected: number): Uint8Array;
  /** inflateSync on another thread, where the platform can: the caller goes on meanwhile */
  inflateAsync?(raw: Uint8Array, maxBytes: number, expected: number): Promise<Uint8Array>;
}

/** Takes a part's UTF-8 blocks in order, each used at once (the caller may reuse its buffer). */
export interface PartDeflater {
  write(block: Uint8Array): void;
  /** the part's stored form, once every block is written */
  end(): EncodedPart;
}
