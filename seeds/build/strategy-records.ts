import { CorrectionLog } from './corrections';
import { ListedProject, sameProject } from './project-lists';
import { DraftProject, DraftRow, StrategyDraft } from './strategy-parse';
import { numberToCircled } from './text';
import { Direction, KpiRecord } from './types';
import { parseValue, valueText } from './value-text';

const STRATEGY = '000_e27a19abb44fdd72.txt';
const MEETING = '001_aa66fca4020afccb.txt';

/** KPIs where lower is better. Everything else is 増加, whatever its numbers do (SPEC §2). */
const DECREASING: Record<string, string> = {
  待機児童数: 'children waiting for an after-school club place: the aim is none (3 → 0)',
};

/** The one unit the values of a row share (`100%（6隊）` counts as `%`); '' when none has a unit. */
function unitOf(r: DraftRow, values: string[]): string {
  const units = new Set(values.map((v) => parseValue(v)?.unit).filter((u): u is string => u !== undefined));
  if (units.size > 1) throw new Error(`${r.indicator}: mixed units ${[...units].join(',')}`);
  return [...units][0] ?? '';
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}

function toRecord(
  id: string, r: DraftRow, goal: number, measure: number | null, project: string, department: string, markers: string[], basicDirection: string,
): KpiRecord {
  const baseline = valueText(r.baseline);
  const actual = valueText(r.actual);
  const target = valueText(r.target);
  const notes = [...r.notes];
  if (r.extraTargets.length) {
    notes.push(`目標値欄に併記の${r.extraTargets.map(valueText).join('・')}は見直し前の目標値と判断`);
  }
  const direction: Direction = r.indicator in DECREASING ? '減少' : '増加';
  return {
    id,
    goal,
    measure,
    project,
    department,
    indicator: r.indicator,
    unit: unitOf(r, [baseline, actual, target]),
    direction,
    aggregation: [actual, target].some((v) => v.startsWith('累計')) ? '累計' : '単年',
    baselineYear: r.baselineYear,
    baseline,
    actualYear: r.actualYear,
    actual,
    targetYear: r.targetYear,
    target,
    notes: notes.join(' ／ '),
    markers: unique([...markers, ...r.markers]),
    basicDirection,
    originalTarget: r.extraTargets.length ? valueText(r.extraTargets[0]) : '',
  };
}

/**
 * Names a project whose heading the OCR lost from the 展開する事業 list of its 施策 in 001: the
 * list entry that sits between the entries of its named neighbours and matches no named project.
 */
function nameLostHeadings(projects: DraftProject[], lists: Map<number, ListedProject[]>, log: CorrectionLog): Map<DraftProject, string> {
  const names = new Map<DraftProject, string>();
  const measures = unique(projects.map((p) => String(p.measure))).map(Number);
  for (const m of measures) {
    const own = projects.filter((p) => p.measure === m);
    const list = lists.get(m) ?? [];
    const indexOf = own.map((p) => (p.headless ? -1 : list.findIndex((l) => sameProject(l.name, p.name))));
    const used = new Set(indexOf.filter((i) => i >= 0));
    own.forEach((p, j) => {
      if (!p.headless) return;
      const lo = Math.max(-1, ...indexOf.slice(0, j));
      const later = indexOf.slice(j + 1).filter((i) => i >= 0);
      const hi = later.length ? Math.min(...later) : list.length;
      const k = list.findIndex((_, i) => i > lo && i < hi && !used.has(i));
      if (k < 0) {
        log.add(STRATEGY, p.line, '(事業名なし)', '', `project heading lost in the OCR and 001 lists no further project for 施策${numberToCircled(m)}: left empty`);
        return;
      }
      used.add(k);
      names.set(p, list[k].name);
      log.add(STRATEGY, p.line, '(事業名なし)', list[k].name, `project heading lost in the OCR; named from the 展開する事業 list of 施策${numberToCircled(m)} in ${MEETING} line ${list[k].line}`);
    });
  }
  return names;
}

export function toRecords(draft: StrategyDraft, lists: Map<number, ListedProject[]>, log: CorrectionLog): { kpis: KpiRecord[]; goalTargets: KpiRecord[] } {
  const measures = unique(draft.projects.map((p) => String(p.measure)));
  if (measures.length !== draft.statedMeasureCount) {
    throw new Error(`000 states ${draft.statedMeasureCount} 施策 but ${measures.length} were read`);
  }
  const lostNames = nameLostHeadings(draft.projects, lists, log);
  const kpis: KpiRecord[] = [];
  for (const p of draft.projects) {
    if (!p.rows.length) throw new Error(`000:${p.line}: project ${p.name} has no KPI rows`);
    const name = p.headless ? lostNames.get(p) ?? '' : p.name;
    for (const r of p.rows) {
      const id = `K${String(kpis.length + 1).padStart(3, '0')}`;
      kpis.push(toRecord(id, r, p.goal, p.measure, name, p.department, p.markers, p.section));
    }
  }
  const goalTargets = draft.goalRows.map((r, i) => {
    if (r.extraTargets.length) {
      log.add(STRATEGY, r.line, `${r.target} / ${r.extraTargets.join(' / ')}`, r.target,
        'two 目標値 printed after the 数値目標変更: the first (累計43件) is taken as current, see README');
    }
    return toRecord(`G${String(i + 1).padStart(2, '0')}`, r, r.goal, null, '', '', [], '');
  });
  return { kpis, goalTargets };
}
