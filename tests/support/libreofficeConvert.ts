/**
 * "Does it open in LibreOffice?": soffice converts the files to .xlsx in one run; a file it
 * cannot load ("source file could not be loaded") produces no output. The converted copies can
 * then be read (openpyxl, the project's reader) to see what LibreOffice saw.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** For each input, the path of LibreOffice's .xlsx of it, or null when LibreOffice could not open it. */
export function convertWithLibreOffice(soffice: string, files: readonly string[], timeoutMs = 240_000): (string | null)[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pr-lo-'));
  const outDir = path.join(dir, 'out');
  try {
    execFileSync(soffice, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'xlsx', '--outdir', outDir, ...files], { stdio: 'pipe', timeout: timeoutMs });
  } catch {
    // soffice exits non-zero when one file fails; the files it did convert are there
  }
  return files.map((f) => {
    const out = path.join(outDir, path.basename(f, path.extname(f)) + '.xlsx');
    return existsSync(out) ? out : null;
  });
}
