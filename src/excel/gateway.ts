/**
 * What the task pane can ask of the workbook. The Office.js implementation is the only
 * code that touches Excel; components receive a gateway and never call Office.js.
 */
import type { Issue } from '../domain/base/issues';
import type { Lang } from '../messages/lang';
import type { Settings } from '../domain/base/settings';
import type { PlanNotice } from '../domain/output/planNotices';

export type ActionStep = 'read' | 'validate' | 'compute' | 'write' | 'summary' | 'template' | 'select';

export interface Progress {
  step: ActionStep;
  /** 0..1 across the whole action */
  ratio: number;
}

export type OnProgress = (p: Progress) => void;

export interface ValidateOutcome {
  issues: Issue[];
  kpiSheets: string[];
  pledgeSheets: string[];
  /** sheets that are neither (left alone) */
  otherSheets: string[];
  kpiCount: number;
  activityCount: number;
  /** the workbook's KPIs seem to follow another plan period than the settings' (domain/output/planNotices) */
  planNotice?: PlanNotice;
  /** context.sync() calls the action made */
  syncs: number;
}

export interface WrittenSheet {
  sheet: string;
  /** A1 range of the output columns written */
  range: string;
  cells: number;
}

/** why a sheet was not written (WriteOutcome.skippedDetails); the pane words each reason */
export interface SkippedSheet {
  sheet: string;
  /** errors: the sheet has validation errors; protected: its protection needs a password */
  reason: 'errors' | 'protected';
}

export interface WriteOutcome extends ValidateOutcome {
  written: WrittenSheet[];
  /** sheets with errors (or a password-protected sheet): nothing written there */
  skipped: string[];
  /** the same sheets with the reason, for a clear message */
  skippedDetails?: SkippedSheet[];
  /** size in bytes of the largest request sent with one sync (estimated from the payload) */
  largestRequestBytes: number;
}

export interface SummaryOutcome extends ValidateOutcome {
  /** the first sheet of the summary (総括), shown by 「シートを表示」 */
  sheet: string;
  /** every sheet of the summary, in order */
  sheets: string[];
  /** earlier summary sheets of ours were replaced */
  replaced: boolean;
  /** false: built with errors, the sheets carry the 未完了 banner */
  complete: boolean;
}

export interface TemplateOutcome {
  sheet: string;
  syncs: number;
}

export type TemplateKind = 'kpi' | 'pledge';

export interface WorkbookGateway {
  validate(settings: Settings, onProgress?: OnProgress): Promise<ValidateOutcome>;
  computeAndWrite(settings: Settings, onProgress?: OnProgress): Promise<WriteOutcome>;
  buildSummary(settings: Settings, lang: Lang, onProgress?: OnProgress): Promise<SummaryOutcome>;
  addTemplate(kind: TemplateKind, settings: Settings, department?: string): Promise<TemplateOutcome>;
  /** select a cell (click-through from a problem) */
  selectCell(sheet: string, cell: string): Promise<void>;
}
