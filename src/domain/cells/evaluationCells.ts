/**
 * The optional columns through which staff say how a row is evaluated: 区分 (KPI or a basic
 * goal's 数値目標), 基本的方向 (1-1), 変更区分 (the mid-term revision), 評価対象 (対象 / 対象外),
 * コロナ判定 (中止 / 影響なし), and 担当課 naming several departments.
 * Each parser: undefined = blank, null = not readable (an error naming the cell).
 */
import { nfkc, removeSpaces } from '../base/text';
import type { KpiKind } from '../model/kpi';

/** the marks of the mid-term revision (seed 000: 中間見直し), as the city prints them */
export const REVISION_KINDS = ['KPI変更', '新規事業', '事業内容変更', '取組終了', '数値目標変更', '新規施策'] as const;
export type RevisionKind = (typeof REVISION_KINDS)[number];

function key(v: unknown): string | null {
  if (v === null || v === undefined) return '';
  if (typeof v !== 'string') return null;
  return removeSpaces(nfkc(v)).toLowerCase().replace(/[_-]/g, '');
}

function lookup<T>(table: Record<string, T>, v: unknown): T | undefined | null {
  const k = key(v);
  if (k === null) return null;
  if (k === '') return undefined;
  return table[k] ?? null;
}

/** the words written into the sheets (template dropdowns); each is also read back */
export const KIND_LABEL: Record<KpiKind, string> = { kpi: 'KPI', goalTarget: '数値目標' };
export const IN_SCOPE_LABEL = { included: '対象', excluded: '対象外' } as const;
export const COVID_OVERRIDE_LABEL: Record<'suspended' | 'none', string> = { suspended: '中止', none: '影響なし' };

const KINDS: Record<string, KpiKind> = {
  kpi: 'kpi', 重要業績評価指標: 'kpi', 評価指標: 'kpi', 指標: 'kpi',
  数値目標: 'goalTarget', 基本目標の数値目標: 'goalTarget', goaltarget: 'goalTarget', target: 'goalTarget',
};

/** 区分: KPI or 数値目標 */
export function parseKind(v: unknown): KpiKind | undefined | null {
  return lookup(KINDS, v);
}

/** A sheet named like 数値目標 holds the basic goals' 数値目標 (the sample's first sheet, seed 001's table). */
export function isGoalTargetSheet(name: string): boolean {
  const k = removeSpaces(nfkc(name)).toLowerCase();
  return k.includes('数値目標') || k.includes('goaltarget');
}

/** 基本的方向 as written: "1-1", "１－１ 若者の雇用機会の確保・拡大", "基本的方向1-1" */
export interface BasicDirection {
  /** "1-1" */
  code: string;
  goal: number;
  title: string;
}

const DIRECTION_CODE = /^(?:基本的方向|方向)?\s*(\d{1,3})\s*[-‐‑–—−ー－の]\s*(\d{1,3})(?!\d)\s*[:：.．、)）]?\s*(.*)$/su;

export function parseBasicDirection(v: unknown): BasicDirection | undefined | null {
  if (v === null || v === undefined) return undefined;
  if (typeof v !== 'string') return null;
  const s = nfkc(v).trim();
  if (s === '') return undefined;
  const m = DIRECTION_CODE.exec(s);
  if (!m) return null;
  const goal = Number(m[1]);
  const n = Number(m[2]);
  if (goal < 1 || n < 1) return null;
  return { code: `${goal}-${n}`, goal, title: m[3].trim() };
}

const REVISION_BY_KEY = new Map<string, RevisionKind>(REVISION_KINDS.map((k) => [key(k)!, k]));

/** 変更区分: one or more of the revision marks, joined by ・ 、 , ; / or spaces; [] when blank */
export function parseRevisionKinds(v: unknown): RevisionKind[] | null {
  if (v === null || v === undefined) return [];
  if (typeof v !== 'string') return null;
  const parts = nfkc(v)
    .split(/[・、,;/／\s]+/u)
    .map((p) => key(p)!)
    .filter((p) => p !== '');
  const out: RevisionKind[] = [];
  for (const p of parts) {
    const k = REVISION_BY_KEY.get(p);
    if (!k) return null;
    if (!out.includes(k)) out.push(k);
  }
  return out;
}

const IN_SCOPE: Record<string, boolean> = {
  対象: false, 評価対象: false, in: false, included: false, yes: false,
  対象外: true, 評価対象外: true, 除外: true, out: true, excluded: true, no: true,
};

/** 評価対象: true when the row is 対象外 (left out of every mean and count) */
export function parseExcluded(v: unknown): boolean | undefined | null {
  return lookup(IN_SCOPE, v);
}

const COVID_OVERRIDES: Record<string, 'suspended' | 'none'> = {
  中止: 'suspended', コロナ中止: 'suspended', suspended: 'suspended',
  影響なし: 'none', なし: 'none', 影響無し: 'none', none: 'none', noimpact: 'none',
};

/** コロナ判定: staff's judgement, replacing the automatic one */
export function parseCovidOverride(v: unknown): 'suspended' | 'none' | undefined | null {
  return lookup(COVID_OVERRIDES, v);
}

/** the words the city's department names end with: 課, 室, 本部 … */
const DEPARTMENT_END = /(課|室|部|局|所|センター|館|係|園|署|本部|委員会|事務局|組合|病院|公社)$/u;

/**
 * 担当課 naming several departments: `企業政策室／工業・雇用振興課` → both. ／ / 、 always
 * separate; ・ separates only when every part is a department name of its own (so
 * `工業・雇用振興課` stays one department, `こども育成課・健康支援課` is two).
 */
const departmentMemo = new Map<string, readonly string[]>();

/** splitDepartments, one shared frozen list per distinct 担当課 text (a sheet repeats a handful) */
export function departmentsOf(text: string): readonly string[] {
  let d = departmentMemo.get(text);
  if (d === undefined) {
    d = Object.freeze(splitDepartments(text));
    if (departmentMemo.size > 10_000) departmentMemo.clear();
    departmentMemo.set(text, d);
  }
  return d;
}

export function splitDepartments(text: string): string[] {
  const out: string[] = [];
  for (const piece of text.split(/[／/、,，;；\n]+/u)) {
    const p = piece.trim();
    if (!p) continue;
    const dotted = p.split(/[・･]/u).map((x) => x.trim());
    const parts = dotted.length > 1 && dotted.every((x) => x !== '' && DEPARTMENT_END.test(x)) ? dotted : [p];
    for (const d of parts) if (!out.includes(d)) out.push(d);
  }
  return out;
}
