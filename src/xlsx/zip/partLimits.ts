/**
 * Reading a zip entry's content safely: inflated in chunks, counted against stated limits
 * (a zip bomb is refused before it is unpacked, whatever sizes the archive claims) and
 * checked against its CRC-32 and size once complete. The inflater and the CRC come from the
 * codec passed in (codec.ts), so nothing here depends on the platform.
 */
import { ReadError } from '../read/readError';
import type { InflateCodec } from './codec';
import type { StoredEntry } from './zipDirectory';
import { keepShape } from '../../domain/base/keptShapes';

/** The stated limits (README › Decisions). */
export const LIMITS = {
  /** one part, inflated */
  partBytes: 256 * 1024 * 1024,
  /** all parts read from one package, inflated */
  totalBytes: 1024 * 1024 * 1024,
  /** inflated ÷ compressed size, checked once a part passes `ratioGraceBytes` */
  ratio: 200,
  ratioGraceBytes: 16 * 1024 * 1024,
} as const;

export type Limits = { -readonly [K in keyof typeof LIMITS]: number };

/** What has been inflated from one package so far, against the total limit. */
export class InflateBudget {
  used = 0;
  constructor(readonly limits: Limits = LIMITS) {
    keepShape(this);
  }
}

/** What inflating an entry needs of it (zipDirectory.ts reads the rest). */
export type InflatableEntry = Pick<StoredEntry, 'name' | 'method' | 'crc' | 'size' | 'raw'>;

const MB = 1024 * 1024;

const METHOD_NAMES: Record<number, string> = { 1: 'Shrink', 6: 'Implode', 9: 'Deflate64', 12: 'BZIP2', 14: 'LZMA', 93: 'Zstandard', 95: 'XZ', 98: 'PPMd', 99: 'AES' };

/** The entry's inflated content, in chunks; stopping early is allowed (no CRC check then). */
export async function* checkedChunks(entry: InflatableEntry, codec: InflateCodec, budget: InflateBudget): AsyncGenerator<Uint8Array> {
  const { limits } = budget;
  const part = entry.name;
  let source: AsyncIterable<Uint8Array>;
  if (entry.method === 0) source = slices(entry.raw);
  else if (entry.method === 8) source = codec.inflateRawChunks(entry.raw);
  else if (entry.method === 99) throw new ReadError('read.encrypted');
  else throw new ReadError('read.compression', { part, method: METHOD_NAMES[entry.method] ?? `method ${entry.method}` });
  let size = 0;
  let crc = 0;
  try {
    for await (const chunk of source) {
      size += chunk.length;
      budget.used += chunk.length;
      if (size > limits.partBytes) throw new ReadError('read.partTooLarge', { part, limit: Math.round(limits.partBytes / MB) });
      if (size > limits.ratioGraceBytes && size > limits.ratio * Math.max(1, entry.raw.length)) throw new ReadError('read.ratio', { part, ratio: limits.ratio });
      if (budget.used > limits.totalBytes) throw new ReadError('read.totalTooLarge', { limit: Math.round(limits.totalBytes / MB) });
      crc = codec.crc32(chunk, crc);
      yield chunk;
    }
  } catch (e) {
    if (e instanceof ReadError) throw e;
    // the deflate data itself is broken
    throw new ReadError('read.damaged', { part });
  }
  if (size !== entry.size || crc >>> 0 !== entry.crc >>> 0) throw new ReadError('read.crc', { part });
}

async function* slices(raw: Uint8Array): AsyncGenerator<Uint8Array> {
  const step = 1 << 18;
  for (let i = 0; i < raw.length; i += step) yield raw.subarray(i, i + step);
}
