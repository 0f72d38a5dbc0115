/**
 * A small zip reader/writer for editing .xlsx packages: parts we do not change are copied as
 * they are stored (no decompress/recompress), changed parts are deflated once. Compression
 * and CRC come from ./compression (native zlib on Node), so a 100,000-row workbook is
 * patched in a fraction of a pure-JavaScript zip's time.
 * Refuses, with a ReadError that names it, what it cannot read faithfully: a cut-off file,
 * encrypted entries, ZIP64, split archives, two entries of one name; content is checked
 * against its CRC and size, and inflated within the limits of partLimits.ts.
 */
import { ReadError } from '../read/readError';
import { crc32, deflateRaw, inflateRaw, inflateRawChunks } from './compression';
import { checkedChunks, LIMITS, type InflateBudget } from './partLimits';

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_END64_LOCATOR = 0x07064b50;
const UTF8_FLAG = 0x0800;
/** bit 3: sizes and CRC follow the data; we always write them in the headers */
const DATA_DESCRIPTOR_FLAG = 0x0008;
const LOCAL_HEADER = 30;
const CENTRAL_HEADER = 46;
const END_RECORD = 22;

const utf8Decoder = new TextDecoder('utf-8', { ignoreBOM: true }); // a BOM stays in the text, so it is written back
const utf8Encoder = new TextEncoder();

/** UTF-8 of the pieces' concatenation, without ever making that one string. */
function encodePieces(pieces: readonly string[]): Uint8Array {
  const encoded = pieces.map((p) => utf8Encoder.encode(p));
  const out = new Uint8Array(encoded.reduce((n, e) => n + e.length, 0));
  let at = 0;
  for (const e of encoded) {
    out.set(e, at);
    at += e.length;
  }
  return out;
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}

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

/** An entry as the archive stores it. */
interface Stored {
  method: number;
  flags: number;
  time: number;
  date: number;
  crc: number;
  size: number;
  /** compressed bytes as stored */
  raw: Uint8Array;
  nameBytes: Uint8Array;
  externalAttr: number;
}

export class ZipEntry {
  readonly dir: boolean;
  private decoded?: string;
  constructor(
    readonly name: string,
    private stored: Stored | null,
    private content: Uint8Array | null,
    public date: Date,
  ) {
    this.dir = name.endsWith('/');
  }

  /** the entry's content, inflated and checked (CRC, size, the one-part limit) */
  bytes(): Uint8Array {
    if (this.content) return this.content;
    const s = this.stored!;
    let data: Uint8Array;
    if (s.method === 0) data = s.raw;
    else if (s.method === 8) {
      try {
        data = inflateRaw(s.raw, LIMITS.partBytes);
      } catch (e) {
        if (e instanceof RangeError) throw new ReadError('read.partTooLarge', { part: this.name, limit: LIMITS.partBytes / (1 << 20) });
        throw new ReadError('read.damaged', { part: this.name });
      }
    } else throw new ReadError('read.compression', { part: this.name, method: `method ${s.method}` });
    if (data.length !== s.size || crc32(data) !== s.crc >>> 0) throw new ReadError('read.crc', { part: this.name });
    return data;
  }

  /** The content in chunks, as it is inflated, counted against `budget` and checked at its end. */
  chunks(budget: InflateBudget): AsyncIterable<Uint8Array> {
    if (this.content) {
      const content = this.content;
      return (async function* () {
        yield content;
      })();
    }
    return checkedChunks({ name: this.name, ...this.stored! }, { inflateRawChunks, crc32 }, budget);
  }

  /** the content as UTF-8 text (decoded once) */
  text(): string {
    return (this.decoded ??= utf8Decoder.decode(this.bytes()));
  }

  /** stored form to write: the original compressed bytes when unchanged */
  encoded(): Stored {
    if (this.stored) return this.stored;
    const data = this.content!;
    // big parts (a 100,000-row sheet) compress several times faster at level 1, ~20% larger
    const raw = deflateRaw(data, data.length > 1 << 20 ? 1 : 6);
    const useStore = raw.length >= data.length;
    const { time, date } = dosDateTime(this.date);
    return {
      method: useStore ? 0 : 8,
      flags: UTF8_FLAG,
      time,
      date,
      crc: crc32(data),
      size: data.length,
      raw: useStore ? data : raw,
      nameBytes: utf8Encoder.encode(this.name),
      externalAttr: 0,
    };
  }
}

export class ZipArchive {
  readonly files: Record<string, ZipEntry> = Object.create(null);
  private order: string[] = [];

  static load(data: Uint8Array): ZipArchive {
    const view = new DataView(data.buffer, data.byteOffset, data.length);
    const u32 = (at: number) => view.getUint32(at, true);
    const u16 = (at: number) => view.getUint16(at, true);
    const within = (at: number, length: number) => at >= 0 && at + length <= data.length;
    let end = -1;
    for (let i = data.length - END_RECORD; i >= Math.max(0, data.length - END_RECORD - 0xffff); i--) {
      if (u32(i) === SIG_END) {
        end = i;
        break;
      }
    }
    if (end < 0) throw new ReadError('read.truncated');
    const disk = u16(end + 4);
    const cdDisk = u16(end + 6);
    const countHere = u16(end + 8);
    const count = u16(end + 10);
    const cdSize = u32(end + 12);
    const cdOffset = u32(end + 16);
    if ((end >= 20 && u32(end - 20) === SIG_END64_LOCATOR) || count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) throw new ReadError('read.zip64');
    if (disk !== 0 || cdDisk !== 0 || countHere !== count) throw new ReadError('read.multiDisk');
    if (cdOffset + cdSize > end) throw new ReadError('read.truncated');
    const zip = new ZipArchive();
    let p = cdOffset;
    for (let n = 0; n < count; n++) {
      if (!within(p, CENTRAL_HEADER) || u32(p) !== SIG_CENTRAL) throw new ReadError('read.truncated');
      const flags = u16(p + 8);
      const method = u16(p + 10);
      const time = u16(p + 12);
      const date = u16(p + 14);
      const crc = u32(p + 16);
      const csize = u32(p + 20);
      const size = u32(p + 24);
      const nameLen = u16(p + 28);
      const extraLen = u16(p + 30);
      const commentLen = u16(p + 32);
      const externalAttr = u32(p + 38);
      const local = u32(p + 42);
      if (!within(p + CENTRAL_HEADER, nameLen)) throw new ReadError('read.truncated');
      const nameBytes = data.slice(p + CENTRAL_HEADER, p + CENTRAL_HEADER + nameLen);
      const name = flags & UTF8_FLAG ? utf8Decoder.decode(nameBytes) : latin1(nameBytes);
      if (flags & 1) throw new ReadError('read.encrypted');
      if (csize === 0xffffffff || size === 0xffffffff || local === 0xffffffff) throw new ReadError('read.zip64');
      if (!within(local, LOCAL_HEADER) || u32(local) !== SIG_LOCAL) throw new ReadError('read.truncated');
      const dataStart = local + LOCAL_HEADER + u16(local + 26) + u16(local + 28);
      if (!within(dataStart, csize)) throw new ReadError('read.truncated');
      // a second entry of the same name would silently replace the first
      if (zip.files[name]) throw new ReadError('read.duplicateEntry', { part: name });
      const raw = data.subarray(dataStart, dataStart + csize);
      const stored: Stored = { method, flags: flags & ~DATA_DESCRIPTOR_FLAG, time, date, crc, size, raw, nameBytes, externalAttr };
      zip.files[name] = new ZipEntry(name, stored, null, fromDos(time, date));
      zip.order.push(name);
      p += CENTRAL_HEADER + nameLen + extraLen + commentLen;
    }
    return zip;
  }

  /** Sets a part's content (a string, or pieces of one, is written as UTF-8). */
  file(name: string, content: string | readonly string[] | Uint8Array, opts: { date?: Date } = {}): this {
    const bytes = typeof content === 'string' ? utf8Encoder.encode(content) : content instanceof Uint8Array ? content : encodePieces(content);
    const prev = this.files[name];
    if (!prev) this.order.push(name);
    this.files[name] = new ZipEntry(name, null, bytes, opts.date ?? prev?.date ?? new Date(Date.UTC(1980, 0, 1)));
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
    const entries = this.order.map((name) => this.files[name].encoded());
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
