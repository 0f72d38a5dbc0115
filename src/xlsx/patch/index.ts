/** Reviewed copies made by editing the original package in place (nothing exceljs would drop is lost), on Node. */
import type { LogAppend } from '../../domain/plan/auditLog';
import type { WritePlan } from '../../domain/plan/plan';
import { nodeZip } from '../zip/zipArchive';
import { patchWorkbookWith, type PatchOptions, type PatchReport } from './patchWorkbook';

export { patchWorkbookWith, type PatchOptions, type PatchReport } from './patchWorkbook';
export { inspectPackage, describeFeatures, type FeatureKey, type PackageFeature, type PackageInventory } from './inspect';
export { validatePackage } from './packageCheck';
export { prefetchSheets, type PrefetchedSheets } from './prefetch';
export { PatchError, PatchRefusedError, type PatchErrorCode, type PatchMessageKey, type PatchPlace } from './patchError';

/** The reviewed copy's bytes (native zlib); see patchWorkbookWith. */
export async function patchWorkbook(original: Uint8Array, plan: WritePlan, log: LogAppend | null, options: PatchOptions = {}): Promise<Uint8Array> {
  return (await patchWorkbookWith(original, plan, log, nodeZip, options)).bytes;
}

/** patchWorkbook's package in the pieces it was made of, in order: written as they are, it is never one buffer. */
export async function patchWorkbookChunks(original: Uint8Array, plan: WritePlan, log: LogAppend | null, options: PatchOptions = {}): Promise<Uint8Array[]> {
  return (await patchWorkbookWith(original, plan, log, nodeZip, options)).chunks;
}

/** patchWorkbook with what changed (parts changed, added, removed; why recalculated). */
export function patchWorkbookWithReport(original: Uint8Array, plan: WritePlan, log: LogAppend | null, options: PatchOptions = {}): Promise<PatchReport> {
  return patchWorkbookWith(original, plan, log, nodeZip, options);
}
