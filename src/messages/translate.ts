/** Look-up and parameter filling for the task pane's dictionaries. Pure. */
import type { Lang } from './lang';
import { en } from './en';
import { ja, type Dictionary, type MessageKey } from './ja';

export type { Dictionary, MessageKey } from './ja';
export type Params = Record<string, string | number>;

export const DICTIONARIES: Record<Lang, Dictionary> = { ja, en };

export const LANGS: readonly Lang[] = ['ja', 'en'];

/** `{name}` → params.name; a missing parameter stays visible as `{name}` */
export function fill(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (params[name] !== undefined ? String(params[name]) : whole));
}

export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
}

export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  return fill(DICTIONARIES[lang][key], params);
}

export type Translate = (key: MessageKey, params?: Params) => string;

export function translator(lang: Lang): Translate {
  return (key, params) => translate(lang, key, params);
}

/** 1234 → "1,234" in either language */
export function formatCount(lang: Lang, n: number): string {
  return n.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-US');
}

export function otherLang(lang: Lang): Lang {
  return lang === 'ja' ? 'en' : 'ja';
}
