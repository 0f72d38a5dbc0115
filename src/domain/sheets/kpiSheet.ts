/**
 * Reads the data rows of a KPI sheet into KpiRow values, naming every bad cell.
 * A row is a KPI row when its 指標名 is filled; a row with numbers but no 指標名 is an
 * error; a row with neither (a blank line, a heading, a ※ note) is skipped.
 * Written for speed (a department file can hold 100,000 rows): no closures per row,
 * memoised cell schemas, a fast path for plain numbers.
 */
import { aggregationCellSchema, directionCellSchema, fiscalYearCellSchema, ordinalCellSchema, type CellIssueParams } from '../cells/cellSchemas';
import { INVALID_READ, MemoSchema, NUMBER_READ, NumberReader } from '../cells/cellReader';
import type { Aggregation, Direction } from '../cells/directionAggregation';
import type { KpiField, KpiHeader } from './headers';
import { makeIssue, type Issue, type IssueCode, type IssueParams } from '../base/issues';
import type { Actual, KpiRow } from '../model/kpi';
import type { MergeLookup } from '../base/merges';
import { displayText } from '../cells/numberCell';
import { newScratch } from '../cells/numberFast';
import type { OrdinalParse } from '../cells/ordinals';
import { sheetBottom, type RawSheet, type RawValue } from '../base/raw';
import { sameUnit } from '../cells/unitWords';

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
  return v === null || v === undefined || (typeof v === 'string' && (v === '' || v.trim() === ''));
}

function textOf(v: RawValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  return displayText(v).trim();
}

const NUMBER_CODES: Record<CellIssueParams['problem'], IssueCode> = {
  text: 'number.text',
  excelError: 'number.excelError',
  boolean: 'number.boolean',
  date: 'number.date',
  unit: 'number.unit',
  notFinite: 'number.notFinite',
  invalid: 'number.text',
};

const goalSchema = new MemoSchema<OrdinalParse>(ordinalCellSchema(GOAL_PREFIXES, false));
const measureSchema = new MemoSchema<OrdinalParse>(ordinalCellSchema(MEASURE_PREFIXES, false));
const directionSchema = new MemoSchema<Direction | undefined>(directionCellSchema);
const aggregationSchema = new MemoSchema<Aggregation | undefined>(aggregationCellSchema);
const yearSchema = new MemoSchema<number | null>(fiscalYearCellSchema);

class KpiSheetReader {
  readonly issues: Issue[];
  readonly rows: KpiRow[] = [];
  private readonly numbers = new NumberReader();
  private readonly scratch = newScratch();
  /** rows seen per indicator name (most names are unique: the row itself), to warn about duplicates */
  private readonly seen = new Map<string, KpiRow | KpiRow[]>();
  private readonly f: Partial<Record<KpiField, number>>;
  private readonly numericCols: number[];
  private readonly otherCols: number[];
  private readonly hasMerges: boolean;
  private line: RawValue[] = [];
  private r = 0;
  private rowOk = true;
  private marked = '';
  private refUnit = '';
  lastRow: number;

  constructor(
    private readonly sheet: RawSheet,
    private readonly header: KpiHeader,
    private readonly merges: MergeLookup,
  ) {
    this.issues = [...header.issues];
    this.f = header.fields;
    this.lastRow = header.row;
    this.hasMerges = (sheet.merges?.length ?? 0) > 0;
    const f = this.f;
    this.numericCols = [];
    if (f.baseline !== undefined) this.numericCols.push(f.baseline);
    if (f.target !== undefined) this.numericCols.push(f.target);
    for (const a of header.actuals) this.numericCols.push(a.col);
    this.otherCols = [];
    for (const k of Object.keys(f) as KpiField[]) if (k !== 'baseline' && k !== 'target') this.otherCols.push(f[k]!);
  }

  /** the cell, or for a cell covered by a vertical merge, the merge's value */
  private cell(col: number | undefined): RawValue {
    if (col === undefined) return null;
    const v = this.line[col - this.sheet.left];
    if (v !== null && v !== undefined && v !== '') return v;
    if (!this.hasMerges) return null;
    const anchor = this.merges.anchorOf(this.r, col);
    return anchor && anchor.col === col ? this.merges.anchorValue(this.r, col) ?? null : null;
  }

  private error(col: number, code: IssueCode, found: string, unit = ''): void {
    this.rowOk = false;
    this.issues.push(
      makeIssue({ severity: 'error', code, sheet: this.sheet.name, row: this.r, col, header: this.header.texts.get(col), params: { found, unit: unit || { key: 'word.unitExamples' } } }),
    );
  }

  private warn(col: number, code: IssueCode, params: IssueParams): void {
    this.issues.push(makeIssue({ severity: 'warning', code, sheet: this.sheet.name, row: this.r, col, header: this.header.texts.get(col), params }));
  }

  private num(col: number | undefined, unit: string): number | null {
    if (col === undefined) return null;
    const v = this.cell(col);
    const fmt = this.sheet.numberFormats ? this.sheet.numberFormats[this.r - this.sheet.top]?.[col - this.sheet.left] ?? null : null;
    const s = this.scratch;
    const kind = this.numbers.read(v, fmt, unit, s);
    if (kind === INVALID_READ) {
      this.error(col, NUMBER_CODES[this.numbers.issue.problem], this.numbers.issue.found, unit);
      return null;
    }
    if (kind !== NUMBER_READ) return null;
    if (s.cumulative && !this.marked) this.marked = textOf(v);
    if (s.unit !== '' && !s.percent) {
      if (this.refUnit === '') this.refUnit = s.unit;
      else if (s.unit !== this.refUnit && !sameUnit(s.unit, this.refUnit)) this.warn(col, 'warn.unitMismatch', { found: s.unit, unit: this.refUnit });
    }
    return s.value;
  }

  private year(col: number | undefined, fallback: number | null): number | null {
    if (col === undefined) return fallback;
    const res = yearSchema.read(this.cell(col));
    if (!res.ok) {
      this.error(col, 'year.invalid', res.issue.found);
      return null;
    }
    return res.value ?? fallback;
  }

  private ordinal(col: number | undefined, schema: MemoSchema<OrdinalParse>, code: IssueCode): number | null {
    if (col === undefined) return null;
    const v = this.cell(col);
    if (isBlank(v)) return null;
    const res = schema.read(v);
    if (!res.ok) {
      this.error(col, code, res.issue.found);
      return null;
    }
    return res.value.value;
  }

  run(): void {
    const sheet = this.sheet;
    const bottom = sheetBottom(sheet);
    for (let r = this.header.firstDataRow; r <= bottom; r++) {
      const line = sheet.values[r - sheet.top];
      if (!line || line.length === 0) continue;
      this.line = line;
      this.r = r;
      this.readRow();
    }
  }

  /** one data row: a KPI row (指標名 filled), or a row that is not one */
  private readRow(): void {
    const indicator = textOf(this.cell(this.f.indicator));
    if (indicator === '' || indicator.charCodeAt(0) === 0x203b /* ※ */) {
      this.readOtherRow(indicator);
      return;
    }
    this.lastRow = this.r;
    this.rowOk = true;
    this.marked = '';
    const row = this.readKpiRow(indicator);
    if (row === null) return;
    this.warnDuplicate(row);
    this.rows.push(row);
  }

  /**
   * A row without 指標名 (or a ※ note): numbers there are an error (a KPI without its name);
   * a note or any input in the table's columns still extends the table.
   */
  private readOtherRow(indicator: string): void {
    const f = this.f;
    let anyNumber = false;
    for (const c of this.numericCols) if (!isBlank(this.cell(c))) anyNumber = true;
    if (indicator === '' && anyNumber) {
      this.rowOk = false;
      this.issues.push(makeIssue({ severity: 'error', code: 'indicator.missing', sheet: this.sheet.name, row: this.r, col: f.indicator!, header: this.header.texts.get(f.indicator!) }));
      this.lastRow = this.r;
    } else if (indicator !== '' || this.otherCols.some((c) => !isBlank(this.line[c - this.sheet.left]))) {
      this.lastRow = this.r;
    }
  }

  /** every cell of a KPI row, each bad one named; null when one was bad */
  private readKpiRow(indicator: string): KpiRow | null {
    const f = this.f;
    const goal = this.ordinal(f.goal, goalSchema, 'goal.invalid');
    const measure = this.ordinal(f.measure, measureSchema, 'measure.invalid');
    const unit = f.unit === undefined ? '' : textOf(this.cell(f.unit));
    this.refUnit = unit;
    const direction = this.direction();
    const aggregationCell = this.aggregationCell();
    const baselineYear = this.year(f.baselineYear, this.header.baselineHeaderYear);
    const targetYear = this.year(f.targetYear, this.header.targetHeaderYear);
    const baseline = this.num(f.baseline, unit);
    const target = this.num(f.target, unit);
    const actuals = this.actuals(unit);
    if (!this.rowOk) return null;

    const aggregation = this.aggregation(aggregationCell);
    if (target !== null && target < 0) this.warn(f.target!, 'warn.negativeTarget', { found: String(target) });
    return {
      sheet: this.sheet.name,
      row: this.r,
      goal,
      measure,
      project: f.project === undefined ? '' : textOf(this.cell(f.project)),
      department: f.department === undefined ? '' : textOf(this.cell(f.department)),
      indicator,
      unit,
      direction,
      aggregation,
      baselineYear,
      baseline,
      actuals,
      targetYear,
      target,
      notes: f.notes === undefined ? '' : textOf(this.cell(f.notes)),
    };
  }

  /** 方向: 増加 when blank or when the sheet has no 方向 column */
  private direction(): Direction {
    const col = this.f.direction;
    if (col === undefined) return 'up';
    const d = directionSchema.read(this.cell(col));
    if (!d.ok) {
      this.error(col, 'direction.invalid', d.issue.found);
      return 'up';
    }
    return d.value ?? 'up';
  }

  /** 集計 as written (undefined when blank or absent) */
  private aggregationCell(): Aggregation | undefined {
    const col = this.f.aggregation;
    if (col === undefined) return undefined;
    const a = aggregationSchema.read(this.cell(col));
    if (!a.ok) {
      this.error(col, 'aggregation.invalid', a.issue.found);
      return undefined;
    }
    return a.value;
  }

  /** 集計 as written wins; when blank, a value written as a running total (累計45) makes the KPI 累計 */
  private aggregation(written: Aggregation | undefined): Aggregation {
    if (written === 'single' && this.marked) this.warn(this.f.aggregation!, 'warn.aggregationConflict', { found: this.marked });
    return written ?? (this.marked ? 'cumulative' : 'single');
  }

  /** the 実績 values present, by fiscal year */
  private actuals(unit: string): Actual[] {
    const actuals: Actual[] = [];
    for (const a of this.header.actuals) {
      const v = this.num(a.col, unit);
      if (v !== null) actuals.push({ year: a.year, value: v, col: a.col });
    }
    return actuals;
  }

  /** a second row with the same 施策, 事業名 and 指標名 is probably a copy: warn */
  private warnDuplicate(row: KpiRow): void {
    const same = this.seen.get(row.indicator);
    if (same === undefined) {
      this.seen.set(row.indicator, row);
      return;
    }
    const list = Array.isArray(same) ? same : [same];
    const twin = list.find((x) => x.measure === row.measure && x.project === row.project);
    if (twin) this.warn(this.f.indicator!, 'warn.duplicateKpi', { found: row.indicator, other: String(twin.row + 1) });
    else {
      list.push(row);
      if (list !== same) this.seen.set(row.indicator, list);
    }
  }
}

export function parseKpiSheet(sheet: RawSheet, header: KpiHeader, merges: MergeLookup): ParsedKpiSheet {
  const reader = new KpiSheetReader(sheet, header, merges);
  reader.run();
  return { sheet: sheet.name, header, rows: reader.rows, issues: reader.issues, lastRow: reader.lastRow };
}
