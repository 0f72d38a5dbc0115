import { CorrectionLog } from './corrections';
import { toItems } from './markdown-items';
import { CIRCLED_CLASS, circledToNumber, closeOcrGaps, eraYear, numberToCircled, squash } from './text';

/**
 * Walks the item stream of 000 (the 2nd-term strategy) and collects every 数値目標 row and every
 * KPI row with the project heading above it. Output is "draft" rows: raw value texts, the years
 * read from their table header and the ※ notes attached; strategy-records.ts turns them into records.
 */

export interface DraftRow {
  line: number;
  indicator: string;
  baseline: string;
  actual: string;
  target: string;
  /** Further 目標値 printed under the row (新規創業件数). */
  extraTargets: string[];
  /** The indicator cell carried a ※ mark that a note below refers to. */
  flagged: boolean;
  baselineYear: number;
  actualYear: number;
  targetYear: number;
  notes: string[];
  markers: string[];
}

export interface DraftProject {
  goal: number;
  /** 基本的方向 as its heading prints it: `1-1 若者の雇用機会の確保・拡大` */
  section: string;
  measure: number;
  name: string;
  department: string;
  markers: string[];
  /** Source line of the heading, or of the first description where the heading is lost. */
  line: number;
  headless: boolean;
  rows: DraftRow[];
}

export interface StrategyDraft {
  goalRows: (DraftRow & { goal: number })[];
  projects: DraftProject[];
  /** What the document says about itself: "19の「施策」". */
  statedMeasureCount: number;
}

const MARKER_RE = /KPI\s*変更|新規事業|事業内容変更|取組終了|新規施策|数値目標変更/g;
const DEPT_SUFFIX = /(課|室|所|館|センター|本部)$/;
const FILE = '000_e27a19abb44fdd72.txt';

function markersIn(s: string): string[] {
  return [...s.matchAll(MARKER_RE)].map((m) => m[0].replace(/\s+/g, ''));
}

function withoutMarkers(s: string): string {
  return s.replace(MARKER_RE, '').replace(/\*\*/g, '').trim();
}

function isMarkerOnly(s: string): boolean {
  return markersIn(s).length > 0 && withoutMarkers(s) === '';
}

/** `【政策推進課／工業・雇用振興課】` → the department text; null for other 【…】 labels. */
function departmentIn(s: string): string | null {
  const m = /【([^】]+)】/.exec(s);
  if (!m) return null;
  const dept = closeOcrGaps(m[1]);
  return dept.split('／').every((d) => DEPT_SUFFIX.test(d.trim())) ? dept : null;
}

function isDescription(s: string): boolean {
  return /^(-\s*)?[➢➤▶・]/.test(s) || /^-\s/.test(s) || s.startsWith('<主な事業>');
}

/** Heading text → project name: no 【担当課】, markers or footnote references (※12, ^{※3}). */
function projectName(s: string): string {
  return closeOcrGaps(withoutMarkers(s.replace(/【[^】]*】/g, '')).replace(/\^?\{?※\d+\}?/g, ' '));
}

type Column = 'baseline' | 'actual' | 'target';

interface Table {
  goalTable: boolean;
  rows: DraftRow[];
  flaggedColumns: Set<Column>;
  years: { baseline: number; actual: number; target: number };
}

export function parseStrategy(source: string, log: CorrectionLog): StrategyDraft {
  const projects: DraftProject[] = [];
  const goalRows: (DraftRow & { goal: number })[] = [];
  let goal = 0;
  let section = '';
  let goalTables = 0;
  let measure = 0;
  let measureMarkers: string[] = [];
  let zoneOpen = false; // inside ■事業名・事業の内容 of a measure
  let project: (DraftProject & { described: boolean; tables: number }) | null = null;
  let table: Table | null = null; // rows may still follow
  let noteTable: Table | null = null; // ※ notes may still follow
  let statedMeasureCount = 0;

  const closeZone = () => {
    zoneOpen = false;
    table = null;
    noteTable = null;
  };

  const startProject = (line: number, headless: boolean, heading = '') => {
    project = {
      goal,
      section,
      measure,
      name: headless ? '' : projectName(heading),
      department: (!headless && departmentIn(heading)) || '',
      markers: [...markersIn(heading), ...measureMarkers],
      line,
      headless,
      rows: [],
      described: headless,
      tables: 0,
    };
    projects.push(project);
  };

  const onText = (raw: string, line: number) => {
    const t = raw.replace(/\*\*/g, '').trim();
    const stated = /(\d+)の「施策」/.exec(t);
    if (stated) statedMeasureCount = Number(stated[1]);

    const sectionHead = /^(\d)-(\d)\s/.exec(t);
    if (sectionHead) {
      closeZone();
      goal = Number(sectionHead[1]);
      section = `${sectionHead[1]}-${sectionHead[2]} ${closeOcrGaps(t.slice(sectionHead[0].length))}`;
      if (goal !== goalTables) throw new Error(`000:${line}: section ${sectionHead[0]} follows 数値目標 of goal ${goalTables}`);
      return;
    }
    const measureHead = new RegExp(`^施策\\s*(${CIRCLED_CLASS})`).exec(t);
    if (measureHead) {
      closeZone();
      const printed = circledToNumber(measureHead[1]);
      const expected = measure + 1;
      if (printed !== expected) {
        log.add(FILE, line, `施策${measureHead[1]}`, `施策${numberToCircled(expected)}`,
          expected === 18
            ? '4-4 carries 施策⑱ (001 lists it as 施策⑱); the OCR printed ⑩'
            : 'the 2022 ゼロカーボン measure follows 施策⑱, so it is 施策⑲ (000 says 19 施策)');
      }
      measure = expected;
      measureMarkers = [];
      return;
    }
    if (t.includes('■事業名・事業の内容')) {
      zoneOpen = true;
      project = null;
      return;
    }
    if (/^※\d/.test(t)) { // footnote definition (※6 Society5.0): the measure's projects are done
      closeZone();
      return;
    }
    if (t.startsWith('※')) {
      if (noteTable) attachNote(noteTable, t, line, log);
      return;
    }
    if (!zoneOpen) {
      if (measure && isMarkerOnly(t)) measureMarkers.push(...markersIn(t)); // 新規施策 under 施策⑲
      return;
    }
    table = null;
    const kpiLabel = t.includes('重要業績評価指標');
    const description = !kpiLabel && isDescription(t);
    const open = project && project.tables === 0 ? project : null; // heading read, table not yet
    if (open) {
      if (description) open.described = true;
      if (kpiLabel || description || open.described || t.startsWith('■')) return;
      if (isMarkerOnly(t) || t.startsWith('【')) { // heading continues: 【担当課】 and/or markers
        open.department ||= departmentIn(t) ?? '';
        open.markers.push(...markersIn(t));
        return;
      }
      throw new Error(`000:${line}: second heading line "${t}" for ${open.name}`);
    }
    noteTable = null;
    if (kpiLabel || description) { // the OCR lost this project's heading
      startProject(line, true);
      return;
    }
    if (isMarkerOnly(t) || t.startsWith('【') || t.startsWith('■')) throw new Error(`000:${line}: "${t}" outside a project heading`);
    startProject(line, false, t);
  };

  const onRow = (cells: string[], line: number) => {
    const first = squash(cells[0] ?? '');
    if (first === '指標名' || first === '数値目標') {
      const goalTable = first === '数値目標';
      if (goalTable) goalTables += 1;
      else if (!project) throw new Error(`000:${line}: KPI table without a project`);
      else project.tables += 1;
      table = {
        goalTable,
        rows: [],
        flaggedColumns: new Set(
          (['baseline', 'actual', 'target'] as Column[]).filter((_, i) => (cells[i + 1] ?? '').includes('※')),
        ),
        years: { baseline: yearOf(cells[1], line), actual: yearOf(cells[2], line), target: yearOf(cells[3], line) },
      };
      noteTable = table;
      return;
    }
    if (first.startsWith('※')) {
      onText(cells[0], line);
      return;
    }
    if (table && !cells[0] && cells.slice(1).some(Boolean) && table.rows.length) {
      table.rows[table.rows.length - 1].extraTargets.push(cells.filter(Boolean).join(''));
      return;
    }
    if (table && cells[0] && cells[1] && cells[2] && cells[3] && !departmentIn(cells[0])) {
      addRow(table, cells, line);
      return;
    }
    onText(rowAsText(cells, line), line);
  };

  const addRow = (t: Table, cells: string[], line: number) => {
    const flagged = /※$/.test(cells[0]);
    const row: DraftRow = {
      line,
      indicator: closeOcrGaps(cells[0].replace(/※$/, '')),
      baseline: cells[1],
      actual: cells[2],
      target: cells[3],
      extraTargets: [],
      flagged,
      baselineYear: t.years.baseline,
      actualYear: t.years.actual,
      targetYear: t.years.target,
      notes: [],
      markers: [],
    };
    if (markersIn(row.baseline).length) { // 新規創業件数: 「数値目標変更」 printed in the 基準値 column
      row.markers.push(...markersIn(row.baseline));
      log.add(FILE, line, row.baseline, '—', 'a marker printed in the 基準値 column, not a value: moved to markers');
      row.baseline = '—';
    }
    if (t.goalTable) {
      goalRows.push({ ...row, goal: goalTables });
      t.rows.push(goalRows[goalRows.length - 1]);
      return;
    }
    const same = project!.rows.find((r) =>
      r.indicator === row.indicator && squash(r.baseline + r.actual + r.target) === squash(row.baseline + row.actual + row.target));
    if (same) { // the markdown copy of a table already read from its HTML rendering
      t.rows.push(same);
      return;
    }
    project!.rows.push(row);
    t.rows.push(row);
  };

  const rowAsText = (cells: string[], line: number): string => {
    const icons = cells.filter((c, i) => i > 0 && /^\d+$/.test(c));
    if (icons.length) log.add(FILE, line, icons.join(' '), '', 'SDG goal icon numbers printed in a table heading row: not data');
    return cells.filter((c, i) => c && !(i > 0 && /^\d+$/.test(c))).join(' ');
  };

  for (const item of toItems(source)) {
    if (item.kind === 'text') onText(item.text, item.line);
    else onRow(item.cells, item.line);
  }
  return { goalRows, projects, statedMeasureCount };
}

function yearOf(header: string | undefined, line: number): number {
  const y = eraYear(header ?? '');
  if (y === null) throw new Error(`000:${line}: no year in table header "${header}"`);
  return y;
}

const NOTE_COLUMNS: Record<string, Column> = { 基準値: 'baseline', 実績値: 'actual', 目標値: 'target' };

/**
 * Attaches a ※ note to the rows it is about: a note naming a column (※実績値（令和3年度）…) goes
 * to the rows of that table, whose header marks that column with ※, narrowed by a 【indicator】
 * qualifier when present; any other note goes to the row whose indicator it names or, failing
 * that, to the row carrying the ※ mark.
 */
function attachNote(table: Table, raw: string, line: number, log: CorrectionLog): void {
  const note = closeOcrGaps(raw);
  const column = /^※(基準値|実績値|目標値)[（(][^）)]*[）)](?:【([^】]+)】)?/.exec(squash(note));
  let rows: DraftRow[];
  if (column) {
    if (!table.flaggedColumns.has(NOTE_COLUMNS[column[1]])) throw new Error(`000:${line}: note on ${column[1]}, which the table header does not mark with ※`);
    rows = column[2] ? table.rows.filter((r) => r.indicator === column[2]) : table.rows;
  } else {
    const named = table.rows.filter((r) => squash(note).startsWith(`※${squash(r.indicator)}`));
    rows = named.length ? named : table.rows.filter((r) => r.flagged);
  }
  if (!rows.length) throw new Error(`000:${line}: note matches no row: ${note}`);
  for (const r of rows) r.notes.push(note);
  const targetYear = /目標値[（(](?:平成|令和)\d+年度?[）)]/.test(squash(note)) ? eraYear(note) : null;
  if (targetYear !== null) {
    for (const r of rows) {
      if (r.targetYear !== targetYear) {
        log.add(FILE, line, `目標年度 ${r.targetYear}`, `目標年度 ${targetYear}`, `the ※ note of ${r.indicator} gives the target's own year`);
        r.targetYear = targetYear;
      }
    }
  }
}
