/**
 * The package source of an .xlsx file in memory: what the first bytes say it is (sniff.ts),
 * then its zip archive (checks and limits in src/xlsx/zip), inflated by the codec given.
 */
import type { InflateCodec } from '../zip/codec';
import { checkedChunks, InflateBudget } from '../zip/partLimits';
import { readZipDirectory } from '../zip/zipDirectory';
import { refuseUnlessZip } from './sniff';
import type { PackageSource } from './source';

export function zipSource(bytes: Uint8Array, codec: InflateCodec): PackageSource {
  refuseUnlessZip(bytes);
  const entries = new Map(readZipDirectory(bytes).map((e) => [e.name, e]));
  const names = [...entries.keys()].filter((n) => !n.endsWith('/'));
  const budget = new InflateBudget();
  const checked = new Set<string>();
  async function* chunks(name: string): AsyncGenerator<Uint8Array> {
    yield* checkedChunks(entries.get(name)!, codec, budget);
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
