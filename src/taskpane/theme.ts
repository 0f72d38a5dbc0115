/**
 * The pane follows Office's theme: Fluent's dark theme when Office is dark (Black, Dark Gray),
 * the high-contrast theme when the system forces its colours (Windows contrast themes), the light
 * theme otherwise. Office tells add-ins its theme through Office.context.officeTheme; the change
 * event (OfficeThemeChanged) exists only on some hosts, so the theme is also read again when the
 * pane gets the focus back, and the forced-colours media query is watched. Every lookup is
 * guarded: an older host, another host or a plain browser simply gets the light theme.
 * Fluent's dark and high-contrast themes are a chunk of their own (./darkThemes), fetched only
 * when Office is dark or the colours are forced: most panes never need them.
 */
import { webLightTheme, type Theme } from '@fluentui/react-components';
import { once } from './lazy';

export type PaneTheme = 'light' | 'dark' | 'highContrast';

/** a pane theme with Fluent's theme for it */
export interface LoadedTheme {
  name: PaneTheme;
  fluent: Theme;
}

export const LIGHT: LoadedTheme = { name: 'light', fluent: webLightTheme };

const darkThemes = once(() => import(/* webpackChunkName: "themes" */ './darkThemes'));

/** Fluent's theme for `name`; the light one if the chunk with the others cannot be fetched */
export async function loadTheme(name: PaneTheme): Promise<LoadedTheme> {
  if (name === 'light') return LIGHT;
  try {
    const m = await darkThemes();
    return { name, fluent: m.DARK_THEMES[name] };
  } catch (err) {
    console.warn('Progress Review: the dark and high-contrast themes could not be loaded', err);
    return LIGHT;
  }
}

/** what the pane reads of Office.OfficeTheme */
export interface OfficeThemeLike {
  isDarkTheme?: unknown;
  bodyBackgroundColor?: unknown;
}

/** relative luminance (WCAG) of #RRGGBB, or null when it is not one */
function luminance(hex: unknown): number | null {
  if (typeof hex !== 'string') return null;
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return null;
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(m[1].slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** the theme for what Office says (isDarkTheme, else the body background) and the system's forced colours */
export function paneTheme(office: OfficeThemeLike | undefined, forcedColors: boolean): PaneTheme {
  if (forcedColors) return 'highContrast';
  if (!office) return 'light';
  if (typeof office.isDarkTheme === 'boolean') return office.isDarkTheme ? 'dark' : 'light';
  const l = luminance(office.bodyBackgroundColor);
  return l !== null && l < 0.2 ? 'dark' : 'light';
}

interface OfficeGlobal {
  context?: {
    officeTheme?: OfficeThemeLike;
    document?: { addHandlerAsync?: (type: unknown, handler: (e: unknown) => void, callback?: (r: unknown) => void) => void };
  };
  EventType?: { OfficeThemeChanged?: unknown };
}

function officeGlobal(): OfficeGlobal | undefined {
  return typeof Office === 'undefined' ? undefined : (Office as unknown as OfficeGlobal);
}

function officeTheme(): OfficeThemeLike | undefined {
  try {
    return officeGlobal()?.context?.officeTheme ?? undefined;
  } catch {
    return undefined; // some hosts throw instead of leaving it undefined
  }
}

const FORCED_COLORS = '(forced-colors: active)';

function forcedColors(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(FORCED_COLORS).matches;
}

/** the theme now */
export function currentPaneTheme(): PaneTheme {
  return paneTheme(officeTheme(), forcedColors());
}

/** Calls `onChange` with the theme whenever it may have changed; returns the function that stops watching. */
export function watchPaneTheme(onChange: (theme: PaneTheme) => void): () => void {
  const check = () => onChange(currentPaneTheme());
  const stops: (() => void)[] = [];
  const office = officeGlobal();
  const changed = office?.EventType?.OfficeThemeChanged;
  const add = office?.context?.document?.addHandlerAsync;
  if (changed !== undefined && typeof add === 'function') {
    try {
      // Excel on most platforms answers with a failed result: the focus and media checks below remain
      add.call(office!.context!.document, changed, check, () => undefined);
    } catch {
      /* not on this host */
    }
  }
  if (typeof window !== 'undefined') {
    window.addEventListener('focus', check);
    stops.push(() => window.removeEventListener('focus', check));
    if (typeof window.matchMedia === 'function') {
      const media = window.matchMedia(FORCED_COLORS);
      if (typeof media.addEventListener === 'function') {
        media.addEventListener('change', check);
        stops.push(() => media.removeEventListener('change', check));
      }
    }
  }
  return () => stops.forEach((s) => s());
}
