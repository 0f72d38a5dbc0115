/** The pane's theme from what Office says (Office.context.officeTheme) and the system's forced colours. */
import { teamsHighContrastTheme, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { DARK_THEMES } from '../../src/taskpane/darkThemes';
import { loadTheme, paneTheme } from '../../src/taskpane/theme';

describe('the pane follows Office’s theme', () => {
  test('isDarkTheme when the host gives it', () => {
    expect(paneTheme({ isDarkTheme: true, bodyBackgroundColor: '#ffffff' }, false)).toBe('dark');
    expect(paneTheme({ isDarkTheme: false, bodyBackgroundColor: '#000000' }, false)).toBe('light');
  });

  test('else the body background: Black and Dark Gray are dark, Colorful and White light', () => {
    expect(paneTheme({ bodyBackgroundColor: '#262626' }, false)).toBe('dark');
    expect(paneTheme({ bodyBackgroundColor: '#444444' }, false)).toBe('dark');
    expect(paneTheme({ bodyBackgroundColor: '#E6E6E6' }, false)).toBe('light');
    expect(paneTheme({ bodyBackgroundColor: 'ffffff' }, false)).toBe('light');
  });

  test('nothing usable (no Office, an older host, a bad colour): light', () => {
    expect(paneTheme(undefined, false)).toBe('light');
    expect(paneTheme({}, false)).toBe('light');
    expect(paneTheme({ bodyBackgroundColor: 'dark' }, false)).toBe('light');
  });

  test('forced colours (a Windows contrast theme) win', () => {
    expect(paneTheme({ isDarkTheme: false }, true)).toBe('highContrast');
    expect(paneTheme(undefined, true)).toBe('highContrast');
  });

  // loading the chunk with the dark ones is tested in the browser (tests/e2e/themes.test.ts)
  test('Fluent’s themes for each: light at once, dark and high contrast in a chunk of their own', async () => {
    expect(await loadTheme('light')).toEqual({ name: 'light', fluent: webLightTheme });
    expect(DARK_THEMES).toEqual({ dark: webDarkTheme, highContrast: teamsHighContrastTheme });
  });
});
