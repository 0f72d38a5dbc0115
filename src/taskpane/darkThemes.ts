/** Fluent's themes for a dark Office and for forced colours: a chunk of their own (see ./theme.ts). */
import { teamsHighContrastTheme, webDarkTheme, type Theme } from '@fluentui/react-components';
import type { PaneTheme } from './theme';

export const DARK_THEMES: Record<Exclude<PaneTheme, 'light'>, Theme> = {
  dark: webDarkTheme,
  highContrast: teamsHighContrastTheme,
};
