/**
 * Applies a WritePlan to an exceljs workbook: values with their number formats, output
 * header cells, shading, and the conditional formats on the output columns (replacing
 * those a previous review added there, so a second review changes nothing).
 */
import type ExcelJS from 'exceljs';
import { cellAddress, rangeAddress } from '../domain/address';
import { OUTPUT_DATA_FILL, OUTPUT_HEADER_FILL, type ConditionalFormatPlan, type SheetPlan, type WritePlan } from '../domain/plan';
import { parseRangeRef } from './ranges';

function argb(hex: string): string {
  return 'FF' + hex.replace('#', '').toUpperCase();
}

function fill(hex: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(hex) } };
}

function toRule(cf: ConditionalFormatPlan, priority: number): ExcelJS.ConditionalFormattingRule {
  if (cf.kind === 'iconSet') {
    return {
      type: 'iconSet',
      priority,
      iconSet: '3TrafficLights1',
      showValue: true,
      cfvo: [
        { type: 'num', value: 0 },
        { type: 'num', value: cf.thresholds[0] },
        { type: 'num', value: cf.thresholds[1] },
      ],
    } as ExcelJS.ConditionalFormattingRule;
  }
  return {
    type: 'expression',
    priority,
    formulae: [`${cellAddress(cf.top, cf.left)}="${cf.text.replace(/"/g, '""')}"`],
    style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(cf.fill) } }, font: { color: { argb: argb(cf.fontColor) } } },
  } as ExcelJS.ConditionalFormattingRule;
}

/** Drops conditional formats whose every range lies inside the given output columns. */
function removeOwnConditionalFormats(ws: ExcelJS.Worksheet, cols: Set<number>, top: number): void {
  const list = (ws as unknown as { conditionalFormattings: { ref: string }[] }).conditionalFormattings;
  if (!Array.isArray(list)) return;
  const keep = list.filter((cf) => {
    const parts = String(cf.ref).split(/\s+/);
    return !parts.every((p) => {
      const r = parseRangeRef(p);
      if (!r) return false;
      if (r.top < top) return false;
      for (let c = r.left; c <= r.right; c++) if (!cols.has(c)) return false;
      return true;
    });
  });
  list.length = 0;
  list.push(...keep);
}

export function applySheetPlan(ws: ExcelJS.Worksheet, plan: SheetPlan): void {
  for (const w of plan.writes) {
    for (let i = 0; i < w.values.length; i++) {
      const row = ws.getRow(w.top + i + 1);
      const line = w.values[i];
      for (let j = 0; j < line.length; j++) {
        const cell = row.getCell(w.left + j + 1);
        const v = line[j];
        cell.value = v;
        cell.numFmt = w.numberFormats[j];
        if (w.role === 'header') {
          cell.font = { bold: true };
          cell.fill = fill(OUTPUT_HEADER_FILL);
          cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
        } else {
          cell.fill = fill(OUTPUT_DATA_FILL);
        }
      }
    }
  }
  for (const c of plan.columns) {
    if (c.created) ws.getColumn(c.col + 1).width = c.width;
  }
  const cols = new Set(plan.columns.map((c) => c.col));
  removeOwnConditionalFormats(ws, cols, plan.firstDataRow);
  let priority = 1;
  for (const cf of plan.conditionalFormats) {
    ws.addConditionalFormatting({ ref: rangeAddress(cf.top, cf.left, cf.bottom, cf.right), rules: [toRule(cf, priority++)] });
  }
}

export function applyPlan(wb: ExcelJS.Workbook, plan: WritePlan): void {
  for (const sp of plan.sheets) {
    const ws = wb.getWorksheet(sp.sheet);
    if (!ws) throw new Error(`sheet not found: ${sp.sheet}`);
    applySheetPlan(ws, sp);
  }
}
