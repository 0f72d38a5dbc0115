/**
 * Browser bundle entry (test-results/fake-excel.js, built by buildBrowserBundle.js): exposes
 * window.__fakeExcel = { install, workbookFromJson, snapshot, setLatency, latency }. An e2e init
 * script calls __fakeExcel.install({sheets: [...]}) before the task pane loads; the test reads the
 * result back with __fakeExcel.snapshot().
 *
 * setLatency(ms) makes every context.sync() wait `ms` milliseconds (a timer) before it runs, as a
 * round trip to Excel would, so that a test can see the pane's progress while an action runs.
 * hold() makes every sync wait until release(): the action stays in progress for as long as the
 * test needs (no timing involved). With latency 0 and no hold (the defaults) sync() is exactly
 * as it was, without an extra timer or await.
 */
import { snapshot as snapshotOf, workbookFromJson, type WorkbookSnapshot, type WorkbookSpec } from './build';
import { FakeRequestContext } from './context';
import { installFakeOffice } from './install';
import type { FakeWorkbook } from './model';

let installed: FakeWorkbook | undefined;
let latencyMs = 0;
let gate: { promise: Promise<void>; open: () => void } | null = null;
let waiting = 0;

const realSync = FakeRequestContext.prototype.sync;
FakeRequestContext.prototype.sync = function sync(this: FakeRequestContext): Promise<void> {
  if (latencyMs <= 0 && !gate) return realSync.call(this);
  const held = gate;
  let before: Promise<void> = Promise.resolve();
  if (held) {
    waiting++;
    before = held.promise.then(() => void waiting--);
  }
  if (latencyMs > 0) {
    const ms = latencyMs;
    before = before.then(() => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  }
  return before.then(() => realSync.call(this));
};

/** syncs from now on wait until release() */
function hold(): void {
  if (gate) return;
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  gate = { promise, open };
}

/** let the held syncs (and the next ones) run */
function release(): void {
  const g = gate;
  gate = null;
  g?.open();
}

/** milliseconds every sync waits before it runs (0: none) */
function setLatency(ms: number): void {
  if (!Number.isFinite(ms) || ms < 0) throw new Error(`setLatency: not a duration in ms: ${String(ms)}`);
  latencyMs = ms;
}

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

const api = {
  install,
  workbookFromJson,
  snapshot,
  setLatency,
  hold,
  release,
  /** syncs waiting for release() */
  get held(): number {
    return waiting;
  },
  get latency(): number {
    return latencyMs;
  },
  get workbook(): FakeWorkbook | undefined {
    return installed;
  },
};
(window as unknown as { __fakeExcel: typeof api }).__fakeExcel = api;
