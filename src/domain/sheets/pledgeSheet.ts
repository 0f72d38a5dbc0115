/**
 * Reads a pledge sheet (公約シート): one row per activity with its 基本政策, 公約, 施策 and
 * 評価. Blank 基本政策 / 公約 / 施策 cells repeat the row above, as people leave them when
 * several activities share one measure; a number written on the left restarts the ones
 * to its right, so they must be written again.
 */
import type { PledgeHeader } from './headers';
import { makeIssue, type Issue, type IssueCode } from '../base/issues';
import type { MergeLookup } from '../base/merges';
import { displayText } from '../cells/numberCell';
import type { OrdinalParse } from '../cells/ordinals';
import { pledgeActivitySchema, type PledgeActivity } from '../model/pledge';
import type { RatingCell } from '../cells/rating';
import { ordinalCellSchema, ratingCellSchema } from '../cells/cellSchemas';
import { MemoSchema } from '../cells/cellReader';
import { sheetBottom, type RawSheet, type RawValue } from '../base/raw';

export const POLICY_PREFIXES = ['基本政策', '政策', 'policy'] as const;
export const PLEDGE_PREFIXES = ['公約', 'pledge'] as const;
export const PLEDGE_MEASURE_PREFIXES = ['施策', 'measure'] as const;

export interface ParsedPledgeSheet {
  sheet: string;
  header: PledgeHeader;
  activities: PledgeActivity[];
  issues: Issue[];
  lastRow: number;
}

function isBlank(v: RawValue): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

function textOf(v: RawValue): string {
  return isBlank(v) ? '' : displayText(v).trim();
}

type Key = 'policy' | 'pledge' | 'measure';
const KEYS: readonly Key[] = ['policy', 'pledge', 'measure'];
const SCHEMAS: Record<Key, MemoSchema<OrdinalParse>> = {
  policy: new MemoSchema(ordinalCellSchema(POLICY_PREFIXES, true)),
  pledge: new MemoSchema(ordinalCellSchema(PLEDGE_PREFIXES, false)),
  measure: new MemoSchema(ordinalCellSchema(PLEDGE_MEASURE_PREFIXES, false)),
};
const ratingSchema = new MemoSchema<RatingCell>(ratingCellSchema);
const INVALID: Record<Key, IssueCode> = { policy: 'policy.invalid', pledge: 'pledge.invalid', measure: 'pledge.invalid' };

export function parsePledgeSheet(sheet: RawSheet, header: PledgeHeader, merges: MergeLookup): ParsedPledgeSheet {
  const issues: Issue[] = [...header.issues];
  const activities: PledgeActivity[] = [];
  const f = header.fields;
  const name = sheet.name;
  let lastRow = header.row;
  const above: Partial<Record<Key, OrdinalParse>> = {};
  const bottom = sheetBottom(sheet);
  for (let r = header.firstDataRow; r <= bottom; r++) {
    const line = sheet.values[r - sheet.top];
    if (!line) continue;
    const own = (col: number | undefined): RawValue => (col === undefined ? null : line[col - sheet.left] ?? null);
    const ratingRaw = own(f.rating);
    const activity = textOf(own(f.activity));
    const keyRaw: Record<Key, RawValue> = { policy: own(f.policy), pledge: own(f.pledge), measure: own(f.measure) };
    const anyKey = KEYS.some((k) => !isBlank(keyRaw[k]));
    if (isBlank(ratingRaw) && !activity && !anyKey && isBlank(own(f.department))) continue;
    lastRow = r;
    let ok = true;
    const current: Partial<Record<Key, OrdinalParse>> = {};
    let restart = false;
    for (const k of KEYS) {
      const col = f[k]!;
      let v = keyRaw[k];
      if (isBlank(v)) {
        const anchor = merges.anchorOf(r, col);
        if (anchor && anchor.col === col) v = merges.anchorValue(r, col) ?? null;
      }
      if (!isBlank(v)) {
        const read = SCHEMAS[k].read(v);
        const p = read.ok ? read.value : null;
        if (!p) {
          ok = false;
          issues.push(makeIssue({ severity: 'error', code: INVALID[k], sheet: name, row: r, col, header: header.texts.get(col), params: { found: textOf(v) } }));
          continue;
        }
        const prev = above[k];
        if (!prev || prev.value !== p.value) restart = true;
        // a repeated number without its title keeps the title written above
        current[k] = p.title || !prev || prev.value !== p.value ? p : prev;
        continue;
      }
      if (!restart && above[k]) {
        current[k] = above[k];
        continue;
      }
      ok = false;
      issues.push(makeIssue({ severity: 'error', code: 'pledgeKey.missing', sheet: name, row: r, col, header: header.texts.get(col), params: { header: header.texts.get(col) ?? k } }));
    }
    const ratingRead = ratingSchema.read(ratingRaw);
    const rating: RatingCell = ratingRead.ok ? ratingRead.value : { kind: 'invalid' };
    if (rating.kind === 'empty') {
      ok = false;
      issues.push(makeIssue({ severity: 'error', code: 'rating.missing', sheet: name, row: r, col: f.rating!, header: header.texts.get(f.rating!) }));
    } else if (rating.kind === 'invalid') {
      ok = false;
      issues.push(makeIssue({ severity: 'error', code: 'rating.invalid', sheet: name, row: r, col: f.rating!, header: header.texts.get(f.rating!), params: { found: textOf(ratingRaw) } }));
    } else if (rating.fromStars) {
      issues.push(makeIssue({ severity: 'info', code: 'warn.ratingStars', sheet: name, row: r, col: f.rating!, header: header.texts.get(f.rating!), params: { found: `${textOf(ratingRaw)} = ${rating.value}` } }));
    }
    if (current.policy && current.pledge && current.measure) {
      above.policy = current.policy;
      above.pledge = current.pledge;
      above.measure = current.measure;
    }
    if (!ok || rating.kind !== 'rating') continue;
    const act: PledgeActivity = {
      sheet: name,
      row: r,
      policy: current.policy!.value,
      pledge: current.pledge!.value,
      measure: current.measure!.value,
      policyTitle: current.policy!.title,
      pledgeTitle: current.pledge!.title,
      measureTitle: current.measure!.title,
      activity,
      department: textOf(own(f.department)),
      rating: rating.value,
    };
    const checked = pledgeActivitySchema.safeParse(act);
    if (!checked.success) {
      issues.push(makeIssue({ severity: 'error', code: 'row.invalid', sheet: name, row: r, col: f.rating!, header: header.texts.get(f.rating!), params: { found: checked.error.issues.map((i) => i.path.join('.') + ': ' + i.message).join('; ') } }));
      continue;
    }
    activities.push(act);
  }
  return { sheet: name, header, activities, issues, lastRow };
}
