/**
 * The settings panel's state for <App>: the form (text), the settings in force (its last valid
 * state) and the form's errors. The checks (./settingsCheck, with zod) are fetched when the pane
 * starts; until they arrive — a few milliseconds from the add-in's own origin — `ready` is false
 * and the actions wait.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Settings } from '../../domain/base/settings';
import { once } from '../lazy';
import type { SettingsErrors, SettingsField, SettingsForm } from './settingsForm';
import { saveSettings, type KeyValueStore } from './storage';

type Checks = typeof import('./settingsCheck');

const loadChecks = once(() => import(/* webpackChunkName: "settings" */ './settingsCheck'));

interface Loaded {
  checks: Checks;
  /** as loaded: also carries what the panel does not show (the COVID period), kept as it is */
  base: Settings;
  form: SettingsForm;
  /** the settings in force: the last valid form */
  settings: Settings;
}

export interface SettingsState {
  ready: boolean;
  /** the checks could not be loaded (a failed request): the actions cannot run */
  failed: boolean;
  form?: SettingsForm;
  settings?: Settings;
  errors: SettingsErrors;
  /** ready and the form is valid */
  ok: boolean;
  onFieldChange(field: SettingsField, value: string): void;
  onReset(): void;
}

export function useSettings(store: KeyValueStore): SettingsState {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    loadChecks().then(
      (checks) => {
        if (!live) return;
        const base = checks.loadSettings(store);
        setLoaded({ checks, base, form: checks.settingsToForm(base), settings: base });
      },
      (err: unknown) => {
        console.error('Progress Review: the settings checks could not be loaded', err);
        if (live) setFailed(true);
      },
    );
    return () => {
      live = false;
    };
  }, [store]);

  const check = useMemo(() => (loaded ? loaded.checks.validateSettingsForm(loaded.form, loaded.base) : undefined), [loaded]);

  const update = useCallback(
    (next: (l: Loaded) => SettingsForm) => {
      if (!loaded) return;
      const form = next(loaded);
      const result = loaded.checks.validateSettingsForm(form, loaded.base);
      if (result.ok) saveSettings(store, result.settings);
      setLoaded({ ...loaded, form, settings: result.ok ? result.settings : loaded.settings });
    },
    [loaded, store],
  );

  return {
    ready: loaded !== null,
    failed,
    form: loaded?.form,
    settings: loaded?.settings,
    errors: check && !check.ok ? check.errors : {},
    ok: check?.ok === true,
    onFieldChange: (field, value) => update((l) => ({ ...l.form, [field]: value })),
    onReset: () => update((l) => l.checks.settingsToForm(l.checks.DEFAULT_SETTINGS)),
  };
}
