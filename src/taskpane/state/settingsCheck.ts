/**
 * The pane's checks of settings, a chunk of its own loaded by ./useSettings: the domain's zod
 * settingsSchema and what the pane does with it. zod weighs ≈45 KB minified however little of it
 * is used, which the first screen's 400 KB budget cannot carry.
 */
import '../zodConfig'; // first: before any module builds or runs a zod schema
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../../domain/base/settings';
import { SETTINGS_KEY, type KeyValueStore } from './storage';

export { DEFAULT_SETTINGS } from '../../domain/base/settings';
export { settingsToForm, validateSettingsForm } from './settingsForm';

/** The stored settings, checked again with the schema (never trusted); the defaults otherwise. */
export function loadSettings(store: KeyValueStore): Settings {
  const raw = store.get(SETTINGS_KEY);
  if (raw === null) return DEFAULT_SETTINGS;
  try {
    const parsed = settingsSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : DEFAULT_SETTINGS;
  } catch {
    return DEFAULT_SETTINGS;
  }
}
