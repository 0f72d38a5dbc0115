/**
 * The summary and a reviewed workbook as they print: `npm run review`'s sample through the command
 * line, both files converted to PDF by LibreOffice (headless), then checked — every page A4,
 * every text at least 8 pt high, a page number on every page, 002's 総括表 figures on the page as
 * published, and (from the package itself) no text cell wider than its column unless it wraps.
 * The pages are kept as PNGs in test-results/render/ for people to look at.
 *
 * Japanese renders with Noto Sans JP from npm through fontconfig (as in the browser tests), so a
 * machine without CJK fonts prints the same. Without soffice / pdftoppm: skipped with the reason
 * outside CI, an error in CI (tests/support/externalTools.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { displayWidth } from '../../src/domain/base/displayWidth';
import { CELL_PAD } from '../../src/domain/output/summary/geometry';
import { parseArgs } from '../../src/cli/args';
import { runReview } from '../../src/cli/runReview';
import { cjkFontDirs, writeFontConfig } from '../e2e/browser';
import { findTool } from '../support/externalTools';
import { translate } from '../../src/messages/translate';
import { SEEDS } from './seedBook';

const soffice = findTool('soffice');
const pdftoppm = soffice ? findTool('pdftoppm') : undefined;
const maybe = soffice && pdftoppm ? describe : describe.skip;
const pdftotext = pdftoppm ? path.join(path.dirname(pdftoppm), process.platform === 'win32' ? 'pdftotext.exe' : 'pdftotext') : '';

const RESULTS = path.join(__dirname, '..', '..', 'test-results', 'render');

jest.setTimeout(240_000);

interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

interface Page {
  width: number;
  height: number;
  words: Word[];
}

/** pdftotext -bbox: every word with its box, page by page */
function pdfWords(pdf: string): Page[] {
  const html = execFileSync(pdftotext, ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const pages: Page[] = [];
  for (const m of html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
    const words = [...m[3].matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((w) => ({
      xMin: Number(w[1]),
      yMin: Number(w[2]),
      xMax: Number(w[3]),
      yMax: Number(w[4]),
      text: w[5].replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'),
    }));
    pages.push({ width: Number(m[1]), height: Number(m[2]), words });
  }
  return pages;
}

/** the lines of a page's text as LibreOffice laid it out */
function pageText(pdf: string, page: number): string {
  return execFileSync(pdftotext, ['-layout', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' });
}

/** Text cells wider than their column and not wrapped, read from the package itself. */
async function cutCells(xlsx: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(xlsx);
  const strings = [...(await zip.file('xl/sharedStrings.xml')!.async('string')).matchAll(/<si><t[^>]*>([\s\S]*?)<\/t><\/si>/g)].map((m) => m[1].replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"'));
  const xfs = [...(await zip.file('xl/styles.xml')!.async('string')).match(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/)![1].matchAll(/<xf [^>]*?(\/>|>[\s\S]*?<\/xf>)/g)].map((m) => /wrapText="1"/.test(m[0]));
  const wb = await zip.file('xl/workbook.xml')!.async('string');
  const names = [...wb.matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1]);
  const out: string[] = [];
  for (const [i, name] of names.entries()) {
    const xml = await zip.file(`xl/worksheets/sheet${i + 1}.xml`)!.async('string');
    const widths = new Map<number, number>();
    for (const c of xml.matchAll(/<col min="(\d+)" max="(\d+)" width="([\d.]+)"/g)) for (let k = Number(c[1]); k <= Number(c[2]); k++) widths.set(k, Number(c[3]));
    const merged = new Set([...xml.matchAll(/<mergeCell ref="([A-Z]+)(\d+):/g)].map((m) => m[1] + m[2]));
    for (const c of xml.matchAll(/<c r="([A-Z]+)(\d+)"(?: s="(\d+)")? t="s"><v>(\d+)<\/v><\/c>/g)) {
      const ref = c[1] + c[2];
      if (merged.has(ref)) continue; // the title block and captions span the sheet, wrapped
      const wrap = xfs[Number(c[3] ?? 0)];
      const text = strings[Number(c[4])];
      const col = [...c[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      const room = (widths.get(col) ?? 8.43) - CELL_PAD + 0.01;
      const widest = Math.max(...text.split('\n').map(displayWidth));
      if (!wrap && widest > room) out.push(`${name}!${ref} "${text}" (${widest} > ${room.toFixed(1)})`);
    }
  }
  return out;
}

maybe('the sample as it prints (LibreOffice)', () => {
  const published: { overall: number; policies: { publishedPercent: number }[]; pledges: { policy: number; publishedPercent: number }[] } = JSON.parse(readFileSync(path.join(SEEDS, 'data', 'pledges.json'), 'utf8'));
  let dir: string;
  let summaryPages: Page[];
  let reviewedPages: Page[];
  let summaryPdf: string;
  let summaryXlsx: Uint8Array;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'pr-render-'));
    const out = path.join(dir, 'out');
    const parsed = parseArgs(['review', path.join(SEEDS, 'strategy-2nd-term.xlsx'), path.join(SEEDS, 'pledges.xlsx'), '--out', out, '--plan-name', '第2期苫小牧市総合戦略', '--as-of', '令和5年度末']);
    if (parsed.kind !== 'options') throw new Error(JSON.stringify(parsed));
    const code = await runReview(parsed.options, { out: () => undefined, err: () => undefined });
    expect(code).toBe(0);
    summaryXlsx = new Uint8Array(readFileSync(path.join(out, 'summary.xlsx')));
    const pdfDir = path.join(dir, 'pdf');
    const fonts = process.platform === 'linux' ? { FONTCONFIG_FILE: writeFontConfig(cjkFontDirs(), true) } : {};
    // one LibreOffice start for both files
    execFileSync(soffice!, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', pdfDir, path.join(out, 'summary.xlsx'), path.join(out, 'strategy-2nd-term.xlsx')], {
      stdio: 'pipe',
      timeout: 200_000,
      env: { ...process.env, ...fonts },
    });
    summaryPdf = path.join(pdfDir, 'summary.pdf');
    summaryPages = pdfWords(summaryPdf);
    reviewedPages = pdfWords(path.join(pdfDir, 'strategy-2nd-term.pdf'));
    // the pages as images, for people to look at
    rmSync(RESULTS, { recursive: true, force: true });
    mkdirSync(RESULTS, { recursive: true });
    execFileSync(pdftoppm!, ['-r', '50', '-png', summaryPdf, path.join(RESULTS, 'summary')]);
    execFileSync(pdftoppm!, ['-r', '50', '-png', '-l', '3', path.join(pdfDir, 'strategy-2nd-term.pdf'), path.join(RESULTS, 'reviewed')]);
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('every page A4 with its page number; the reviewed copy in landscape with its header and indicator on every page', () => {
    const a4 = (p: Page) => Math.abs(Math.min(p.width, p.height) - 595.3) < 2 && Math.abs(Math.max(p.width, p.height) - 841.9) < 2;
    expect(summaryPages.length).toBeGreaterThan(8);
    summaryPages.forEach((p, i) => {
      expect({ page: i + 1, a4: a4(p) }).toEqual({ page: i + 1, a4: true });
      const text = p.words.map((w) => w.text).join(' ');
      expect({ page: i + 1, number: text.includes(`ページ ${i + 1} / ${summaryPages.length}`) }).toEqual({ page: i + 1, number: true });
    });
    reviewedPages.forEach((p, i) => {
      expect(a4(p)).toBe(true);
      expect(p.width).toBeGreaterThan(p.height);
      // the print titles: the header row and the indicator column repeat on every page across
      expect({ page: i + 1, indicator: p.words.some((w) => ['指標名', 'indicator'].includes(w.text.toLowerCase())) }).toEqual({ page: i + 1, indicator: true });
    });
    // 26 department sheets and 数値目標, each at most three pages across (156 Letter pages in strips before)
    expect(reviewedPages.length).toBeLessThanOrEqual(27 * 3);
    // pages per sheet: each page repeats its sheet's title, which holds the sheet's heading
    const keys = ['overview', 'goalTargets', 'directions', 'measures', 'kpis', 'departments', 'revisions', 'exclusions', 'pledges', 'pledgeMeasures', 'covid', 'problems'] as const;
    const headings = keys.map((k) => translate('ja', `summary.heading.${k}`).replace(/\s/g, ''));
    const perSheet = headings
      .map((h) => [h, summaryPages.filter((p) => p.words.slice(0, 8).map((w) => w.text).join('').includes(h)).length] as const)
      .filter(([, n]) => n > 0)
      .map(([h, n]) => `${h} ${n}`);
    console.log(`render: summary ${summaryPages.length} pages (${perSheet.join('; ')}), reviewed copy ${reviewedPages.length} pages; PNGs in ${RESULTS} (${readdirSync(RESULTS).length})`);
  });

  test('no text smaller than 8 pt on any page', () => {
    const small = (pages: Page[]) => pages.flatMap((p, i) => p.words.filter((w) => w.text.trim() && w.yMax - w.yMin < 8).map((w) => `page ${i + 1}: ${w.text} ${(w.yMax - w.yMin).toFixed(1)} pt`));
    expect({ summary: small(summaryPages).slice(0, 5), reviewed: small(reviewedPages).slice(0, 5) }).toEqual({ summary: [], reviewed: [] });
    const smallest = (pages: Page[]) => Math.min(...pages.flatMap((p) => p.words.filter((w) => w.text.trim()).map((w) => w.yMax - w.yMin)));
    console.log(`render: smallest text box: summary ${smallest(summaryPages).toFixed(2)} pt, reviewed copy ${smallest(reviewedPages).toFixed(2)} pt`);
    expect(Math.min(smallest(summaryPages), smallest(reviewedPages))).toBeGreaterThanOrEqual(8);
  });

  test('no text cell wider than its column unless it wraps (from the package)', async () => {
    expect(await cutCells(summaryXlsx)).toEqual([]);
  });

  test('公約総括表 prints 002\u2019s figures: each 基本政策 and 公約 percentage in order, 全体 59.2', () => {
    const first = summaryPages.findIndex((p) => p.words.some((w) => w.text.includes('市長公約取組状況総括表')));
    expect(first).toBeGreaterThanOrEqual(0);
    const numbers: number[] = [];
    for (let i = first; i < summaryPages.length; i++) {
      const text = pageText(summaryPdf, i + 1);
      if (!text.includes('市長公約取組状況総括表')) break;
      for (const line of text.split('\n')) {
        const m = /^\s*(?:[ⅠⅡⅢⅣⅤ]|\d+ |全体).*?\s(\d+(?:\.\d)?)\s*$/.exec(line);
        if (m && !/ページ/.test(line)) numbers.push(Number(m[1]));
      }
    }
    const expected: number[] = [];
    published.policies.forEach((p, i) => {
      expected.push(p.publishedPercent);
      for (const q of published.pledges.filter((x) => x.policy === i + 1)) expected.push(q.publishedPercent);
    });
    expect(numbers).toEqual([...expected, published.overall]);
  });
});
