/**
 * Reading an .xlsx / .xlsm / .xltx file's bytes with a given inflater: the reader's entry on
 * any platform. Nothing on this path imports a platform API (tests/read/browserSafe.test.ts
 * follows the imports): the command line uses readXlsx from ./index (Node's zlib); the task
 * pane calls `readXlsxWith(bytes, webInflate)` (src/xlsx/zip/webCodec.ts: DecompressionStream).
 */
import type { InflateCodec } from '../zip/codec';
import { readWorkbook, type ReadOptions, type ReadResult } from './readWorkbook';
import { zipSource } from './zipSource';

/** Reads a package's bytes; throws ReadError when it is not a workbook that can be read. */
export function readXlsxWith(bytes: Uint8Array, codec: InflateCodec, options: ReadOptions = {}): Promise<ReadResult> {
  return readWorkbook(zipSource(bytes, codec), options);
}
