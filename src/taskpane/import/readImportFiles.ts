/**
 * The chosen files read in the pane, one at a time: the import plan's limits first (a refused
 * file is never opened), then the bytes, then the project's reader with the browser's inflater
 * (DecompressionStream, src/xlsx/zip/webCodec.ts). Between files the pane gets the main thread
 * back (a macrotask), so it stays responsive and the cancel button is heard; a cancelled read
 * keeps what was read so far.
 */
import type { RawSheet } from '../../domain/base/raw';
import { LOG_SHEET } from '../../domain/plan/auditLog';
import { IMPORT_LIMITS, planImport, type ImportLimits, type ImportRefusal } from '../../domain/import/importPlan';
import { detectHeader } from '../../domain/sheets/headers';
import { ReadError } from '../../xlsx/read/readError';
import { readXlsxWith } from '../../xlsx/read/readXlsx';
import type { InflateCodec } from '../../xlsx/zip/codec';
import { webInflate } from '../../xlsx/zip/webCodec';

/** what the pane needs of a File (a test passes plain objects) */
export interface ChosenBlob {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export type FileRead =
  | {
      name: string;
      size: number;
      status: 'read';
      sheets: RawSheet[];
      skipped: { sheet: string; reason: ReadError }[];
      /** the file's bytes again (the browser keeps the file, not its bytes), to insert its sheets */
      bytes: () => Promise<Uint8Array>;
    }
  | { name: string; size: number; status: 'refused'; refusal: ImportRefusal; other?: string }
  | { name: string; size: number; status: 'unreadable'; reason: ReadError | string };

export interface ReadProgress {
  done: number;
  total: number;
  /** the file being read */
  file: string;
}

export interface ReadImportOptions {
  signal?: AbortSignal;
  onProgress?: (p: ReadProgress) => void;
  limits?: ImportLimits;
  codec?: InflateCodec;
}

/** sheets worth reading whole: those with a KPI or pledge header in their first rows */
function reviewable(head: RawSheet): boolean {
  return head.name !== LOG_SHEET && detectHeader(head) !== null;
}

/** the main thread back to the pane for a moment */
function breathe(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

async function readOne(file: ChosenBlob, codec: InflateCodec): Promise<FileRead> {
  const { name, size } = file;
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const result = await readXlsxWith(bytes, codec, { keepReading: reviewable });
    return { name, size, status: 'read', sheets: result.sheets, skipped: result.skipped, bytes: async () => new Uint8Array(await file.arrayBuffer()) };
  } catch (e) {
    if (e instanceof ReadError) return { name, size, status: 'unreadable', reason: e };
    return { name, size, status: 'unreadable', reason: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * Reads `files` in order; `onRead` gets each result as it comes. Resolves with every result,
 * or with those so far when `signal` aborts (`cancelled` true).
 */
export async function readImportFiles(files: readonly ChosenBlob[], onRead: (r: FileRead) => void, opts: ReadImportOptions = {}): Promise<{ results: FileRead[]; cancelled: boolean }> {
  const plan = planImport(files, opts.limits ?? IMPORT_LIMITS);
  const codec = opts.codec ?? webInflate;
  const total = plan.filter((p) => p.read).length;
  const results: FileRead[] = [];
  let done = 0;
  for (let i = 0; i < files.length; i++) {
    if (opts.signal?.aborted) return { results, cancelled: true };
    const p = plan[i];
    let r: FileRead;
    if (!p.read) r = { name: p.name, size: p.size, status: 'refused', refusal: p.refusal, ...(p.other ? { other: p.other } : {}) };
    else {
      opts.onProgress?.({ done, total, file: p.name });
      await breathe();
      if (opts.signal?.aborted) return { results, cancelled: true };
      r = await readOne(files[i], codec);
      done++;
    }
    results.push(r);
    onRead(r);
  }
  opts.onProgress?.({ done, total, file: '' });
  return { results, cancelled: false };
}
