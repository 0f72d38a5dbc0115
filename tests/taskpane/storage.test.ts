import { DEFAULT_SETTINGS, makeSettings } from '../../src/domain/base/settings';
import {
  browserStore,
  LANG_KEY,
  loadLang,
  memoryStore,
  saveLang,
  saveSettings,
  SETTINGS_KEY,
} from '../../src/taskpane/state/storage';
import { loadSettings } from '../../src/taskpane/state/settingsCheck';

describe('settings and language storage', () => {
  test('round trip', () => {
    const store = memoryStore();
    const s = makeSettings({ cap: 150, planStart: 2025, planEnd: 2029 });
    saveSettings(store, s);
    expect(loadSettings(store)).toEqual(s);
    saveLang(store, 'en');
    expect(loadLang(store)).toBe('en');
  });

  test('nothing stored: defaults, Japanese', () => {
    expect(loadSettings(memoryStore())).toEqual(DEFAULT_SETTINGS);
    expect(loadLang(memoryStore())).toBe('ja');
  });

  test('stored values are checked, never trusted', () => {
    expect(loadSettings(memoryStore({ [SETTINGS_KEY]: '{not json' }))).toEqual(DEFAULT_SETTINGS);
    expect(loadSettings(memoryStore({ [SETTINGS_KEY]: JSON.stringify({ cap: -5 }) }))).toEqual(DEFAULT_SETTINGS);
    expect(loadSettings(memoryStore({ [SETTINGS_KEY]: JSON.stringify({ planStart: 2030, planEnd: 2020 }) }))).toEqual(DEFAULT_SETTINGS);
    expect(loadSettings(memoryStore({ [SETTINGS_KEY]: 'null' }))).toEqual(DEFAULT_SETTINGS);
    expect(loadLang(memoryStore({ [LANG_KEY]: 'fr' }))).toBe('ja');
  });

  test('an older stored object gets the defaults for fields added since', () => {
    expect(loadSettings(memoryStore({ [SETTINGS_KEY]: JSON.stringify({ cap: 100 }) }))).toEqual({ ...DEFAULT_SETTINGS, cap: 100 });
  });

  describe('browserStore', () => {
    const g = globalThis as { window?: unknown };
    afterEach(() => {
      delete g.window;
    });

    test('no window (not a browser): remembers nothing, never throws', () => {
      const store = browserStore();
      expect(() => store.set('k', 'v')).not.toThrow();
      expect(store.get('k')).toBeNull();
    });

    test('localStorage that throws on access or use', () => {
      g.window = Object.defineProperty({}, 'localStorage', {
        get() {
          throw new Error('SecurityError');
        },
      });
      const blocked = browserStore();
      expect(() => blocked.set('k', 'v')).not.toThrow();
      expect(blocked.get('k')).toBeNull();

      g.window = {
        localStorage: {
          getItem() {
            throw new Error('denied');
          },
          setItem() {
            throw new Error('QuotaExceededError');
          },
        },
      };
      const failing = browserStore();
      expect(() => failing.set('k', 'v')).not.toThrow();
      expect(failing.get('k')).toBeNull();
      expect(loadSettings(failing)).toEqual(DEFAULT_SETTINGS);
    });

    test('working localStorage', () => {
      const data = new Map<string, string>();
      g.window = { localStorage: { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) } };
      const store = browserStore();
      saveLang(store, 'en');
      expect(data.get(LANG_KEY)).toBe('en');
      expect(loadLang(store)).toBe('en');
    });
  });
});
