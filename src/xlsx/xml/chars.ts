/** Character classes of XML 1.0, by UTF-16 code unit (what the scanners test in their loops). */

/** space, tab, LF, CR */
export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** may start a name (ASCII letters, `_`, anything beyond ASCII) */
export function isNameStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c > 127;
}

export function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57) || c === 45 || c === 46 || c === 58;
}

/** ends a tag name: white space, `/` or `>` */
export function endsTagName(c: number): boolean {
  return isSpace(c) || c === 47 || c === 62;
}

/** only white space in xml[from, to) */
export function onlySpace(xml: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!isSpace(xml.charCodeAt(k))) return false;
  return true;
}
