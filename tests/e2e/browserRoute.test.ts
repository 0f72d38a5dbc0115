/** Which Chromium the browser tests take (tests/e2e/browser.ts), decided without launching one. */
import path from 'node:path';
import { chooseRoute, systemCandidates } from './browser';

const has =
  (...paths: string[]) =>
  (p: string) =>
    paths.includes(p);

describe('choosing the browser', () => {
  test('PR_CHROMIUM wins, and must exist', () => {
    expect(chooseRoute({ PR_CHROMIUM: '/x/chrome' }, 'linux', has('/x/chrome', '/usr/bin/chromium'))).toEqual({ source: 'PR_CHROMIUM', executablePath: '/x/chrome' });
    expect(() => chooseRoute({ PR_CHROMIUM: '/x/missing' }, 'linux', has('/usr/bin/chromium'))).toThrow(/PR_CHROMIUM=\/x\/missing does not exist/);
  });

  test('a system browser before the npm package; the npm package when there is none', () => {
    expect(chooseRoute({}, 'linux', has('/usr/bin/chromium'))).toEqual({ source: 'system', executablePath: '/usr/bin/chromium' });
    expect(chooseRoute({}, 'linux', has('/opt/google/chrome/chrome'))).toEqual({ source: 'system', executablePath: '/opt/google/chrome/chrome' });
    expect(chooseRoute({}, 'linux', has())).toEqual({ source: 'npm' });
  });

  test('PR_BROWSER=npm ignores the system browser; PR_BROWSER=system never falls back', () => {
    expect(chooseRoute({ PR_BROWSER: 'npm' }, 'linux', has('/usr/bin/chromium'))).toEqual({ source: 'npm' });
    expect(() => chooseRoute({ PR_BROWSER: 'system' }, 'linux', has())).toThrow(/no Chrome, Edge or Chromium/);
    expect(() => chooseRoute({ PR_BROWSER: 'firefox' }, 'linux', has())).toThrow(/"system" or "npm"/);
  });

  test('browsers on PATH count (Linux)', () => {
    const exe = path.join('/home/me/bin', 'google-chrome');
    expect(chooseRoute({ PATH: '/home/me/bin' }, 'linux', has(exe))).toEqual({ source: 'system', executablePath: exe });
  });

  test('Windows: Chrome or Edge under Program Files; macOS: the application bundles', () => {
    const win = systemCandidates('win32', { PROGRAMFILES: 'C:\\Program Files', 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)' });
    expect(win).toContain('C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe');
    expect(win).toContain('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe');
    expect(systemCandidates('darwin', {})).toContain('/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge');
  });
});
