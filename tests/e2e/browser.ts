/**
 * Which Chromium the browser tests drive, never downloaded from a browser vendor:
 *
 *   1. PR_CHROMIUM=<path>: that executable;
 *   2. a system Chrome, Edge or Chromium (Debian's /usr/bin/chromium, Google Chrome, Microsoft Edge,
 *      on Linux, macOS or Windows);
 *   3. the Chromium inside the npm package @sparticuz/chromium (a devDependency: Linux x64 only),
 *      unpacked once into node_modules/.cache/progress-review/ with the NSS libraries it ships,
 *      so a machine with nothing but Node and npm runs the tests.
 *
 * PR_BROWSER=system or PR_BROWSER=npm picks one route (npm: the system browser and the system's
 * fonts are ignored, as on a fresh machine). On Linux, fonts come through fontconfig: Noto Sans JP
 * from the npm package @expo-google-fonts/noto-sans-jp (plus the system's fonts on the system
 * route), so Japanese renders in screenshots even where no CJK font is installed.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliDecompressSync } from 'node:zlib';

export type BrowserSource = 'PR_CHROMIUM' | 'system' | 'npm';

export interface BrowserChoice {
  executablePath: string;
  source: BrowserSource;
  /** extra environment for the browser process (fontconfig, bundled libraries) */
  env: Record<string, string>;
  /** what was chosen, for messages */
  description: string;
}

export const BROWSER_HELP =
  'The browser tests need Chromium: set PR_CHROMIUM=<path to chrome/msedge/chromium>, install Chrome, Edge or ' +
  "Debian's chromium, or on Linux x64 run `npm install` (the devDependency @sparticuz/chromium carries one). " +
  'PR_SKIP_BROWSER=1 skips these tests.';

const ROOT = path.resolve(__dirname, '../..');
const CACHE = path.join(ROOT, 'node_modules', '.cache', 'progress-review');

/** Where Chrome, Edge and Chromium install themselves, per platform (first found wins). */
export function systemCandidates(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string[] {
  if (platform === 'win32') {
    const roots = [env['PROGRAMFILES'], env['PROGRAMFILES(X86)'], env['LOCALAPPDATA']].filter((r): r is string => !!r);
    return roots.flatMap((r) => [
      path.win32.join(r, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      path.win32.join(r, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
      path.win32.join(r, 'Chromium', 'Application', 'chrome.exe'),
    ]);
  }
  if (platform === 'darwin') {
    return [
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
    ];
  }
  const names = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge', 'microsoft-edge-stable'];
  const dirs = ['/usr/bin', '/usr/local/bin', '/snap/bin', ...(env['PATH'] ?? '').split(path.delimiter).filter(Boolean)];
  const fixed = ['/opt/google/chrome/chrome', '/opt/microsoft/msedge/msedge'];
  return [...new Set([...dirs.flatMap((d) => names.map((n) => path.join(d, n))), ...fixed])];
}

export interface Resolution {
  source: BrowserSource;
  executablePath?: string;
}

/**
 * The route, without side effects: PR_CHROMIUM, else a system browser (unless PR_BROWSER=npm),
 * else the npm package (unless PR_BROWSER=system). `exists` is injectable for tests.
 */
export function chooseRoute(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, exists: (p: string) => boolean): Resolution {
  const given = env['PR_CHROMIUM'];
  if (given) {
    if (!exists(given)) throw new Error(`PR_CHROMIUM=${given} does not exist. ${BROWSER_HELP}`);
    return { source: 'PR_CHROMIUM', executablePath: given };
  }
  const route = (env['PR_BROWSER'] ?? '').toLowerCase();
  if (route !== '' && route !== 'system' && route !== 'npm') throw new Error(`PR_BROWSER=${env['PR_BROWSER']}: use "system" or "npm" (or leave it unset)`);
  if (route !== 'npm') {
    const found = systemCandidates(platform, env).find(exists);
    if (found) return { source: 'system', executablePath: found };
    if (route === 'system') throw new Error(`PR_BROWSER=system but no Chrome, Edge or Chromium was found. ${BROWSER_HELP}`);
  }
  return { source: 'npm' };
}

// ---- the npm route: @sparticuz/chromium ------------------------------------------------------

/** the folder of an installed package (found from its entry point: some export no package.json) */
function packageDir(name: string): string | undefined {
  let file: string;
  try {
    file = require.resolve(name, { paths: [ROOT] });
  } catch {
    return undefined;
  }
  for (let dir = path.dirname(file); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === name) return dir;
  }
  return undefined;
}

/** Files of an uncompressed tar archive (ustar: regular files and folders, as the package ships them). */
function untar(tar: Buffer, into: string): void {
  for (let at = 0; at + 512 <= tar.length; ) {
    const header = tar.subarray(at, at + 512);
    if (header.every((b) => b === 0)) break;
    const field = (from: number, len: number) => header.subarray(from, from + len).toString('utf8').replace(/\0.*$/s, '');
    const prefix = field(345, 155);
    const name = (prefix ? `${prefix}/` : '') + field(0, 100);
    const size = parseInt(field(124, 12).trim() || '0', 8);
    const type = String.fromCharCode(header[156] || 48);
    const target = path.resolve(into, name);
    if (!target.startsWith(path.resolve(into) + path.sep)) throw new Error(`unsafe path in archive: ${name}`);
    if (type === '5') mkdirSync(target, { recursive: true });
    else if (type === '0') {
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, tar.subarray(at + 512, at + 512 + size), { mode: 0o755 });
    } else throw new Error(`unsupported tar entry type ${type} (${name})`);
    at += 512 + Math.ceil(size / 512) * 512;
  }
}

/**
 * node_modules/.cache/progress-review/chromium-<version>/: the chromium executable, lib/ (the NSS
 * libraries of the package's al2023 archive: the executable needs nothing else but glibc) and
 * fonts/ (Open Sans). Made once, in a temporary folder renamed into place, so parallel test
 * files never see half of it.
 */
export function unpackNpmChromium(): string {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`@sparticuz/chromium carries a Linux x64 Chromium only (this is ${process.platform} ${process.arch}). ${BROWSER_HELP}`);
  }
  const pkg = packageDir('@sparticuz/chromium');
  if (!pkg) throw new Error(`@sparticuz/chromium is not installed (run npm install). ${BROWSER_HELP}`);
  const version = (JSON.parse(readFileSync(path.join(pkg, 'package.json'), 'utf8')) as { version: string }).version;
  const dir = path.join(CACHE, `chromium-${version}`);
  const exe = path.join(dir, 'chromium');
  if (existsSync(exe)) return dir;
  const tmp = `${dir}.tmp-${process.pid}-${Date.now()}`;
  mkdirSync(tmp, { recursive: true });
  try {
    const bin = path.join(pkg, 'bin');
    writeFileSync(path.join(tmp, 'chromium'), brotliDecompressSync(readFileSync(path.join(bin, 'chromium.br'))), { mode: 0o755 });
    untar(brotliDecompressSync(readFileSync(path.join(bin, 'al2023.tar.br'))), tmp);
    untar(brotliDecompressSync(readFileSync(path.join(bin, 'fonts.tar.br'))), tmp);
    try {
      renameSync(tmp, dir);
    } catch (e) {
      if (!existsSync(exe)) throw e; // another worker finished first
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return dir;
}

// ---- fonts ---------------------------------------------------------------------------------------

/** Noto Sans JP (regular, semibold, bold) from the npm package, as folders for fontconfig */
export function cjkFontDirs(): string[] {
  const pkg = packageDir('@expo-google-fonts/noto-sans-jp');
  if (!pkg) return [];
  return ['400Regular', '600SemiBold', '700Bold'].map((w) => path.join(pkg, w)).filter((d) => existsSync(d));
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A fontconfig file with `dirs`, and the system's configuration (if any) when `withSystem`. The
 * npm route leaves the system out: its screenshots use the packages' fonts only, as on a machine
 * that has none.
 */
export function writeFontConfig(dirs: readonly string[], withSystem: boolean): string {
  const lines = [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
    '<fontconfig>',
    ...(withSystem ? ['  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>'] : []),
    ...dirs.map((d) => `  <dir>${escapeXml(d)}</dir>`),
    `  <cachedir>${escapeXml(path.join(CACHE, 'fontconfig-cache'))}</cachedir>`,
    '</fontconfig>',
    '',
  ];
  mkdirSync(CACHE, { recursive: true });
  const file = path.join(CACHE, `fonts-${process.pid}.conf`);
  writeFileSync(file, lines.join('\n'));
  return file;
}

// ---- the choice ------------------------------------------------------------------------------------

export function resolveBrowser(): BrowserChoice {
  const route = chooseRoute(process.env, process.platform, existsSync);
  const fonts = cjkFontDirs();
  if (route.source !== 'npm') {
    const env: Record<string, string> = process.platform === 'linux' ? { FONTCONFIG_FILE: writeFontConfig(fonts, true) } : {};
    return { executablePath: route.executablePath!, source: route.source, env, description: `${route.source} ${route.executablePath}` };
  }
  const dir = unpackNpmChromium();
  const lib = path.join(dir, 'lib');
  return {
    executablePath: path.join(dir, 'chromium'),
    source: 'npm',
    env: {
      FONTCONFIG_FILE: writeFontConfig([path.join(dir, 'fonts'), ...fonts], false),
      LD_LIBRARY_PATH: [lib, process.env['LD_LIBRARY_PATH']].filter(Boolean).join(path.delimiter),
    },
    description: `npm @sparticuz/chromium (${dir})`,
  };
}
