/**
 * An edited worksheet part, written in order as it is made: stretches of the original and the
 * edits, as UTF-8 blocks (Utf8Blocks), never joined into one string. New cells often hold kanji
 * (評価根拠), and joining them with the copied ASCII would make the whole sheet two-byte text.
 * Stretches of the original are encoded from its text as they are copied, so the part's inflated
 * bytes are let go once decoded. With a sink (Node: the part's deflater) each block goes there as it fills, so a
 * 100,000-row sheet is never held whole a second time.
 */
import { Utf8Blocks } from '../../xml/utf8Blocks';

export class Pieces {
  private readonly out: Utf8Blocks;

  /** `sink`: takes each block at once (Utf8Blocks) */
  constructor(
    private readonly xml: string,
    sink?: (block: Uint8Array) => void,
  ) {
    this.out = new Utf8Blocks(sink);
  }

  /** the original from `from` to `to` */
  copy(from: number, to: number): void {
    if (from < to) this.out.textRange(this.xml, from, to);
  }

  /** new text */
  push(text: string): void {
    this.out.text(text);
  }

  /** the blocks written (none kept when a sink took them) */
  done(): Uint8Array[] {
    return this.out.done();
  }
}
