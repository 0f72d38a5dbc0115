/** ★ display of a 10-step rating: floor(rating) filled stars, in two groups of five. */
import { safeFloor } from '../base/arithmetic';

export function stars(rating: number): string {
  const n = Math.max(0, Math.min(10, safeFloor(rating)));
  const s = '★'.repeat(n) + '☆'.repeat(10 - n);
  return s.slice(0, 5) + ' ' + s.slice(5);
}

/** "★★★★★ ★★☆☆☆" → 7; null when the text is not ten stars. */
export function starCount(text: string): number | null {
  const s = text.replace(/[\s\u3000]/g, '');
  if (s.length !== 10 || !/^★*☆*$/u.test(s)) return null;
  return s.indexOf('☆') === -1 ? 10 : s.indexOf('☆');
}
