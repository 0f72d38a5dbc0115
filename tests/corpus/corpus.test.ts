/**
 * The real-world corpus through the command line: every package of tests/corpus/files that a
 * second reader opens (valid=1 in SOURCES.tsv) gets a KPI sheet injected at the ZIP level, is
 * reviewed by `progress-review review` (in batches, as a city's planning staff would run it),
 * and its reviewed copy is checked:
 *   - every entry the review does not own is byte-identical to the input's,
 *   - every XML part parses namespace-aware (declared prefixes, SpreadsheetML parts with no
 *     element in no namespace, each <sheet> with its r:id in the relationships namespace), and
 *     the structural validator finds nothing the input did not already have,
 *   - the output columns of the injected sheet hold the JSON report's values, read back with the
 *     project's reader,
 *   - a sample opens in LibreOffice (when it is installed; in CI it must be).
 * A package the reader refuses by name as it stands (two entries of one name, a damaged
 * relationships part) is given as it is and must be refused by that name, with no copy written;
 * a Strict Open XML package, which the patch writer does not edit, must be refused by name too.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../src/cli/main';
import { KPI_OUTPUT_HEADERS } from '../../src/domain/sheets/headers';
import { validatePackage } from '../../src/xlsx/patch';
import { readXlsx, ReadError } from '../../src/xlsx/read';
import { checkXml } from '../../src/xlsx/xml/wellFormed';
import { ZipArchive } from '../../src/xlsx/zip/zipArchive';
import { findTool } from '../support/externalTools';
import { injectKpiSheet, INJECTED_ROWS, type Injected } from '../support/injectKpiSheet';
import { convertWithLibreOffice } from '../support/libreofficeConvert';
import { translate } from '../../src/messages/translate';

jest.setTimeout(900_000);

const CORPUS = path.join(__dirname, 'files');
const BATCH = 40;
const LO_SAMPLE_EVERY = 50;

interface Case {
  name: string;
  source: string;
  injected: Injected;
  input: string;
  strict: boolean;
}

/** Part names as OPC compares them (some zip tools write `xl\\workbook.xml`). */
const key = (name: string) => name.replace(/\\/g, '/').toLowerCase();

const valid = readFileSync(path.join(__dirname, 'SOURCES.tsv'), 'utf8')
  .split('\n')
  .filter((l) => l && !l.startsWith('#'))
  .map((l) => l.split('\t'))
  .filter((f) => f[5] === '1')
  .map((f) => ({ name: f[0], source: `${f[1]}/${f[2]}` }));

const work = mkdtempSync(path.join(os.tmpdir(), 'pr-corpus-'));
const outDir = path.join(work, 'out');
const cases: Case[] = [];
const refused: { name: string; input: string; message: string }[] = [];
const stderr = new Map<string, string[]>();
afterAll(() => rmSync(work, { recursive: true, force: true }));

beforeAll(async () => {
  mkdirSync(path.join(work, 'in'));
  for (const v of valid) {
    const original = new Uint8Array(readFileSync(path.join(CORPUS, v.name)));
    const refusal = await readXlsx(original).then(
      () => null,
      // a workbook with no sheet gets one injected
      (e: unknown) => (e instanceof ReadError && e.code !== 'read.noSheets' ? e.message : null),
    );
    if (refusal !== null) {
      refused.push({ name: v.name, input: path.join(CORPUS, v.name), message: refusal });
      continue;
    }
    const injected = injectKpiSheet(new Uint8Array(readFileSync(path.join(CORPUS, v.name))));
    const input = path.join(work, 'in', v.name);
    writeFileSync(input, injected.bytes);
    const strict = Object.values(ZipArchive.load(original).files).some((e) => !e.dir && /workbook\.xml$/i.test(e.name) && e.text().includes('http://purl.oclc.org/ooxml/spreadsheetml/main'));
    cases.push({ name: v.name, source: v.source, injected, input, strict });
  }
  for (let i = 0; i < cases.length; i += BATCH) {
    const batch = cases.slice(i, i + BATCH);
    const err: string[] = [];
    await runCli(['review', ...batch.map((c) => c.input), '--out', outDir, '--json', path.join(work, `report-${i}.json`), '--lang', 'en'], { out: () => undefined, err: (l) => err.push(l) });
    for (const c of batch) stderr.set(c.name, err.filter((l) => l.includes(c.name)));
  }
  if (refused.length) {
    const err: string[] = [];
    await runCli(['review', ...refused.map((r) => r.input), '--out', outDir, '--lang', 'en'], { out: () => undefined, err: (l) => err.push(l) });
    for (const r of refused) stderr.set(r.name, err.filter((l) => l.includes(r.name)));
  }
});

/** The parts a reviewed copy may change (as keys): the injected sheet, styles, workbook, its relationships, content types, calcChain. */
function ownedBy(c: Case, zip: ZipArchive): Set<string> {
  const owned = new Set([c.injected.part, ...c.injected.edited].map(key));
  const relsPart = key(c.injected.edited[1]);
  const rels = zip.files[c.injected.edited[1]]?.text() ?? '';
  const dir = relsPart.slice(0, relsPart.indexOf('_rels/'));
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    if (!/\/(styles|calcChain)"/.test(m[0])) continue;
    const target = /Target="([^"]*)"/.exec(m[0])![1];
    owned.add(key(target.startsWith('/') ? target.slice(1) : path.posix.normalize(dir + target)));
  }
  return owned;
}

/** The copies written: every case but the Strict ones. */
const written = () => cases.filter((c) => !c.strict);

test('the corpus is there: hundreds of packages from other programs', () => {
  expect(valid.length).toBeGreaterThan(600);
  expect(cases.length + refused.length).toBe(valid.length);
  // the reader refuses only a handful, each by name (see tests/read/differential.test.ts)
  expect(refused.length).toBeLessThan(5);
});

test('a package the reader refuses by name is refused by that name, and no copy is written', () => {
  const wrong = refused
    .filter((r) => existsSync(path.join(outDir, r.name)) || !(stderr.get(r.name) ?? []).some((l) => l.includes(r.message)))
    .map((r) => ({ file: r.name, expected: r.message, stderr: stderr.get(r.name) }));
  expect(wrong).toEqual([]);
});

test('every package is reviewed and written: no refusal, no error', () => {
  const notWritten = written()
    .filter((c) => !existsSync(path.join(outDir, c.name)))
    .map((c) => ({ file: c.name, source: c.source, stderr: stderr.get(c.name) }));
  expect(notWritten).toEqual([]);
});

test('a Strict Open XML package is refused by name, with no copy written', () => {
  const strict = cases.filter((c) => c.strict);
  expect(strict.length).toBeGreaterThan(0);
  const message = translate('en', 'xlsx.package.strict');
  const wrong = strict.filter((c) => existsSync(path.join(outDir, c.name)) || !(stderr.get(c.name) ?? []).some((l) => l.includes(message)));
  expect(wrong.map((c) => ({ file: c.name, stderr: stderr.get(c.name) }))).toEqual([]);
});

test('every entry the review does not own is byte-identical; nothing else added or lost', () => {
  let compared = 0;
  const problems: string[] = [];
  for (const c of written()) {
    const before = ZipArchive.load(c.injected.bytes);
    const after = ZipArchive.load(new Uint8Array(readFileSync(path.join(outDir, c.name))));
    const owned = ownedBy(c, before);
    for (const [name, e] of Object.entries(before.files)) {
      if (owned.has(key(name))) continue;
      const other = after.files[name];
      if (!other) problems.push(`${c.name}: ${name} lost`);
      else if (Buffer.compare(Buffer.from(e.bytes()), Buffer.from(other.bytes())) !== 0) problems.push(`${c.name}: ${name} changed`);
      else compared++;
    }
    const added = Object.keys(after.files).filter((n) => !before.files[n]);
    // the hidden log sheet, and a stylesheet when the package had none
    for (const a of added) if (!/worksheets\/sheet\d+\.xml$|styles\d*\.xml$/.test(a)) problems.push(`${c.name}: unexpected ${a}`);
  }
  expect(problems).toEqual([]);
  console.log(`corpus: ${cases.length} packages, ${compared} entries compared byte for byte`);
  expect(compared).toBeGreaterThan(5000);
});

test('every XML part parses namespace-aware; the validator finds nothing the input did not have', async () => {
  const problems: string[] = [];
  let parts = 0;
  for (const c of written()) {
    const bytes = new Uint8Array(readFileSync(path.join(outDir, c.name)));
    const zip = ZipArchive.load(bytes);
    for (const [name, e] of Object.entries(zip.files)) {
      if (!/\.(xml|rels|vml)$/i.test(name) || e.dir) continue;
      const before = ZipArchive.load(c.injected.bytes).files[name];
      const err = checkXml(e.text());
      if (err && !(before && checkXml(before.text()))) problems.push(`${c.name}: ${name}: ${err}`);
      parts++;
    }
    const had = new Set(await validatePackage(c.injected.bytes));
    for (const p of await validatePackage(bytes)) if (!had.has(p)) problems.push(`${c.name}: ${p}`);
  }
  expect(problems).toEqual([]);
  console.log(`corpus: ${parts} XML parts parsed namespace-aware`);
});

test('the output columns of the injected sheet hold the report’s values', async () => {
  const kpis = cases.flatMap((_, i) => (i % BATCH === 0 ? (JSON.parse(readFileSync(path.join(work, `report-${i}.json`), 'utf8')).kpis as ReportKpi[]) : []));
  const problems: string[] = [];
  let cells = 0;
  for (const c of written()) {
    const read = await readXlsx(new Uint8Array(readFileSync(path.join(outDir, c.name))));
    const sheet = read.sheets.find((s) => s.name === c.injected.sheet)!;
    const header = sheet.values[2] ?? [];
    const at = (h: string) => header.findIndex((v) => v === h);
    const mine = kpis.filter((k) => k.file === c.name && k.sheet === c.injected.sheet);
    if (mine.length !== INJECTED_ROWS.length) problems.push(`${c.name}: ${mine.length} KPIs in the report`);
    for (const k of mine) {
      const row = sheet.values[k.row - 1] ?? [];
      const expect: [string, unknown][] = [
        [KPI_OUTPUT_HEADERS.achievement, k.achievement === null ? null : k.achievement / 100],
        [KPI_OUTPUT_HEADERS.progress, k.progress === null ? null : k.progress / 100],
        [KPI_OUTPUT_HEADERS.pace, k.pace === null ? null : k.pace / 100],
        [KPI_OUTPUT_HEADERS.grade, k.grade || null],
      ];
      for (const [h, want] of expect) {
        const col = at(h);
        const got = col < 0 ? 'no column' : (row[col] ?? null);
        const same = typeof want === 'number' ? typeof got === 'number' && Math.abs(got - want) < 1e-12 : got === want;
        if (!same) problems.push(`${c.name}: row ${k.row} ${h}: ${String(got)} ≠ ${String(want)}`);
        cells++;
      }
    }
  }
  expect(problems).toEqual([]);
  expect(cells).toBe(written().length * INJECTED_ROWS.length * 4);
});

const soffice = findTool('soffice');
(soffice ? test : test.skip)('a sample of the copies opens in LibreOffice with the output columns in place', async () => {
  const sample = written().filter((_, i) => i % LO_SAMPLE_EVERY === 0);
  const converted = convertWithLibreOffice(soffice!, sample.map((c) => path.join(outDir, c.name)), 240_000);
  // a copy LibreOffice cannot load counts against the review only when it loads the original
  const failed = sample.filter((_, i) => !converted[i]);
  // (soffice given no file waits forever)
  const originals = failed.length ? convertWithLibreOffice(soffice!, failed.map((c) => path.join(CORPUS, c.name)), 240_000) : [];
  const problems: string[] = [];
  let opened = 0;
  for (let i = 0; i < sample.length; i++) {
    const out = converted[i];
    if (!out) {
      if (originals[failed.indexOf(sample[i])]) problems.push(`${sample[i].name}: LibreOffice loads the original but not the reviewed copy`);
      continue;
    }
    opened++;
    const read = await readXlsx(new Uint8Array(readFileSync(out)));
    const sheet = read.sheets.find((s) => s.name === sample[i].injected.sheet);
    if (!sheet?.values[2]?.includes(KPI_OUTPUT_HEADERS.achievement)) problems.push(`${sample[i].name}: no ${KPI_OUTPUT_HEADERS.achievement} column as LibreOffice saw it`);
  }
  expect(problems).toEqual([]);
  expect(opened).toBeGreaterThan(sample.length * 0.9);
  console.log(`corpus: ${opened} of ${sample.length} sampled copies opened by LibreOffice (the others: LibreOffice cannot load the original either)`);
});

interface ReportKpi {
  file: string;
  sheet: string;
  row: number;
  achievement: number | null;
  progress: number | null;
  pace: number | null;
  grade: string;
}
