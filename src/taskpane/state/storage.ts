/**
 * Where the pane keeps the user's settings and language between sessions: localStorage of the
 * add-in's origin, behind a small interface. localStorage may be missing or throw (disabled
 * storage, a partitioned iframe, quota): every access is guarded and the pane falls back to the
 * defaults. Stored settings are checked again on load (./settingsCheck), never trusted.
 */
import type { Settings } from '../../domain/base/settings';
import type { Lang } from '../../messages/lang';

export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

export const SETTINGS_KEY = 'progress-review.settings.v1';
export const LANG_KEY = 'progress-review.lang';

/** localStorage when usable, otherwise a store that remembers nothing */
export function browserStore(): KeyValueStore {
  let storage: Storage | undefined;
  try {
    storage = typeof window !== 'undefined' ? window.localStorage : undefined;
  } catch {
    storage = undefined; // SecurityError when storage is blocked
  }
  return {
    get(key) {
      try {
        return storage ? storage.getItem(key) : null;
      } catch {
        return null;
      }
    },
    set(key, value) {
      try {
        storage?.setItem(key, value);
      } catch {
        // quota exceeded or storage blocked: the setting lasts for this session only
      }
    },
  };
}

export function memoryStore(initial: Record<string, string> = {}): KeyValueStore {
  const map = new Map(Object.entries(initial));
  return {
    get: (key) => map.get(key) ?? null,
    set: (key, value) => void map.set(key, value),
  };
}

export function saveSettings(store: KeyValueStore, settings: Settings): void {
  store.set(SETTINGS_KEY, JSON.stringify(settings));
}

export function loadLang(store: KeyValueStore): Lang {
  return store.get(LANG_KEY) === 'en' ? 'en' : 'ja';
}

export function saveLang(store: KeyValueStore, lang: Lang): void {
  store.set(LANG_KEY, lang);
}
