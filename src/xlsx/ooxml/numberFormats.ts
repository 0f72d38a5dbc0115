/**
 * Built-in number formats (ECMA-376 Part 1, 18.8.30): ids a stylesheet may use without a
 * <numFmt>. Ids 14–22 and 45–47 are dates and times whose display follows the locale; the
 * codes here are the specification's (en-US) ones. Ids 27–36 and 50–58 are the East Asian
 * dates and times, given as Japanese Excel shows them (the locale of this product's users).
 */
export const BUILTIN_NUMBER_FORMATS: Readonly<Record<number, string>> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy h:mm',
  27: '[$-411]ge.m.d',
  28: '[$-411]ggge"年"m"月"d"日"',
  29: '[$-411]ggge"年"m"月"d"日"',
  30: 'm/d/yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"時"mm"分"',
  33: 'h"時"mm"分"ss"秒"',
  34: 'yyyy"年"m"月"',
  35: 'm"月"d"日"',
  36: '[$-411]ge.m.d',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
  50: '[$-411]ge.m.d',
  51: '[$-411]ggge"年"m"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: '[$-411]ggge"年"m"月"d"日"',
  55: 'yyyy"年"m"月"',
  56: 'm"月"d"日"',
  57: '[$-411]ge.m.d',
  58: '[$-411]ggge"年"m"月"d"日"',
};

/** Ids shown the same in every locale: the only built-ins a writer may use for a format code. */
const LOCALE_INDEPENDENT = [0, 1, 2, 3, 4, 9, 10, 11, 12, 13, 49];

const ID_BY_CODE: ReadonlyMap<string, number> = new Map(LOCALE_INDEPENDENT.map((id) => [BUILTIN_NUMBER_FORMATS[id], id]));

/** The built-in id to write for a format code, or undefined when it needs a custom <numFmt>. */
export function builtinNumberFormatId(code: string): number | undefined {
  return ID_BY_CODE.get(code);
}

/** The first id a custom <numFmt> may take. */
export const FIRST_CUSTOM_NUMBER_FORMAT = 164;
