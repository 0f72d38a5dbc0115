/**
 * Browser bundle entry (test-results/fake-excel.js, built by buildBrowserBundle.js): exposes
 * window.__fakeExcel = { install, workbookFromJson, snapshot }. An e2e init script calls
 * __fakeExcel.install({sheets: [...]}) before the task pane loads; the test reads the result
 * back with __fakeExcel.snapshot().
 */
import { snapshot as snapshotOf, workbookFromJson, type WorkbookSnapshot, type WorkbookSpec } from './build';
import { installFakeOffice } from './install';
import type { FakeWorkbook } from './model';

let installed: FakeWorkbook | undefined;

function install(spec: WorkbookSpec | string | FakeWorkbook, opts?: { maxExcelApi?: number; displayLanguage?: string }): FakeWorkbook {
  const wb = typeof spec === 'object' && 'syncLog' in spec ? spec : workbookFromJson(spec as WorkbookSpec | string);
  installed = wb;
  installFakeOffice(window, wb, opts);
  return wb;
}

function snapshot(wb?: FakeWorkbook, withFormats = true): WorkbookSnapshot | null {
  const w = wb ?? installed;
  return w ? snapshotOf(w, withFormats) : null;
}

const api = { install, workbookFromJson, snapshot, get workbook(): FakeWorkbook | undefined { return installed; } };
(window as unknown as { __fakeExcel: typeof api }).__fakeExcel = api;
