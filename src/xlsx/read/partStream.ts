/**
 * One part of a package through the streaming tokenizer: inflated chunks are decoded (UTF-8,
 * or UTF-16 or the encoding the XML declaration names) and pushed on as they come. A sink
 * that has what it needs sets `done`, and inflating stops there.
 */
import { ReadError } from './readError';
import type { PackageSource } from './source';
import { XmlStream, XmlStreamError, type XmlSink } from './xmlStream';
import { joined } from '../zip/partBlocks';

export interface PartSink extends XmlSink {
  /** set when nothing more of the part is needed */
  done: boolean;
  /** the tokenizer driving this sink, for sinks that step over content (skipTo) */
  attach?(stream: XmlStream): void;
}

/** (the standard TextDecoder: global in browsers and Node alike) */
type Decoder = InstanceType<typeof TextDecoder>;

function decoderFor(first: Uint8Array, part: string): Decoder {
  const [a, b, c] = first;
  if (a === 0xef && b === 0xbb && c === 0xbf) return new TextDecoder('utf-8');
  if ((a === 0xff && b === 0xfe) || (a === 0x3c && b === 0x00)) return new TextDecoder('utf-16le');
  if ((a === 0xfe && b === 0xff) || (a === 0x00 && b === 0x3c)) return new TextDecoder('utf-16be');
  // <?xml version="1.0" encoding="…"?> in ASCII
  let head = '';
  for (let i = 0; i < Math.min(first.length, 200); i++) head += String.fromCharCode(first[i]);
  const declared = /^<\?xml[^>]*\sencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1];
  if (!declared || /^utf-?8$/i.test(declared)) return new TextDecoder('utf-8');
  try {
    return new TextDecoder(declared);
  } catch {
    throw new ReadError('read.xml', { part });
  }
}

export function xmlProblem(e: unknown, part: string): unknown {
  if (e instanceof XmlStreamError) return new ReadError(e.problem === 'doctype' ? 'read.doctype' : 'read.xml', { part });
  return e;
}

/** Where the last complete UTF-8 sequence of `bytes` ends. */
function completeUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let k = 1; k <= 3 && k <= n; k++) {
    const b = bytes[n - k];
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > k ? n - k : n;
  }
  return n;
}

/** UTF-8 length of text.slice(from); -1 when it holds U+FFFD (it may stand for any bad bytes). */
function utf8Length(text: string, from: number): number {
  let len = 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) len += 1;
    else if (c < 0x800) len += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      len += 4;
      i++;
    } else if (c === 0xfffd) return -1;
    else len += 3;
  }
  return len;
}

/**
 * Text is decoded in pieces of this many bytes at most: a string of up to 64 KB stays in V8's
 * young generation, where its memory is used again; a longer one gets pages of its own, which
 * the system must fault in fresh (on a 55 MB sheet, 250 ms against 10 ms in pieces).
 */
const PIECE = 1 << 15;

/**
 * UTF-8 parts: each piece is decoded together with the bytes the tokenizer has not used yet,
 * so the tokenizer always gets one freshly decoded string (joining strings would give it a
 * rope, which its hot loops read several times slower).
 */
async function streamUtf8(chunks: AsyncIterable<Uint8Array>, stream: XmlStream, sink: PartSink, first: Uint8Array): Promise<void> {
  const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
  let tail: Uint8Array = new Uint8Array(0);
  let fresh = true; // the stream holds no text of its own
  const take = (bytes: Uint8Array): void => {
    const end = completeUtf8(bytes);
    const text = utf8.decode(bytes.subarray(0, end));
    if (fresh) stream.feed(text);
    else stream.push(text);
    const back = utf8Length(text, text.length - stream.unconsumed);
    fresh = back >= 0;
    if (fresh) tail = bytes.subarray(end - back);
    else {
      tail = bytes.subarray(end);
      stream.keep();
    }
  };
  /**
   * `chunk` piece by piece; a piece as long as the tail at least, so a long token is decoded a
   * few times at most. A tail that lies just before the piece in the same chunk is taken with it
   * as one view; only across chunks are the two copied together.
   */
  const takeChunk = (chunk: Uint8Array): void => {
    for (let at = 0; at < chunk.length && !sink.done; ) {
      const end = Math.min(chunk.length, at + Math.max(PIECE, tail.length));
      const adjoining = tail.buffer === chunk.buffer && tail.length <= at && tail.byteOffset + tail.length === chunk.byteOffset + at;
      take(!tail.length ? chunk.subarray(at, end) : adjoining ? chunk.subarray(at - tail.length, end) : joined([tail, chunk.subarray(at, end)]));
      // the tail ends the piece: where it lies within this chunk, it is taken as the chunk's
      // view, so the next piece adjoins it (else every piece after a join would be joined too)
      if (tail.buffer !== chunk.buffer && tail.length <= end - at) tail = chunk.subarray(end - tail.length, end);
      at = end;
    }
  };
  const bom = first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf;
  takeChunk(bom ? first.subarray(3) : first);
  for await (const chunk of chunks) {
    if (sink.done) return;
    takeChunk(chunk);
  }
  if (sink.done) return;
  const rest = tail.length ? utf8.decode(tail) : '';
  if (fresh) stream.feed(rest);
  else stream.push(rest);
}

/** Streams `part` into `sink` until the part ends or the sink is done. */
export async function streamPart(source: PackageSource, part: string, sink: PartSink): Promise<void> {
  const stream = new XmlStream(sink);
  sink.attach?.(stream);
  try {
    const it = source.chunks(part)[Symbol.asyncIterator]();
    let first = await it.next();
    while (!first.done && first.value.length === 0) first = await it.next();
    if (first.done) return stream.end();
    const chunks: AsyncIterable<Uint8Array> = { [Symbol.asyncIterator]: () => it };
    const decoder = decoderFor(first.value, part);
    if (decoder.encoding === 'utf-8') await streamUtf8(chunks, stream, sink, first.value);
    else {
      stream.push(decoder.decode(first.value, { stream: true }));
      for await (const chunk of chunks) {
        if (sink.done) break;
        stream.push(decoder.decode(chunk, { stream: true }));
      }
      if (!sink.done) stream.push(decoder.decode());
    }
    if (sink.done) {
      await it.return?.();
      return;
    }
    stream.end();
  } catch (e) {
    throw xmlProblem(e, part);
  }
}

/** A small part (relationships, content types) as text; DOCTYPE refused. */
export async function partText(source: PackageSource, part: string): Promise<string> {
  const pieces: string[] = [];
  let decoder: Decoder | null = null;
  for await (const chunk of source.chunks(part)) {
    if (chunk.length === 0) continue;
    decoder ??= decoderFor(chunk, part);
    pieces.push(decoder.decode(chunk, { stream: true }));
  }
  if (decoder) pieces.push(decoder.decode());
  const text = pieces.join('');
  if (/<!DOCTYPE|<!ENTITY/.test(text)) throw new ReadError('read.doctype', { part });
  return text;
}
