/** 評価 of a pledge activity: a whole number 0–10, or its ten stars pasted from the report. */
import { nfkc, removeSpaces } from '../base/text';
import { starCount } from './stars';
import type { RawValue } from '../base/raw';

export type RatingCell = { kind: 'empty' } | { kind: 'rating'; value: number; fromStars: boolean } | { kind: 'invalid' };

export function parseRating(v: RawValue): RatingCell {
  if (v === null || v === undefined) return { kind: 'empty' };
  if (typeof v === 'number') {
    return Number.isInteger(v) && v >= 0 && v <= 10 ? { kind: 'rating', value: v, fromStars: false } : { kind: 'invalid' };
  }
  if (typeof v !== 'string') return { kind: 'invalid' };
  const s = removeSpaces(nfkc(v));
  if (s === '') return { kind: 'empty' };
  if (/^\d{1,2}(\.0+)?$/.test(s)) {
    const n = Number(s);
    return n <= 10 ? { kind: 'rating', value: n, fromStars: false } : { kind: 'invalid' };
  }
  const stars = starCount(v);
  if (stars !== null) return { kind: 'rating', value: stars, fromStars: true };
  return { kind: 'invalid' };
}
