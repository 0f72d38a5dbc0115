import { en } from '../../src/messages/en';
import { ja } from '../../src/messages/ja';
import { DICTIONARIES, fill, formatCount, LANGS, otherLang, placeholders, translate } from '../../src/messages/translate';

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
    expect(otherLang('ja')).toBe('en');
    expect(otherLang('en')).toBe('ja');
  });

  test('fill replaces parameters and leaves unknown ones visible', () => {
    expect(fill('{a} と {b}', { a: 1, b: 'x' })).toBe('1 と x');
    expect(fill('{a} と {missing}', { a: 1 })).toBe('1 と {missing}');
    expect(translate('ja', 'written.item', { range: 'R1:V40', cells: 200 })).toBe('R1:V40（200セル）');
    expect(translate('en', 'written.item', { range: 'R1:V40', cells: 200 })).toBe('R1:V40 (200 cells)');
  });

  test('counts use thousands separators', () => {
    expect(formatCount('ja', 12345)).toBe('12,345');
    expect(formatCount('en', 12345)).toBe('12,345');
  });
});
