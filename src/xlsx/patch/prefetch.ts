/**
 * A workbook's sheets inflated ahead of its patch, on the thread pool: the command line starts
 * it before the review, which then runs on its own thread while zlib inflates the sheets on the
 * other (a 100,000-row sheet takes a fifth of a second to inflate).
 */
import { readWorkbook } from '../ooxml/workbook';
import { entryName } from '../ooxml/package';
import { ZipArchive } from '../zip/zipArchive';

/** The sheets of `original` inflated and checked (size, CRC), by part name. */
export class PrefetchedSheets {
  constructor(
    readonly original: Uint8Array,
    private parts: Map<string, Uint8Array>,
  ) {}

  /** the parts, still here: for a reader done before the patch is (the listing of kept features) */
  peek(): ReadonlyMap<string, Uint8Array> {
    return this.parts;
  }

  /** the parts, handed over once and let go here: they live only as long as the patch needs them */
  take(): Map<string, Uint8Array> {
    const parts = this.parts;
    this.parts = new Map();
    return parts;
  }
}

/**
 * The named sheets' parts of `original`, inflated on the thread pool. A package it cannot read
 * gives none: the patch itself then says what is wrong with it.
 */
export async function prefetchSheets(original: Uint8Array, sheets: readonly string[]): Promise<PrefetchedSheets> {
  const parts = new Map<string, Uint8Array>();
  try {
    const zip = ZipArchive.load(original);
    const wanted = new Set(sheets);
    const names = readWorkbook(zip)
      .sheets.filter((s) => wanted.has(s.name) && s.part)
      .map((s) => entryName(zip, s.part))
      .filter((n): n is string => n !== null && !!zip.files[n]);
    const inflated = await Promise.all(names.map((n) => zip.files[n].bytesAsync()));
    names.forEach((n, i) => parts.set(n, inflated[i]));
  } catch {
    parts.clear();
  }
  return new PrefetchedSheets(original, parts);
}
