/** The ImportGateway over Office.js: one Excel.run per import (see importWorkbooks.ts). */
import { DEFAULT_REQUEST_BUDGET } from './chunking';
import type { OnProgress } from './gateway';
import type { ImportGateway, ImportRequest, InsertedSheet } from './importGateway';
import { importWorkbooks } from './importWorkbooks';
import { localDate, type OfficeGatewayOptions } from './officeGateway';
import { insertedKey, MARKER_KEY } from './ownSheets';
import { Session, type ExcelRun } from './session';

/** the sheets an earlier import inserted: names, then their markers (2 syncs) */
async function insertedSheets(session: Session): Promise<InsertedSheet[]> {
  const sheets = session.context.workbook.worksheets;
  sheets.load('items/name');
  await session.sync();
  const markers = sheets.items.map((ws) => {
    const m = ws.customProperties.getItemOrNullObject(MARKER_KEY);
    m.load('value');
    return m;
  });
  await session.sync();
  return sheets.items.flatMap((ws, i) => {
    const key = markers[i].isNullObject ? null : insertedKey(String(markers[i].value));
    return key === null ? [] : [{ name: ws.name, key }];
  });
}

export function createOfficeImportGateway(run?: ExcelRun, options: OfficeGatewayOptions = {}): ImportGateway {
  const excelRun: ExcelRun = run ?? ((batch) => Excel.run(batch));
  const budget = options.requestBudgetBytes ?? DEFAULT_REQUEST_BUDGET;
  const now = options.now ?? (() => new Date());
  return {
    importWorkbooks: (request: ImportRequest, onProgress?: OnProgress) =>
      excelRun((context) => importWorkbooks(new Session(context, onProgress), request, { budget, date: localDate(now()) })),
    insertedSheets: () => excelRun((context) => insertedSheets(new Session(context))),
  };
}
