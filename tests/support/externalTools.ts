/**
 * Programs some tests run that npm cannot install: LibreOffice (`soffice`, renders a workbook to
 * PDF) and poppler's `pdftoppm` (PDF to PNG). `.ci/run` installs them from Debian (libreoffice-calc,
 * poppler-utils). Outside CI a test that needs a missing one is skipped with the reason printed;
 * in CI (CI=true) a missing one is an error, so a green CI never hides a skipped render.
 *
 *   const soffice = findTool('soffice');
 *   (soffice ? describe : describe.skip)('summary as rendered by LibreOffice', …)
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

export type ExternalTool = 'soffice' | 'pdftoppm';

const INSTALL: Record<ExternalTool, string> = {
  soffice: 'apt-get install -y --no-install-recommends libreoffice-calc (Windows/macOS: install LibreOffice)',
  pdftoppm: 'apt-get install -y --no-install-recommends poppler-utils',
};

/** where LibreOffice installs itself outside PATH */
const EXTRA: Record<ExternalTool, string[]> = {
  soffice: ['C:\\Program Files\\LibreOffice\\program\\soffice.exe', '/Applications/LibreOffice.app/Contents/MacOS/soffice', '/opt/libreoffice/program/soffice'],
  pdftoppm: [],
};

/** the executable on PATH (or where LibreOffice usually is), or undefined */
export function locateTool(name: ExternalTool, env: NodeJS.ProcessEnv = process.env, exists: (p: string) => boolean = existsSync): string | undefined {
  const exts = process.platform === 'win32' ? ['.exe', '.cmd', ''] : [''];
  const dirs = (env['PATH'] ?? '').split(path.delimiter).filter(Boolean);
  return [...dirs.flatMap((d) => exts.map((e) => path.join(d, name + e))), ...EXTRA[name]].find(exists);
}

/**
 * The tool's path; when it is missing: in CI an Error, elsewhere undefined after printing why the
 * test that needs it is skipped.
 */
export function findTool(name: ExternalTool, env: NodeJS.ProcessEnv = process.env, exists: (p: string) => boolean = existsSync): string | undefined {
  const found = locateTool(name, env, exists);
  if (found) return found;
  const why = `${name} not found (${INSTALL[name]})`;
  if (env['CI'] === 'true' || env['CI'] === '1') throw new Error(`${why}: CI must install it (.ci/run does)`);
  console.warn(`skipped: ${why}`);
  return undefined;
}
