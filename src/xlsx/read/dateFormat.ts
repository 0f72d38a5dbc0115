/**
 * Does a number format show numbers as dates or times? Excel's rule: the first section (the
 * one for positive numbers) holds a date or time code — y m d h s, the Japanese era codes g
 * and e, b for Buddhist years — outside quoted text, escaped and padding characters and
 * bracketed locale or colour codes ([h] [mm] [ss] are elapsed time and count).
 * `yyyy/m/d;@`, `[$-411]ggge"年"m"月"d"日"` and `hh:mm:ss.000` are dates; `0.00E+00`,
 * `#,##0"日"` and `General` are not.
 */
export function isDateNumberFormat(code: string | null | undefined): boolean {
  if (!code) return false;
  const first = firstSection(code)
    .replace(/"[^"]*"/g, '')
    .replace(/[\\_*]./g, '')
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, '')
    .toLowerCase();
  if (first.trim() === 'general') return false;
  // E+ / E- is scientific notation, not the era year
  return /[ymdhsgbe]/.test(first.replace(/e[+-]/g, ''));
}

function firstSection(code: string): string {
  let quoted = false;
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (c === '"') quoted = !quoted;
    else if (c === '\\') i++;
    else if (c === ';' && !quoted) return code.slice(0, i);
  }
  return code;
}
