/**
 * A zip archive's central directory, read and checked without inflating anything (no platform
 * API: the reading path and the patch writer both start here). Refuses, with a ReadError that
 * names it, what cannot be read faithfully: a cut-off file, encrypted entries, ZIP64, split
 * archives, two entries of one name.
 */
import { ReadError } from '../read/readError';

export const SIG_LOCAL = 0x04034b50;
export const SIG_CENTRAL = 0x02014b50;
export const SIG_END = 0x06054b50;
const SIG_END64_LOCATOR = 0x07064b50;
export const UTF8_FLAG = 0x0800;
/** bit 3: sizes and CRC follow the data; the writer always puts them in the headers */
const DATA_DESCRIPTOR_FLAG = 0x0008;
export const LOCAL_HEADER = 30;
export const CENTRAL_HEADER = 46;
export const END_RECORD = 22;

/** An entry as the archive stores it. */
export interface StoredEntry {
  name: string;
  method: number;
  flags: number;
  time: number;
  date: number;
  crc: number;
  /** inflated size the archive states */
  size: number;
  /** the compressed bytes as stored */
  raw: Uint8Array;
  nameBytes: Uint8Array;
  externalAttr: number;
}

const utf8Decoder = new TextDecoder('utf-8', { ignoreBOM: true });

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}

/** The entries of the archive in `data`, in central directory order (directories included). */
export function readZipDirectory(data: Uint8Array): StoredEntry[] {
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
  const entries: StoredEntry[] = [];
  const seen = new Set<string>();
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
    if (seen.has(name)) throw new ReadError('read.duplicateEntry', { part: name });
    seen.add(name);
    const raw = data.subarray(dataStart, dataStart + csize);
    entries.push({ name, method, flags: flags & ~DATA_DESCRIPTOR_FLAG, time, date, crc, size, raw, nameBytes, externalAttr });
    p += CENTRAL_HEADER + nameLen + extraLen + commentLen;
  }
  return entries;
}
