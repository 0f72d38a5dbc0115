/**
 * A zip written entry by entry: each entry's local header and stored bytes as it comes, the
 * central directory at the end. A writer can send a package to a file part by part, never
 * holding it whole (the summary); PackageZip joins the same bytes into one buffer.
 */
import { PackageError } from '../ooxml/packageError';
import { contentLength, type EncodedPart } from './partBlocks';
import { CENTRAL_HEADER, END_RECORD, LOCAL_HEADER, SIG_CENTRAL, SIG_END, SIG_LOCAL, UTF8_FLAG, type StoredEntry } from './zipDirectory';

/** What is written for an entry: its headers' fields and its stored bytes, in pieces (EncodedPart). */
export type Stored = Omit<StoredEntry, 'name' | 'raw'> & { pieces: readonly Uint8Array[] };

/** an entry's header fields, kept for the central directory after its bytes are written */
type Head = Omit<Stored, 'pieces'> & { rawSize: number; offset: number };

const utf8Encoder = new TextEncoder();

/** the most a 32-bit size or offset field holds (0xffffffff itself marks ZIP64), and the most entries */
const MAX_32 = 0xfffffffe;
const MAX_ENTRIES = 0xfffe;

export function dosDateTime(d: Date): { time: number; date: number } {
  const year = Math.max(1980, d.getFullYear());
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/** A part we encoded, with the header fields we write for it (UTF-8 name, no attributes). */
export function storedEntry(name: string, part: EncodedPart, date: Date): Stored {
  const { time, date: day } = dosDateTime(date);
  return { ...part, flags: UTF8_FLAG, time, date: day, nameBytes: utf8Encoder.encode(name), externalAttr: 0 };
}

export class ZipWriter {
  private readonly heads: Head[] = [];
  private at = 0;

  /** The entry's local header (with its name) and its stored bytes' pieces, to write in this order. */
  entry(e: Stored): Uint8Array[] {
    const { pieces, ...fields } = e;
    const rawSize = contentLength(pieces);
    // fields past ZIP32's would be cut to their low bits: a package no reader opens, so refuse
    if (this.heads.length >= MAX_ENTRIES || e.size > MAX_32 || this.at + LOCAL_HEADER + e.nameBytes.length + rawSize > MAX_32) throw new PackageError('xlsx.package.tooLargeToWrite');
    const head: Head = { ...fields, rawSize, offset: this.at };
    const local = new Uint8Array(LOCAL_HEADER + e.nameBytes.length);
    writeHeader(new DataView(local.buffer), 0, 'local', head);
    local.set(e.nameBytes, LOCAL_HEADER);
    this.heads.push(head);
    this.at += local.length + rawSize;
    return [local, ...pieces];
  }

  /** The central directory and its end record, after the last entry. */
  end(): Uint8Array {
    const cdSize = this.heads.reduce((n, h) => n + CENTRAL_HEADER + h.nameBytes.length, 0);
    if (this.at + cdSize > MAX_32) throw new PackageError('xlsx.package.tooLargeToWrite');
    const out = new Uint8Array(cdSize + END_RECORD);
    const view = new DataView(out.buffer);
    let at = 0;
    for (const h of this.heads) {
      writeHeader(view, at, 'central', h);
      out.set(h.nameBytes, at + CENTRAL_HEADER);
      at += CENTRAL_HEADER + h.nameBytes.length;
    }
    view.setUint32(at, SIG_END, true);
    view.setUint16(at + 8, this.heads.length, true);
    view.setUint16(at + 10, this.heads.length, true);
    view.setUint32(at + 12, cdSize, true);
    view.setUint32(at + 16, this.at, true);
    return out;
  }
}

/**
 * A local file header or a central directory header (without the name). Both carry the same
 * fields from "flags" on; the central one has "version made by" before them and the local
 * header's offset after.
 */
function writeHeader(view: DataView, at: number, kind: 'local' | 'central', e: Head): void {
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
  view.setUint32(p + 14, e.rawSize, true);
  view.setUint32(p + 18, e.size, true);
  view.setUint16(p + 22, e.nameBytes.length, true);
  // extra field length, and in the central header: comment length, disk, internal attributes: all 0
  if (central) {
    view.setUint32(at + 38, e.externalAttr, true);
    view.setUint32(at + 42, e.offset, true);
  }
}
