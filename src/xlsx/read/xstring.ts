/**
 * Cell text (ST_Xstring) as Excel reads it: `_xHHHH_` stands for the character U+HHHH (how
 * characters XML cannot carry are written), so `_x000D_` is a carriage return.
 */
export function decodeXstring(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
