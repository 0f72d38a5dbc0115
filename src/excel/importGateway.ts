/**
 * 取り込み (import) as the pane asks it of the workbook: the departments' workbooks, already read
 * in the pane (src/taskpane/import), reviewed together with the open workbook's own sheets into
 * the summary sheets of 集計シート作成. Kept apart from WorkbookGateway so a host
 * without it simply shows no import panel.
 */
import type { RawSheet } from '../domain/base/raw';
import type { Settings } from '../domain/base/settings';
import type { ImportedFileFacts } from '../domain/import/importPlan';
import type { Lang } from '../messages/lang';
import type { OnProgress } from './gateway';

export interface ImportedBook {
  /** distinct file name (see distinctFileNames) */
  file: string;
  sheets: RawSheet[];
}

export interface ImportRequest {
  books: ImportedBook[];
  settings: Settings;
  lang: Lang;
}

export interface ImportOutcome {
  /** the open workbook first (when it has KPI or pledge sheets), then each imported file */
  files: ImportedFileFacts[];
  /** the first summary sheet (総括) */
  summarySheet: string;
  /** every summary sheet, in order */
  summarySheets: string[];
  /** earlier summary sheets of ours were replaced */
  summaryReplaced: boolean;
  /** false: built with errors, the sheets carry the 未完了 banner */
  summaryComplete: boolean;
  syncs: number;
  largestRequestBytes: number;
}

export interface ImportGateway {
  importWorkbooks(request: ImportRequest, onProgress?: OnProgress): Promise<ImportOutcome>;
}
