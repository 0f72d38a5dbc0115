/** Reviewed copies made by editing the original package in place (nothing exceljs would drop is lost). */
export { patchWorkbook, patchWorkbookWithReport, type PatchOptions, type PatchReport } from './patchWorkbook';
export { inspectPackage, describeFeatures, type FeatureKey, type PackageFeature, type PackageInventory } from './inspect';
export { validatePackage } from './packageCheck';
export { PatchError, PatchRefusedError, type PatchErrorCode, type PatchMessageKey, type PatchPlace } from './patchError';
