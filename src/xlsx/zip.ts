/**
 * A small zip reader/writer for editing .xlsx packages with Node's native zlib: parts we do
 * not change are copied as they are stored (no decompress/recompress), changed parts are
 * deflated once. It offers the subset of JSZip's interface the patch code uses, so a
 * 100,000-row workbook is patched in a fraction of JSZip's pure-JavaScript time.
 * Refuses what it cannot copy faithfully: encrypted entries, ZIP64, split archives.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import * as zlib from 'node:zlib';

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const UTF8_FLAG = 0x0800;

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

const nativeCrc = (zlib as unknown as { crc32?: (data: Uint8Array) => number }).crc32;

export function crc32(data: Uint8Array): number {
  if (nativeCrc) return nativeCrc(data) >>> 0;
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
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
  private text?: string;
  constructor(
    readonly name: string,
    private stored: Stored | null,
    private content: Uint8Array | null,
    public date: Date,
  ) {
    this.dir = name.endsWith('/');
  }

  bytes(): Uint8Array {
    if (this.content) return this.content;
    const s = this.stored!;
    if (s.method === 0) return s.raw;
    if (s.method === 8) return inflateRawSync(s.raw);
    throw new Error(`unsupported compression method ${s.method} in ${this.name}`);
  }

  /** JSZip-compatible: entry.async('string') */
  async async(type: 'string'): Promise<string> {
    if (type !== 'string') throw new Error('only string content is supported');
    return this.string();
  }

  string(): string {
    return (this.text ??= Buffer.from(this.bytes()).toString('utf8'));
  }

  /** stored form to write: the original compressed bytes when unchanged */
  encoded(): Stored {
    if (this.stored) return this.stored;
    const data = this.content!;
    // big parts (a 100,000-row sheet) compress several times faster at level 1, ~20% larger
    const raw = deflateRawSync(data, { level: data.length > 1 << 20 ? 1 : 6 });
    const useStore = raw.length >= data.length;
    const { time, date } = dosDateTime(this.date);
    return {
      method: useStore ? 0 : 8,
      flags: UTF8_FLAG,
      time,
      date,
      crc: crc32(data),
      size: data.length,
      raw: useStore ? data : new Uint8Array(raw.buffer, raw.byteOffset, raw.length),
      nameBytes: Buffer.from(this.name, 'utf8'),
      externalAttr: 0,
    };
  }
}

export class ZipArchive {
  readonly files: Record<string, ZipEntry> = Object.create(null);
  private order: string[] = [];

  static async loadAsync(data: Uint8Array): Promise<ZipArchive> {
    return ZipArchive.load(data);
  }

  static load(data: Uint8Array): ZipArchive {
    const buf = Buffer.from(data.buffer, data.byteOffset, data.length);
    let end = -1;
    for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
      if (buf.readUInt32LE(i) === SIG_END) {
        end = i;
        break;
      }
    }
    if (end < 0) throw new Error('not a zip file (no end of central directory)');
    const disk = buf.readUInt16LE(end + 4);
    const count = buf.readUInt16LE(end + 10);
    const cdSize = buf.readUInt32LE(end + 12);
    const cdOffset = buf.readUInt32LE(end + 16);
    if (disk !== 0) throw new Error('split zip archives are not supported');
    if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) throw new Error('ZIP64 archives are not supported');
    const zip = new ZipArchive();
    let p = cdOffset;
    for (let n = 0; n < count; n++) {
      if (buf.readUInt32LE(p) !== SIG_CENTRAL) throw new Error('corrupt central directory');
      const flags = buf.readUInt16LE(p + 8);
      const method = buf.readUInt16LE(p + 10);
      const time = buf.readUInt16LE(p + 12);
      const date = buf.readUInt16LE(p + 14);
      const crc = buf.readUInt32LE(p + 16);
      const csize = buf.readUInt32LE(p + 20);
      const size = buf.readUInt32LE(p + 24);
      const nameLen = buf.readUInt16LE(p + 28);
      const extraLen = buf.readUInt16LE(p + 30);
      const commentLen = buf.readUInt16LE(p + 32);
      const externalAttr = buf.readUInt32LE(p + 38);
      const local = buf.readUInt32LE(p + 42);
      const nameBytes = new Uint8Array(buf.subarray(p + 46, p + 46 + nameLen));
      const name = Buffer.from(nameBytes).toString(flags & UTF8_FLAG ? 'utf8' : 'latin1');
      if (flags & 1) throw new Error(`encrypted entry ${name}`);
      if (csize === 0xffffffff || size === 0xffffffff || local === 0xffffffff) throw new Error('ZIP64 archives are not supported');
      if (buf.readUInt32LE(local) !== SIG_LOCAL) throw new Error(`corrupt local header for ${name}`);
      const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const raw = new Uint8Array(buf.subarray(dataStart, dataStart + csize));
      const stored: Stored = { method, flags: flags & ~0x0008, time, date, crc, size, raw, nameBytes, externalAttr };
      zip.files[name] = new ZipEntry(name, stored, null, fromDos(time, date));
      zip.order.push(name);
      p += 46 + nameLen + extraLen + commentLen;
    }
    return zip;
  }

  /** JSZip-compatible: sets a part's content (string as UTF-8) */
  file(name: string, content: string | Uint8Array, opts: { date?: Date } = {}): this {
    const bytes = typeof content === 'string' ? new Uint8Array(Buffer.from(content, 'utf8')) : content;
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

  /** JSZip-compatible subset: always a Uint8Array */
  async generateAsync(_opts?: unknown): Promise<Uint8Array> {
    return this.toBytes();
  }

  toBytes(): Uint8Array {
    const chunks: Buffer[] = [];
    const central: Buffer[] = [];
    let offset = 0;
    for (const name of this.order) {
      const e = this.files[name].encoded();
      const local = Buffer.alloc(30);
      local.writeUInt32LE(SIG_LOCAL, 0);
      local.writeUInt16LE(20, 4);
      local.writeUInt16LE(e.flags, 6);
      local.writeUInt16LE(e.method, 8);
      local.writeUInt16LE(e.time, 10);
      local.writeUInt16LE(e.date, 12);
      local.writeUInt32LE(e.crc, 14);
      local.writeUInt32LE(e.raw.length, 18);
      local.writeUInt32LE(e.size, 22);
      local.writeUInt16LE(e.nameBytes.length, 26);
      local.writeUInt16LE(0, 28);
      const cd = Buffer.alloc(46);
      cd.writeUInt32LE(SIG_CENTRAL, 0);
      cd.writeUInt16LE(20, 4);
      cd.writeUInt16LE(20, 6);
      cd.writeUInt16LE(e.flags, 8);
      cd.writeUInt16LE(e.method, 10);
      cd.writeUInt16LE(e.time, 12);
      cd.writeUInt16LE(e.date, 14);
      cd.writeUInt32LE(e.crc, 16);
      cd.writeUInt32LE(e.raw.length, 20);
      cd.writeUInt32LE(e.size, 24);
      cd.writeUInt16LE(e.nameBytes.length, 28);
      cd.writeUInt32LE(e.externalAttr, 38);
      cd.writeUInt32LE(offset, 42);
      chunks.push(local, Buffer.from(e.nameBytes), Buffer.from(e.raw.buffer, e.raw.byteOffset, e.raw.length));
      central.push(cd, Buffer.from(e.nameBytes));
      offset += 30 + e.nameBytes.length + e.raw.length;
    }
    const cdSize = central.reduce((n, b) => n + b.length, 0);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(SIG_END, 0);
    end.writeUInt16LE(this.order.length, 8);
    end.writeUInt16LE(this.order.length, 10);
    end.writeUInt32LE(cdSize, 12);
    end.writeUInt32LE(offset, 16);
    const out = Buffer.concat([...chunks, ...central, end]);
    return new Uint8Array(out.buffer, out.byteOffset, out.length);
  }
}
