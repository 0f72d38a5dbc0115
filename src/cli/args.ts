/**
 * Command-line arguments (SPEC section 6): node:util parseArgs splits them, the domain's settings
 * schema checks --cap and --plan. A mistake is one line in the chosen language (--lang, default
 * ja) naming the option, the value and what is allowed; an unknown --lang is said in both.
 * Commands: `review <workbook.xlsx>... --out <dir>` and `template kpi|pledge --out <file.xlsx>`.
 */
import { parseArgs as splitArgs } from 'node:util';
import { GRADE_CUMULATIVE_BY, parsePlanPeriod, PLAN_YEARS, settingsRule, settingsSchema, type Settings } from '../domain/base/settings';
import { checkDepartment } from '../domain/output/templateName';
import type { Lang } from '../messages/lang';
import { isLang, translate } from '../messages/translate';
import type { Verbosity } from './progress';

export interface CliOptions {
  files: string[];
  out: string;
  json?: string;
  lang: Lang;
  settings: Settings;
  /** quiet: errors and the final line; verbose: every warning on its own line */
  verbosity: Verbosity;
}

export interface TemplateCliOptions {
  kind: 'kpi' | 'pledge';
  /** the .xlsx file to write */
  out: string;
  department?: string;
  lang: Lang;
  /** the plan period gives the KPI template its actual columns */
  settings: Settings;
}

export type ParsedArgs =
  | { kind: 'help'; lang: Lang }
  | { kind: 'version' }
  | { kind: 'options'; options: CliOptions }
  | { kind: 'template'; options: TemplateCliOptions }
  | { kind: 'error'; lang: Lang; message: string };

const OPTIONS = {
  out: { type: 'string' },
  json: { type: 'string' },
  cap: { type: 'string' },
  plan: { type: 'string' },
  'plan-name': { type: 'string' },
  'as-of': { type: 'string' },
  decimals: { type: 'string' },
  'grade-cumulative': { type: 'string' },
  lang: { type: 'string' },
  department: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  verbose: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

type OptionName = keyof typeof OPTIONS;

/** the options each command takes (--lang, --help and --version go with every command) */
const COMMAND_OPTIONS: Record<'review' | 'template', readonly OptionName[]> = {
  review: ['out', 'json', 'cap', 'plan', 'grade-cumulative', 'plan-name', 'as-of', 'decimals', 'quiet', 'verbose'],
  template: ['out', 'plan', 'department'],
};
const COMMON_OPTIONS: readonly OptionName[] = ['lang', 'help', 'version'];
type Values = Partial<Record<OptionName, string | boolean>>;

class UsageError extends Error {}

/** A plain number ("150", "1e3", "-5"); anything else goes to the schema as text and is refused there. */
function numberOrText(text: string): number | string {
  return /^\s*[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?\s*$/i.test(text) ? Number(text) : text;
}

/**
 * The options as parseArgs reads them, without its strict mode so that the line we print names
 * the option itself: unknown options, a value missing ("--out" last, or "--out --cap 3") and a
 * value given to a flag are found here.
 */
function readTokens(argv: readonly string[], lang: Lang): { values: Values; positionals: string[] } {
  const { tokens, positionals } = splitArgs({ args: [...argv], options: OPTIONS, strict: false, allowPositionals: true, tokens: true });
  const values: Values = {};
  for (const t of tokens) {
    if (t.kind !== 'option') continue;
    if (!(t.name in OPTIONS)) throw new UsageError(translate(lang, 'cli.error.unknownOption', { option: t.rawName }));
    const name = t.name as OptionName;
    if (OPTIONS[name].type === 'boolean') {
      if (t.value !== undefined) throw new UsageError(translate(lang, 'cli.error.noValueAllowed', { option: t.rawName, value: t.value }));
      values[name] = true;
      continue;
    }
    // "--out --cap 3": parseArgs takes "--cap" as the value of --out; a negative number is a value
    const swallowed = !t.inlineValue && t.value !== undefined && t.value.startsWith('-') && typeof numberOrText(t.value) === 'string';
    if (t.value === undefined || t.value === '' || swallowed) throw new UsageError(translate(lang, 'cli.error.missingValue', { option: t.rawName }));
    values[name] = t.value;
  }
  return { values, positionals };
}

/** --lang first: every other message is said in it */
function languageOf(argv: readonly string[]): Lang | { bad: string } {
  const { values } = splitArgs({ args: [...argv], options: OPTIONS, strict: false, allowPositionals: true });
  const lang = values.lang;
  if (lang === undefined || lang === true) return 'ja';
  return isLang(lang) ? lang : { bad: String(lang) };
}

/** the settings each option sets, for the line that names a refused one */
const OPTION_OF_SETTING: Record<string, OptionName> = { cap: 'cap', planName: 'plan-name', asOf: 'as-of', percentDecimals: 'decimals' };

/** --cap, --plan, --grade-cumulative, --plan-name, --as-of and --decimals through the settings schema; the first failure names its option */
function settingsOf(values: Values, lang: Lang): Settings {
  const input: Record<string, unknown> = {};
  if (typeof values.cap === 'string') input.cap = numberOrText(values.cap);
  if (typeof values['plan-name'] === 'string') input.planName = values['plan-name'];
  if (typeof values['as-of'] === 'string') input.asOf = values['as-of'];
  if (typeof values.decimals === 'string') input.percentDecimals = numberOrText(values.decimals);
  const gradeBy = values['grade-cumulative'];
  if (typeof gradeBy === 'string') {
    if (!(GRADE_CUMULATIVE_BY as readonly string[]).includes(gradeBy)) {
      throw new UsageError(translate(lang, 'cli.error.badValue', { option: '--grade-cumulative', value: gradeBy, allowed: { key: 'cli.allowed.gradeCumulative' } }));
    }
    input.gradeCumulativeBy = gradeBy;
  }
  const planText = typeof values.plan === 'string' ? values.plan : undefined;
  const badPlan = () => new UsageError(translate(lang, 'cli.error.badPlan', { option: '--plan', value: planText ?? '', min: PLAN_YEARS.min, max: PLAN_YEARS.max }));
  if (planText !== undefined) {
    const period = parsePlanPeriod(planText);
    if (!period) throw badPlan();
    Object.assign(input, period);
  }
  const parsed = settingsSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const option = OPTION_OF_SETTING[String(issue.path[0])];
  if (option) {
    const { key, params } = settingsRule(issue);
    throw new UsageError(translate(lang, 'cli.error.badValue', { option: `--${option}`, value: String(values[option]), allowed: { key, params } }));
  }
  throw badPlan();
}

/** an option given to a command that does not take it */
function checkOptionsFor(command: 'review' | 'template', values: Values, lang: Lang): void {
  for (const name of Object.keys(values) as OptionName[]) {
    if (!COMMAND_OPTIONS[command].includes(name) && !COMMON_OPTIONS.includes(name)) throw new UsageError(translate(lang, 'cli.error.optionNotFor', { option: `--${name}`, command }));
  }
}

function reviewOptions(files: string[], values: Values, lang: Lang): CliOptions {
  if (files.length === 0) throw new UsageError(translate(lang, 'cli.error.noWorkbook'));
  if (typeof values.out !== 'string') throw new UsageError(translate(lang, 'cli.error.missingOption', { option: '--out', what: { key: 'cli.what.out' } }));
  if (values.quiet && values.verbose) throw new UsageError(translate(lang, 'cli.error.quietVerbose'));
  const settings = settingsOf(values, lang);
  const verbosity: Verbosity = values.quiet ? 'quiet' : values.verbose ? 'verbose' : 'normal';
  const options: CliOptions = { files, out: values.out, lang, settings, verbosity };
  if (typeof values.json === 'string') options.json = values.json;
  return options;
}

function templateOptions(args: string[], values: Values, lang: Lang): TemplateCliOptions {
  const [kind, extra] = args;
  if (kind !== 'kpi' && kind !== 'pledge') throw new UsageError(translate(lang, 'cli.error.templateKind'));
  if (extra !== undefined) throw new UsageError(translate(lang, 'cli.error.extraArgument', { value: extra }));
  if (typeof values.department === 'string' && kind === 'pledge') throw new UsageError(translate(lang, 'cli.error.optionNotFor', { option: '--department', command: 'template pledge' }));
  if (typeof values.out !== 'string') throw new UsageError(translate(lang, 'cli.error.missingOption', { option: '--out', what: { key: 'cli.what.templateOut' } }));
  if (!/\.xlsx$/i.test(values.out)) throw new UsageError(translate(lang, 'cli.error.templateOutExt', { value: values.out }));
  const options: TemplateCliOptions = { kind, out: values.out, lang, settings: settingsOf(values, lang) };
  if (typeof values.department === 'string') {
    const check = checkDepartment(values.department);
    if (check.error) throw new UsageError(translate(lang, 'cli.error.badValue', { option: '--department', value: values.department, allowed: { key: check.error } }));
    if (check.value !== undefined) options.department = check.value;
  }
  return options;
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const chosen = languageOf(argv);
  const lang: Lang = typeof chosen === 'string' ? chosen : 'ja';
  // "--lang --out x": the value is missing rather than wrong, as readTokens says
  if (typeof chosen !== 'string' && !chosen.bad.startsWith('-')) return { kind: 'error', lang, message: translate('ja', 'cli.error.badLang', { option: '--lang', value: chosen.bad }) };
  try {
    const { values, positionals } = readTokens(argv, lang);
    if (argv.length === 0 || values.help) return { kind: 'help', lang };
    if (values.version) return { kind: 'version' };
    const [command, ...rest] = positionals;
    if (command === undefined) throw new UsageError(translate(lang, 'cli.error.noCommand'));
    if (command !== 'review' && command !== 'template') throw new UsageError(translate(lang, 'cli.error.unknownCommand', { command }));
    checkOptionsFor(command, values, lang);
    if (command === 'template') return { kind: 'template', options: templateOptions(rest, values, lang) };
    return { kind: 'options', options: reviewOptions(rest, values, lang) };
  } catch (e) {
    if (e instanceof UsageError) return { kind: 'error', lang, message: e.message };
    throw e;
  }
}
