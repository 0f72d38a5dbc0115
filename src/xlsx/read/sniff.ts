/**
 * What a file is, from its first bytes, before it is opened as a zip: an .xlsx is a ZIP
 * archive; a password-protected workbook and a legacy .xls are both OLE compound files (CFB),
 * told apart by the names of their streams; CSV and other text has no binary bytes.
 * Anything but a ZIP archive is refused with a ReadError that names it.
 */
import { ReadError } from './readError';

const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  if (bytes.length < sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[i] !== sig[i]) return false;
  return true;
}

function utf16le(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) out.push(s.charCodeAt(i), 0);
  return out;
}

/** Does `bytes` contain `pattern`? (CFB directory entries can sit in any sector) */
function contains(bytes: Uint8Array, pattern: readonly number[]): boolean {
  const first = pattern[0];
  const last = bytes.length - pattern.length;
  for (let i = bytes.indexOf(first); i >= 0 && i <= last; i = bytes.indexOf(first, i + 1)) {
    let k = 1;
    while (k < pattern.length && bytes[i + k] === pattern[k]) k++;
    if (k === pattern.length) return true;
  }
  return false;
}

const ENCRYPTED_PACKAGE = utf16le('EncryptedPackage');
const WORKBOOK_STREAMS = [utf16le('Workbook'), utf16le('Book')];

function looksLikeText(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  if (startsWith(bytes, [0xef, 0xbb, 0xbf]) || startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return true;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    // control bytes other than tab, LF, FF, CR (and ESC in old Japanese encodings) mean binary
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 12 && b !== 13 && b !== 0x1b) return false;
  }
  return true;
}

/** Throws the ReadError that names the file unless it starts like a ZIP archive. */
export function refuseUnlessZip(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new ReadError('read.empty');
  if (startsWith(bytes, [0x50, 0x4b])) {
    // local header, or the end record of an empty archive
    if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return;
    // spanned archives start with the data descriptor signature
    if (startsWith(bytes, [0x50, 0x4b, 0x07, 0x08]) || startsWith(bytes, [0x50, 0x4b, 0x30, 0x30])) throw new ReadError('read.multiDisk');
  }
  if (startsWith(bytes, CFB_SIGNATURE)) {
    if (contains(bytes, ENCRYPTED_PACKAGE)) throw new ReadError('read.encrypted');
    if (WORKBOOK_STREAMS.some((p) => contains(bytes, p))) throw new ReadError('read.xls');
    throw new ReadError('read.unknown');
  }
  if (bytes.length < 4 && startsWith(bytes, [0x50])) throw new ReadError('read.truncated');
  if (looksLikeText(bytes)) throw new ReadError('read.text');
  throw new ReadError('read.unknown');
}
