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
import { contentBytes, joined, piecesJoined, type EncodedPart, type PartContent } from './partBlocks';
import { checkedChunks, InflateBudget, LIMITS } from './partLimits';
import { readZipDirectory } from './zipDirectory';
import { storedEntry, ZipWriter, type Stored } from './zipWriter';

const utf8Decoder = new TextDecoder('utf-8', { ignoreBOM: true }); // a BOM stays in the text, so it is written back

/** the parts an editor reads as text: inflated up front where the platform cannot inflate at once */
const TEXT_PART = /\.(xml|rels|vml)$/i;

function fromDos(time: number, date: number): Date {
  return new Date(((date >> 9) & 0x7f) + 1980, ((date >> 5) & 0xf) - 1, date & 0x1f, (time >> 11) & 0x1f, (time >> 5) & 0x3f, (time & 0x1f) * 2);
}

/** Content already at hand, as the one chunk of an async iterable (a generator function made per call would give each its own hidden class). */
async function* oneChunk(content: Uint8Array): AsyncGenerator<Uint8Array> {
  yield content;
}

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
    if (s.method === 0) return this.checked(piecesJoined(s.pieces));
    if (s.method !== 8) throw new ReadError('read.compression', { part: this.name, method: `method ${s.method}` });
    if (!this.codec.inflateSync) throw new Error(`${this.name} was not inflated when the package was opened`);
    try {
      return this.checked(this.codec.inflateSync(piecesJoined(s.pieces), LIMITS.partBytes, s.size));
    } catch (e) {
      throw this.inflateError(e);
    }
  }

  /** bytes(), inflated on another thread where the platform can: the caller goes on meanwhile */
  async bytesAsync(): Promise<Uint8Array> {
    const s = this.stored;
    if (this.content || this.inflated || !s || s.method !== 8 || !this.codec.inflateAsync) return this.bytes();
    let data: Uint8Array;
    try {
      data = await this.codec.inflateAsync(piecesJoined(s.pieces), LIMITS.partBytes, s.size);
    } catch (e) {
      throw this.inflateError(e);
    }
    return this.checked(data);
  }

  /** `data` when it has the stored size and CRC */
  private checked(data: Uint8Array): Uint8Array {
    const s = this.stored!;
    if (data.length !== s.size || this.codec.crc32(data, 0) !== s.crc >>> 0) throw new ReadError('read.crc', { part: this.name });
    return data;
  }

  private inflateError(e: unknown): ReadError {
    if (e instanceof ReadError) return e;
    if (e instanceof RangeError) return new ReadError('read.partTooLarge', { part: this.name, limit: LIMITS.partBytes / (1 << 20) });
    return new ReadError('read.damaged', { part: this.name });
  }

  /** The content in chunks, as it is inflated, counted against `budget` and checked at its end. */
  chunks(budget: InflateBudget): AsyncIterable<Uint8Array> {
    if (this.content || this.inflated) {
      return oneChunk(this.bytes());
    }
    const s = this.stored!;
    return checkedChunks({ name: this.name, method: s.method, crc: s.crc, size: s.size, raw: piecesJoined(s.pieces) }, this.codec, budget);
  }

  /** the content as UTF-8 text (decoded once) */
  text(): string {
    const c = this.content;
    if (c && !(c instanceof Uint8Array) && c.every((p) => typeof p === 'string')) return (this.decoded ??= c.join(''));
    if (this.decoded === undefined) {
      this.decoded = utf8Decoder.decode(this.bytes());
      // bytes inflated ahead only to be decoded: where the platform inflates at once, they go
      if (this.codec.inflateSync) this.inflated = undefined;
    }
    return this.decoded;
  }

  /** stored form to write: the original compressed bytes when unchanged */
  encoded(): Stored {
    if (this.stored) return this.stored;
    if (!this.codec.encodeSync) throw new Error('this platform encodes parts asynchronously: use toBytesAsync()');
    return this.withHeaders(this.codec.encodeSync(this.content!));
  }

  /** encoded(), asynchronously (the pane's CompressionStream) */
  async encodedAsync(): Promise<Stored> {
    return this.stored ?? this.withHeaders(await this.codec.encode(this.content!));
  }

  /** Takes the part as already encoded. */
  setEncoded(part: EncodedPart): void {
    this.stored = this.withHeaders(part);
    this.content = null;
  }

  private withHeaders(part: EncodedPart): Stored {
    return storedEntry(this.name, part, this.date);
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
      const { name, raw, ...fields } = e;
      this.files[name] = new ZipEntry(name, { ...fields, pieces: [raw] }, null, fromDos(e.time, e.date), this.codec);
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
    return joined(inOrder(this.order.map((name) => this.files[name].encoded())));
  }

  /** toBytes(), the changed parts encoded asynchronously (Node: several cores at once) */
  async toBytesAsync(): Promise<Uint8Array> {
    return joined(await this.toChunksAsync());
  }

  /** toBytesAsync() in the pieces it is made of, in order: for a writer that sends them on as they are */
  async toChunksAsync(): Promise<Uint8Array[]> {
    return inOrder(await Promise.all(this.order.map((name) => this.files[name].encodedAsync())));
  }
}

/** The entries' headers and bytes in the package's order, the central directory last. */
function inOrder(entries: Stored[]): Uint8Array[] {
  const zip = new ZipWriter();
  const chunks = entries.flatMap((e) => zip.entry(e));
  chunks.push(zip.end());
  return chunks;
}
