/**
 * An edited worksheet part, written in order as it is made: stretches of the original and the
 * edits, as UTF-8 blocks (Utf8Blocks), never joined into one string. New cells often hold kanji
 * (評価根拠), and joining them with the copied ASCII would make the whole sheet two-byte text.
 * Stretches are copied from the text being read (the frame, or a section of <sheetData>:
 * ./sheetText): as its bytes when it is ASCII, else encoded from it. With a sink (Node: the
 * part's deflater) each block goes there as it fills, so a 100,000-row sheet is never held
 * whole a second time.
 */
import { Utf8Blocks } from '../../xml/utf8Blocks';
import { keepShape } from '../../../domain/base/keptShapes';

export class Pieces {
  private readonly out: Utf8Blocks;
  private ascii: Uint8Array | null = null;

  /** `sink`: takes each block at once (Utf8Blocks) */
  constructor(
    private text: string,
    sink?: (block: Uint8Array) => void,
  ) {
    keepShape(this);
    this.out = new Utf8Blocks(sink);
  }

  /** Copies from now on are of `text`, whose bytes are `ascii` when it is ASCII (null: encoded from the text). */
  read(text: string, ascii: Uint8Array | null): void {
    this.text = text;
    this.ascii = ascii;
  }

  /** the text read from `from` to `to` */
  copy(from: number, to: number): void {
    if (from >= to) return;
    if (this.ascii) this.out.bytes(this.ascii.subarray(from, to));
    else this.out.textRange(this.text, from, to);
  }

  /** new text */
  push(text: string): void {
    this.out.text(text);
  }

  /** new text known to be ASCII (markup, a cell reference) */
  pushAscii(text: string): void {
    this.out.ascii(text);
  }

  /** a non-negative integer, as its digits */
  pushUint(n: number): void {
    this.out.uint(n);
  }

  /** a finite number, as String() writes it */
  pushNumber(n: number): void {
    this.out.number(n);
  }

  /** the blocks written (none kept when a sink took them) */
  done(): Uint8Array[] {
    return this.out.done();
  }
}
