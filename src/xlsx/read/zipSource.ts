/**
 * The package source of an .xlsx file in memory: what the first bytes say it is (sniff.ts),
 * then its zip archive (checks and limits in src/xlsx/zip).
 */
import { ZipArchive } from '../zip/zipArchive';
import { InflateBudget } from '../zip/partLimits';
import { refuseUnlessZip } from './sniff';
import type { PackageSource } from './source';

export function zipSource(bytes: Uint8Array): PackageSource {
  refuseUnlessZip(bytes);
  const zip = ZipArchive.load(bytes);
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
  const budget = new InflateBudget();
  const checked = new Set<string>();
  async function* chunks(name: string): AsyncGenerator<Uint8Array> {
    yield* zip.files[name].chunks(budget);
    checked.add(name); // read to its end: CRC and size checked
  }
  return {
    names: () => names,
    chunks,
    async verify() {
      for (const name of names) {
        if (checked.has(name)) continue;
        for await (const chunk of chunks(name)) void chunk;
      }
    },
  };
}
