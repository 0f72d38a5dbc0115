/**
 * Property tests: what is written reads back.
 * - Any sheets (the property tests' KPI, pledge and noise sheets, with odd strings, dates,
 *   errors, merges and number formats), stored as Excel stores them, read back to the same values.
 * - Any reviewed copy the patch writer makes reads back with the planned values in the planned
 *   cells and every other cell as it was.
 * - Any summary.xlsx the summary writer makes reads back to the summary book's cells, sheet by sheet.
 */
import { cellValue } from '../../src/domain/output/summary/cell';
import fc from 'fast-check';
import type { RawSheet, RawValue } from '../../src/domain/base/raw';
import { DEFAULT_SETTINGS } from '../../src/domain/base/settings';
import { buildSummaryBook } from '../../src/domain/output/summary/build';
import { LOG_SHEET, planLogAppend } from '../../src/domain/plan/auditLog';
import { review } from '../../src/domain/review';
import { readXlsx } from '../../src/xlsx/read';
import { patchWorkbook } from '../../src/xlsx/patch';
import { tableHeaders } from '../../src/xlsx/summary/sheetXml';
import { summaryPackage } from '../../src/xlsx/summary/summaryPackage';
import { replaceUnencodable } from '../../src/xlsx/xml/escape';
import { DEFAULT_MIX, PLANNABLE_MIX, renderWorkbook, workbookSpecArb } from '../properties/arbitraries';
import { normaliseSheet, normalValue } from './support/normalise';
import { expectedRead, rawSheetsPackage } from './support/rawPackage';

const RUNS = Number(process.env.PROPERTY_SCALE ?? 1);

function cellsOf(sheets: readonly RawSheet[]): Map<string, Record<string, unknown>> {
  return new Map(sheets.map((s) => [s.name, normaliseSheet(s).cells]));
}

describe('what is written reads back', () => {
  test('any sheets, stored as Excel stores them, read back to the same values, formats, merges and states', async () => {
    await fc.assert(
      fc.asyncProperty(workbookSpecArb(DEFAULT_MIX, 1, 3), async (specs) => {
        const { input } = renderWorkbook(specs);
        const { sheets } = await readXlsx(rawSheetsPackage(input.sheets));
        expect(sheets.map(normaliseSheet)).toEqual(input.sheets.map((s) => normaliseSheet(expectedRead(s))));
      }),
      { numRuns: 150 * RUNS, seed: 1001 },
    );
  }, 120_000);

  test('a reviewed copy reads back with the plan in the planned cells and every other cell as it was', async () => {
    let planned = 0;
    await fc.assert(
      fc.asyncProperty(workbookSpecArb(PLANNABLE_MIX, 1, 3), async (specs) => {
        const { input } = renderWorkbook(specs);
        const bytes = rawSheetsPackage(input.sheets);
        const before = (await readXlsx(bytes)).sheets;
        const result = review([{ file: 'book.xlsx', sheets: before }], DEFAULT_SETTINGS);
        if (result.files[0].issues.some((i) => i.severity === 'error')) return;
        const log = planLogAppend(before.find((s) => s.name === LOG_SHEET), result, 0, { time: '2024-04-01T00:00:00Z', runner: 'test', file: 'book.xlsx' });
        const copy = await patchWorkbook(bytes, result.files[0].plan, log);
        const after = cellsOf((await readXlsx(copy)).sheets);
        const expected = cellsOf(before);
        for (const sp of result.files[0].plan.sheets) {
          const cells = expected.get(sp.sheet)!;
          for (const w of sp.writes) {
            w.values.forEach((line, i) =>
              line.forEach((v, j) => {
                const key = `${w.top + i},${w.left + j}`;
                const n = normalValue(v as RawValue);
                if (n === null) delete cells[key];
                else cells[key] = n;
                planned++;
              }),
            );
          }
        }
        // the log sheet gets its header (when new) and one row
        const logCells = expected.get(LOG_SHEET) ?? {};
        expected.set(LOG_SHEET, logCells);
        const covered = (r: number, c: number) =>
          (before.find((s) => s.name === LOG_SHEET)?.merges ?? []).some((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right && (r !== m.top || c !== m.left));
        const put = (r: number, c: number, v: string | number) => {
          const n = normalValue(v);
          // a merged area shows only its top-left cell; an empty text reads back as a blank cell
          if (!covered(r, c) && n !== null) logCells[`${r},${c}`] = n;
        };
        log.header.forEach((h, j) => j >= log.headerFrom && put(0, j, h)); // the header cells the sheet lacks
        log.values.forEach((v, j) => put(log.row, j, v));
        for (const [name, cells] of expected) expect({ sheet: name, cells: after.get(name) }).toEqual({ sheet: name, cells });
      }),
      { numRuns: 60 * RUNS, seed: 1002 },
    );
    expect(planned).toBeGreaterThan(0);
  }, 300_000);

  test('a summary.xlsx reads back to the summary book cell for cell', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(workbookSpecArb(DEFAULT_MIX, 1, 3), { minLength: 1, maxLength: 3 }), async (books) => {
        const inputs = books.map((specs, i) => renderWorkbook(specs, `book${i}.xlsx`).input);
        const book = buildSummaryBook(review(inputs, DEFAULT_SETTINGS), { lang: 'ja', date: '2024-04-01', linkFile: (f) => f });
        const { sheets } = await readXlsx(await summaryPackage(book));
        expect(sheets.map((s) => s.name)).toEqual(book.sheets.map((s) => s.name));
        book.sheets.forEach((model, k) => {
          const expected: Record<string, unknown> = {};
          const put = (r: number, c: number, v: string | number | null) => {
            const n = normalValue(typeof v === 'string' ? replaceUnencodable(v) : typeof v === 'number' && !Number.isFinite(v) ? null : v);
            if (n !== null) expected[`${r},${c}`] = n;
          };
          put(0, 0, model.title);
          put(1, 0, model.subtitle);
          if (model.banner) put(2, 0, model.banner);
          for (const t of model.tables) {
            if (t.caption) put(t.headerRow - 1, t.left, t.caption);
            if (!t.rows.length) {
              put(t.headerRow, t.left, t.emptyText);
              continue;
            }
            tableHeaders(t.columns.map((c) => c.header)).forEach((h, j) => put(t.headerRow, t.left + j, h));
            // a sparkline column's cells stay empty: the sparkline is drawn there
            t.rows.forEach((row, i) => row.forEach((c, j) => !t.columns[j].sparkline && put(t.headerRow + 1 + i, t.left + j, cellValue(c))));
          }
          expect({ sheet: model.name, cells: normaliseSheet(sheets[k]).cells }).toEqual({ sheet: model.name, cells: expected });
        });
      }),
      { numRuns: 25 * RUNS, seed: 1003 },
    );
  }, 300_000);
});
