import { en } from '../../src/messages/en';
import { ja } from '../../src/messages/ja';
import { DICTIONARIES, fill, formatCount, LANGS, otherLang, placeholders, translate } from '../../src/messages/translate';
import { issueCodes, issueKind } from '../../src/messages/issueText';

const jaKeys = Object.keys(ja).sort();
const enKeys = Object.keys(en).sort();

describe('the catalogue (src/messages)', () => {
  test('ja and en have the same keys', () => {
    expect(enKeys).toEqual(jaKeys);
  });

  test.each(LANGS)('%s: no empty or blank string', (lang) => {
    for (const [key, value] of Object.entries(DICTIONARIES[lang])) {
      expect(typeof value).toBe('string');
      expect({ key, blank: value.trim() === '' }).toEqual({ key, blank: false });
    }
  });

  test('both languages use the same parameters for each key', () => {
    for (const key of jaKeys as (keyof typeof ja)[]) {
      expect({ key, params: placeholders(en[key]) }).toEqual({ key, params: placeholders(ja[key]) });
    }
  });

  test('Japanese first: the Japanese strings are Japanese', () => {
    // every Japanese string with words, except the language switch label, contains kana or kanji
    // (a string of parameters and punctuation only, like {sheet}!{cell}, has no words)
    const words = (v: string) => /\p{L}{2,}/u.test(v.replace(/\{\w+\}/g, ''));
    const notJapanese = Object.entries(ja).filter(([key, v]) => key !== 'lang.switch.label' && words(v) && !/[\u3000-\u30ff\u3400-\u9fff]/.test(v));
    expect(notJapanese).toEqual([]);
  });

  test('the domain terms are kept in Japanese', () => {
    const all = Object.values(ja).join('\n');
    for (const term of ['達成率', '基準比進捗率', '計画比', '評価', 'コロナ影響', '施策進捗', '公約', '基本目標']) {
      expect(all).toContain(term);
    }
    // and shown in parentheses in English where a reader meets them in the workbook
    expect(en['counts.kpiSheets']).toContain('(KPIシート)');
    expect(en['settings.cap']).toContain('達成率');
    expect(en['settings.grades']).toContain('評価');
    expect(en['action.compute.description']).toContain('達成率');
    expect(en['action.compute.description']).toContain('コロナ影響');
    expect(en['action.compute.description']).toContain('施策進捗');
  });

  test('the four action labels, Japanese first', () => {
    expect(translate('ja', 'action.validate')).toBe('検証');
    expect(translate('ja', 'action.compute')).toBe('計算して書き込む');
    expect(translate('ja', 'action.summary')).toBe('集計シート作成');
    expect(translate('ja', 'action.template')).toBe('テンプレート作成');
    expect(translate('en', 'action.validate')).toBe('Validate');
  });

  test('the language switch names the other language in that language', () => {
    expect(ja['lang.switch.label']).toBe('English');
    expect(en['lang.switch.label']).toBe('日本語');
    expect(ja['lang.switch.aria']).toContain(ja['lang.switch.label']);
    expect(en['lang.switch.aria']).toContain(en['lang.switch.label']);
    // the visible label is in the accessible name outside any brackets (WCAG 2.5.3, as axe-core checks it)
    const outsideBrackets = (s: string) => s.replace(/[（(][^）)]*[）)]/g, '');
    expect(outsideBrackets(ja['lang.switch.aria'])).toContain(ja['lang.switch.label']);
    expect(outsideBrackets(en['lang.switch.aria'])).toContain(en['lang.switch.label']);
    expect(otherLang('ja')).toBe('en');
    expect(otherLang('en')).toBe('ja');
  });

  test('fill replaces parameters and leaves unknown ones visible', () => {
    expect(fill('{a} と {b}', { a: 1, b: 'x' })).toBe('1 と x');
    expect(fill('{a} と {missing}', { a: 1 })).toBe('1 と {missing}');
    // the same template again (compiled once), braces that are not parameters, one left open
    const cases: Record<string, string | number>[] = [{ a: 2, b: 'y' }, { a: 3 }];
    for (const params of cases) expect(fill('{{a}} {a b} {b}{a} {', params)).toBe(`{${params.a}} {a b} ${'b' in params ? params.b : '{b}'}${params.a} {`);
    expect(fill('{a}', {})).toBe('{a}');
    expect(translate('ja', 'written.item', { range: 'R1:V40', cells: 200 })).toBe('R1:V40（200セル）');
    expect(translate('en', 'written.item', { range: 'R1:V40', cells: 200 })).toBe('R1:V40 (200 cells)');
  });

  test('counts use thousands separators', () => {
    expect(formatCount('ja', 12345)).toBe('12,345');
    expect(formatCount('en', 12345)).toBe('12,345');
  });

  test('plural forms: {n, plural, one {…} other {…}} by the language\'s rules, # as the count with separators', () => {
    const t = '{n, plural, =0 {no sheets} one {# sheet} other {# sheets}} in {file}';
    expect(fill(t, { n: 0, file: 'a.xlsx' })).toBe('no sheets in a.xlsx');
    expect(fill(t, { n: 1, file: 'a.xlsx' })).toBe('1 sheet in a.xlsx');
    expect(fill(t, { n: 2, file: 'a.xlsx' })).toBe('2 sheets in a.xlsx');
    expect(fill(t, { n: 12345, file: 'a.xlsx' })).toBe('12,345 sheets in a.xlsx');
    // a missing count leaves the plural visible, like a missing parameter
    expect(fill(t, { file: 'a.xlsx' })).toBe(t.replace('{file}', 'a.xlsx'));
    // a plain word inside an option is text, not a parameter
    expect(placeholders('{n, plural, one {sheet} other {{m} sheets}} {x}')).toEqual(['m', 'n', 'x']);
    expect(placeholders('{a} {a} {b}')).toEqual(['a', 'b']);
  });

  test('the final line of the command line: singular and plural in English, 件 and 枚 in Japanese', () => {
    const one = { books: 1, kpiSheets: 1, pledgeSheets: 0, kpis: 1, activities: 1, errors: 1, warnings: 0, elapsed: '0.1 s' };
    expect(translate('en', 'cli.done.counts', one)).toBe('1 workbook (1 KPI sheet, 0 pledge sheets): reviewed 1 KPI and 1 pledge activity. 1 error, 0 warnings (0.1 s).');
    const many = { books: 2, kpiSheets: 26, pledgeSheets: 1, kpis: 1040, activities: 134, errors: 0, warnings: 36, elapsed: '0.4 s' };
    expect(translate('en', 'cli.done.counts', many)).toBe('2 workbooks (26 KPI sheets, 1 pledge sheet): reviewed 1,040 KPIs and 134 pledge activities. 0 errors, 36 warnings (0.4 s).');
    expect(translate('ja', 'cli.done.counts', { ...many, elapsed: '0.4秒' })).toBe('ブック 2件（KPIシート 26枚、公約シート 1枚）: KPI 1040件、公約の取組 134件を検証しました。エラー 0件、警告 36件（0.4秒）。');
  });

  test('every kind of problem has a short name in both languages (the title of its group)', () => {
    for (const code of issueCodes()) {
      expect({ code, ja: `issueKind.${code}` in ja, en: `issueKind.${code}` in en }).toEqual({ code, ja: true, en: true });
    }
    expect(issueKind('ja', 'warn.gradeDNoNote')).toBe('備考が空欄（D評価）');
    expect(issueKind('en', 'warn.gradeDNoNote')).toBe('備考 blank (grade D)');
  });
});
