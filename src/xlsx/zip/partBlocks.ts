/**
 * A part's content and its stored form, without any platform API: text comes in pieces and is
 * encoded a block (about a megabyte) at a time, never held as one string or one UTF-8 buffer.
 * The deflaters (deflateParts.ts on Node, webCodec.ts in a browser) take the blocks from here.
 */

/** A part's content: bytes, or pieces of text (UTF-8 on writing) and of UTF-8 bytes, in order. */
export type PartContent = Uint8Array | readonly (string | Uint8Array)[];

export interface EncodedPart {
  /** 0 stored, 8 deflated */
  method: number;
  crc: number;
  /** inflated size */
  size: number;
  /**
   * The stored bytes in the pieces they were made in, in order (a deflated part's blocks): a
   * writer sends them on as they are, so a big part is never copied into one buffer.
   */
  pieces: readonly Uint8Array[];
}

/** The pieces as one buffer (reading a stored part back): the piece itself when there is one. */
export function piecesJoined(pieces: readonly Uint8Array[]): Uint8Array {
  return pieces.length === 1 ? pieces[0] : joined(pieces);
}

/** UTF-16 units of text per block (1–3 MB of UTF-8) */
const BLOCK_CHARS = 1 << 20;
const BLOCK_BYTES = 1 << 21;
/** a piece of text this long is encoded on its own, not joined with others first */
const BIG_PIECE = 1 << 16;

const encoder = new TextEncoder();

export function contentLength(content: PartContent): number {
  if (content instanceof Uint8Array) return content.length;
  let n = 0;
  for (const p of content) n += p.length;
  return n;
}

/** The content as one UTF-8 buffer (small parts, reading back what was set). */
export function contentBytes(content: PartContent): Uint8Array {
  if (content instanceof Uint8Array) return content;
  return joined(content.map((p) => (typeof p === 'string' ? encoder.encode(p) : p)));
}

const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** The content as one string (small parts, tests, a part edited twice). */
export function contentText(content: PartContent): string {
  if (!(content instanceof Uint8Array) && content.every((p) => typeof p === 'string')) return content.join('');
  return decoder.decode(contentBytes(content));
}

/** A cut at or just before `at` that does not split a surrogate pair. */
function safeCut(s: string, at: number): number {
  const c = s.charCodeAt(at - 1);
  return c >= 0xd800 && c <= 0xdbff ? at - 1 : at;
}

/**
 * The content as UTF-8 blocks, made one at a time: small pieces of text are joined up to a
 * block; big pieces of text and bytes are blocks of their own (split past a block's size).
 */
export function* blocks(content: PartContent): Generator<Uint8Array> {
  if (content instanceof Uint8Array) {
    yield content.subarray(0, BLOCK_BYTES);
    for (let i = BLOCK_BYTES; i < content.length; i += BLOCK_BYTES) yield content.subarray(i, i + BLOCK_BYTES);
    return;
  }
  const batch = new Batch();
  /** some block was yielded */
  let any = false;
  for (const piece of content) {
    if (typeof piece === 'string' && piece.length < BIG_PIECE) {
      if (batch.add(piece) < BLOCK_CHARS) continue;
      yield batch.take()!;
      any = true;
      continue;
    }
    // bytes, or a long text: what is gathered goes first, then the piece in blocks of its own
    const gathered = batch.take();
    if (gathered) yield gathered;
    if (typeof piece === 'string') yield* bigPieceBlocks(piece);
    else for (let i = 0; i < piece.length; i += BLOCK_BYTES) yield piece.subarray(i, i + BLOCK_BYTES);
    any ||= gathered !== null || piece.length > 0;
  }
  const last = batch.take();
  if (last || !any) yield last ?? encoder.encode('');
}

/** Small pieces of text gathered up to a block. */
class Batch {
  private pieces: string[] = [];
  private chars = 0;

  /** adds a piece; the characters gathered */
  add(piece: string): number {
    this.pieces.push(piece);
    return (this.chars += piece.length);
  }

  /** the pieces gathered as one block, or null when there are none; the batch starts again */
  take(): Uint8Array | null {
    const p = this.pieces;
    if (!p.length) return null;
    this.pieces = [];
    this.chars = 0;
    return encoder.encode(p.length === 1 ? p[0] : p.join(''));
  }
}

/** A long text in blocks (cut where no surrogate pair is split). */
function* bigPieceBlocks(piece: string): Generator<Uint8Array> {
  for (let i = 0; i < piece.length; ) {
    const end = i + BLOCK_CHARS >= piece.length ? piece.length : safeCut(piece, i + BLOCK_CHARS);
    yield encoder.encode(i === 0 && end === piece.length ? piece : piece.slice(i, end));
    i = end;
  }
}

export function joined(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

