/**
 * テンプレート作成: a new sheet (free name) from kpiTemplate / pledgeTemplate: title, header row
 * (shaded), number formats and drop-downs over the input rows, whole number 0–10 for 評価, the
 * output columns shaded and locked while every other cell below the header stays unlocked, the
 * sheet protected WITHOUT a password (the add-in unprotects it to write, departments cannot type
 * into output columns), frozen header, widths and the example row. 2 syncs: names, write.
 */
import type { Settings } from '../domain/base/settings';
import { freeSheetName, templateFor, type TemplateModel, type TemplatePermissions, type TemplateValidation } from '../domain/output/templates';
import { cellRow } from './cellText';
import { ACTION_OVERHEAD, jsonBytes } from './chunking';
import type { TemplateKind, TemplateOutcome } from './gateway';
import type { Session } from './session';
import { columnWidthPoints, MAX_COLUMNS, MAX_ROWS } from './excelGrid';
import { runOps, type WriteOp } from './writeOps';

/** What a template sheet allows while protected (the model's permissions in Office.js terms). */
export function protectionOptions(p: TemplatePermissions): Excel.WorksheetProtectionOptions {
  return {
    allowInsertRows: p.insertRows,
    allowDeleteRows: p.deleteRows,
    allowFormatColumns: p.formatColumns,
    allowFormatRows: p.formatRows,
    allowAutoFilter: p.autoFilter,
  };
}

function rule(v: TemplateValidation): Excel.DataValidationRule {
  if (v.kind === 'list') return { list: { inCellDropDown: true, source: v.values.join(',') } };
  return { wholeNumber: { formula1: v.min, formula2: v.max, operator: 'Between' } };
}

function alert(v: TemplateValidation): Excel.DataValidationErrorAlert {
  return { showAlert: true, style: v.alert.style === 'information' ? 'Information' : 'Stop', title: v.alert.title, message: v.alert.message };
}

/** consecutive column indexes with the same flag: [[0, 4, false], [5, 9, true]] */
function columnRuns(flags: readonly boolean[]): [number, number, boolean][] {
  const out: [number, number, boolean][] = [];
  flags.forEach((f, i) => {
    const last = out[out.length - 1];
    if (last && last[2] === f && last[1] === i - 1) last[1] = i;
    else out.push([i, i, f]);
  });
  return out;
}

export function templateOps(model: TemplateModel, name: string): WriteOp[] {
  const n = model.columns.length;
  const h = model.headerRow;
  const first = h + 1;
  const rows = model.inputRows;
  const formats = Array.from({ length: rows }, () => model.columns.map((c) => c.numberFormat));
  const example = model.columns.map((_, i) => model.example[i] ?? null);
  const runs = columnRuns(model.columns.map((c) => c.output));
  return [
    {
      sheet: null,
      bytes: 2 * ACTION_OVERHEAD,
      apply(session) {
        session.register(name, session.context.workbook.worksheets.add(name));
      },
    },
    {
      sheet: name,
      bytes: 40 * ACTION_OVERHEAD + jsonBytes(formats) + jsonBytes(model.columns) + jsonBytes(example) + jsonBytes(model.title),
      apply(session) {
        const ws = session.sheet(name);
        const title = ws.getRangeByIndexes(0, 0, 1, 1);
        title.values = [[cellRow([model.title])[0]]];
        title.format.font.bold = true;
        title.format.font.size = 13;

        const body = ws.getRangeByIndexes(first, 0, rows, n);
        body.numberFormat = formats;
        const header = ws.getRangeByIndexes(h, 0, 1, n);
        header.numberFormat = [model.columns.map(() => '@')];
        header.values = [cellRow(model.columns.map((c) => c.header))];
        header.format.font.bold = true;
        header.format.wrapText = true;
        header.format.verticalAlignment = 'Center';
        header.format.horizontalAlignment = 'Center';
        for (const [a, b, output] of runs) {
          ws.getRangeByIndexes(h, a, 1, b - a + 1).format.fill.color = output ? model.outputHeaderFill : model.headerFill;
          if (output) ws.getRangeByIndexes(first, a, rows, b - a + 1).format.fill.color = model.outputFill;
        }
        model.columns.forEach((c, i) => {
          ws.getRangeByIndexes(0, i, 1, 1).format.columnWidth = columnWidthPoints(c.width);
          if (c.validation) {
            const dv = ws.getRangeByIndexes(first, i, rows, 1).dataValidation;
            dv.rule = rule(c.validation);
            dv.errorAlert = alert(c.validation);
          }
        });
        ws.getRangeByIndexes(first, 0, 1, n).values = [cellRow(example)];

        // locks: everything below the header unlocked, then the title/header rows and the output columns locked
        ws.getRange().format.protection.locked = false;
        ws.getRangeByIndexes(0, 0, first, MAX_COLUMNS).format.protection.locked = true;
        for (const [a, b, output] of runs) if (output) ws.getRangeByIndexes(0, a, MAX_ROWS, b - a + 1).format.protection.locked = true;

        ws.freezePanes.freezeRows(first);
        ws.protection.protect(protectionOptions(model.permissions));
        ws.activate();
        ws.getRangeByIndexes(first, 0, 1, 1).select();
      },
    },
  ];
}

export async function addTemplate(session: Session, kind: TemplateKind, settings: Settings, department: string | undefined, budget: number): Promise<TemplateOutcome> {
  session.progress('template', 0);
  const model = templateFor(kind, settings, department);
  const worksheets = session.context.workbook.worksheets;
  worksheets.load('items/name');
  await session.sync(ACTION_OVERHEAD);
  const name = freeSheetName(model.sheetName, worksheets.items.map((w) => w.name));
  session.progress('template', 0.4);
  await runOps(session, templateOps(model, name), { budget, protectedSheets: new Map() });
  session.progress('template', 1);
  return { sheet: name, syncs: session.syncs };
}
