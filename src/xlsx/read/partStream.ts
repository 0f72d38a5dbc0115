/**
 * One part of a package through the streaming tokenizer: inflated chunks are decoded (UTF-8,
 * or UTF-16 or the encoding the XML declaration names) and pushed on as they come. A sink
 * that has what it needs sets `done`, and inflating stops there.
 */
import { ReadError } from './readError';
import type { PackageSource } from './source';
import { XmlStream, XmlStreamError, type XmlSink } from './xmlStream';

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

/** Streams `part` into `sink` until the part ends or the sink is done. */
export async function streamPart(source: PackageSource, part: string, sink: PartSink): Promise<void> {
  const stream = new XmlStream(sink);
  sink.attach?.(stream);
  let decoder: Decoder | null = null;
  try {
    for await (const chunk of source.chunks(part)) {
      if (chunk.length === 0) continue;
      decoder ??= decoderFor(chunk, part);
      stream.push(decoder.decode(chunk, { stream: true }));
      if (sink.done) return;
    }
    if (decoder) stream.push(decoder.decode());
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
