/**
 * A part's content → its stored form, without ever holding the part as one string or one
 * UTF-8 buffer: text comes in pieces, is encoded a block (about a megabyte) at a time, and each
 * block is deflated on its own; the part's stored bytes are those blocks in order, never joined
 * (compression.ts: sync-flushed blocks and a closing empty block). DeflatingPart does it for
 * blocks as a writer makes them, the big ones on the deflating thread (deflateHelper.ts).
 */
import { crc32, deflateRaw, FINAL_EMPTY_BLOCK } from './compression';
import { crc32Combine } from './codec';
import { DeflatedBlock, DeflateHelper } from './deflateHelper';
import { blocks, contentLength, type EncodedPart, type PartContent } from './partBlocks';

export { contentBytes, type EncodedPart, type PartContent } from './partBlocks';

/**
 * Parts past 64 KB (a summary's lists and their links, a 100,000-row sheet) compress two to
 * three times faster at level 1, 0–25% larger; small ones are quick at either.
 */
function levelFor(content: PartContent): number {
  return contentLength(content) > 1 << 16 ? 1 : 6;
}

/** One block: deflated, or stored when deflate does not make it smaller. */
function single(data: Uint8Array, raw: Uint8Array): EncodedPart {
  const store = raw.length >= data.length;
  return { method: store ? 0 : 8, crc: crc32(data), size: data.length, pieces: [store ? data : raw] };
}

/**
 * A part deflated as it is written: each block that comes is deflated (a sync flush), on the
 * helper's thread when it has room (deflateHelper.ts), and only its compressed bytes are kept, so
 * a writer making a 70 MB sheet holds about a tenth of it. A part that stays within one block is
 * `single`.
 */
export class DeflatingPart {
  /** the first block, kept (copied) until a second one shows the part has several */
  private first: Uint8Array | null = null;
  /** the blocks, deflated here or with the helper */
  private readonly out: DeflatedBlock[] = [];

  /**
   * `level`: the part's, when its size is known ahead (levelFor); else a part of one block is
   * levelled by its size and the blocks of a longer one (levelFor's big parts) at 1.
   */
  constructor(
    private readonly level?: number,
    private readonly helper: DeflateHelper | null = DeflateHelper.shared(),
  ) {}

  /** A block of the part; it is used at once, so the caller may reuse its buffer. */
  write(block: Uint8Array): void {
    if (!block.length) return;
    if (this.first === null && !this.out.length) {
      this.first = block.slice();
      return;
    }
    if (this.first) {
      this.deflate(this.first);
      this.first = null;
    }
    this.deflate(block);
  }

  end(): EncodedPart {
    if (!this.out.length) {
      const data = this.first ?? new Uint8Array(0);
      return single(data, deflateRaw(data, this.level ?? levelFor(data)));
    }
    this.helper?.collectAll(this.out);
    const pieces: Uint8Array[] = [];
    let crc = 0;
    let size = 0;
    for (const b of this.out) {
      pieces.push(b.raw!);
      crc = crc32Combine(crc, b.crc, b.length);
      size += b.length;
    }
    pieces.push(FINAL_EMPTY_BLOCK);
    return { method: 8, crc, size, pieces };
  }

  private deflate(block: Uint8Array): void {
    const level = this.level ?? 1;
    this.out.push(this.helper?.offer(block, level) ?? new DeflatedBlock(block.length, deflateRaw(block, level, false), crc32(block)));
  }
}

export function encodePart(content: PartContent): EncodedPart {
  const part = new DeflatingPart(levelFor(content));
  for (const block of blocks(content)) part.write(block);
  return part.end();
}
