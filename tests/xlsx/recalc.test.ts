/**
 * Recalculation only when needed: the copy asks Excel for a full calculation on open
 * (fullCalcOnLoad) only when a formula reads a cell we wrote, or we overwrote a formula. A
 * department's RAND() or NOW() elsewhere keeps its cached result.
 */
import { columnLetters } from '../../src/domain/base/address';
import { planLogAppend } from '../../src/domain/plan/auditLog';
import type { RawSheet } from '../../src/domain/base/raw';
import { makeSettings } from '../../src/domain/base/settings';
import { review } from '../../src/domain/review';
import { patchWorkbookWithReport, validatePackage } from '../../src/xlsx/patch';
import { formulaReads } from '../../src/xlsx/patch/recalc/formulaRefs';
import { ZipArchive } from '../../src/xlsx/zip/zipArchive';
import { KPI_HEAD, KPI_ROWS } from './fixtures';
import { handPackage, type Cell, type HandSheet, type Spelling } from './support/handPackage';

describe('formulaReads: a conservative scan of a formula’s references', () => {
  const refs = (f: string) => formulaReads(f).refs.map((r) => `${r.sheet ?? ''}!${r.rect.top},${r.rect.left}:${r.rect.bottom},${r.rect.right}`);

  test.each([
    ['SUM(A1:B2)', ['!0,0:1,1']],
    ['$C$3+Sheet2!D4', ['!2,2:2,2', 'Sheet2!3,3:3,3']],
    ["AVERAGE('政策 推進課'!O4:O80)", ['政策 推進課!3,14:79,14']],
    ["'It''s'!A1", ["It's!0,0:0,0"]],
    ['政策推進課!$O:$O', ['政策推進課!0,14:1048575,14']],
    ['SUM(3:5)', ['!2,0:4,16383']],
    ['LOG10(A1)+ATAN2(1,2)', ['!0,0:0,0']],
    ['"A1 in a string"&B2', ['!1,1:1,1']],
    ['[1]Other!A1+A2', ['!1,0:1,0']],
    ['IF(#REF!=1,Z9,0)', ['!8,25:8,25']],
    ['RAND()*NOW()', []],
  ])('%s', (formula, expected) => {
    expect(refs(formula)).toEqual(expected);
    expect(formulaReads(formula).dynamic).toBe(false);
  });

  test.each(['INDIRECT("O"&ROW())', '_xlfn.OFFSET(A1,1,1)', 'SUM(Table1[達成率])', 'SUM(Sheet1:Sheet3!A1)', 'SUM(A1:INDEX(C:C,5))', '[@Col]*2'])('%s cannot be placed: dynamic', (formula) => {
    expect(formulaReads(formula).dynamic).toBe(true);
  });

  test('names are reported, functions and booleans are not', () => {
    expect(formulaReads('SUM(KPI名)+TRUE+達成率合計*IF(x.y,1,0)').names).toEqual(['KPI名', '達成率合計', 'X.Y']);
  });
});

const KPI = '政策推進課';

function kpiRows(): Cell[][] {
  return [['KPI 実績'], [], KPI_HEAD, ...KPI_ROWS.map((r) => r.map((v) => (v === '' ? null : v)))];
}

function raw(sheet: HandSheet): RawSheet {
  return { name: sheet.name, top: 0, left: 0, values: sheet.rows.map((l) => l.map((v) => (v && typeof v === 'object' ? (v.cached ?? 0) : v))) };
}

/** The KPI sheet plus `other` (a department's own sheet), reviewed and patched. */
async function patched(other: Cell[][] | null, spelling: Partial<Spelling> = {}, kpi: Cell[][] = kpiRows()) {
  const sheets: HandSheet[] = [{ name: KPI, rows: kpi }];
  if (other) sheets.push({ name: '集計', rows: other });
  const input = handPackage(sheets, spelling);
  const result = review([{ file: 'r.xlsx', sheets: sheets.map(raw) }], makeSettings({}));
  const plan = result.files[0].plan;
  const log = planLogAppend(undefined, result, 0, { time: '2024-04-01T00:00:00Z', runner: 'CLI', file: 'r.xlsx' });
  const out = await patchWorkbookWithReport(input, plan, log);
  expect(await validatePackage(out.bytes)).toEqual([]);
  const workbook = ZipArchive.load(out.bytes).files['xl/workbook.xml'].text();
  return { out, workbook, plan };
}

/** The first output column of the KPI sheet (達成率), in letters, and the rows it is written in. */
async function outputColumn(): Promise<{ col: string; first: number; last: number }> {
  const { plan } = await patched(null);
  const sp = plan.sheets[0];
  return { col: columnLetters(sp.columns[0].col), first: sp.firstDataRow + 1, last: sp.lastDataRow + 1 };
}

describe('fullCalcOnLoad in the reviewed copy', () => {
  test('RAND() and NOW() in a department’s own sheet, nothing reading the output: no recalculation, the volatile results stay', async () => {
    const { out, workbook } = await patched([['乱数', { formula: 'RAND()', cached: 0.42 }], ['今', { formula: 'NOW()', cached: 45000 }], ['合計', { formula: `SUM(${KPI}!J4:J8)`, cached: 1 }]]);
    expect(out.recalc).toBeNull();
    expect(workbook).not.toContain('fullCalcOnLoad');
    expect(workbook).not.toContain('calcPr');
  });

  test('only the log sheet added to a workbook without formulas: workbook.xml gains the hidden sheet and nothing else', async () => {
    const { out, workbook } = await patched(null);
    expect(out.recalc).toBeNull();
    expect(workbook).not.toContain('calcPr');
  });

  test.each([
    ['another sheet reads the output column', (o: { col: string; first: number; last: number }) => `AVERAGE(${KPI}!${o.col}${o.first}:${o.col}${o.last})`],
    ['a whole-column reference', (o: { col: string }) => `SUM('${KPI}'!${o.col}:${o.col})`],
    ['a whole-row reference', (o: { first: number }) => `SUM(${KPI}!${o.first}:${o.first})`],
    ['INDIRECT (computed at run time)', () => 'INDIRECT("A1")'],
  ])('%s: recalculated', async (_label, formula) => {
    const o = await outputColumn();
    const { out, workbook } = await patched([['x', { formula: formula(o) }]]);
    expect(out.recalc).toBe('formulaReadsWritten');
    expect(workbook).toMatch(/<calcPr fullCalcOnLoad="1"\/><\/workbook>$/);
  });

  test('the same letters on another sheet, unqualified: not the output column, no recalculation', async () => {
    const o = await outputColumn();
    const { out } = await patched([[{ formula: `SUM(${o.col}${o.first}:${o.col}${o.last})`, cached: 0 }]]);
    expect(out.recalc).toBeNull();
  });

  test('a formula on the KPI sheet itself reading its output column (unqualified): recalculated', async () => {
    const o = await outputColumn();
    const kpi = kpiRows();
    kpi.push([], [null, null, null, null, '平均', { formula: `AVERAGE(${o.col}${o.first}:${o.col}${o.last})`, cached: 0 }]);
    const { out } = await patched(null, {}, kpi);
    expect(out.recalc).toBe('formulaReadsWritten');
  });

  test('through a defined name (and a name defined by that name): recalculated; a name over input cells is not', async () => {
    const o = await outputColumn();
    const names: [string, string][] = [
      ['出力', `'${KPI}'!$${o.col}$${o.first}:$${o.col}$${o.last}`],
      ['出力2', '出力'],
      ['入力', `'${KPI}'!$E$4:$E$8`],
    ];
    expect((await patched([[{ formula: 'COUNTA(入力)' }]], { definedNames: names })).out.recalc).toBeNull();
    expect((await patched([[{ formula: 'SUM(出力2)' }]], { definedNames: names })).out.recalc).toBe('formulaReadsWritten');
  });

  test('a prefixed workbook gets <x:calcPr> in its own prefix', async () => {
    const o = await outputColumn();
    const { workbook } = await patched([[{ formula: `${KPI}!${o.col}${o.first}*2` }]], { workbookPrefix: 'x' });
    expect(workbook).toMatch(/<x:calcPr fullCalcOnLoad="1"\/><\/x:workbook>$/);
  });
});
