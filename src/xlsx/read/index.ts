/** The .xlsx reader: a package's bytes → the domain's raw sheets (see readWorkbook.ts). */
import { readWorkbook, type ReadOptions, type ReadResult } from './readWorkbook';
import { zipSource } from './zipSource';

export { ReadError, type ReadErrorCode, type SkippedSheet } from './readError';
export { HEAD_ROWS } from './worksheetPart';
export type { ReadOptions, ReadResult } from './readWorkbook';
export type { PackageSource } from './source';

/** Reads an .xlsx / .xlsm / .xltx file's bytes; throws ReadError when it is not one. */
export async function readXlsx(bytes: Uint8Array, options: ReadOptions = {}): Promise<ReadResult> {
  return readWorkbook(zipSource(bytes), options);
}
