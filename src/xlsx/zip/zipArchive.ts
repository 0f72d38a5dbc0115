/**
 * The package editor on Node (packageZip.ts with native zlib): parts are inflated when read and
 * changed parts deflated as they are written, their big blocks on the deflating thread
 * (deflateHelper.ts), so a 100,000-row workbook is patched in a fraction of a pure-JavaScript
 * zip's time. The command line, the summary writer and the tests use it.
 */
import type { ZipCodec } from './codec';
import { crc32, inflateRaw, inflateRawAsync, nodeInflate } from './compression';
import { DeflatingPart, encodePart } from './deflateParts';
import { PackageZip } from './packageZip';

export { ZipEntry } from './packageZip';

/** The command line's ZipCodec: native zlib (the deflating thread takes a part's big blocks either way). */
export const nodeZip: ZipCodec = {
  ...nodeInflate,
  crc32: (data, crc) => crc32(data, crc),
  encode: async (content) => encodePart(content),
  encodeSync: encodePart,
  deflating: () => new DeflatingPart(),
  inflateSync: inflateRaw,
  inflateAsync: inflateRawAsync,
};

export class ZipArchive extends PackageZip {
  constructor() {
    super(nodeZip);
  }

  static load(data: Uint8Array): ZipArchive {
    const zip = new ZipArchive();
    zip.readDirectory(data);
    return zip;
  }
}
