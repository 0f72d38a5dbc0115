/**
 * A part deflated as it is written (Node): each block that comes is deflated at once (a sync
 * flush, as deflateParts.ts joins blocks) and only its compressed bytes are kept, so a writer
 * making a 70 MB sheet holds about a tenth of it. A part that stays within one block is encoded
 * as any small part is (encodePart: one final block, or stored).
 */
import { crc32, deflateRaw, FINAL_EMPTY_BLOCK } from './compression';
import { encodePart } from './deflateParts';
import { joined, type EncodedPart } from './partBlocks';

/** the level of a part past one block, as deflateParts.ts gives big parts */
const BIG_PART_LEVEL = 1;

export class DeflatingPart {
  /** the first block, kept (copied) until a second one shows the part is big */
  private first: Uint8Array | null = null;
  private readonly out: Uint8Array[] = [];
  private crc = 0;
  private size = 0;

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
    if (!this.out.length) return encodePart(this.first ?? new Uint8Array(0));
    this.out.push(FINAL_EMPTY_BLOCK);
    return { method: 8, crc: this.crc, size: this.size, raw: joined(this.out) };
  }

  private deflate(block: Uint8Array): void {
    this.crc = crc32(block, this.crc);
    this.size += block.length;
    this.out.push(deflateRaw(block, BIG_PART_LEVEL, false));
  }
}
