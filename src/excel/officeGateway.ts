/**
 * The WorkbookGateway over Office.js: the only code that talks to Excel. Each action is one
 * Excel.run with a small, constant number of syncs (validate 2, compute and write 3, summary 3,
 * template 2, select 1); writes are split into more requests only when one would exceed the
 * request budget (4 MB, below Excel on the web's 5 MB limit).
 */
import type { Lang } from '../messages/lang';
import type { Settings } from '../domain/base/settings';
import { addTemplate } from './addTemplate';
import { buildSummary } from './buildSummary';
import { DEFAULT_REQUEST_BUDGET } from './chunking';
import { computeAndWrite } from './computeAndWrite';
import type { OnProgress, TemplateKind, WorkbookGateway } from './gateway';
import { selectCell } from './selectCell';
import { Session, type ExcelRun } from './session';
import { validateWorkbook } from './validateWorkbook';

export type { ExcelRun } from './session';

export interface OfficeGatewayOptions {
  /** bytes per request before writes are split (default 4,000,000) */
  requestBudgetBytes?: number;
  /** clock for the audit log and the summary date */
  now?: () => Date;
}

export function localDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** `run` defaults to Excel.run, looked up when an action starts (Office.js may load after this module). */
export function createOfficeGateway(run?: ExcelRun, options: OfficeGatewayOptions = {}): WorkbookGateway {
  const excelRun: ExcelRun = run ?? ((batch) => Excel.run(batch));
  const budget = options.requestBudgetBytes ?? DEFAULT_REQUEST_BUDGET;
  const now = options.now ?? (() => new Date());
  const withSession = <T>(onProgress: OnProgress | undefined, f: (s: Session) => Promise<T>): Promise<T> => excelRun((context) => f(new Session(context, onProgress)));

  return {
    validate: (settings: Settings, onProgress?: OnProgress) => withSession(onProgress, (s) => validateWorkbook(s, settings, budget)),
    computeAndWrite: (settings: Settings, onProgress?: OnProgress) => withSession(onProgress, (s) => computeAndWrite(s, settings, { budget, time: now().toISOString() })),
    buildSummary: (settings: Settings, lang: Lang, onProgress?: OnProgress) => withSession(onProgress, (s) => buildSummary(s, settings, lang, { budget, date: localDate(now()) })),
    addTemplate: (kind: TemplateKind, settings: Settings, department?: string) => withSession(undefined, (s) => addTemplate(s, kind, settings, department, budget)),
    selectCell: (sheet: string, cell: string) => withSession(undefined, (s) => selectCell(s, sheet, cell)),
  };
}
