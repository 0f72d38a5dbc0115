/**
 * patchWorkbook on a workbook carrying what exceljs drops (chart, pivot table + cache, VBA,
 * external link, custom XML, threaded comments, printer settings, sparklines, calcChain,
 * formulas in output columns), with plans from the real engine.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LOG_HEADERS, LOG_SHEET } from '../../src/domain/plan/auditLog';
import { describeFeatures, inspectPackage, patchWorkbook, patchWorkbookChunks, patchWorkbookWithReport, PatchError, PatchRefusedError, prefetchSheets, validatePackage } from '../../src/xlsx/patch';
import { compareWithPlan, snapshot } from './compare';
import { baseWorkbook, FAKE_VBA, kpiSheet, KPI_ROWS, loadBook, partsOf, partText, planFor, replacePart, withExtras, type Planned } from './fixtures';

jest.setTimeout(60_000);

let x0: Uint8Array;
let p0: Planned;
let x1: Uint8Array;
let report: Awaited<ReturnType<typeof patchWorkbookWithReport>>;

beforeAll(async () => {
  x0 = await withExtras(await baseWorkbook(), { macro: true, calcChain: true });
  p0 = await planFor(x0);
  report = await patchWorkbookWithReport(x0, p0.plan, p0.log);
  x1 = report.bytes;
});

const SHEET = { kpi: 'xl/worksheets/sheet1.xml', pledge: 'xl/worksheets/sheet2.xml', formulas: 'xl/worksheets/sheet3.xml', summary: 'xl/worksheets/sheet4.xml', memo: 'xl/worksheets/sheet5.xml', log: 'xl/worksheets/sheet6.xml' };

describe('patchWorkbook: a reviewed copy that loses nothing', () => {
  test('the plan is real: three sheets reviewed without errors', () => {
    expect(p0.review.files[0].issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(p0.plan.sheets.map((s) => s.sheet)).toEqual(['政策推進課', '公約&施策', '数式あり']);
    expect(p0.log.create).toBe(true);
  });

  test('the package in pieces (as the command line writes it) is the same bytes: the zip headers and parts in order', async () => {
    const chunks = await patchWorkbookChunks(x0, p0.plan, null);
    expect(chunks.length).toBeGreaterThan(2);
    expect(Buffer.concat(chunks).equals(Buffer.from(await patchWorkbook(x0, p0.plan, null)))).toBe(true);
    expect(Buffer.concat(report.chunks).equals(Buffer.from(report.bytes))).toBe(true);
  });

  test('only the expected parts change; every other part is byte-identical', async () => {
    const a = await partsOf(x0);
    const b = await partsOf(x1);
    const changed: string[] = [];
    for (const [name, bytes] of a) {
      const after = b.get(name);
      if (!after) continue;
      if (!after.equals(bytes)) changed.push(name);
    }
    const removed = [...a.keys()].filter((n) => !b.has(n));
    const added = [...b.keys()].filter((n) => !a.has(n));
    expect(changed.sort()).toEqual(['[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', SHEET.kpi, SHEET.pledge, SHEET.formulas].sort());
    expect(removed).toEqual(['xl/calcChain.xml']); // an overwritten cell held a formula
    expect(added).toEqual([SHEET.log]);
    expect(report.changed.sort()).toEqual(changed.sort());
    expect(report.added).toEqual(added);
    expect(report.removed).toEqual(removed);
    // the parts exceljs would drop are all there, unchanged
    for (const p of [
      'xl/charts/chart1.xml',
      'xl/drawings/drawing1.xml',
      'xl/drawings/_rels/drawing1.xml.rels',
      'xl/pivotTables/pivotTable1.xml',
      'xl/pivotCache/pivotCacheDefinition1.xml',
      'xl/pivotCache/pivotCacheRecords1.xml',
      'xl/externalLinks/externalLink1.xml',
      'xl/externalLinks/_rels/externalLink1.xml.rels',
      'customXml/item1.xml',
      'xl/printerSettings/printerSettings1.bin',
      'xl/threadedComments/threadedComment1.xml',
      'xl/persons/person.xml',
      'xl/comments1.xml',
      'xl/worksheets/_rels/sheet1.xml.rels',
      'xl/worksheets/_rels/sheet4.xml.rels',
      'xl/sharedStrings.xml',
      'xl/theme/theme1.xml',
      'docProps/app.xml',
      'docProps/core.xml',
    ]) {
      expect(b.get(p)?.equals(a.get(p)!)).toBe(true);
    }
    expect(new Uint8Array(b.get('xl/vbaProject.bin')!)).toEqual(FAKE_VBA);
  });

  test('the changed package parts differ only by what the patch adds', async () => {
    const wb0 = await partText(x0, 'xl/workbook.xml');
    const wb1 = await partText(x1, 'xl/workbook.xml');
    // a hidden log sheet, and recalculation on open because formulas remain (集計!B1 reads the output column)
    expect(wb1).toMatch(/<sheet name="_review_log" sheetId="6" state="hidden" r:id="rId\d+"\/><\/sheets>/);
    // and the print titles of the planned sheets, which had no page setup of their own
    expect(wb1.replace(/<sheet name="_review_log"[^>]*\/>/, '').replace(' fullCalcOnLoad="1"', '').replace(/<definedName name="_xlnm.Print_Titles"[^<]*<\/definedName>/g, '')).toBe(wb0);

    const t0 = await partText(x0, '[Content_Types].xml');
    const t1 = await partText(x1, '[Content_Types].xml');
    expect(t1).toContain('<Override PartName="/xl/worksheets/sheet6.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>');
    expect(t1).toContain('application/vnd.ms-excel.sheet.macroEnabled.main+xml');
    expect(t1).not.toContain('calcChain');
    expect(t1.replace(/<Override PartName="\/xl\/worksheets\/sheet6.xml"[^>]*\/>/, '')).toBe(t0.replace(/<Override PartName="\/xl\/calcChain.xml"[^>]*\/>/, ''));

    const r0 = await partText(x0, 'xl/_rels/workbook.xml.rels');
    const r1 = await partText(x1, 'xl/_rels/workbook.xml.rels');
    expect(r1).not.toContain('calcChain');
    expect(r1.replace(/<Relationship Id="rId\d+" Type="[^"]+\/worksheet" Target="worksheets\/sheet6.xml"\/>/, '')).toBe(r0.replace(/<Relationship [^>]*calcChain[^>]*\/>/, ''));

    // styles.xml: every existing entry keeps its index (the lists only grow)
    const s0 = await partText(x0, 'xl/styles.xml');
    const s1 = await partText(x1, 'xl/styles.xml');
    for (const sec of ['numFmts', 'fonts', 'fills', 'borders', 'cellXfs', 'dxfs']) {
      const body = (s: string) => new RegExp(`<${sec}[^>]*>(.*?)</${sec}>`).exec(s)?.[1] ?? '';
      expect(body(s1).startsWith(body(s0))).toBe(true);
      const count = (s: string) => Number(new RegExp(`<${sec} count="(\\d+)"`).exec(s)?.[1] ?? 0);
      const items = (s: string) => (body(s).match(new RegExp(`<${sec === 'numFmts' ? 'numFmt' : sec === 'cellXfs' ? 'xf' : sec.slice(0, -1)}[ >/]`, 'g')) ?? []).length;
      expect(count(s1)).toBe(items(s1));
    }
  });

  test('in the patched sheets every cell outside the output cells is byte-for-byte the same XML', async () => {
    for (const [part, sheet] of [
      [SHEET.kpi, '政策推進課'],
      [SHEET.pledge, '公約&施策'],
      [SHEET.formulas, '数式あり'],
    ] as const) {
      const a = await partText(x0, part);
      const b = await partText(x1, part);
      const cells = (xml: string) => new Map([...xml.matchAll(/<c r="([A-Z]+\d+)"(?:[^>]*\/>|[^>]*>.*?<\/c>)/g)].map((m) => [m[1], m[0]]));
      const ca = cells(a);
      const cb = cells(b);
      const sp = p0.plan.sheets.find((s) => s.sheet === sheet)!;
      const outputs = new Set<string>();
      for (const w of sp.writes) w.values.forEach((line, i) => line.forEach((_, j) => outputs.add(`${String.fromCharCode(65 + w.left + j)}${w.top + i + 1}`)));
      for (const [ref, xml] of ca) if (!outputs.has(ref)) expect(cb.get(ref)).toBe(xml);
      for (const ref of cb.keys()) expect(ca.has(ref) || outputs.has(ref)).toBe(true);
      // everything after </sheetData> other than conditional formats and the page setup (the sheet had none of its own) is unchanged, in order
      const tail = (xml: string) =>
        xml
          .slice(xml.indexOf('</sheetData>'))
          .replace(/<conditionalFormatting[\s\S]*?<\/conditionalFormatting>/g, '')
          .replace(/<pageSetup [^>]*\/>/, '');
      expect(tail(b)).toBe(tail(a));
    }
  });

  test('read back with exceljs: planned values, formats and shading in output cells; every other cell of every sheet unchanged', async () => {
    const before = await loadBook(x0);
    const after = await loadBook(x1);
    expect(compareWithPlan(before, after, p0.plan)).toEqual([]);
    const compared = [...snapshot(before).values()].reduce((n, m) => n + m.size, 0);
    expect(compared).toBeGreaterThan(150); // not a vacuous comparison
    const ws = after.getWorksheet('政策推進課')!;
    expect((ws.getRow(3).values as unknown[]).slice(15)).toEqual(['達成率', '基準比進捗率', '計画比', '評価', '評価根拠', 'コロナ影響']);
    expect(ws.getCell('O5').value).toBeCloseTo(0.19565, 4);
    expect(ws.getCell('O5').numFmt).toBe('0.0%');
    expect(ws.getCell('R5').value).toBe('D');
    expect(ws.getCell('S5').value).toBe('計画比');
    expect(ws.getCell('T7').value).toBe('コロナ中止');
    expect(ws.getColumn(15).width).toBe(10);
    expect(ws.getColumn(16).width).toBe(12);
    expect(ws.getColumn(5).width).toBe(30);
    // formulas in output columns became values; a formula elsewhere is kept
    const f = after.getWorksheet('数式あり')!;
    expect(typeof f.getCell('O4').value).toBe('number');
    expect(f.getCell('P4').value).toBe('A'); // 累計28 of 累計50 = 56% achievement, but 140% of the FY2021 pace: graded on pace
    expect(after.getWorksheet('集計')!.getCell('B1').value).toMatchObject({ formula: 'AVERAGE(政策推進課!O4:O8)' });
    const pledge = after.getWorksheet('公約&施策')!;
    expect(pledge.getCell('G2').numFmt).toBe('0.00');
    expect(pledge.getCell('I2').numFmt).toBe('0%');
    expect(String(pledge.getCell('H2').value)).toMatch(/^[★☆]{5} [★☆]{5}$/);
  });

  test('the audit log: a hidden _review_log sheet with its header and one row', async () => {
    const wb = await loadBook(x1);
    const log = wb.getWorksheet(LOG_SHEET)!;
    expect(log.state).toBe('hidden');
    expect((log.getRow(1).values as unknown[]).slice(1)).toEqual(LOG_HEADERS);
    expect(log.getRow(1).getCell(1).font?.bold).toBe(true);
    // the last column (sheets not written) is empty: every sheet was written
    expect(p0.log.values[p0.log.values.length - 1]).toBe('');
    expect((log.getRow(2).values as unknown[]).slice(1)).toEqual(p0.log.values.slice(0, -1));
    expect(log.getRow(2).getCell(2).numFmt).toBe('@');
    expect(log.getColumn(6).width).toBe(60);
    expect(log.getColumn(1).width).toBe(16);
  });

  test('patching twice: conditional formats once, the second copy differs from the first only by the new log row', async () => {
    const p1 = await planFor(x1, '2024-04-02T00:00:00.000Z');
    expect(p1.log).toMatchObject({ create: false, row: 2 });
    // the second review computes the same values into the (now existing) columns
    expect(p1.plan.sheets.map((s) => s.writes.filter((w) => w.role === 'data').map((w) => w.values))).toEqual(
      p0.plan.sheets.map((s) => s.writes.filter((w) => w.role === 'data').map((w) => w.values)),
    );
    const x2 = await patchWorkbook(x1, p1.plan, p1.log);
    const a = await partsOf(x1);
    const b = await partsOf(x2);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    const differing = [...a.keys()].filter((k) => !a.get(k)!.equals(b.get(k)!));
    expect(differing).toEqual([SHEET.log]);
    const log = (await loadBook(x2)).getWorksheet(LOG_SHEET)!;
    expect(log.state).toBe('hidden');
    expect(log.getRow(3).getCell(1).value).toBe('2024-04-02T00:00:00.000Z');
    expect(log.getRow(2).getCell(1).value).toBe('2024-04-01T00:00:00.000Z');

    // and with the same plan applied again (created columns, header cells, widths included)
    const again = await patchWorkbook(x1, p0.plan, null);
    const c = await partsOf(again);
    expect([...a.keys()].filter((k) => !a.get(k)!.equals(c.get(k)!))).toEqual([]);

    for (const xml of [await partText(x1, SHEET.kpi), await partText(x2, SHEET.kpi)]) {
      const sq = [...xml.matchAll(/<conditionalFormatting sqref="([^"]+)"/g)].map((m) => m[1]);
      expect(sq).toEqual(['M4:M8', 'O4:O8', 'Q4:Q8', 'R4:R8', 'R4:R8', 'T4:T8', 'T4:T8']);
      // schema order: conditional formats after mergeCells, before dataValidations / drawing / extLst
      const order = ['</sheetData>', '<mergeCells', '<conditionalFormatting', '<dataValidations', '<pageMargins', '<drawing', '<legacyDrawing', '<extLst'].map((t) => xml.indexOf(t));
      expect(order.every((v, i) => v > 0 && (i === 0 || v > order[i - 1]))).toBe(true);
    }
    // the old review's icon set on 数式あり!O4:O7 is replaced, not duplicated
    const f = await partText(x2, SHEET.formulas);
    expect(f.match(/<conditionalFormatting sqref="O4:O7"/g)).toHaveLength(1);
  });

  test('conditional formats as exceljs reads them: icon sets with thresholds and text rules with their dxf', async () => {
    const wb = await loadBook(x1);
    const cfs = (wb.getWorksheet('政策推進課') as unknown as { conditionalFormattings: { ref: string; rules: { type: string; iconSet?: string; cfvo?: { value: number }[]; formulae?: string[]; style?: { fill?: { bgColor?: { argb?: string } }; font?: { color?: { argb?: string } } } }[] }[] })
      .conditionalFormattings;
    const icon = cfs.find((c) => c.ref === 'O4:O8')!.rules[0];
    expect(icon.type).toBe('iconSet');
    expect(icon.iconSet).toBe('3TrafficLights1');
    expect(icon.cfvo!.map((v) => v.value)).toEqual([0, 0.5, 1]);
    const d = cfs.filter((c) => c.ref === 'R4:R8').map((c) => c.rules[0]);
    expect(d.map((r) => r.formulae![0])).toEqual(['R4="A"', 'R4="D"']);
    expect(d[1].style!.fill!.bgColor!.argb).toBe('FFFCE4D6');
    expect(d[1].style!.font!.color!.argb).toBe('FF9C0006');
  });

  test('the structural validator passes on the input and on both copies', async () => {
    expect(await validatePackage(x0)).toEqual([]);
    expect(await validatePackage(x1)).toEqual([]);
    const p1 = await planFor(x1);
    expect(await validatePackage(await patchWorkbook(x1, p1.plan, p1.log))).toEqual([]);
  });

  test('inspectPackage lists what exceljs would lose, and the copy still holds all of it', async () => {
    const before = await inspectPackage(x0);
    const after = await inspectPackage(x1);
    const keys = before.features.map((f) => f.key);
    expect(keys).toEqual(
      expect.arrayContaining(['charts', 'drawings', 'pivotTables', 'pivotCaches', 'vba', 'externalLinks', 'customXml', 'threadedComments', 'printerSettings', 'sparklines']),
    );
    expect(keys).not.toContain('formControls'); // the VML there only draws a note, which exceljs keeps
    expect(keys).not.toContain('sheetExtensions'); // the only extension is the sparkline group
    expect(after.features).toEqual(before.features);
    for (const line of describeFeatures(before, 'ja')) expect(line).toMatch(/[ぁ-んァ-ヶ一-龠]/);
    for (const line of describeFeatures(before, 'en')) expect(line).toMatch(/^[ -~()]+$/);
    expect(after.parts.filter((p) => !before.parts.includes(p))).toEqual([SHEET.log]);
    // what exceljs itself would write: none of it survives (the reason this patcher exists)
    const viaExceljs = new Uint8Array((await (await loadBook(x0)).xlsx.writeBuffer()) as ArrayBuffer);
    const lost = (await inspectPackage(viaExceljs)).features.map((f) => f.key);
    for (const k of ['charts', 'pivotTables', 'vba', 'externalLinks', 'sparklines']) expect(lost).not.toContain(k);
  });

  test('.xlsm stays macro-enabled: vbaProject.bin and the main content type untouched', async () => {
    const t1 = await partText(x1, '[Content_Types].xml');
    expect(t1).toContain('<Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/>');
    expect(t1).toContain('<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>');
    expect(await partText(x1, 'xl/_rels/workbook.xml.rels')).toContain('Target="vbaProject.bin"');
  });
});

describe('sheets inflated ahead (prefetchSheets)', () => {
  test('the copy is the same with them, each is handed over once, and those of other bytes or a damaged package are not used', async () => {
    const sheets = p0.review.files[0].plan.sheets.map((s) => s.sheet);
    const ahead = await prefetchSheets(x0, sheets);
    const withThem = await patchWorkbookWithReport(x0, p0.plan, p0.log, { prefetched: ahead });
    expect(Buffer.from(withThem.bytes).equals(Buffer.from(x1))).toBe(true);
    expect(ahead.take().size).toBe(0);
    const again = await prefetchSheets(x0, sheets);
    expect([...again.take().keys()]).toEqual([SHEET.kpi, SHEET.pledge, SHEET.formulas]);
    // made from a copy of the bytes: not these bytes, so not used (the sheet would be wrong)
    const other = await prefetchSheets(x0.slice(), sheets);
    const wrong = new Map([[SHEET.kpi, new TextEncoder().encode('<worksheet/>')]]);
    jest.spyOn(other, 'take').mockReturnValue(wrong);
    expect(Buffer.from((await patchWorkbookWithReport(x0, p0.plan, p0.log, { prefetched: other })).bytes).equals(Buffer.from(x1))).toBe(true);
    expect((await prefetchSheets(x0.subarray(0, 100), sheets)).take().size).toBe(0);
  });
});

describe('formulas', () => {
  test('calcChain stays when no overwritten cell held a formula; fullCalcOnLoad only when formulas remain', async () => {
    const base = await baseWorkbook();
    // drop the formula sheet from the plan: the remaining output cells held no formulas
    const x = await withExtras(base, { calcChain: true });
    const p = await planFor(x);
    const plan = { sheets: p.plan.sheets.filter((s) => s.sheet !== '数式あり') };
    const r = await patchWorkbookWithReport(x, plan, null);
    expect(r.removed).toEqual([]);
    expect((await partsOf(r.bytes)).has('xl/calcChain.xml')).toBe(true);
    expect(await partText(r.bytes, 'xl/workbook.xml')).toContain('fullCalcOnLoad="1"');
    expect(await validatePackage(r.bytes)).toEqual([]);

    // a workbook without formulas: workbook.xml is not touched at all
    const wb = new ExcelJS.Workbook();
    kpiSheet(wb.addWorksheet('政策推進課'));
    const plain = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const pp = await planFor(plain);
    const rr = await patchWorkbookWithReport(plain, pp.plan, null);
    // workbook.xml: the print titles of the sheet given a page setup
    expect(rr.changed.sort()).toEqual(['xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
  });

  async function sharedFormulaBook(extendTo: number): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('数式あり');
    kpiSheet(ws, [...KPI_ROWS.slice(0, 4), ['', '', '', '', '※ 注記の行', '', '', '', '', '', '', '', '', '']]);
    ws.getCell('O3').value = '達成率';
    for (let r = 4; r <= 8; r++) ws.getCell(`O${r}`).value = { formula: `IFERROR(K${r}/M${r},"")`, result: 0.5 } as ExcelJS.CellFormulaValue;
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    return replacePart(bytes, 'xl/worksheets/sheet1.xml', (s) => {
      let t = s.replace(/(<c r="O4"[^>]*>)<f>[^<]*<\/f>/, `$1<f t="shared" ref="O4:O${extendTo}" si="0">IFERROR(K4/M4,"")</f>`);
      for (let r = 5; r <= extendTo; r++) t = t.replace(new RegExp(`(<c r="O${r}"[^>]*>)<f>[^<]*</f>`), '$1<f t="shared" si="0"/>');
      return t;
    });
  }

  test('a shared formula whose master is overwritten but still used by a kept cell: refused with a clear error', async () => {
    const x = await sharedFormulaBook(8); // O8 (a ※ note row, not reviewed) depends on O4
    const p = await planFor(x);
    expect(Math.max(...p.plan.sheets[0].writes.map((w) => w.top + w.values.length - 1))).toBe(6); // rows 4–7 only
    let err: unknown;
    try {
      await patchWorkbook(x, p.plan, p.log);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PatchError);
    const pe = err as PatchError;
    expect(pe.code).toBe('formula');
    expect(pe.sheet).toBe('数式あり');
    expect(pe.cell).toBe('O4');
    expect(pe.message).toContain('共有数式');
    expect(pe.messageEn).toContain('shared formula (O4:O8)');
  });

  test('a shared formula whose cells are all overwritten: written, calcChain-free, valid', async () => {
    const x = await sharedFormulaBook(7);
    const p = await planFor(x);
    const y = await patchWorkbook(x, p.plan, p.log);
    const xml = await partText(y, 'xl/worksheets/sheet1.xml');
    expect(xml).not.toContain('t="shared"');
    expect(xml).toMatch(/<c r="O8"[^>]*><f>/); // the note row keeps its own formula
    expect(await validatePackage(y)).toEqual([]);
    expect(compareWithPlan(await loadBook(x), await loadBook(y), p.plan)).toEqual([]);
  });
});

describe('the bundled sample workbooks', () => {
  test.each(['strategy-2nd-term.xlsx', 'pledges.xlsx', 'first-term.xlsx'])('%s: every cell as planned or unchanged; valid; a second review changes only the log', async (name) => {
    const x = new Uint8Array(readFileSync(path.join(__dirname, '..', '..', 'seeds', name)));
    const p = await planFor(x);
    expect(p.plan.sheets.length).toBeGreaterThan(0);
    const y = await patchWorkbook(x, p.plan, p.log);
    expect(compareWithPlan(p.workbook, await loadBook(y), p.plan)).toEqual([]);
    expect(await validatePackage(y)).toEqual([]);
    const q = await planFor(y, '2024-04-02T00:00:00.000Z');
    const z = await patchWorkbook(y, q.plan, q.log);
    const a = await partsOf(y);
    const b = await partsOf(z);
    expect([...a.keys()].filter((k) => !a.get(k)!.equals(b.get(k)!))).toHaveLength(1); // the log sheet
  });
});

describe('refusals', () => {
  async function twoSharedSheets(): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    for (const name of ['数式あり', '数式あり2']) {
      const ws = wb.addWorksheet(name);
      kpiSheet(ws, [...KPI_ROWS.slice(0, 2), ['', '', '', '', '※ 注記', '', '', '', '', '', '', '', '', '']]);
      ws.getCell('O3').value = '達成率';
      for (let r = 4; r <= 6; r++) ws.getCell(`O${r}`).value = { formula: `K${r}/M${r}`, result: 0.5 } as ExcelJS.CellFormulaValue;
    }
    let bytes: Uint8Array = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    for (const part of ['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml']) {
      bytes = await replacePart(bytes, part, (s) =>
        s
          .replace(/(<c r="O4"[^>]*>)<f>[^<]*<\/f>/, '$1<f t="shared" ref="O4:O6" si="3">K4/M4</f>')
          .replace(/(<c r="O5"[^>]*>)<f>[^<]*<\/f>/, '$1<f t="shared" si="3"/>')
          .replace(/(<c r="O6"[^>]*>)<f>[^<]*<\/f>/, '$1<f t="shared" si="3"/>'),
      );
    }
    return bytes;
  }

  test('every refused sheet is listed at once (PatchRefusedError); nothing is produced', async () => {
    const x = await twoSharedSheets();
    const p = await planFor(x);
    const err = await patchWorkbook(x, p.plan, p.log).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PatchRefusedError);
    const r = err as PatchRefusedError;
    expect(r.problems.map((e) => [e.code, e.sheet, e.cell])).toEqual([
      ['formula', '数式あり', 'O4'],
      ['formula', '数式あり2', 'O4'],
    ]);
    expect(r.message.split('\n')).toHaveLength(2);
    expect(r.messageEn).toContain('数式あり2');
  });

  test('not a zip, a planned sheet that is not there, a Strict Open XML workbook', async () => {
    const x = await baseWorkbook();
    const p = await planFor(x);
    await expect(patchWorkbook(new Uint8Array([1, 2, 3]), p.plan, null)).rejects.toMatchObject({ code: 'package' });
    await expect(patchWorkbook(x, { sheets: [{ ...p.plan.sheets[0], sheet: 'ない' }] }, null)).rejects.toMatchObject({ code: 'sheet', sheet: 'ない' });
    const strict = await replacePart(x, 'xl/workbook.xml', (s) => s.replace('http://schemas.openxmlformats.org/spreadsheetml/2006/main', 'http://purl.oclc.org/ooxml/spreadsheetml/main'));
    await expect(patchWorkbook(strict, p.plan, null)).rejects.toMatchObject({ code: 'package', messageEn: expect.stringContaining('Strict') });
  });
});
