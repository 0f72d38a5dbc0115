/**
 * Text normalisation shared by headers and cells. NFKC turns full-width digits,
 * letters and punctuation into ASCII (１６２７ → 1627, ％ → %, （ → ().
 */

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7e) return false;
  return true;
}

export function nfkc(s: string): string {
  return isAscii(s) ? s : s.normalize('NFKC');
}

const SPACES = /[\s\u3000\u00a0\u200b\ufeff]+/g;

export function removeSpaces(s: string): string {
  return s.replace(SPACES, '');
}

/** Header matching key: NFKC, no spaces, lower-case, no trailing note marks. */
export function headerKey(s: string): string {
  return removeSpaces(nfkc(s)).toLowerCase().replace(/[※*＊]+$/u, '').replace(/^[※*＊]+/u, '');
}
