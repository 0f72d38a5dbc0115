/**
 * Reads the data rows of a KPI sheet into KpiRow values, naming every bad cell.
 * A row is a KPI row when its 指標名 is filled; a row with numbers but no 指標名 is an
 * error; a row with neither (a blank line, a heading, a ※ note) is skipped.
 * Written for speed (a department file can hold 100,000 rows): no closures per row,
 * memoised cell schemas, a fast path for plain numbers.
 */
import {
  aggregationCellSchema,
  basicDirectionCellSchema,
  covidOverrideCellSchema,
  directionCellSchema,
  excludedCellSchema,
  fiscalYearCellSchema,
  kindCellSchema,
  ordinalCellSchema,
  revisionCellSchema,
  type CellIssueParams,
} from '../cells/cellSchemas';
import { departmentsOf, isGoalTargetSheet, type BasicDirection } from '../cells/evaluationCells';
import { INVALID_READ, MemoSchema, NUMBER_READ, NumberReader } from '../cells/cellReader';
import type { Aggregation, Direction } from '../cells/directionAggregation';
import type { KpiField, KpiHeader } from './headers';
import { makeIssue, type Issue, type IssueCode, type IssueParams } from '../base/issues';
import type { Actual, KpiKind, KpiRow, RevisionKind } from '../model/kpi';
import type { MergeLookup } from '../base/merges';
import { displayText } from '../cells/numberCell';
import { newScratch } from '../cells/numberFast';
import type { OrdinalParse } from '../cells/ordinals';
import { sheetBottom, type RawSheet, type RawValue } from '../base/raw';
import { sameUnit } from '../cells/unitWords';
import { listOf } from '../base/lists';
import { keepShape, letGo } from '../base/keptShapes';

export const GOAL_PREFIXES = ['基本目標', '目標', 'goal'] as const;
export const MEASURE_PREFIXES = ['施策', 'measure'] as const;

/** a row that could not be read, with the departments its 担当課 names (the per-department error count) */
export interface FailedRow {
  row: number;
  departments: string[];
}

export interface ParsedKpiSheet {
  sheet: string;
  header: KpiHeader;
  rows: KpiRow[];
  failedRows: FailedRow[];
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
const kindSchema = new MemoSchema<KpiKind | undefined>(kindCellSchema);
const basicDirectionSchema = new MemoSchema<BasicDirection | undefined>(basicDirectionCellSchema);
const revisionSchema = new MemoSchema<RevisionKind[] | undefined>(revisionCellSchema);
/** the revision marks of a row without any: one shared empty list */
const NO_REVISIONS = Object.freeze([]) as unknown as RevisionKind[];
const excludedSchema = new MemoSchema<boolean | undefined>(excludedCellSchema);
const covidOverrideSchema = new MemoSchema<'suspended' | 'none' | undefined>(covidOverrideCellSchema);

class KpiSheetReader {
  readonly issues: Issue[];
  readonly rows: KpiRow[] = listOf();
  readonly failedRows: FailedRow[] = [];
  private readonly numbers = new NumberReader();
  private readonly scratch = newScratch();
  /** rows seen per indicator name (most names are unique: the row itself), to warn about duplicates */
  private readonly seen = new Map<string, KpiRow | KpiRow[]>();
  private readonly f: Partial<Record<KpiField, number>>;
  private readonly numericCols: number[];
  private readonly otherCols: number[];
  private readonly hasMerges: boolean;
  /** the kind of a row whose 区分 is blank: 数値目標 on a sheet named so */
  private readonly sheetKind: KpiKind;
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
    keepShape(this);
    this.issues = [...header.issues];
    this.f = header.fields;
    this.lastRow = header.row;
    this.hasMerges = (sheet.merges?.length ?? 0) > 0;
    this.sheetKind = isGoalTargetSheet(sheet.name) ? 'goalTarget' : 'kpi';
    const f = this.f;
    this.numericCols = [];
    if (f.baseline !== undefined) this.numericCols.push(f.baseline);
    if (f.target !== undefined) this.numericCols.push(f.target);
    if (f.originalTarget !== undefined) this.numericCols.push(f.originalTarget);
    for (const a of header.actuals) this.numericCols.push(a.col);
    this.otherCols = [];
    for (const k of Object.keys(f) as KpiField[]) if (k !== 'baseline' && k !== 'target' && k !== 'originalTarget') this.otherCols.push(f[k]!);
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

  private warn(col: number, code: IssueCode, params: IssueParams, severity: 'warning' | 'info' = 'warning'): void {
    this.issues.push(makeIssue({ severity, code, sheet: this.sheet.name, row: this.r, col, header: this.header.texts.get(col), params }));
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
    if (s.detail !== '') this.warn(col, 'note.bracketDetail', { found: textOf(v), value: s.value, detail: s.detail }, 'info');
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

  /** an optional column read through its schema; undefined when absent, blank or unreadable (an error) */
  private pick<T>(col: number | undefined, schema: MemoSchema<T | undefined>, code: IssueCode): T | undefined {
    if (col === undefined) return undefined;
    const res = schema.read(this.cell(col));
    if (!res.ok) {
      this.error(col, code, res.issue.found);
      return undefined;
    }
    return res.value;
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
    if (row === null) {
      this.fail();
      return;
    }
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
      this.fail();
    } else if (indicator !== '' || this.otherCols.some((c) => !isBlank(this.line[c - this.sheet.left]))) {
      this.lastRow = this.r;
    }
  }

  private fail(): void {
    const col = this.f.department;
    this.failedRows.push({ row: this.r, departments: col === undefined ? [] : [...departmentsOf(textOf(this.cell(col)))] });
  }

  /** every cell of a KPI row, each bad one named; null when one was bad */
  private readKpiRow(indicator: string): KpiRow | null {
    const f = this.f;
    const kind = this.pick(f.kind, kindSchema, 'kind.invalid') ?? this.sheetKind;
    const writtenGoal = this.ordinal(f.goal, goalSchema, 'goal.invalid');
    const basic = this.pick(f.basicDirection, basicDirectionSchema, 'basicDirection.invalid');
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
    const originalTarget = this.num(f.originalTarget, unit);
    const revisionKinds = this.pick(f.revision, revisionSchema, 'revision.invalid') ?? NO_REVISIONS;
    const excluded = this.pick(f.inScope, excludedSchema, 'inScope.invalid') ?? false;
    const covidOverride = this.pick(f.covidOverride, covidOverrideSchema, 'covidOverride.invalid') ?? null;
    if (!this.rowOk) return null;

    const aggregation = this.aggregation(aggregationCell);
    if (target !== null && target < 0) this.warn(f.target!, 'warn.negativeTarget', { found: String(target) });
    const goal = this.goalOf(writtenGoal, basic);
    const department = f.department === undefined ? '' : textOf(this.cell(f.department));
    const notes = f.notes === undefined ? '' : textOf(this.cell(f.notes));
    if (excluded && notes === '') this.warn(f.notes ?? f.inScope!, 'warn.excludedNoNote', {});
    return {
      sheet: this.sheet.name,
      row: this.r,
      kind,
      goal,
      basicDirection: basic ? basic.code : null,
      basicDirectionTitle: basic ? basic.title : '',
      measure,
      project: f.project === undefined ? '' : textOf(this.cell(f.project)),
      department,
      departments: departmentsOf(department) as string[],
      indicator,
      unit,
      direction,
      aggregation,
      baselineYear,
      baseline,
      actuals,
      targetYear,
      target,
      notes,
      revisionKinds,
      originalTarget,
      excluded,
      covidOverride,
    };
  }

  /** 基本目標 as written; when blank, the goal the 基本的方向 names (1-1 → 1); a 基本的方向 of another goal is warned about */
  private goalOf(written: number | null, basic: BasicDirection | undefined): number | null {
    if (!basic) return written;
    if (written === null) return basic.goal;
    if (written !== basic.goal) this.warn(this.f.basicDirection!, 'warn.directionGoalMismatch', { found: basic.code, goal: written });
    return written;
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
    // a copy of its own length: an array grown by push keeps room for 17 (≈11 MB at 100,000 rows)
    return actuals.slice();
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
  const parsed = { sheet: sheet.name, header, rows: reader.rows, failedRows: reader.failedRows, issues: reader.issues, lastRow: reader.lastRow };
  letGo(reader); // it holds the sheet and a lookup of every row's name
  return parsed;
}
