/**
 * The template as a workbook of its own (src/xlsx/template), the one `progress-review template`
 * writes: the same sheet the pane's テンプレート作成 adds (compared cell by cell with the pane's
 * adapter on the in-memory Excel), a valid package, read back and reviewed without errors, and
 * opened by LibreOffice with the same locks.
 */
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cellAddress } from '../../src/domain/base/address';
import { DEFAULT_SETTINGS, makeSettings } from '../../src/domain/base/settings';
import { templateFor, type TemplateModel } from '../../src/domain/output/templates';
import { review } from '../../src/domain/review';
import { translate } from '../../src/messages/translate';
import { validatePackage } from '../../src/xlsx/patch';
import { readXlsx } from '../../src/xlsx/read';
import { templatePackage, templatePackageParts } from '../../src/xlsx/template/templatePackage';
import { ZipArchive } from '../../src/xlsx/zip/zipArchive';
import { cellInfo, workbookFromSpec } from '../support/fakeExcel';
import { findTool } from '../support/externalTools';
import { gatewayFor } from '../excel/helpers';

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

function argb(hex: string): string {
  return 'FF' + hex.replace('#', '').toUpperCase();
}

const CASES: { name: string; kind: 'kpi' | 'pledge'; department?: string; lang?: 'ja' | 'en' }[] = [
  { name: 'KPI sheet for 都市計画課', kind: 'kpi', department: '都市計画課' },
  { name: 'KPI sheet without a department', kind: 'kpi' },
  { name: 'pledge sheet', kind: 'pledge' },
];

describe.each(CASES)('template package: $name', ({ kind, department }) => {
  const model: TemplateModel = templateFor(kind, DEFAULT_SETTINGS, department);
  const bytes = templatePackage(model);
  const h = model.headerRow;
  const first = h + 1;
  const last = h + model.inputRows;

  test('a valid package, the same bytes every time', async () => {
    expect(await validatePackage(bytes)).toEqual([]);
    expect(Buffer.from(templatePackage(model)).equals(Buffer.from(bytes))).toBe(true);
  });

  test('the same sheet as the pane adds: values, number formats, fills, bold, locks on the header and the prepared rows', async () => {
    const fake = workbookFromSpec({ sheets: [{ name: 'Sheet1', values: [] }] });
    const added = await gatewayFor(fake).addTemplate(kind, DEFAULT_SETTINGS, department);
    expect(added.sheet).toBe(model.sheetName);
    const ws = (await load(bytes)).getWorksheet(model.sheetName)!;
    expect(ws).toBeDefined();
    const rows = [0, h, first, first + 1, last];
    for (const r of rows) {
      model.columns.forEach((_, c) => {
        const a1 = cellAddress(r, c);
        const pane = cellInfo(fake, model.sheetName, a1);
        const cell = ws.getCell(a1);
        const fill = cell.fill && cell.fill.type === 'pattern' && cell.fill.pattern === 'solid' ? cell.fill.fgColor?.argb : undefined;
        const got = { a1, value: cell.value ?? null, numberFormat: cell.numFmt ?? 'General', fill: fill ?? null, bold: !!cell.font?.bold, locked: cell.protection?.locked ?? true };
        const want = { a1, value: pane.value === '' ? null : pane.value, numberFormat: pane.numberFormat, fill: pane.fill ? argb(pane.fill) : null, bold: pane.bold, locked: pane.locked };
        // the title row: the pane gives A1 its font only; exceljs gives cells of the title rows the column's format (see the LibreOffice test for the locks)
        if (r < h && c > 0) return;
        expect(got).toEqual(want);
      });
    }
  });

  test('drop-downs and whole numbers over the prepared rows, with the stop alert; frozen header; widths; protection as the model allows', async () => {
    const ws = (await load(bytes)).getWorksheet(model.sheetName)!;
    model.columns.forEach((c, i) => {
      const v = c.validation;
      const at = (r: number) => ws.getCell(cellAddress(r, i)).dataValidation;
      if (!v) {
        expect(at(first)).toBeUndefined();
        return;
      }
      const want =
        v.kind === 'list'
          ? { type: 'list', formulae: [`"${v.values.join(',')}"`] }
          : { type: 'whole', operator: 'between', formulae: [v.min, v.max] };
      for (const r of [first, last]) expect(at(r)).toMatchObject({ ...want, allowBlank: true, showErrorMessage: true, errorStyle: 'stop', errorTitle: v.alert.title, error: v.alert.message });
      expect(at(last + 1)).toBeUndefined();
      expect(at(h)).toBeUndefined();
    });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: first, topLeftCell: cellAddress(first, 0) });
    model.columns.forEach((c, i) => expect(ws.getColumn(i + 1).width).toBe(c.width));
    const p = (ws as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection;
    expect(p).toMatchObject({ sheet: true, insertRows: true, deleteRows: true, formatColumns: true, formatRows: true, autoFilter: true });
    expect(p.password ?? p.algorithmName).toBeUndefined();
    expect(model.permissions).toEqual({ insertRows: true, deleteRows: true, formatColumns: true, formatRows: true, autoFilter: true });
  });

  test('read back and reviewed: the sheet is recognised, the example row reviewed without errors', async () => {
    const { sheets } = await readXlsx(bytes);
    const r = review([{ file: 'template.xlsx', sheets }], DEFAULT_SETTINGS);
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(r.files[0].sheets.map((s) => [s.sheet, s.kind])).toEqual([[model.sheetName, kind]]);
    if (kind === 'kpi') {
      expect(r.kpis).toHaveLength(1);
      // the example: 累計 job offers, 7 by FY2021 towards 40
      expect(r.kpis[0].result.latest).toMatchObject({ year: 2021, value: 7 });
      expect(r.kpis[0].result.achievement).toBeCloseTo(17.5, 6);
      expect(r.kpis[0].row.department).toBe(department ?? translate('ja', 'templateSheet.kpi.example.department'));
    } else {
      expect(r.activities).toHaveLength(1);
      expect(r.pledges.overall).toBeCloseTo(70, 6);
    }
    // and its plan can be written back into the package (what `review` does next)
    expect(r.files[0].plan.sheets).toHaveLength(1);
  });
});

describe('template package details', () => {
  test('the plan period sets the actual columns; English words where the model has them', () => {
    const m = templateFor('kpi', makeSettings({ planStart: 2015, planEnd: 2019 }), undefined, 'en');
    expect(m.columns.filter((c) => c.header.startsWith('実績')).map((c) => c.header)).toEqual(['実績H27', '実績H28', '実績H29', '実績H30', '実績R1']);
    const sheet = templatePackageParts(m).get('xl/worksheets/sheet1.xml')!;
    expect(sheet).toContain('>実績H27<');
    expect(sheet).toContain(m.title.split(' ')[0]);
    expect(m.sheetName).toBe('KPI');
  });

  test('text is never a formula; characters XML cannot carry are kept losslessly', async () => {
    const m = { ...templateFor('kpi', DEFAULT_SETTINGS, '=HYPERLINK("x")'), title: 'a\u0001b' };
    const zip = ZipArchive.load(templatePackage(m));
    const xml = zip.files['xl/worksheets/sheet1.xml'].text();
    expect(xml).not.toMatch(/<f[ >]/);
    const ws = (await load(templatePackage(m))).worksheets[0];
    const departmentCol = m.columns.findIndex((c) => c.header === '担当課') + 1; // the example row names the department
    expect(departmentCol).toBeGreaterThan(0);
    expect(ws.getRow(4).getCell(departmentCol).value).toBe('=HYPERLINK("x")');
    // Excel's _xHHHH_ form (exceljs does not decode it; Excel and the project's reader do)
    expect(xml).toContain('>a_x0001_b<');
  });
});

const soffice = findTool('soffice');
(soffice ? describe : describe.skip)('LibreOffice opens the template', () => {
  jest.setTimeout(180_000);

  /** per row: the protection of each of the first `n` cells, from LibreOffice's own ODS */
  function odsLocks(content: string, rows: number, n: number): { table: string; locked: boolean[][] } {
    const unprotected = new Set<string>();
    for (const m of content.matchAll(/<style:style style:name="([^"]+)"[^>]*style:family="table-cell"[^>]*>([\s\S]*?)<\/style:style>/g)) {
      if (/style:cell-protect="none"/.test(m[2])) unprotected.add(m[1]);
    }
    const columnStyles: string[] = [];
    for (const m of content.matchAll(/<table:table-column\b([^>]*)\/>/g)) {
      const repeat = Number(/table:number-columns-repeated="(\d+)"/.exec(m[1])?.[1] ?? 1);
      const style = /table:default-cell-style-name="([^"]+)"/.exec(m[1])?.[1] ?? '';
      for (let i = 0; i < Math.min(repeat, 64); i++) columnStyles.push(style);
    }
    const table = /<table:table table:name="([^"]+)"[^>]*table:protected="true"/.exec(content)?.[1] ?? '';
    const locked: boolean[][] = [];
    for (const rm of content.matchAll(/<table:table-row\b[^>]*>([\s\S]*?)<\/table:table-row>/g)) {
      if (locked.length >= rows) break;
      const cells: boolean[] = [];
      for (const cm of rm[1].matchAll(/<table:table-cell\b([^>]*?)\/?>/g)) {
        const repeat = Number(/table:number-columns-repeated="(\d+)"/.exec(cm[1])?.[1] ?? 1);
        const own = /table:style-name="([^"]+)"/.exec(cm[1])?.[1];
        for (let i = 0; i < repeat && cells.length < n; i++) cells.push(!unprotected.has(own ?? columnStyles[cells.length] ?? ''));
      }
      locked.push(cells);
    }
    return { table, locked };
  }

  test('the sheet is protected; title and header rows locked across, input cells unlocked, output columns locked', () => {
    const model = templateFor('kpi', DEFAULT_SETTINGS, '都市計画課');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pr-template-lo-'));
    const input = path.join(dir, 'template.xlsx');
    writeFileSync(input, templatePackage(model));
    execFileSync(soffice!, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'ods', '--outdir', path.join(dir, 'out'), input], { stdio: 'pipe', timeout: 150_000 });
    const ods = ZipArchive.load(new Uint8Array(readFileSync(path.join(dir, 'out', 'template.ods'))));
    const n = model.columns.length + 3; // and a few columns past the table
    const { table, locked } = odsLocks(ods.files['content.xml'].text(), model.headerRow + 3, n);
    expect(table).toBe('都市計画課');
    const output = (c: number) => c < model.columns.length && model.columns[c].output;
    for (let r = 0; r <= model.headerRow; r++) expect({ r, locked: locked[r] }).toEqual({ r, locked: Array(n).fill(true) });
    for (const r of [model.headerRow + 1, model.headerRow + 2]) expect({ r, locked: locked[r] }).toEqual({ r, locked: Array.from({ length: n }, (_, c) => output(c)) });
  });
});
