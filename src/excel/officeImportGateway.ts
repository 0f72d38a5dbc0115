/** The ImportGateway over Office.js: one Excel.run per import (see importWorkbooks.ts). */
import { DEFAULT_REQUEST_BUDGET } from './chunking';
import type { OnProgress } from './gateway';
import type { ImportGateway, ImportRequest } from './importGateway';
import { importWorkbooks } from './importWorkbooks';
import { localDate, type OfficeGatewayOptions } from './officeGateway';
import { Session, type ExcelRun } from './session';

export function createOfficeImportGateway(run?: ExcelRun, options: OfficeGatewayOptions = {}): ImportGateway {
  const excelRun: ExcelRun = run ?? ((batch) => Excel.run(batch));
  const budget = options.requestBudgetBytes ?? DEFAULT_REQUEST_BUDGET;
  const now = options.now ?? (() => new Date());
  return {
    importWorkbooks: (request: ImportRequest, onProgress?: OnProgress) =>
      excelRun((context) => importWorkbooks(new Session(context, onProgress), request, { budget, date: localDate(now()) })),
  };
}
