/**
 * Look-up and parameter filling for the catalogue (ja.ts, en.ts). Pure: every surface (domain,
 * CLI, Excel adapter, task pane) formats its text here.
 */
import type { Lang } from './lang';
import { en } from './en';
import { ja, type Dictionary, type MessageKey } from './ja';

export type { Dictionary, MessageKey } from './ja';

/** a parameter that is itself a catalogue entry, said in the language of the message that holds it */
export interface MessageRef {
  key: MessageKey;
  params?: Params;
}
export type Param = string | number | MessageRef;
export type Params = Record<string, Param>;

export const DICTIONARIES: Record<Lang, Dictionary> = { ja, en };

export const LANGS: readonly Lang[] = ['ja', 'en'];

export function isLang(text: unknown): text is Lang {
  return text === 'ja' || text === 'en';
}

/**
 * `{name}` → params.name; a missing parameter stays visible as `{name}`.
 * `{name, plural, one {# sheet} other {# sheets}}` picks the text for params.name by the
 * language's plural rules (Intl.PluralRules; `=0 {…}` matches the exact number first) and puts
 * the number, with thousands separators, where `#` is; the chosen text may hold `{other}`
 * parameters. Japanese has no plural forms and writes `{name}件`.
 */
export function fill(template: string, params: Record<string, string | number> = {}, lang: Lang = 'en'): string {
  let out = '';
  for (const p of compiled(template)) {
    if (typeof p === 'string') out += p;
    else if (p.plural === undefined) out += params[p.name] !== undefined ? String(params[p.name]) : p.raw;
    else out += pluralText(p.name, p.plural, params, lang) ?? p.raw;
  }
  return out;
}

/** A template as its texts and its parameters (`plural`: the options of a plural one), in order; `raw` is shown when one cannot be filled. */
type CompiledTemplate = (string | { name: string; plural?: string; raw: string })[];

/** templates compiled so far: the catalogue's, and a bound against others */
const templates = new Map<string, CompiledTemplate>();
const MAX_TEMPLATES = 4096;

/** The template compiled once: a summary fills the same one for each of 100,000 rows. */
function compiled(template: string): CompiledTemplate {
  let parts = templates.get(template);
  if (parts !== undefined) return parts;
  parts = compile(template);
  if (templates.size < MAX_TEMPLATES) templates.set(template, parts);
  return parts;
}

function compile(template: string): CompiledTemplate {
  const parts: CompiledTemplate = [];
  let text = '';
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) break;
    const close = matchingBrace(template, open);
    const inner = close < 0 ? null : template.slice(open + 1, close);
    const simple = inner !== null && /^\w+$/.test(inner);
    const plural = inner !== null && !simple ? /^(\w+)\s*,\s*plural\s*,([\s\S]*)$/.exec(inner) : null;
    if (!simple && !plural) {
      text += template.slice(i, open + 1);
      i = open + 1;
      continue;
    }
    const raw = template.slice(open, close + 1);
    parts.push(text + template.slice(i, open), plural ? { name: plural[1], plural: plural[2], raw } : { name: inner!, raw });
    text = '';
    i = close + 1;
  }
  parts.push(text + template.slice(i));
  return parts;
}

/** the index of the `}` that closes the `{` at `open`, or -1 */
function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let j = open; j < text.length; j++) {
    if (text[j] === '{') depth++;
    else if (text[j] === '}' && --depth === 0) return j;
  }
  return -1;
}

/** the options of a plural: `one {…} other {…} =0 {…}` → { one: '…', … } */
function pluralOptions(body: string): Map<string, string> {
  const options = new Map<string, string>();
  const re = /\s*(=\d+|\w+)\s*\{/y;
  let at = 0;
  for (;;) {
    re.lastIndex = at;
    const m = re.exec(body);
    if (!m) break;
    const open = re.lastIndex - 1;
    const close = matchingBrace(body, open);
    if (close < 0) break;
    options.set(m[1], body.slice(open + 1, close));
    at = close + 1;
  }
  return options;
}

const pluralRules = new Map<Lang, Intl.PluralRules>();

function pluralText(name: string, body: string, params: Record<string, string | number>, lang: Lang): string | undefined {
  const value = params[name];
  const n = typeof value === 'number' ? value : Number(value);
  if (value === undefined || !Number.isFinite(n)) return undefined;
  const options = pluralOptions(body);
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang === 'ja' ? 'ja-JP' : 'en-US')));
  const text = options.get(`=${n}`) ?? options.get(rules.select(n)) ?? options.get('other');
  if (text === undefined) return undefined;
  return fill(text.replace(/#/g, formatCount(lang, n)), params, lang);
}

/** the parameters a template uses, plural ones and those inside their texts included, sorted and once each */
export function placeholders(template: string): string[] {
  const names = new Set<string>();
  const walk = (text: string): void => {
    for (let i = text.indexOf('{'); i >= 0; i = text.indexOf('{', i + 1)) {
      const close = matchingBrace(text, i);
      if (close < 0) return;
      const inner = text.slice(i + 1, close);
      const plural = /^(\w+)\s*,\s*plural\s*,([\s\S]*)$/.exec(inner);
      if (/^\w+$/.test(inner)) names.add(inner);
      else if (plural) {
        names.add(plural[1]);
        for (const option of pluralOptions(plural[2]).values()) walk(option);
      } else continue;
      i = close;
    }
  };
  walk(template);
  return [...names].sort();
}

export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const template = DICTIONARIES[lang][key];
  if (!params) return template;
  let plain: Record<string, string | number> | undefined;
  for (const name in params) {
    const v = params[name];
    if (typeof v === 'object') (plain ??= { ...(params as Record<string, string | number>) })[name] = translate(lang, v.key, v.params);
  }
  return fill(template, plain ?? (params as Record<string, string | number>), lang);
}

export type Translate = (key: MessageKey, params?: Params) => string;

/** one per language, made once: code V8 optimised in one review then calls the same function in the next */
const translators = new Map<Lang, Translate>();

export function translator(lang: Lang): Translate {
  let t = translators.get(lang);
  if (!t) translators.set(lang, (t = (key, params) => translate(lang, key, params)));
  return t;
}

/** 1234 → "1,234" in either language */
export function formatCount(lang: Lang, n: number): string {
  return n.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-US');
}

/** the items of a list in the language's way: 政策推進課、市民課 · 政策推進課, 市民課 */
export function formatList(lang: Lang, items: readonly string[]): string {
  return items.join(translate(lang, 'list.separator'));
}

export function otherLang(lang: Lang): Lang {
  return lang === 'ja' ? 'en' : 'ja';
}
