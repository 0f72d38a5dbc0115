/**
 * Installs the fake as the globals Office.js defines: `Excel` (run, ErrorCodes and the enums the
 * add-in may read), `Office` (onReady → {host: 'Excel'}, HostType, context.document,
 * requirements.isSetSupported up to ExcelApi 1.13) and `OfficeExtension.Error`. Works on a browser
 * window (the e2e init script) and on globalThis (jest).
 */
import type { FakeRequestContext } from './context';
import { ErrorCodes, FakeOfficeError } from './errors';
import type { FakeWorkbook } from './model';
import { createContext } from './workbook';

export type Batch<T> = (context: FakeRequestContext) => Promise<T>;

/** Excel.run(batch) / Excel.run(options | object, batch): a fresh context; pending actions are flushed at the end. */
export function makeRun(wb: FakeWorkbook) {
  return async function run<T>(...args: unknown[]): Promise<T> {
    const batch = args[args.length - 1] as Batch<T>;
    if (typeof batch !== 'function') throw new FakeOfficeError('InvalidArgument', 'Excel.run needs a batch function');
    const ctx = createContext(wb);
    const result = await batch(ctx);
    if (ctx.pendingActions > 0) await ctx.sync();
    return result;
  };
}

/** typed as Excel.run for code written against @types/office-js */
export function excelRunFor(wb: FakeWorkbook): typeof Excel.run {
  return makeRun(wb) as unknown as typeof Excel.run;
}

export interface FakeOffice {
  workbook: FakeWorkbook;
  Excel: Record<string, unknown>;
  Office: Record<string, unknown>;
}

export const MAX_EXCEL_API = 1.13;

export function installFakeOffice(win: object, workbook: FakeWorkbook, opts: { maxExcelApi?: number; displayLanguage?: string } = {}): FakeOffice {
  const maxApi = opts.maxExcelApi ?? MAX_EXCEL_API;
  const Excel = {
    run: makeRun(workbook),
    ErrorCodes,
    ConditionalFormatType: { iconSet: 'IconSet', dataBar: 'DataBar', custom: 'Custom', colorScale: 'ColorScale', cellValue: 'CellValue', containsText: 'ContainsText' },
    IconSet: { threeTrafficLights1: 'ThreeTrafficLights1' },
    ChartType: { columnClustered: 'ColumnClustered' },
    ChartSeriesBy: { auto: 'Auto', columns: 'Columns', rows: 'Rows' },
    SheetVisibility: { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' },
    __fake: workbook,
  };
  const ready = { host: 'Excel', platform: 'OfficeOnline' };
  const Office = {
    HostType: { Excel: 'Excel', Word: 'Word', PowerPoint: 'PowerPoint', Outlook: 'Outlook', OneNote: 'OneNote', Project: 'Project', Access: 'Access' },
    PlatformType: { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac', iOS: 'iOS', Android: 'Android', Universal: 'Universal' },
    onReady(callback?: (info: typeof ready) => void): Promise<typeof ready> {
      if (callback) callback(ready);
      return Promise.resolve(ready);
    },
    context: {
      host: 'Excel',
      platform: 'OfficeOnline',
      displayLanguage: opts.displayLanguage ?? 'ja-JP',
      contentLanguage: opts.displayLanguage ?? 'ja-JP',
      document: { url: `https://example.invalid/${encodeURIComponent(workbook.name)}`, mode: 'ReadWrite', settings: { get: () => null, set: () => undefined, saveAsync: (cb?: (r: unknown) => void) => cb?.({ status: 'succeeded' }) } },
      requirements: {
        isSetSupported(name: string, version?: string | number): boolean {
          if (name !== 'ExcelApi') return false;
          return version === undefined || Number(version) <= maxApi + 1e-9;
        },
      },
    },
  };
  const OfficeExtension = { Error: FakeOfficeError, ErrorCodes };
  const target = win as Record<string, unknown>;
  target.Excel = Excel;
  target.Office = Office;
  target.OfficeExtension = OfficeExtension;
  return { workbook, Excel, Office };
}
