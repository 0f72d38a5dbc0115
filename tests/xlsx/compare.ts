/** Cell-by-cell comparison of workbooks read with exceljs, against a write plan. */
import type ExcelJS from 'exceljs';
import { OUTPUT_DATA_FILL, OUTPUT_HEADER_FILL, type PlanValue, type WritePlan } from '../../src/domain/plan/plan';

export interface CellSnap {
  value: unknown;
  style: string;
  numFmt: string | undefined;
  fill: unknown;
  font: unknown;
  alignment: unknown;
}

export function snapshot(wb: ExcelJS.Workbook): Map<string, Map<string, CellSnap>> {
  const out = new Map<string, Map<string, CellSnap>>();
  for (const ws of wb.worksheets) {
    const cells = new Map<string, CellSnap>();
    ws.eachRow({ includeEmpty: true }, (row) => {
      row.eachCell({ includeEmpty: true }, (cell) => {
        const style = JSON.stringify(cell.style ?? {});
        if ((cell.value === null || cell.value === undefined) && style === '{}') return;
        cells.set(cell.address, { value: cell.value, style, numFmt: cell.numFmt, fill: cell.fill, font: cell.font, alignment: cell.alignment });
      });
    });
    out.set(ws.name, cells);
  }
  return out;
}

export interface Expected {
  value: PlanValue;
  numFmt: string;
  role: 'header' | 'data';
}

function letters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function expectedCells(plan: WritePlan): Map<string, Map<string, Expected>> {
  const out = new Map<string, Map<string, Expected>>();
  for (const sp of plan.sheets) {
    const m = new Map<string, Expected>();
    for (const w of sp.writes) {
      w.values.forEach((line, i) =>
        line.forEach((v, j) => {
          m.set(`${letters(w.left + j)}${w.top + i + 1}`, { value: v, numFmt: w.numberFormats[j], role: w.role });
        }),
      );
    }
    out.set(sp.sheet, m);
  }
  return out;
}

/**
 * Every cell of every sheet: planned cells hold the planned value, format and shading;
 * every other cell is exactly as before (value and style). Returns the mismatches.
 */
export function compareWithPlan(before: ExcelJS.Workbook, after: ExcelJS.Workbook, plan: WritePlan, skipSheets: string[] = []): string[] {
  const a = snapshot(before);
  const b = snapshot(after);
  const exp = expectedCells(plan);
  const problems: string[] = [];
  for (const [sheet, cellsA] of a) {
    if (skipSheets.includes(sheet)) continue;
    const cellsB = b.get(sheet);
    if (!cellsB) {
      problems.push(`${sheet}: missing after patching`);
      continue;
    }
    const planned = exp.get(sheet) ?? new Map<string, Expected>();
    const all = new Set([...cellsA.keys(), ...cellsB.keys(), ...planned.keys()]);
    for (const addr of all) {
      const x = cellsA.get(addr);
      const y = cellsB.get(addr);
      const e = planned.get(addr);
      if (e) {
        const v = y?.value ?? null;
        if (v !== e.value) problems.push(`${sheet}!${addr}: value ${JSON.stringify(v)} ≠ planned ${JSON.stringify(e.value)}`);
        if (y?.numFmt !== e.numFmt) problems.push(`${sheet}!${addr}: numFmt ${y?.numFmt} ≠ ${e.numFmt}`);
        const fill = y?.fill as { type?: string; pattern?: string; fgColor?: { argb?: string } } | undefined;
        const want = 'FF' + (e.role === 'header' ? OUTPUT_HEADER_FILL : OUTPUT_DATA_FILL).slice(1).toUpperCase();
        if (fill?.pattern !== 'solid' || fill.fgColor?.argb !== want) problems.push(`${sheet}!${addr}: fill ${JSON.stringify(fill)}`);
        if (e.role === 'header') {
          const font = y?.font as { bold?: boolean } | undefined;
          const al = y?.alignment as { horizontal?: string; vertical?: string; wrapText?: boolean } | undefined;
          if (!font?.bold) problems.push(`${sheet}!${addr}: header not bold`);
          if (al?.horizontal !== 'center' || al.vertical !== 'middle' || !al.wrapText) problems.push(`${sheet}!${addr}: header alignment ${JSON.stringify(al)}`);
        }
        continue;
      }
      if (JSON.stringify(x?.value ?? null) !== JSON.stringify(y?.value ?? null)) problems.push(`${sheet}!${addr}: value changed ${JSON.stringify(x?.value)} → ${JSON.stringify(y?.value)}`);
      else if ((x?.style ?? '{}') !== (y?.style ?? '{}')) problems.push(`${sheet}!${addr}: style changed ${x?.style} → ${y?.style}`);
    }
  }
  return problems;
}
