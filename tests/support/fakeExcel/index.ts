/** An in-memory Excel that behaves like Office.js's proxy model, for jest and the browser. */
export * from './a1';
export * from './build';
export { FakeRequestContext, ClientObject, parseLoad } from './context';
export * from './errors';
export { excelRunFor, installFakeOffice, makeRun, MAX_EXCEL_API } from './install';
export { FakeSheet, FakeWorkbook, DEFAULT_FORMAT, utf8Length, type CellFormat, type CellValue, type Hyperlink, type SyncRecord, type WorkbookOptions } from './model';
export { createContext } from './workbook';
