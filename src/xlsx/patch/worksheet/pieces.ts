/**
 * An edited worksheet part, written in order as it is made: stretches of the original and the
 * edits, as UTF-8 blocks (Utf8Blocks), never joined into one string. New cells often hold kanji
 * (評価根拠), and joining them with the copied ASCII would make the whole sheet two-byte text.
 * Stretches are copied from the original's bytes when it is all ASCII (one byte per character:
 * the usual sheet, its text being in the shared strings), and encoded from its text otherwise.
 * With a sink (Node: the part's deflater) each block goes there as it fills, so a
 * 100,000-row sheet is never held whole a second time.
 */
import { Utf8Blocks } from '../../xml/utf8Blocks';

export class Pieces {
  private readonly out: Utf8Blocks;

  /** `ascii`: the part's bytes when its text is all ASCII; `sink`: takes each block at once (Utf8Blocks) */
  constructor(
    private readonly xml: string,
    private readonly ascii: Uint8Array | undefined,
    sink?: (block: Uint8Array) => void,
  ) {
    this.out = new Utf8Blocks(sink);
  }

  /** the original from `from` to `to` */
  copy(from: number, to: number): void {
    if (from >= to) return;
    if (this.ascii) this.out.bytes(this.ascii, from, to);
    else this.out.text(this.xml.slice(from, to));
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
