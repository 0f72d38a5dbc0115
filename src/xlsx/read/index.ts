/** The .xlsx reader on Node: a package's bytes → the domain's raw sheets (see readWorkbook.ts). */
import { nodeInflate } from '../zip/compression';
import type { ReadOptions, ReadResult } from './readWorkbook';
import { readXlsxWith } from './readXlsx';

export { ReadError, type ReadErrorCode, type SkippedSheet } from './readError';
export { HEAD_ROWS } from './worksheetPart';
export type { ReadOptions, ReadResult } from './readWorkbook';
export type { PackageSource } from './source';
export { readXlsxWith } from './readXlsx';

/** Reads an .xlsx / .xlsm / .xltx file's bytes (Node's zlib); throws ReadError when it is not one. */
export async function readXlsx(bytes: Uint8Array, options: ReadOptions = {}): Promise<ReadResult> {
  return readXlsxWith(bytes, nodeInflate, options);
}
