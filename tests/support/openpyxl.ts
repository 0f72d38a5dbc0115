/**
 * openpyxl as an independent, namespace-aware reader of the packages we write (its XML parser
 * rejects an undeclared prefix, and it skips elements outside SpreadsheetML). Debian's
 * python3-openpyxl with the system Python; `.ci/run` installs it. Outside CI a test that needs
 * it is skipped with the reason printed; in CI a missing one is an error.
 */
import { execFileSync } from 'node:child_process';

const PYTHON = '/usr/bin/python3';

/** Every cell value of every sheet, by sheet name and A1 reference; `error` when openpyxl refuses the file. */
export interface OpenpyxlBook {
  sheets: string[];
  cells: Record<string, Record<string, string | number | boolean | null>>;
  error?: string;
}

const SCRIPT = `
import json, sys, warnings, openpyxl
warnings.simplefilter('ignore')
out = []
for path in json.load(sys.stdin):
    try:
        wb = openpyxl.load_workbook(path, data_only=True)
        cells = {}
        for ws in wb.worksheets:
            cells[ws.title] = {c.coordinate: (c.value if isinstance(c.value, (int, float, str, bool)) or c.value is None else str(c.value))
                               for row in ws.iter_rows() for c in row if c.value is not None}
        out.append({'sheets': wb.sheetnames, 'cells': cells})
    except Exception as e:
        out.append({'sheets': [], 'cells': {}, 'error': type(e).__name__ + ': ' + str(e)})
json.dump(out, sys.stdout)
`;

function available(): boolean {
  try {
    execFileSync(PYTHON, ['-c', 'import openpyxl'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The Python that has openpyxl; undefined (with the reason printed) outside CI when it is missing. */
export function findOpenpyxl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (available()) return PYTHON;
  const why = 'openpyxl not found (apt-get install -y --no-install-recommends python3-openpyxl)';
  if (env['CI'] === 'true' || env['CI'] === '1') throw new Error(`${why}: CI must install it (.ci/run does)`);
  console.warn(`skipped: ${why}`);
  return undefined;
}

/** Reads the files with openpyxl in one Python process. */
export function readWithOpenpyxl(python: string, files: readonly string[]): OpenpyxlBook[] {
  const out = execFileSync(python, ['-c', SCRIPT], { input: JSON.stringify(files), maxBuffer: 256 * 1024 * 1024, timeout: 300_000 });
  return JSON.parse(out.toString('utf8')) as OpenpyxlBook[];
}
