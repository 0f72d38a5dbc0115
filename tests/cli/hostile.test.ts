/**
 * Hostile workbooks through the command line: bad cells, injected formulas, a native chart,
 * a pivot table and a VBA project. Expected: named errors and no copy; text, not formulas;
 * every part exceljs cannot keep preserved byte for byte, and the reviewer told so.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { baseWorkbook, withExtras, partsOf } from '../xlsx/fixtures';
import { readBook, run, sha, tempDir, writeBook } from './cliHelpers';

async function unzipText(file: string, part: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  return zip.file(part)!.async('string');
}

describe('hostile workbooks', () => {
  test('a workbook with a native chart, a pivot table, a VBA project and an external link: all kept, the copy reviewed, the reviewer told', async () => {
    const dir = tempDir('pr-hostile-');
    const input = path.join(dir, 'macro.xlsm');
    writeFileSync(input, await withExtras(await baseWorkbook(), { macro: true }));
    const before = sha(input);
    const res = await run(['review', input, '--out', path.join(dir, 'out')]);
    expect(res.code).toBe(0);
    expect(sha(input)).toBe(before);
    const kept = res.out.find((l) => l.startsWith('macro.xlsm: Excel の要素をそのまま残しました'));
    expect(kept).toBeDefined();
    for (const word of ['グラフ', 'ピボット', 'マクロ']) expect(kept).toContain(word);

    const out = path.join(dir, 'out', 'macro.xlsm');
    const original = await partsOf(readFileSync(input));
    const copy = await partsOf(readFileSync(out));
    const lossy = [...original.keys()].filter((p) => /chart|drawing|pivot|vbaProject|externalLink/i.test(p));
    expect(lossy.length).toBeGreaterThanOrEqual(5);
    for (const p of lossy) expect({ part: p, same: copy.get(p)?.equals(original.get(p)!) }).toEqual({ part: p, same: true });
    const types = await unzipText(out, '[Content_Types].xml');
    expect(types).toContain('application/vnd.ms-excel.sheet.macroEnabled.main+xml');

    // the output columns are there and the KPI values are right
    const wb = await readBook(out);
    const ws = wb.getWorksheet('政策推進課')!;
    const header = (ws.getRow(3).values as unknown[]).slice(1);
    expect(header).toEqual(expect.arrayContaining(['達成率', '基準比進捗率', '計画比', '評価', 'コロナ影響']));
    const col = header.indexOf('達成率') + 1;
    expect(ws.getRow(5).getCell(col).value).toBeCloseTo(45 / 230, 6);
  });

  test('injected formulas stay text in the reviewed copy, the summary and the JSON', async () => {
    const dir = tempDir('pr-inject-');
    const input = path.join(dir, 'inject.xlsx');
    const evil = ['=HYPERLINK("http://evil.example","クリック")', '+cmd|\'/C calc\'!A0', '-2+3', '@SUM(1,2)', '\t=1+1', '\r=1+1'];
    await writeBook(input, {
      政策推進課: [
        ['基本目標', '施策', '事業名', '指標名', '単位', '基準値', '実績R3', '目標値', '備考'],
        ...evil.map((e, i) => [1, 1, e, `${e} ${i}`, '人', 10, 5, 20, e]),
      ],
    });
    const res = await run(['review', input, '--out', path.join(dir, 'out'), '--json', path.join(dir, 'r.json')]);
    expect(res.code).toBe(0);
    for (const file of ['inject.xlsx', 'summary.xlsx']) {
      const zip = await JSZip.loadAsync(readFileSync(path.join(dir, 'out', file)));
      for (const name of Object.keys(zip.files).filter((n) => /worksheets\/sheet\d+\.xml$/.test(n))) {
        const xml = await zip.file(name)!.async('string');
        expect({ file, name, formula: /<f[ >]/.test(xml) }).toEqual({ file, name, formula: false });
      }
    }
    const summary = await readBook(path.join(dir, 'out', 'summary.xlsx'));
    const texts: unknown[] = [];
    summary.eachSheet((ws) => ws.eachRow((r) => r.eachCell((c) => texts.push(c.value))));
    expect(texts).toContain('=HYPERLINK("http://evil.example","クリック") 0');
    const report = JSON.parse(readFileSync(path.join(dir, 'r.json'), 'utf8'));
    expect(report.kpis.map((k: { indicator: string }) => k.indicator)).toContain('@SUM(1,2) 3');
  });

  test('bad cells: named errors; the copy keeps the sheet with errors byte-identical and writes the clean ones; the input untouched', async () => {
    const dir = tempDir('pr-bad-');
    const input = path.join(dir, 'withchart.xlsx');
    // a workbook that also holds a chart: errors still win, nothing is written for it
    const bytes = await withExtras(await baseWorkbook());
    const zip = await JSZip.loadAsync(bytes);
    const sheet = Object.keys(zip.files).find((n) => /worksheets\/sheet1\.xml$/.test(n))!;
    const xml = await zip.file(sheet)!.async('string');
    zip.file(sheet, xml.replace(/(<c r="K5"[^>]*?)( t="\w+")?>(.*?)<\/c>/, '$1 t="inlineStr"><is><t>約50</t></is></c>'));
    writeFileSync(input, await zip.generateAsync({ type: 'uint8array' }));
    const before = sha(input);
    const res = await run(['review', input, '--out', path.join(dir, 'out')]);
    expect(res.code).toBe(1);
    expect(res.err.some((l) => /withchart\.xlsx › 政策推進課!K5（実績R3）: 「約50」/.test(l))).toBe(true);
    // per-sheet outcome (issue 8): the sheet with errors is left as it came, the clean ones are reviewed
    const copy = await partsOf(readFileSync(path.join(dir, 'out', 'withchart.xlsx')));
    const original = await partsOf(readFileSync(input));
    expect(copy.get(sheet)!.equals(original.get(sheet)!)).toBe(true);
    expect(res.out.concat(res.err).some((l) => l.includes('政策推進課'))).toBe(true);
    const changed = [...original.keys()].filter((p) => /worksheets\/sheet\d+\.xml$/.test(p) && !copy.get(p)!.equals(original.get(p)!));
    expect(changed.length).toBeGreaterThan(0);
    expect(sha(input)).toBe(before);
  });
});
