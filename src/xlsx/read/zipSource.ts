/**
 * The package source of a ZIP archive in memory.
 */
import { ZipArchive } from '../zip';
import { ReadError } from './readError';
import { refuseUnlessZip } from './sniff';
import type { PackageSource } from './source';

const CHUNK = 256 * 1024;

export function zipSource(bytes: Uint8Array): PackageSource {
  refuseUnlessZip(bytes);
  let zip: ZipArchive;
  try {
    zip = ZipArchive.load(bytes);
  } catch (e) {
    const m = (e as Error).message;
    if (/split/.test(m)) throw new ReadError('read.multiDisk');
    if (/ZIP64/.test(m)) throw new ReadError('read.zip64');
    if (/encrypted/.test(m)) throw new ReadError('read.encrypted');
    throw new ReadError('read.truncated');
  }
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
  return {
    names: () => names,
    async *chunks(name: string) {
      const data = zip.files[name].bytes();
      for (let i = 0; i < data.length; i += CHUNK) yield data.subarray(i, i + CHUNK);
    },
  };
}
