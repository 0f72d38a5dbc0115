/**
 * 取り込み (import) as the pane asks it of the workbook: the departments' workbooks, already read
 * in the pane (src/taskpane/import), reviewed together with the open workbook's own sheets into
 * the summary sheets of 集計シート作成; as an option, each department's sheets inserted with their
 * output columns filled. Kept apart from WorkbookGateway so a host without it simply shows no
 * import panel.
 */
import type { RawSheet } from '../domain/base/raw';
import type { Settings } from '../domain/base/settings';
import type { ImportedFileFacts } from '../domain/import/importPlan';
import type { WritePlan } from '../domain/plan/plan';
import type { Lang } from '../messages/lang';
import type { OnProgress } from './gateway';

export interface ImportedBook {
  /** distinct file name (see distinctFileNames) */
  file: string;
  sheets: RawSheet[];
  /** the file's package, read again when its sheets are inserted */
  bytes?: () => Promise<Uint8Array>;
}

/**
 * A file's package with the output columns of `plan` filled: the lossless patch writer (the pane
 * passes it with the browser's zip codec, src/taskpane/import/fillOutputs.ts).
 */
export type FillOutputs = (bytes: Uint8Array, plan: WritePlan) => Promise<Uint8Array>;

export interface ImportRequest {
  books: ImportedBook[];
  settings: Settings;
  lang: Lang;
  /** also insert each department's sheets (files without errors), filled by this */
  insertSheets?: FillOutputs;
  /** aborting stops the import before anything is written to the workbook */
  signal?: AbortSignal;
}

/** why a file's sheets were not inserted */
export type NotInsertedReason = 'errors' | 'noSheets' | 'unreadable' | 'unpatchable' | 'tooLarge';

export interface ImportOutcome {
  /** the open workbook first (when it has KPI or pledge sheets), then each imported file */
  files: ImportedFileFacts[];
  /** the first summary sheet (総括) */
  summarySheet: string;
  /** every summary sheet, in order */
  summarySheets: string[];
  /** earlier summary sheets of ours were replaced */
  summaryReplaced: boolean;
  /** the sheets inserted, by file (when inserting) */
  inserted: { file: string; sheets: string[] }[];
  /** our sheets of an earlier import that the inserted ones replaced */
  replacedSheets: string[];
  notInserted: { file: string; reason: NotInsertedReason; detail?: string }[];
  /** false: built with errors, the sheets carry the 未完了 banner */
  summaryComplete: boolean;
  syncs: number;
  largestRequestBytes: number;
}

/** a sheet an earlier import inserted, and its department's key (domain/import/insertPlan.ts) */
export interface InsertedSheet {
  name: string;
  key: string;
}

export interface ImportGateway {
  importWorkbooks(request: ImportRequest, onProgress?: OnProgress): Promise<ImportOutcome>;
  /** the sheets earlier imports inserted (to say which a new import replaces before it runs) */
  insertedSheets(): Promise<InsertedSheet[]>;
}
