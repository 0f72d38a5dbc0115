/**
 * Words users read come from the catalogue (src/messages/ja.ts, en.ts). The rule, checked here on
 * every .ts / .tsx file under src/ outside src/messages:
 *
 *   No string literal, template-literal part or JSX text may hold Japanese text — a character of
 *   the Han, Hiragana or Katakana script (Unicode Script property; full-width punctuation and
 *   spaces alone are not text).
 *
 * Comments and regular-expression literals are not checked (they are never shown). The files
 * below are allowed, each because it holds a documented grammar table of what departments type
 * or what the review writes into their sheets — words that are data, the same in every
 * language — or names inside an OOXML package. An allowed file must still hold Japanese, so the
 * list cannot go stale unseen (entries marked `pending` are exempt from that).
 */
import * as fs from 'fs';
import * as path from 'path';
import ts from 'typescript';
import { sourceFiles, syntaxTree } from '../support/sourceFiles';

const SRC = path.resolve(__dirname, '..', '..', 'src');

const ALLOWED: { path: string; why: string; pending?: true }[] = [
  { path: 'domain/cells/evaluationCells.ts', why: 'the words of 区分, 変更区分, 評価対象 and コロナ判定 (数値目標, KPI変更, 対象外, 中止 …), read from the sheets' },
  { path: 'domain/cells/directionAggregation.ts', why: 'the words of 方向 and 集計 (増加, 減少, 単年, 累計 …), read and written back' },
  { path: 'domain/cells/fiscalYear.ts', why: 'era names and kanji numerals of fiscal years (令和, 平成, 元, 十)' },
  { path: 'domain/cells/numberCell.ts', why: 'the words of blank cells and running totals in the cell grammar (該当なし, 累計)' },
  { path: 'domain/cells/unitWords.ts', why: 'the unit words of the cell grammar (人, 件, 千t …)' },
  { path: 'domain/rules/covid.ts', why: 'the words that mark a COVID suspension, and the values SPEC writes (コロナ中止, 要確認)' },
  { path: 'domain/sheets/headers.ts', why: 'header names and their aliases (基本目標, 実績 …)' },
  { path: 'domain/sheets/kpiSheet.ts', why: 'the prefixes of 基本目標 and 施策 numbers (基本目標1, 施策⑤)' },
  { path: 'domain/sheets/pledgeSheet.ts', why: 'the prefixes of 基本政策, 公約 and 施策 numbers (政策Ⅲ)' },
  { path: 'xlsx/ooxml/defaultFont.ts', why: 'the font 游ゴシック and the built-in cell style 標準 of new packages, names inside the package' },
  { path: 'xlsx/ooxml/numberFormats.ts', why: 'the East Asian built-in number formats (ids 27–36, 50–58) as Japanese Excel shows them (yyyy"年"m"月"d"日"), codes inside the package' },
  { path: 'xlsx/summary/summaryStyles.ts', why: 'the font 游ゴシック and the built-in cell style 標準, names inside the package' },
];

const JAPANESE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** the texts of a file's string literals, template parts and JSX text that hold Japanese, with their lines */
function japaneseTexts(file: string, text: string): string[] {
  const sf = syntaxTree(file, text);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node) || ts.isJsxText(node)) {
      if (JAPANESE.test(node.text)) found.push(`${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}: ${node.text.slice(0, 40)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

const files = sourceFiles(SRC)
  .map((f) => path.relative(SRC, f).split(path.sep).join('/'))
  .filter((f) => !f.startsWith('messages/'));

const allowed = (f: string) => ALLOWED.find((a) => (a.path.endsWith('/') ? f.startsWith(a.path) : f === a.path));

test('the rule sees what it should: literals, template parts and JSX text, not comments or regular expressions', () => {
  const sample = ['// 日本語のコメント', '/* 集計 */', "const a = /コロナ|感染症/u;", "const b = '達成率';", 'const c = `${a}件`;', 'const d = <p>検証</p>;'].join('\n');
  expect(japaneseTexts('sample.tsx', sample).map((t) => t.split(': ')[1])).toEqual(['達成率', '件', '検証']);
  expect(japaneseTexts('sample.ts', "const e = '（{names}）、';")).toEqual([]);
});

test('no Japanese text in src/ outside the catalogue and the allowed grammar tables', () => {
  expect(files.length).toBeGreaterThan(50);
  const offenders = files.filter((f) => !allowed(f)).flatMap((f) => japaneseTexts(f, fs.readFileSync(path.join(SRC, f), 'utf8')).map((t) => `${f}:${t}`));
  expect(offenders).toEqual([]);
});

test('every allowed file exists and still holds Japanese text (the list does not go stale)', () => {
  for (const a of ALLOWED.filter((x) => !x.pending)) {
    const matching = files.filter((f) => allowed(f) === a);
    expect({ path: a.path, files: matching.length > 0 }).toEqual({ path: a.path, files: true });
    const holds = matching.some((f) => japaneseTexts(f, fs.readFileSync(path.join(SRC, f), 'utf8')).length > 0);
    expect({ path: a.path, holdsJapanese: holds }).toEqual({ path: a.path, holdsJapanese: true });
  }
});
