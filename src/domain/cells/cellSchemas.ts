/**
 * zod schemas for what people type into cells. Each turns a raw cell into a typed value
 * or fails with the problem code and the text found, which the sheet readers turn into
 * errors naming the cell. The readers memoise them per distinct text and skip them for
 * the plain forms numberFast.ts reads, so zod runs once per distinct odd text.
 */
import { z } from 'zod';
import { parseAggregation, parseDirection } from './directionAggregation';
import { parseBasicDirection, parseCovidOverride, parseExcluded, parseKind, parseRevisionKinds } from './evaluationCells';
import { parseFiscalYearCell } from './fiscalYear';
import { displayText, parseNumberCell, type NumberProblem, type ParsedNumber, type EmptyNumber } from './numberCell';
import { parseOrdinal } from './ordinals';
import { parseRating } from './rating';
import type { RawValue } from '../base/raw';

const rawCell = z.custom<RawValue>(() => true);

export interface CellIssueParams {
  problem: NumberProblem | 'invalid';
  found: string;
}

function fail(ctx: z.RefinementCtx, problem: CellIssueParams['problem'], found: string): never {
  ctx.addIssue({ code: 'custom', message: problem, params: { problem, found } satisfies CellIssueParams });
  return z.NEVER as never;
}

/** numeric cell: value + number format + the row's unit */
export const numberCellSchema = z
  .object({ value: rawCell, format: z.string().nullable(), unit: z.string() })
  .transform((c, ctx): ParsedNumber | EmptyNumber => {
    const p = parseNumberCell(c.value, c.format, c.unit);
    if (p.kind === 'invalid') return fail(ctx, p.problem, p.found);
    return p;
  });

export const fiscalYearCellSchema = rawCell.transform((v, ctx): number | null => {
  const y = parseFiscalYearCell(v);
  if (!y.ok) return fail(ctx, 'invalid', displayText(v).trim());
  return y.year;
});

export const directionCellSchema = rawCell.transform((v, ctx) => {
  const d = parseDirection(v);
  if (d === null) return fail(ctx, 'invalid', displayText(v).trim());
  return d;
});

export const aggregationCellSchema = rawCell.transform((v, ctx) => {
  const a = parseAggregation(v);
  if (a === null) return fail(ctx, 'invalid', displayText(v).trim());
  return a;
});

/** a cell parser of evaluationCells (null = not readable) as a schema */
function lookupSchema<T>(parse: (v: unknown) => T | null) {
  return rawCell.transform((v, ctx): T => {
    const r = parse(v);
    if (r === null) return fail(ctx, 'invalid', displayText(v).trim());
    return r;
  });
}

export const kindCellSchema = lookupSchema(parseKind);
export const basicDirectionCellSchema = lookupSchema(parseBasicDirection);
export const revisionCellSchema = lookupSchema(parseRevisionKinds);
export const excludedCellSchema = lookupSchema(parseExcluded);
export const covidOverrideCellSchema = lookupSchema(parseCovidOverride);

export function ordinalCellSchema(prefixes: readonly string[], roman: boolean) {
  return rawCell.transform((v, ctx) => {
    const p = parseOrdinal(v, prefixes, roman);
    if (!p) return fail(ctx, 'invalid', displayText(v).trim());
    return p;
  });
}

export const ratingCellSchema = rawCell.transform((v, ctx) => {
  const r = parseRating(v);
  if (r.kind === 'invalid') return fail(ctx, 'invalid', displayText(v).trim());
  return r;
});

/** The problem and found text of a failed cell schema. */
export function cellIssue(error: z.ZodError): CellIssueParams {
  const issue = error.issues[0] as { params?: CellIssueParams; message: string };
  return issue.params ?? { problem: 'invalid', found: issue.message };
}
