import ExcelJS from 'exceljs';
import fs from 'fs';
import path from 'path';
import { SEEDS_DIR } from '../../seeds/build/paths';
import { buildWorkbooks } from '../../seeds/build/workbooks';
import { readCsv, readPledges } from './seed-data';

jest.setTimeout(60_000);

const kpis = readCsv('kpis.csv');
const goals = readCsv('goal-targets.csv');
const ratings = readCsv('pledge-activities.csv');
const pledges = readPledges();

async function open(name: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(SEEDS_DIR, name));
  return wb;
}

const norm = (v: unknown) => String(v ?? '').normalize('NFKC').replace(/\s+/g, '');

/** SPEC §2: a header row among the first 10 with 指標名, 目標値 and a 実績 column (aliases allowed). */
function findHeader(ws: ExcelJS.Worksheet): { row: number; cols: Map<string, number> } {
  for (let r = 1; r <= 10; r++) {
    const cols = new Map<string, number>();
    ws.getRow(r).eachCell((cell, c) => cols.set(norm(cell.value), c));
    const has = (...names: string[]) => names.some((n) => cols.has(n));
    if (has('指標名', 'indicator') && has('目標値', 'target') && [...cols.keys()].some((k) => /実績|actual/i.test(k))) return { row: r, cols };
  }
  throw new Error(`${ws.name}: no header row in rows 1–10`);
}

const ACTUAL_FY2021 = ['実績R3', '実績(令和3年度)', '令和3年度実績', 'R3実績', '実績2021', 'FY2021actual'];
const OUTPUT_COLUMNS = ['達成率', '基準比進捗率', '計画比', '評価', 'コロナ影響'];

/** The number a value text stands for (`累計1,627件` → 1627), null for none. */
function numberOf(text: string): number | null {
  if (text === '—') return null;
  return Number(/^(?:累計)?([\d,.]+)/.exec(text)![1].replace(/,/g, ''));
}

/** SPEC §2 "cell values as people type them": number, blank/dash, or number text with 累計/unit. */
function validValueCell(v: ExcelJS.CellValue): boolean {
  if (v === null || v === undefined || typeof v === 'number') return true;
  if (typeof v !== 'string') return false;
  const s = norm(v);
  return /^[—－\-―]?$/.test(s) || /^(累計)?[△▲]?\d{1,3}(,\d{3})*(\.\d+)?[^\d()（）]*$/.test(s);
}

describe('strategy-2nd-term.xlsx', () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => { wb = await open('strategy-2nd-term.xlsx'); });

  const sheetOf = (department: string) => department.split('／')[0] || '担当課未記載';
  const expectedSheets = () => ['数値目標', ...new Set(kpis.map((k) => sheetOf(k.department)))];

  test('a 数値目標 sheet and one sheet per first-listed 担当課', () => {
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(expectedSheets());
    expect(wb.worksheets).toHaveLength(26);
  });

  test('every sheet has its header row in rows 2–6 under a title, frozen, without output columns', () => {
    for (const ws of wb.worksheets) {
      const { row, cols } = findHeader(ws);
      expect(row).toBeGreaterThanOrEqual(2);
      expect(row).toBeLessThanOrEqual(6);
      expect(norm(ws.getCell(1, 1).value)).toMatch(/^第2期苫小牧市総合戦略/);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: row });
      for (const out of OUTPUT_COLUMNS) expect(cols.has(out)).toBe(false);
      // SPEC §2's 14 columns and the optional 基本的方向, 変更区分, 変更前目標値
      expect(cols.size).toBe(17);
    }
  });

  test('data rows: 94 KPIs in the department sheets, 10 in 数値目標, in CSV order', () => {
    let total = 0;
    for (const ws of wb.worksheets) {
      const { row, cols } = findHeader(ws);
      const expected = ws.name === '数値目標' ? goals : kpis.filter((k) => sheetOf(k.department) === ws.name);
      const indicatorCol = cols.get('指標名') ?? cols.get('indicator')!;
      const indicators: string[] = [];
      for (let r = row + 1; r <= ws.rowCount; r++) indicators.push(String(ws.getCell(r, indicatorCol).value));
      expect(indicators).toEqual(expected.map((k) => k.indicator));
      if (ws.name !== '数値目標') total += indicators.length;
    }
    expect(total).toBe(94);
  });

  test('every value cell is valid per SPEC and stands for the CSV value', () => {
    for (const ws of wb.worksheets) {
      const { row, cols } = findHeader(ws);
      const expected = ws.name === '数値目標' ? goals : kpis.filter((k) => sheetOf(k.department) === ws.name);
      const actualCol = [...cols].find(([k]) => /実績|actual/i.test(k))![1];
      const columns: [number, 'baseline' | 'actual' | 'target'][] = [
        [cols.get('基準値') ?? cols.get('baseline')!, 'baseline'],
        [actualCol, 'actual'],
        [cols.get('目標値') ?? cols.get('target')!, 'target'],
      ];
      expected.forEach((k, i) => {
        for (const [col, field] of columns) {
          const cell = ws.getCell(row + 1 + i, col);
          expect(validValueCell(cell.value)).toBe(true);
          const want = numberOf(k[field]);
          if (typeof cell.value === 'number') {
            const got = cell.numFmt?.includes('%') ? cell.value * 100 : cell.value;
            expect(got).toBeCloseTo(want!, 9);
          } else if (cell.value === null || cell.value === '—') {
            expect(want).toBeNull();
          } else {
            expect(cell.value).toBe(k[field]);
          }
        }
      });
    }
  });

  test('方向 and 集計 carry their dropdowns', () => {
    for (const ws of wb.worksheets) {
      const { row, cols } = findHeader(ws);
      const dir = cols.get('方向') ?? cols.get('direction')!;
      const agg = cols.get('集計') ?? cols.get('aggregation')!;
      for (let r = row + 1; r <= ws.rowCount; r++) {
        expect(ws.getCell(r, dir).dataValidation).toMatchObject({ type: 'list', formulae: ['"増加,減少"'] });
        expect(ws.getCell(r, agg).dataValidation).toMatchObject({ type: 'list', formulae: ['"単年,累計"'] });
        expect(['増加', '減少']).toContain(ws.getCell(r, dir).value);
        expect(['単年', '累計']).toContain(ws.getCell(r, agg).value);
      }
    }
  });

  test('the sheets vary the way departments do', () => {
    const headers = wb.worksheets.map((ws) => findHeader(ws));
    const keys = headers.flatMap((h) => [...h.cols.keys()]);
    for (const a of ACTUAL_FY2021) expect(keys).toContain(a);
    expect(new Set(headers.map((h) => h.row)).size).toBe(5);
    expect(headers.filter((h) => h.cols.has('goal')).length).toBeGreaterThanOrEqual(2);
    const cells = wb.worksheets.flatMap((ws) => ws.getSheetValues().flat());
    for (const y of ['H30', '平成30年度', 2018, '①', '基本目標1', '施策⑤', '累計45人']) expect(cells).toContain(y);
    const percentFormatted = wb.worksheets.some((ws) => ws.getColumn(11).values.some((_, r) => ws.getCell(r, 11).numFmt === '0.0%'));
    expect(percentFormatted).toBe(true);
  });

  test('基本的方向, 変更区分 and 変更前目標値 carry what 000 prints', () => {
    let directions = 0;
    const marks: string[] = [];
    for (const ws of wb.worksheets) {
      const { row, cols } = findHeader(ws);
      const expected = ws.name === '数値目標' ? goals : kpis.filter((k) => sheetOf(k.department) === ws.name);
      const dir = cols.get('基本的方向') ?? cols.get('basic_direction')!;
      const rev = cols.get('変更区分') ?? cols.get('revision')!;
      const orig = cols.get('変更前目標値') ?? cols.get('original_target')!;
      expected.forEach((k, i) => {
        const d = ws.getCell(row + 1 + i, dir).value;
        if (k.basic_direction) {
          expect([k.basic_direction, k.basic_direction.split(' ')[0]]).toContain(d);
          directions++;
        } else expect(d).toBeNull();
        expect(ws.getCell(row + 1 + i, rev).value ?? '').toBe(k.markers.split(';').join('・'));
        if (ws.getCell(row + 1 + i, rev).value) marks.push(String(ws.getCell(row + 1 + i, rev).value));
        if (!k.original_target) expect(ws.getCell(row + 1 + i, orig).value).toBeNull();
      });
    }
    expect(directions).toBe(94);
    expect(marks).toContain('数値目標変更');
    expect(marks).toContain('事業内容変更・KPI変更');
    // the one target printed before and after the revision: 新規創業件数 累計43件, before it 累計125件
    const ws = wb.getWorksheet('数値目標')!;
    const { row, cols } = findHeader(ws);
    const i = goals.findIndex((g) => g.indicator === '新規創業件数');
    expect(goals[i].original_target).toBe('累計125件');
    expect(String(ws.getCell(row + 1 + i, cols.get('変更前目標値')!).value)).toMatch(/^(累計125件|125)$/);
  });

  test('100%（6隊） is typed as 100 with 6隊 in 備考', () => {
    const ws = wb.getWorksheet('消防本部総務課')!;
    const { row, cols } = findHeader(ws);
    expect(ws.getCell(row + 1, cols.get('目標値')!).value).toBe(100);
    expect(ws.getCell(row + 1, cols.get('備考')!).value).toBe('6隊');
  });
});

describe('first-term.xlsx', () => {
  test('sheet 第1期数値目標: header on row 3, 10 rows, published 達成状況 in 備考', async () => {
    const ws = (await open('first-term.xlsx')).getWorksheet('第1期数値目標')!;
    expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual([
      '基本目標', '指標名', '単位', '集計', '基準年度', '基準値', '実績H28', '実績H29', '実績H30', '実績R1', '目標年度', '目標値', '備考',
    ]);
    expect(ws.rowCount).toBe(13);
    const remarks = Array.from({ length: 10 }, (_, i) => String(ws.getCell(4 + i, 13).value));
    expect(remarks.every((r) => /^公表達成状況 \d+%/.test(r))).toBe(true);
    expect(ws.getCell(6, 9).value).toBe(1.56);
    expect(ws.getCell(4, 6).value).toBe('—');
  });
});

describe('pledges.xlsx', () => {
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => { ws = (await open('pledges.xlsx')).getWorksheet('市長公約')!; });

  test('header row and one row per activity', () => {
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['基本政策', '公約', '施策', '取組事業内容', '担当部署', '評価']);
    expect(ws.rowCount).toBe(1 + ratings.length);
    ratings.forEach((r, i) => {
      expect(ws.getCell(2 + i, 4).value).toBe(r.activity);
      expect(ws.getCell(2 + i, 6).value).toBe(Number(r.rating));
    });
  });

  test('基本政策 / 公約 / 施策 are merged over the rows they span, value in the top cell', () => {
    const merges = new Set(ws.model.merges);
    const span = (pred: (r: Record<string, string>) => boolean) => {
      const rows = ratings.map((r, i) => (pred(r) ? 2 + i : -1)).filter((r) => r > 0);
      return [rows[0], rows[rows.length - 1]];
    };
    for (const p of pledges.policies) {
      const [a, b] = span((r) => Number(r.policy) === p.number);
      expect(merges.has(`A${a}:A${b}`)).toBe(true);
      expect(ws.getCell(a, 1).value).toBe(`政策${'ⅠⅡⅢⅣⅤ'[p.number - 1]} ${p.title}`);
    }
    for (const p of pledges.pledges) {
      const [a, b] = span((r) => Number(r.policy) === p.policy && Number(r.pledge) === p.number);
      expect(merges.has(`B${a}:B${b}`)).toBe(true);
      expect(ws.getCell(a, 2).value).toBe(`${p.number} ${p.title}`);
    }
    for (const m of pledges.measures) {
      const [a, b] = span((r) => Number(r.policy) === m.policy && Number(r.pledge) === m.pledge && Number(r.measure) === m.measure);
      expect(a === b || merges.has(`C${a}:C${b}`)).toBe(true);
      expect(ws.getCell(a, 3).value).toBe(`${'①②'[m.measure - 1]} ${m.title}`);
    }
    expect(merges.size).toBe(5 + 25 + 45);
  });
});

describe('rebuilding', () => {
  test('gives byte-identical workbooks from seeds/data', async () => {
    const built = await buildWorkbooks();
    for (const [name, buffer] of Object.entries(built)) {
      expect(buffer.equals(fs.readFileSync(path.join(SEEDS_DIR, name)))).toBe(true);
    }
  });
});
