/**
 * A big part written straight into UTF-8 bytes, in blocks of a megabyte: markup, numbers and
 * cell references go in byte by byte, so writing a cell makes no string at all. For the
 * summary's sheet (millions of cells, all markup and numbers: its text is in shared strings).
 */
import { keepShape } from '../../domain/base/keptShapes';
const BLOCK = 1 << 20;
const encoder = new TextEncoder();
/** text up to this many characters is encoded in JavaScript; longer, by TextEncoder (faster from about 32 on, counting the slice and the view it needs) */
const SHORT = 32;

/**
 * Blocks of writers done with a sink, for the next writer: a fresh megabyte costs its zeroing and
 * page faults (a summary writes a dozen parts, most of them small).
 */
const spare: Uint8Array[] = [];
const SPARE = 2;

export class Utf8Blocks {
  private readonly blocks: Uint8Array[] = [];
  private buf: Uint8Array;
  private at = 0;

  /**
   * `sink`: where full blocks go instead of being kept (it must use a block at once: the buffer
   * is written over next, and by the next writer once done() has handed it the last one).
   */
  constructor(private sink?: (block: Uint8Array) => void) {
    keepShape(this);
    this.buf = (sink && spare.pop()) || new Uint8Array(BLOCK);
  }

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

  /** A finite number as String() writes it; a whole one (up to 2^53) digit by digit, without making a string. */
  number(n: number): void {
    if (!Number.isSafeInteger(n)) return this.ascii(String(n));
    if (n < 0) this.ascii('-');
    this.uint(Math.abs(n));
  }

  /** Bytes that are UTF-8 already (a stretch of an original part), as they are. */
  bytes(b: Uint8Array): void {
    if (this.at + b.length > this.buf.length) this.next(b.length);
    this.buf.set(b, this.at);
    this.at += b.length;
  }

  /** Any text (already escaped for XML), as UTF-8. */
  text(s: string): void {
    this.textRange(s, 0, s.length);
  }

  /**
   * Text (already escaped for XML) from `from` to `to` of `s`. A short stretch is encoded here,
   * character by character, sparing a substring and a view of the block each (a summary writes
   * hundreds of thousands of names); a long one goes to TextEncoder.
   */
  textRange(s: string, from: number, to: number): void {
    const n = to - from;
    if (this.at + n * 3 > this.buf.length) this.next(n * 3);
    if (n > SHORT) {
      this.at += encoder.encodeInto(from === 0 && to === s.length ? s : s.slice(from, to), this.buf.subarray(this.at)).written;
      return;
    }
    const buf = this.buf;
    let at = this.at;
    for (let i = from; i < to; i++) {
      let c = s.charCodeAt(i);
      if (c < 0x80) {
        buf[at++] = c;
        continue;
      }
      if (c < 0x800) {
        buf[at++] = 0xc0 | (c >> 6);
        buf[at++] = 0x80 | (c & 0x3f);
        continue;
      }
      if (c >= 0xd800 && c <= 0xdfff) {
        const low = i + 1 < to ? s.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
          i++;
          buf[at++] = 0xf0 | (c >> 18);
          buf[at++] = 0x80 | ((c >> 12) & 0x3f);
          buf[at++] = 0x80 | ((c >> 6) & 0x3f);
          buf[at++] = 0x80 | (c & 0x3f);
          continue;
        }
        c = 0xfffd; // a lone surrogate, as TextEncoder writes it
      }
      buf[at++] = 0xe0 | (c >> 12);
      buf[at++] = 0x80 | ((c >> 6) & 0x3f);
      buf[at++] = 0x80 | (c & 0x3f);
    }
    this.at = at;
  }

  /** the bytes written, in blocks (none kept when they went to the sink) */
  done(): Uint8Array[] {
    if (this.at) this.emit(this.buf.subarray(0, this.at));
    if (this.sink && this.buf.length === BLOCK && spare.length < SPARE) spare.push(this.buf);
    this.buf = new Uint8Array(0);
    this.at = 0;
    // kept for its shape (keptShapes), this object must not hold the sink and what its closure holds
    this.sink = undefined;
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
