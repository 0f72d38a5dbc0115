/**
 * The settings panel's form: text fields (people type １２０ with a Japanese IME, or 1,000) and the
 * choice of what grades a 累計 KPI (計画比 or 達成率), checked with the domain's zod settingsSchema.
 * Field errors are message keys with parameters, so they follow the language switch.
 */
import type { core } from 'zod';
import { settingsRule, settingsSchema, type GradeCumulativeBy, type Settings } from '../../domain/base/settings';
import type { MessageKey } from '../../messages/ja';

export type NumberField = 'cap' | 'planStart' | 'planEnd' | 'gradeA' | 'gradeB' | 'gradeC' | 'percentDecimals';
/** the summary's words: free text, blank allowed */
export type TextField = 'planName' | 'asOf';
export type SettingsField = NumberField | TextField | 'gradeCumulativeBy';
/** 'grades' = the bands as a whole (A ≥ B ≥ C) */
export type SettingsErrorField = SettingsField | 'grades';

/** the fields typed as numbers */
export const SETTINGS_FIELDS: readonly NumberField[] = ['cap', 'planStart', 'planEnd', 'gradeA', 'gradeB', 'gradeC', 'percentDecimals'];
export const TEXT_FIELDS: readonly TextField[] = ['planName', 'asOf'];

export type SettingsForm = Record<SettingsField, string>;

export interface FieldError {
  key: MessageKey;
  params?: Record<string, string | number>;
}

export type SettingsErrors = Partial<Record<SettingsErrorField, FieldError>>;

export type SettingsFormResult = { ok: true; settings: Settings } | { ok: false; errors: SettingsErrors };

export function settingsToForm(s: Settings): SettingsForm {
  return {
    cap: String(s.cap),
    planStart: String(s.planStart),
    planEnd: String(s.planEnd),
    gradeA: String(s.grades.A),
    gradeB: String(s.grades.B),
    gradeC: String(s.grades.C),
    percentDecimals: String(s.percentDecimals),
    planName: s.planName,
    asOf: s.asOf,
    gradeCumulativeBy: s.gradeCumulativeBy,
  };
}

/**
 * "１２０" → 120, " 1,000 " → 1000, "80%" → 80; "" → 'empty'; anything else → 'invalid'.
 * NFKC turns full-width digits, signs and the full-width percent sign into ASCII.
 */
export function parseNumberField(text: string): number | 'empty' | 'invalid' {
  const s = text.normalize('NFKC').trim().replace(/,/g, '').replace(/\s*%$/, '');
  if (s === '') return 'empty';
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return 'invalid';
  const n = Number(s);
  return Number.isFinite(n) ? n : 'invalid';
}

function fieldOfPath(path: readonly PropertyKey[]): SettingsErrorField | undefined {
  const [a, b] = path;
  if (a === 'cap' || a === 'planStart' || a === 'planEnd' || a === 'percentDecimals' || a === 'planName' || a === 'asOf' || a === 'gradeCumulativeBy') return a;
  if (a === 'grades') {
    if (b === 'A') return 'gradeA';
    if (b === 'B') return 'gradeB';
    if (b === 'C') return 'gradeC';
    return 'grades';
  }
  return undefined;
}

/** one zod issue → the message shown under its field: what the settings schema allows */
export function fieldErrorOfIssue(issue: core.$ZodIssue): { field: SettingsErrorField; error: FieldError } | undefined {
  const field = fieldOfPath(issue.path);
  if (field === undefined) return undefined;
  const { key, params } = settingsRule(issue);
  return { field, error: params ? { key, params } : { key } };
}

/**
 * Check the form. `base` supplies the settings the panel does not show (the COVID period and
 * ratio), so saving the form never resets them. The plan name and as-of label may be blank.
 */
export function validateSettingsForm(form: SettingsForm, base: Settings): SettingsFormResult {
  const errors: SettingsErrors = {};
  const numbers = {} as Record<NumberField, number>;
  for (const field of SETTINGS_FIELDS) {
    const v = parseNumberField(form[field]);
    if (v === 'empty') errors[field] = { key: 'settings.error.required' };
    else if (v === 'invalid') errors[field] = { key: 'settings.error.number' };
    else numbers[field] = v;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const parsed = settingsSchema.safeParse({
    ...base,
    cap: numbers.cap,
    planStart: numbers.planStart,
    planEnd: numbers.planEnd,
    grades: { A: numbers.gradeA, B: numbers.gradeB, C: numbers.gradeC },
    percentDecimals: numbers.percentDecimals,
    planName: form.planName.trim(),
    asOf: form.asOf.trim(),
    gradeCumulativeBy: form.gradeCumulativeBy as GradeCumulativeBy,
  });
  if (parsed.success) return { ok: true, settings: parsed.data };
  for (const issue of parsed.error.issues) {
    const mapped = fieldErrorOfIssue(issue);
    // The first problem of a field is the one worth reading.
    if (mapped && errors[mapped.field] === undefined) errors[mapped.field] = mapped.error;
  }
  if (Object.keys(errors).length === 0) errors.grades = { key: 'settings.error.invalid' };
  return { ok: false, errors };
}
