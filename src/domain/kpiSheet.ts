/**
 * Reads the data rows of a KPI sheet into KpiRow values, naming every bad cell.
 * A row is a KPI row when its 指標名 is filled; a row with numbers but no 指標名 is an
 * error; a row with neither (a blank line, a heading, a ※ note) is skipped.
 */
import { parseAggregation, parseDirection, type Aggregation } from './enums';
import { parseFiscalYearCell } from './fiscalYear';
import type { KpiField, KpiHeader } from './headers';
import { makeIssue, type Issue } from './issues';
import { kpiRowSchema, type Actual, type KpiRow } from './kpi';
import type { MergeLookup } from './merges';
import type { MessageCode } from './messages';
import { displayText, parseNumberCell, type NumberCell } from './numberCell';
import { parseOrdinal } from './ordinals';
import { formatAt, sheetBottom, type RawSheet, type RawValue } from './raw';
import { sameUnit } from './units';

export const GOAL_PREFIXES = ['基本目標', '目標', 'goal'] as const;
export const MEASURE_PREFIXES = ['施策', 'measure'] as const;

export interface ParsedKpiSheet {
  sheet: string;
  header: KpiHeader;
  rows: KpiRow[];
  issues: Issue[];
  /** last row holding input data (header row when none) */
  lastRow: number;
}

function isBlank(v: RawValue): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

function textOf(v: RawValue): string {
  return isBlank(v) ? '' : displayText(v).trim();
}

export function parseKpiSheet(sheet: RawSheet, header: KpiHeader, merges: MergeLookup): ParsedKpiSheet {
  const issues: Issue[] = [...header.issues];
  const rows: KpiRow[] = [];
  const f = header.fields;
  const name = sheet.name;
  const bottom = sheetBottom(sheet);
  const seen = new Map<string, number>();
  let lastRow = header.row;

  const numericCols: number[] = [];
  if (f.baseline !== undefined) numericCols.push(f.baseline);
  if (f.target !== undefined) numericCols.push(f.target);
  for (const a of header.actuals) numericCols.push(a.col);
  const inputCols: number[] = [...numericCols];
  for (const k of Object.keys(f) as KpiField[]) if (k !== 'baseline' && k !== 'target') inputCols.push(f[k]!);

  for (let r = header.firstDataRow; r <= bottom; r++) {
    const line = sheet.values[r - sheet.top];
    if (!line) continue;
    const get = (col: number | undefined): RawValue => {
      if (col === undefined) return null;
      const v = line[col - sheet.left];
      if (v !== null && v !== undefined && v !== '') return v;
      const anchor = merges.anchorOf(r, col);
      return anchor && anchor.col === col ? merges.anchorValue(r, col) ?? null : null;
    };

    const indicatorRaw = get(f.indicator);
    const indicator = textOf(indicatorRaw);
    let anyNumber = false;
    for (const c of numericCols) {
      if (!isBlank(get(c))) {
        anyNumber = true;
        break;
      }
    }
    if (!indicator || indicator.startsWith('※')) {
      if (!indicator && anyNumber) {
        issues.push(makeIssue({ severity: 'error', code: 'indicator.missing', sheet: name, row: r, col: f.indicator!, header: header.texts.get(f.indicator!) }));
        lastRow = r;
      } else if (indicator || inputCols.some((c) => !isBlank(line[c - sheet.left]))) {
        lastRow = r;
      }
      continue;
    }
    lastRow = r;
    let rowOk = true;
    const fail = (col: number, code: MessageCode, found: string, extra: Record<string, string> = {}): void => {
      rowOk = false;
      issues.push(makeIssue({ severity: 'error', code, sheet: name, row: r, col, header: header.texts.get(col), params: { found, ...extra } }));
    };

    let goal: number | null = null;
    const goalRaw = get(f.goal);
    if (!isBlank(goalRaw)) {
      const p = parseOrdinal(goalRaw, GOAL_PREFIXES, false);
      if (p) goal = p.value;
      else fail(f.goal!, 'goal.invalid', textOf(goalRaw));
    }
    let measure: number | null = null;
    const measureRaw = get(f.measure);
    if (!isBlank(measureRaw)) {
      const p = parseOrdinal(measureRaw, MEASURE_PREFIXES, false);
      if (p) measure = p.value;
      else fail(f.measure!, 'measure.invalid', textOf(measureRaw));
    }
    const unit = textOf(get(f.unit));
    const directionRaw = get(f.direction);
    const direction = parseDirection(directionRaw);
    if (direction === null) fail(f.direction!, 'direction.invalid', textOf(directionRaw));
    const aggregationRaw = get(f.aggregation);
    const aggregationCell = parseAggregation(aggregationRaw);
    if (aggregationCell === null) fail(f.aggregation!, 'aggregation.invalid', textOf(aggregationRaw));

    const year = (col: number | undefined, fallback: number | null): number | null => {
      const v = get(col);
      const y = parseFiscalYearCell(v);
      if (!y.ok) {
        fail(col!, 'year.invalid', textOf(v));
        return null;
      }
      return y.year ?? fallback;
    };
    const baselineYear = year(f.baselineYear, header.baselineHeaderYear);
    const targetYear = year(f.targetYear, header.targetHeaderYear);

    let marked = '';
    const units: { col: number; unit: string; text: string }[] = [];
    const num = (col: number | undefined): number | null => {
      if (col === undefined) return null;
      const v = get(col);
      const p: NumberCell = parseNumberCell(v, formatAt(sheet, r, col), unit);
      if (p.kind === 'empty') return null;
      if (p.kind === 'invalid') {
        const code: MessageCode =
          p.problem === 'excelError' ? 'number.excelError'
          : p.problem === 'boolean' ? 'number.boolean'
          : p.problem === 'date' ? 'number.date'
          : p.problem === 'unit' ? 'number.unit'
          : p.problem === 'notFinite' ? 'number.notFinite'
          : 'number.text';
        fail(col, code, p.found, { unit: unit || '人、件、% など' });
        return null;
      }
      if (p.cumulative && !marked) marked = textOf(v);
      if (p.unit && !p.percent) units.push({ col, unit: p.unit, text: textOf(v) });
      return p.value;
    };
    const baseline = num(f.baseline);
    const target = num(f.target);
    const actuals: Actual[] = [];
    for (const a of header.actuals) {
      const v = num(a.col);
      if (v !== null) actuals.push({ year: a.year, value: v, col: a.col });
    }
    if (!rowOk) continue;

    let aggregation: Aggregation = aggregationCell ?? (marked ? 'cumulative' : 'single');
    if (aggregationCell === 'single' && marked) {
      issues.push(makeIssue({ severity: 'warning', code: 'warn.aggregationConflict', sheet: name, row: r, col: f.aggregation!, header: header.texts.get(f.aggregation!), params: { found: marked } }));
      aggregation = 'single';
    }
    const refUnit = unit || (units.length ? units[0].unit : '');
    for (const u of units) {
      if (refUnit && !sameUnit(u.unit, refUnit)) {
        issues.push(makeIssue({ severity: 'warning', code: 'warn.unitMismatch', sheet: name, row: r, col: u.col, header: header.texts.get(u.col), params: { found: u.unit, unit: refUnit } }));
      }
    }
    if (target !== null && target < 0) {
      issues.push(makeIssue({ severity: 'warning', code: 'warn.negativeTarget', sheet: name, row: r, col: f.target!, header: header.texts.get(f.target!), params: { found: String(target) } }));
    }

    const row: KpiRow = {
      sheet: name,
      row: r,
      goal,
      measure,
      project: textOf(get(f.project)),
      department: textOf(get(f.department)),
      indicator,
      unit,
      direction: direction ?? 'up',
      aggregation,
      baselineYear,
      baseline,
      actuals,
      targetYear,
      target,
      notes: textOf(get(f.notes)),
    };
    const checked = kpiRowSchema.safeParse(row);
    if (!checked.success) {
      // the cell parsers already guarantee these; never let a slip through silently
      fail(f.indicator!, 'row.invalid', checked.error.issues.map((i) => i.path.join('.') + ': ' + i.message).join('; '));
      continue;
    }
    const dupKey = `${measure ?? ''}|${row.project}|${indicator}`;
    const prev = seen.get(dupKey);
    if (prev !== undefined) {
      issues.push(makeIssue({ severity: 'warning', code: 'warn.duplicateKpi', sheet: name, row: r, col: f.indicator!, header: header.texts.get(f.indicator!), params: { found: indicator, other: String(prev + 1) } }));
    } else seen.set(dupKey, r);
    rows.push(row);
  }
  return { sheet: name, header, rows, issues, lastRow };
}
