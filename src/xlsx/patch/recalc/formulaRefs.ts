/**
 * What a formula (as stored in a part: A1 style, no leading '=') may read, found by a
 * conservative scan of its text: the cell and range references with their sheet, the
 * defined names it mentions, and whether it computes references at run time (INDIRECT,
 * OFFSET …) or through tables, in which case nothing can be ruled out. Not a formula parser:
 * anything it cannot place is reported as `dynamic`, so a caller deciding whether cached
 * results may be stale errs towards "yes".
 */
import { parseCellRef } from '../../../domain/base/address';
import type { CellRect } from '../../../domain/base/raw';

export const MAX_ROW = 1_048_575;
export const MAX_COLUMN = 16_383;

export interface FormulaRef {
  /** the sheet named before `!` (unquoted), or null for the formula's own sheet */
  sheet: string | null;
  rect: CellRect;
  /** which edges are relative (no `$`), for shared formulas whose text moves with the cell */
  relative: { top: boolean; left: boolean; bottom: boolean; right: boolean };
}

export interface FormulaReads {
  refs: FormulaRef[];
  /** identifiers that may be defined names (upper-cased) */
  names: string[];
  /** references made at run time, 3D or structured references, other unplaceable forms */
  dynamic: boolean;
}

/** Functions whose result is a reference computed from their arguments. */
const REFERENCE_FUNCTIONS = new Set(['INDIRECT', 'OFFSET']);
const KEYWORDS = new Set(['TRUE', 'FALSE']);

// a sheet prefix: 'quoted ''name''' or a bare name, optionally [n] for an external workbook
const SHEET = String.raw`(?:(\[\d+\])?('(?:[^']|'')+'|[^\s!'"()+\-*/^&=<>,;:{}\[\]%]+)(:[^\s!'"()+\-*/^&=<>,;{}\[\]%]+)?!)?`;
const CELL = String.raw`\$?[A-Za-z]{1,3}\$?\d{1,7}`;
const COL = String.raw`\$?[A-Za-z]{1,3}`;
const ROW = String.raw`\$?\d{1,7}`;
const AREA = String.raw`(${CELL}(?::${CELL})?|${COL}:${COL}|${ROW}:${ROW})`;
/** a reference at a token start, not followed by a name character or `(` (LOG10( is a function) */
const REFERENCE = new RegExp(String.raw`${SHEET}${AREA}(?![\w(\u0080-\uffff])`, 'y');
const IDENTIFIER = /[A-Za-z_\\\u0080-\uffff][\w.\\?\u0080-\uffff]*/y;

const ERROR_LITERAL = /#[A-Za-z0-9/_]*[!?]?/y;
const NAME_CHAR = /[\w.$\u0080-\uffff]/;

/** The references, names and run-time references of `formula`. */
export function formulaReads(formula: string): FormulaReads {
  const out: FormulaReads = { refs: [], names: [], dynamic: false };
  const n = formula.length;
  let i = 0;
  while (i < n) {
    const c = formula[i];
    if (c === '"') {
      i = stringEnd(formula, i);
      continue;
    }
    if (c === '#') {
      // #REF!, #N/A …, or the spill operator after a reference (A1#)
      ERROR_LITERAL.lastIndex = i;
      i += ERROR_LITERAL.exec(formula)![0].length;
      continue;
    }
    if (c === '[' && !/^\[\d+\]/.test(formula.slice(i, i + 12))) out.dynamic = true; // [@Column], [#This Row] …
    if (c === ':') out.dynamic = true; // a range operator outside an area (A1:INDEX(…), Sheet1!A1:Sheet1!B2)
    const startsToken = i === 0 || !NAME_CHAR.test(formula[i - 1]);
    REFERENCE.lastIndex = i;
    const m = startsToken ? REFERENCE.exec(formula) : null;
    if (m && m[0].length) {
      const [, external, sheet, span, area] = m;
      if (span) out.dynamic = true; // Sheet1:Sheet3!A1 spans sheets by their order
      if (!external || external === '[0]') {
        const ref = areaRef(area, sheet ? unquote(sheet) : null);
        if (ref) out.refs.push(ref);
        else out.dynamic = true;
      }
      i += m[0].length;
      continue;
    }
    IDENTIFIER.lastIndex = i;
    const id = startsToken ? IDENTIFIER.exec(formula) : null;
    if (id) {
      const word = id[0].toUpperCase();
      const next = formula.slice(i + id[0].length).trimStart()[0];
      if (next === '(') {
        if (REFERENCE_FUNCTIONS.has(word.replace(/^_XLFN\./, ''))) out.dynamic = true;
      } else if (next === '[' || next === '!') out.dynamic = true; // Table1[Column]; a sheet prefix not placed
      else if (!KEYWORDS.has(word)) out.names.push(word);
      i += id[0].length;
      continue;
    }
    i++;
  }
  return out;
}

/** The offset after the string literal opening at `i` ("" inside is an escaped quote). */
function stringEnd(formula: string, i: number): number {
  for (let k = i + 1; k < formula.length; k++) {
    if (formula[k] !== '"') continue;
    if (formula[k + 1] === '"') k++;
    else return k + 1;
  }
  return formula.length;
}

function unquote(sheet: string): string {
  return sheet.startsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet;
}

/** `A1`, `$A$1:B2`, `A:C`, `3:5` as a rectangle with its relative edges. */
function areaRef(area: string, sheet: string | null): FormulaRef | null {
  const [a, b = a] = area.split(':');
  const p = parseCellRef(a.replace(/^\$?(\d)/, 'A$1'));
  const q = parseCellRef(b.replace(/^\$?(\d)/, 'A$1'));
  if (!p || !q) return null;
  const rows = /^\$?\d/.test(a); // 3:5
  const cols = !rows && p.row < 0; // A:C
  const rel = (s: string, part: 'col' | 'row') => {
    const letters = s.match(/^(\$?)([A-Za-z]*)(\$?)(\d*)$/);
    if (!letters) return true;
    return part === 'col' ? letters[1] !== '$' : (letters[2] ? letters[3] : letters[1]) !== '$';
  };
  const rect = rows
    ? { top: Number(a.replace('$', '')) - 1, bottom: Number(b.replace('$', '')) - 1, left: 0, right: MAX_COLUMN }
    : cols
      ? { top: 0, bottom: MAX_ROW, left: p.col, right: q.col }
      : { top: p.row, bottom: q.row, left: p.col, right: q.col };
  // beyond the grid (ZZZ1) it is a name, not a cell: the caller cannot place it
  const inGrid = (v: number, max: number) => Number.isInteger(v) && v >= 0 && v <= max;
  if (!inGrid(rect.top, MAX_ROW) || !inGrid(rect.bottom, MAX_ROW) || !inGrid(rect.left, MAX_COLUMN) || !inGrid(rect.right, MAX_COLUMN)) return null;
  return {
    sheet,
    rect: { top: Math.min(rect.top, rect.bottom), bottom: Math.max(rect.top, rect.bottom), left: Math.min(rect.left, rect.right), right: Math.max(rect.left, rect.right) },
    relative: {
      top: !cols && rel(a, 'row'),
      bottom: !cols && rel(b, 'row'),
      left: !rows && rel(a, 'col'),
      right: !rows && rel(b, 'col'),
    },
  };
}

/**
 * The references of a shared formula's master as they may appear in any cell of the shared
 * range `height` × `width`: relative edges move down and right by up to the range's size.
 */
export function spreadOverShared(ref: FormulaRef, height: number, width: number): FormulaRef {
  const { rect, relative } = ref;
  const dr = Math.max(0, height - 1);
  const dc = Math.max(0, width - 1);
  return {
    ...ref,
    rect: {
      top: rect.top,
      left: rect.left,
      bottom: Math.min(MAX_ROW, Math.max(rect.bottom + (relative.bottom ? dr : 0), rect.top + (relative.top ? dr : 0))),
      right: Math.min(MAX_COLUMN, Math.max(rect.right + (relative.right ? dc : 0), rect.left + (relative.left ? dc : 0))),
    },
  };
}
