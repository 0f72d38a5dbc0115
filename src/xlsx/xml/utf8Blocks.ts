/**
 * A big part written straight into UTF-8 bytes, in blocks of a megabyte: markup, numbers and
 * cell references go in byte by byte, so writing a cell makes no string at all. For the
 * summary's sheet (millions of cells, all markup and numbers: its text is in shared strings).
 */
const BLOCK = 1 << 20;
const encoder = new TextEncoder();

export class Utf8Blocks {
  private readonly blocks: Uint8Array[] = [];
  private buf = new Uint8Array(BLOCK);
  private at = 0;

  /**
   * `sink`: where full blocks go instead of being kept (it must use a block at once: the buffer
   * is written over next); done() then hands it the last one.
   */
  constructor(private readonly sink?: (block: Uint8Array) => void) {}

  /** Text known to be ASCII (markup, numbers, cell references). */
  ascii(s: string): void {
    const n = s.length;
    if (this.at + n > this.buf.length) this.next(n);
    const buf = this.buf;
    let at = this.at;
    for (let i = 0; i < n; i++) buf[at++] = s.charCodeAt(i);
    this.at = at;
  }

  /** A non-negative integer, digit by digit (no string made: a cell has three of them). */
  uint(n: number): void {
    let digits = 1;
    for (let t = n; t >= 10; t = Math.floor(t / 10)) digits++;
    if (this.at + digits > this.buf.length) this.next(digits);
    const buf = this.buf;
    for (let i = this.at + digits - 1; i >= this.at; i--) {
      buf[i] = 48 + (n % 10);
      n = Math.floor(n / 10);
    }
    this.at += digits;
  }

  /** Any text (already escaped for XML), as UTF-8. */
  text(s: string): void {
    if (this.at + s.length * 3 > this.buf.length) this.next(s.length * 3);
    this.at += encoder.encodeInto(s, this.buf.subarray(this.at)).written;
  }

  /**
   * Text (already escaped for XML) from `from` to `to` of `s`: a short stretch character by
   * character while it is ASCII, sparing a substring each; the rest, and a long one, encoded.
   */
  textRange(s: string, from: number, to: number): void {
    const n = to - from;
    if (n > 256) return this.text(s.slice(from, to));
    if (this.at + n * 3 > this.buf.length) this.next(n * 3);
    const buf = this.buf;
    let at = this.at;
    for (let i = from; i < to; i++) {
      const c = s.charCodeAt(i);
      if (c >= 128) {
        this.at = at;
        return this.text(s.slice(i, to));
      }
      buf[at++] = c;
    }
    this.at = at;
  }

  /** the bytes written, in blocks (none kept when they went to the sink) */
  done(): Uint8Array[] {
    if (this.at) this.emit(this.buf.subarray(0, this.at));
    this.buf = new Uint8Array(0);
    this.at = 0;
    return this.blocks;
  }

  private next(need: number): void {
    if (this.at) this.emit(this.buf.subarray(0, this.at));
    if (!this.sink || need > this.buf.length) this.buf = new Uint8Array(Math.max(BLOCK, need));
    this.at = 0;
  }

  private emit(block: Uint8Array): void {
    if (this.sink) this.sink(block);
    else this.blocks.push(block);
  }
}
