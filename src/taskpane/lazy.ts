/**
 * What the task pane loads on demand. Its first screen (the buttons, the language switch, the
 * collapsed settings) is one script; webpack puts each `import()` below in a chunk of its own,
 * served from the add-in's origin, fetched when first needed — and, so that nobody waits, in the
 * background as soon as the first screen is up (`preload`).
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { WorkbookGateway } from '../excel/gateway';
import type { ImportGateway } from '../excel/importGateway';

/** one load at a time; a failed load (a chunk request that failed) is tried again next time */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () =>
    (pending ??= load().catch((err: unknown) => {
      pending = undefined;
      throw err;
    }));
}

export interface LazyGateway extends WorkbookGateway {
  /** start loading now; an error is left for the first action to report */
  preload(): void;
}

/** A WorkbookGateway whose implementation (the review engine) is loaded on first use. */
export function lazyGateway(load: () => Promise<WorkbookGateway>): LazyGateway {
  const gateway = once(load);
  return {
    preload: () => void gateway().catch(() => undefined),
    validate: (settings, onProgress) => gateway().then((g) => g.validate(settings, onProgress)),
    computeAndWrite: (settings, onProgress) => gateway().then((g) => g.computeAndWrite(settings, onProgress)),
    buildSummary: (settings, lang, onProgress) => gateway().then((g) => g.buildSummary(settings, lang, onProgress)),
    addTemplate: (kind, settings, department) => gateway().then((g) => g.addTemplate(kind, settings, department)),
    selectCell: (sheet, cell) => gateway().then((g) => g.selectCell(sheet, cell)),
  };
}

/** An ImportGateway loaded on first use (with the review engine). */
export function lazyImporter(load: () => Promise<ImportGateway>): ImportGateway {
  const importer = once(load);
  return {
    importWorkbooks: (request, onProgress) => importer().then((g) => g.importWorkbooks(request, onProgress)),
    insertedSheets: () => importer().then((g) => g.insertedSheets()),
  };
}

export type LazyComponent<P> = LazyExoticComponent<ComponentType<P>> & { preload(): void };

/** React.lazy for a named export; render it inside <Suspense>. */
export function lazyComponent<M, K extends keyof M>(load: () => Promise<M>, name: K): LazyComponent<M[K] extends ComponentType<infer P> ? P : never> {
  type P = M[K] extends ComponentType<infer Q> ? Q : never;
  const module = once(load);
  const component = lazy(() => module().then((m) => ({ default: m[name] as ComponentType<P> })));
  return Object.assign(component, { preload: () => void module().catch(() => undefined) });
}
