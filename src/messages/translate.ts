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

/** `{name}` → params.name; a missing parameter stays visible as `{name}` */
export function fill(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (params[name] !== undefined ? String(params[name]) : whole));
}

export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
}

export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const template = DICTIONARIES[lang][key];
  if (!params) return template;
  let plain: Record<string, string | number> | undefined;
  for (const name in params) {
    const v = params[name];
    if (typeof v === 'object') (plain ??= { ...(params as Record<string, string | number>) })[name] = translate(lang, v.key, v.params);
  }
  return fill(template, plain ?? (params as Record<string, string | number>));
}

export type Translate = (key: MessageKey, params?: Params) => string;

export function translator(lang: Lang): Translate {
  return (key, params) => translate(lang, key, params);
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
