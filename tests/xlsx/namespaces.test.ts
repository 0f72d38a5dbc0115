/**
 * Property: whatever prefixes and declaration sites a workbook uses for its namespaces, the
 * reviewed copy declares what it uses. Generated packages bind the relationships namespace on
 * the root, on <sheets>, on each <sheet> (openpyxl, pandas) or under another prefix
 * (`relationships:id`), spell SpreadsheetML as the default namespace or as `x:`, and come with
 * a full, prefixed, empty or missing stylesheet, with or without shared strings. Every part of
 * every copy parses namespace-aware (no undeclared prefix, no element in no namespace, each
 * <sheet> with its r:id in the relationships namespace), passes the structural validator, and
 * reads back through openpyxl with the plan's values and the hidden log sheet.
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { planLogAppend, LOG_SHEET } from '../../src/domain/plan/auditLog';
import type { WritePlan } from '../../src/domain/plan/plan';
import type { RawSheet } from '../../src/domain/base/raw';
import { cellAddress } from '../../src/domain/base/address';
import { makeSettings } from '../../src/domain/base/settings';
import { review } from '../../src/domain/review';
import { patchWorkbookWithReport, validatePackage } from '../../src/xlsx/patch';
import { checkXml } from '../../src/xlsx/xml/wellFormed';
import { ZipArchive } from '../../src/xlsx/zip/zipArchive';
import { findOpenpyxl, readWithOpenpyxl } from '../support/openpyxl';
import { KPI_HEAD, KPI_ROWS } from './fixtures';
import { handPackage, type Cell, type HandSheet, type Spelling } from './support/handPackage';

jest.setTimeout(300_000);

const spellingArb: fc.Arbitrary<Spelling> = fc.record({
  workbookPrefix: fc.constantFrom('', 'x', 'ss'),
  relSite: fc.constantFrom('root', 'sheets', 'sheet'),
  relPrefix: fc.constantFrom('r', 'relationships', 'rel'),
  rootBindsROtherwise: fc.boolean(),
  sheetPrefix: fc.constantFrom('', 'x'),
  redeclareOnSheetData: fc.boolean(),
  styles: fc.constantFrom('full', 'prefixed', 'empty', 'emptyPrefixed', 'none'),
  sharedStrings: fc.boolean(),
  calcChain: fc.constant(false),
}) as fc.Arbitrary<Spelling>;

function kpiRows(): Cell[][] {
  return [['第2期 KPI 実績'], [], KPI_HEAD, ...KPI_ROWS.map((r) => r.map((v) => (v === '' ? null : v)))];
}

function raw(sheet: HandSheet): RawSheet {
  return { name: sheet.name, top: 0, left: 0, values: sheet.rows.map((l) => l.map((v) => (v && typeof v === 'object' ? (v.cached ?? 0) : v))) };
}

/** The plan's cells: sheet → A1 → value. */
function expectedCells(plan: WritePlan): Map<string, Map<string, string | number | null>> {
  const out = new Map<string, Map<string, string | number | null>>();
  for (const sp of plan.sheets) {
    const cells = out.get(sp.sheet) ?? new Map();
    out.set(sp.sheet, cells);
    for (const w of sp.writes) w.values.forEach((line, i) => line.forEach((v, j) => cells.set(cellAddress(w.top + i, w.left + j), v === '' ? null : v)));
  }
  return out;
}

interface Copy {
  label: string;
  file: string;
  plan: WritePlan;
}

/** Every problem a namespace-aware reader would have with the package. */
function namespaceProblems(bytes: Uint8Array): string[] {
  const zip = ZipArchive.load(bytes);
  const problems: string[] = [];
  for (const name of Object.keys(zip.files)) {
    if (!/\.(xml|rels)$/i.test(name)) continue;
    const err = checkXml(zip.files[name].text(), {
      open(qname, _attrs, _selfClosing, _offset, ns) {
        if (ns(qname) === '') problems.push(`${name}: <${qname}> in no namespace`);
      },
    });
    if (err) problems.push(`${name}: ${err}`);
  }
  return problems;
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'pr-ns-'));
const copies: Copy[] = [];
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('every copy declares the namespaces it uses and passes the structural validator', async () => {
  let n = 0;
  await fc.assert(
    fc.asyncProperty(spellingArb, fc.boolean(), async (spelling, secondSheet) => {
      const sheets: HandSheet[] = [{ name: '政策推進課', rows: kpiRows() }];
      if (secondSheet) sheets.push({ name: 'メモ', rows: [['レビュー対象外'], [1, 2, 3]] });
      const input = handPackage(sheets, spelling);
      expect(await validatePackage(input)).toEqual([]);
      const result = review([{ file: 'ns.xlsx', sheets: sheets.map(raw) }], makeSettings({}));
      const plan = result.files[0].plan;
      expect(plan.sheets.length).toBe(1);
      const log = planLogAppend(undefined, result, 0, { time: '2024-04-01T00:00:00Z', runner: 'CLI', file: 'ns.xlsx' });
      const out = await patchWorkbookWithReport(input, plan, log);
      expect(namespaceProblems(out.bytes)).toEqual([]);
      expect(await validatePackage(out.bytes)).toEqual([]);
      // only the log was added and no formula exists: Excel is not asked to recalculate
      expect(out.recalc).toBeNull();
      const file = path.join(dir, `copy-${n++}.xlsx`);
      writeFileSync(file, out.bytes);
      copies.push({ label: JSON.stringify(spelling), file, plan });
    }),
    { numRuns: 60, seed: 1414 },
  );
});

test('the relationships namespace bound only on each <sheet> or under another prefix: the new <sheet> declares or reuses it', async () => {
  const sheets: HandSheet[] = [{ name: '政策推進課', rows: kpiRows() }];
  const result = review([{ file: 'ns.xlsx', sheets: sheets.map(raw) }], makeSettings({}));
  const log = planLogAppend(undefined, result, 0, { time: '2024-04-01T00:00:00Z', runner: 'CLI', file: 'ns.xlsx' });
  const wbXml = async (spelling: Partial<Spelling>) => ZipArchive.load((await patchWorkbookWithReport(handPackage(sheets, spelling), result.files[0].plan, log)).bytes).files['xl/workbook.xml'].text();
  // openpyxl's spelling: xmlns:r on every <sheet> → the new one carries its own declaration
  expect(await wbXml({ relSite: 'sheet' })).toMatch(/<sheet xmlns:r="http:\/\/schemas.openxmlformats.org\/officeDocument\/2006\/relationships" name="_review_log" sheetId="2" state="hidden" r:id="rId\d+"\/>/);
  // bound on the root under another prefix, with r: meaning something else: that prefix is reused
  expect(await wbXml({ relPrefix: 'relationships', rootBindsROtherwise: true })).toMatch(/<sheet name="_review_log" sheetId="2" state="hidden" relationships:id="rId\d+"\/>/);
  // prefixed SpreadsheetML
  expect(await wbXml({ workbookPrefix: 'x' })).toMatch(/<x:sheet name="_review_log" sheetId="2" state="hidden" r:id="rId\d+"\/><\/x:sheets>/);
});

const python = findOpenpyxl();
(python ? test : test.skip)('openpyxl reads every copy: the plan’s values in the output cells and the hidden log sheet', () => {
  expect(copies.length).toBe(60);
  const books = readWithOpenpyxl(python!, copies.map((c) => c.file));
  copies.forEach((c, i) => {
    const book = books[i];
    expect({ label: c.label, error: book.error }).toEqual({ label: c.label, error: undefined });
    expect(book.sheets).toContain(LOG_SHEET);
    for (const [sheet, cells] of expectedCells(c.plan)) {
      for (const [ref, v] of cells) {
        const got = book.cells[sheet]?.[ref] ?? null;
        if (typeof v === 'number') expect({ label: c.label, ref, got: Number(got) }).toEqual({ label: c.label, ref, got: expect.closeTo(v, 12) });
        else expect({ label: c.label, ref, got }).toEqual({ label: c.label, ref, got: v });
      }
    }
    expect(book.cells[LOG_SHEET]?.A1).toBeTruthy();
  });
});
