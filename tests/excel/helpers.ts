/** Shared by the Office.js tests: a gateway over a fake workbook with a fixed clock. */
import { createOfficeGateway } from '../../src/excel/officeGateway';
import type { WorkbookGateway } from '../../src/excel/gateway';
import { readWorkbook, type WorkbookRead } from '../../src/excel/readWorkbook';
import { Session } from '../../src/excel/session';
import { excelRunFor, type FakeWorkbook } from '../support/fakeExcel';

export const NOW = new Date('2026-11-22T01:02:03.000Z');

export function gatewayFor(wb: FakeWorkbook, requestBudgetBytes?: number): WorkbookGateway {
  return createOfficeGateway(excelRunFor(wb), { now: () => NOW, ...(requestBudgetBytes !== undefined ? { requestBudgetBytes } : {}) });
}

export function readAll(wb: FakeWorkbook, tables = false): Promise<WorkbookRead> {
  return excelRunFor(wb)((ctx) => readWorkbook(new Session(ctx), { budget: 4_000_000, tables }));
}
