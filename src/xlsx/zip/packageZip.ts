/**
 * A small zip reader/writer for editing .xlsx packages, on any platform: parts we do not change
 * are copied as they are stored (no decompress/recompress), changed parts are encoded once by the
 * platform's ZipCodec (codec.ts), in blocks, never held as one string. The central directory is
 * read and checked by zipDirectory.ts; content is checked against its CRC and size, and inflated
 * within the limits of partLimits.ts. Node uses ZipArchive (zipArchive.ts: native zlib, parts
 * inflated when read); a browser opens a package with `PackageZip.open(bytes, webZip)`, which
 * inflates the parts an editor reads (XML and relationships) up front, as it cannot inflate at once.
 */
import { ReadError } from '../read/readError';
import type { ZipCodec } from './codec';
import { contentBytes, type EncodedPart, type PartContent } from './partBlocks';
import { checkedChunks, InflateBudget, LIMITS } from './partLimits';
import { CENTRAL_HEADER, END_RECORD, LOCAL_HEADER, readZipDirectory, SIG_CENTRAL, SIG_END, SIG_LOCAL, UTF8_FLAG, type StoredEntry } from './zipDirectory';

const utf8Decoder = new TextDecoder('utf-8', { ignoreBOM: true }); // a BOM stays in the text, so it is written back
const utf8Encoder = new TextEncoder();

/** the parts an editor reads as text: inflated up front where the platform cannot inflate at once */
const TEXT_PART = /\.(xml|rels|vml)$/i;

function dosDateTime(d: Date): { time: number; date: number } {
  const year = Math.max(1980, d.getFullYear());
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

function fromDos(time: number, date: number): Date {
  return new Date(((date >> 9) & 0x7f) + 1980, ((date >> 5) & 0xf) - 1, date & 0x1f, (time >> 11) & 0x1f, (time >> 5) & 0x3f, (time & 0x1f) * 2);
}

/** What is written for an entry: its headers' fields and its stored bytes. */
type Stored = Omit<StoredEntry, 'name'>;

export class ZipEntry {
  readonly dir: boolean;
  private decoded?: string;
  /** the stored content inflated (and checked) ahead of use */
  inflated?: Uint8Array;
  constructor(
    readonly name: string,
    private stored: Stored | null,
    private content: PartContent | null,
    public date: Date,
    private readonly codec: ZipCodec,
  ) {
    this.dir = name.endsWith('/');
  }

  /** the entry's content, inflated and checked (CRC, size, the one-part limit) */
  bytes(): Uint8Array {
    if (this.content) return contentBytes(this.content);
    if (this.inflated) return this.inflated;
    const s = this.stored!;
    let data: Uint8Array;
    if (s.method === 0) data = s.raw;
    else if (s.method === 8) {
      if (!this.codec.inflateSync) throw new Error(`${this.name} was not inflated when the package was opened`);
      try {
        data = this.codec.inflateSync(s.raw, LIMITS.partBytes, s.size);
      } catch (e) {
        if (e instanceof RangeError) throw new ReadError('read.partTooLarge', { part: this.name, limit: LIMITS.partBytes / (1 << 20) });
        throw new ReadError('read.damaged', { part: this.name });
      }
    } else throw new ReadError('read.compression', { part: this.name, method: `method ${s.method}` });
    if (data.length !== s.size || this.codec.crc32(data, 0) !== s.crc >>> 0) throw new ReadError('read.crc', { part: this.name });
    return data;
  }

  /** The content in chunks, as it is inflated, counted against `budget` and checked at its end. */
  chunks(budget: InflateBudget): AsyncIterable<Uint8Array> {
    if (this.content || this.inflated) {
      const content = this.bytes();
      return (async function* () {
        yield content;
      })();
    }
    return checkedChunks({ name: this.name, ...this.stored! }, this.codec, budget);
  }

  /** the content as UTF-8 text (decoded once) */
  text(): string {
    const c = this.content;
    if (c && !(c instanceof Uint8Array) && c.every((p) => typeof p === 'string')) return (this.decoded ??= c.join(''));
    return (this.decoded ??= utf8Decoder.decode(this.bytes()));
  }

  /** the content as bytes and as text (decoded once): an editor copies what it keeps from the bytes */
  source(): { bytes: Uint8Array; text: string } {
    const bytes = this.bytes();
    return { bytes, text: (this.decoded ??= utf8Decoder.decode(bytes)) };
  }

  /** stored form to write: the original compressed bytes when unchanged */
  encoded(): Stored {
    if (this.stored) return this.stored;
    if (!this.codec.encodeSync) throw new Error('this platform encodes parts asynchronously: use toBytesAsync()');
    return this.withHeaders(this.codec.encodeSync(this.content!));
  }

  /** encoded(), asynchronously (Node: blocks deflated on the thread pool) */
  async encodedAsync(): Promise<Stored> {
    return this.stored ?? this.withHeaders(await this.codec.encode(this.content!));
  }

  /** Takes the part as already encoded. */
  setEncoded(part: EncodedPart): void {
    this.stored = this.withHeaders(part);
    this.content = null;
  }

  private withHeaders(part: EncodedPart): Stored {
    const { time, date } = dosDateTime(this.date);
    return { ...part, flags: UTF8_FLAG, time, date, nameBytes: utf8Encoder.encode(this.name), externalAttr: 0 };
  }
}

export class PackageZip {
  readonly files: Record<string, ZipEntry> = Object.create(null);
  private order: string[] = [];

  constructor(protected readonly codec: ZipCodec) {}

  /**
   * A package to edit, on any platform: where the codec cannot inflate at once, the XML and
   * relationship parts are inflated (checked, within the limits) now.
   */
  static async open(data: Uint8Array, codec: ZipCodec): Promise<PackageZip> {
    const zip = new PackageZip(codec);
    zip.readDirectory(data);
    if (!codec.inflateSync) {
      const budget = new InflateBudget();
      for (const name of zip.order) {
        const e = zip.files[name];
        if (e.dir || !TEXT_PART.test(name)) continue;
        const parts: Uint8Array[] = [];
        for await (const chunk of e.chunks(budget)) parts.push(chunk);
        e.inflated = parts.length === 1 ? parts[0] : contentBytes(parts);
      }
    }
    return zip;
  }

  protected readDirectory(data: Uint8Array): void {
    for (const e of readZipDirectory(data)) {
      const { name, ...stored } = e;
      this.files[name] = new ZipEntry(name, stored, null, fromDos(e.time, e.date), this.codec);
      this.order.push(name);
    }
  }

  /** Sets a part's content (a string, or pieces of one, is written as UTF-8). */
  file(name: string, content: string | PartContent, opts: { date?: Date } = {}): this {
    const prev = this.files[name];
    if (!prev) this.order.push(name);
    this.files[name] = new ZipEntry(name, null, typeof content === 'string' ? [content] : content, opts.date ?? prev?.date ?? new Date(Date.UTC(1980, 0, 1)), this.codec);
    return this;
  }

  /** A part encoded by its writer (DeflatingPart, deflateParts.ts). */
  fileEncoded(name: string, part: EncodedPart, opts: { date?: Date } = {}): this {
    this.file(name, new Uint8Array(0), opts);
    this.files[name].setEncoded(part);
    return this;
  }

  remove(name: string): this {
    if (this.files[name]) {
      delete this.files[name];
      this.order = this.order.filter((n) => n !== name);
    }
    return this;
  }

  toBytes(): Uint8Array {
    return this.assemble(this.order.map((name) => this.files[name].encoded()));
  }

  /** toBytes(), the changed parts encoded asynchronously (Node: several cores at once) */
  async toBytesAsync(): Promise<Uint8Array> {
    return this.assemble(await Promise.all(this.order.map((name) => this.files[name].encodedAsync())));
  }

  private assemble(entries: Stored[]): Uint8Array {
    const dataSize = entries.reduce((n, e) => n + LOCAL_HEADER + e.nameBytes.length + e.raw.length, 0);
    const cdSize = entries.reduce((n, e) => n + CENTRAL_HEADER + e.nameBytes.length, 0);
    const out = new Uint8Array(dataSize + cdSize + END_RECORD);
    const view = new DataView(out.buffer);
    let at = 0;
    let cd = dataSize;
    for (const e of entries) {
      writeHeader(view, at, 'local', e, 0);
      out.set(e.nameBytes, at + LOCAL_HEADER);
      out.set(e.raw, at + LOCAL_HEADER + e.nameBytes.length);
      writeHeader(view, cd, 'central', e, at);
      out.set(e.nameBytes, cd + CENTRAL_HEADER);
      at += LOCAL_HEADER + e.nameBytes.length + e.raw.length;
      cd += CENTRAL_HEADER + e.nameBytes.length;
    }
    view.setUint32(cd, SIG_END, true);
    view.setUint16(cd + 8, entries.length, true);
    view.setUint16(cd + 10, entries.length, true);
    view.setUint32(cd + 12, cdSize, true);
    view.setUint32(cd + 16, dataSize, true);
    return out;
  }
}

/**
 * A local file header or a central directory header (without the name). Both carry the same
 * fields from "flags" on; the central one has "version made by" before them and the local
 * header's offset after.
 */
function writeHeader(view: DataView, at: number, kind: 'local' | 'central', e: Stored, localOffset: number): void {
  const central = kind === 'central';
  view.setUint32(at, central ? SIG_CENTRAL : SIG_LOCAL, true);
  let p = at + 4;
  if (central) {
    view.setUint16(p, 20, true); // version made by
    p += 2;
  }
  view.setUint16(p, 20, true); // version needed to extract
  view.setUint16(p + 2, e.flags, true);
  view.setUint16(p + 4, e.method, true);
  view.setUint16(p + 6, e.time, true);
  view.setUint16(p + 8, e.date, true);
  view.setUint32(p + 10, e.crc, true);
  view.setUint32(p + 14, e.raw.length, true);
  view.setUint32(p + 18, e.size, true);
  view.setUint16(p + 22, e.nameBytes.length, true);
  // extra field length, and in the central header: comment length, disk, internal attributes: all 0
  if (central) {
    view.setUint32(at + 38, e.externalAttr, true);
    view.setUint32(at + 42, localOffset, true);
  }
}
