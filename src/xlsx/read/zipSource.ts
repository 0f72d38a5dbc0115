/**
 * The package source of an .xlsx file in memory: what the first bytes say it is (sniff.ts),
 * then its zip archive (checks and limits in src/xlsx/zip), inflated by the codec given.
 */
import type { InflateCodec } from '../zip/codec';
import { checkedChunks, InflateBudget } from '../zip/partLimits';
import { readZipDirectory, type StoredEntry } from '../zip/zipDirectory';
import { refuseUnlessZip } from './sniff';
import type { PackageSource } from './source';

/**
 * A part's chunks as inflated; read to its end, its name joins `checked` (CRC and size checked).
 * At module level: a generator function made per package would give each package's
 * generators a hidden class of their own, and V8 would throw away the code that reads them.
 */
async function* partChunks(entry: StoredEntry, codec: InflateCodec, budget: InflateBudget, checked: Set<string>): AsyncGenerator<Uint8Array> {
  yield* checkedChunks(entry, codec, budget);
  checked.add(entry.name);
}

export function zipSource(bytes: Uint8Array, codec: InflateCodec): PackageSource {
  refuseUnlessZip(bytes);
  const entries = new Map(readZipDirectory(bytes).map((e) => [e.name, e]));
  const names = [...entries.keys()].filter((n) => !n.endsWith('/'));
  const budget = new InflateBudget();
  const checked = new Set<string>();
  const chunks = (name: string) => partChunks(entries.get(name)!, codec, budget, checked);
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
