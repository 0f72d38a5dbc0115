/** 方向 (direction) and 集計 (aggregation) cells. */
import { nfkc, removeSpaces } from '../base/text';

export type Direction = 'up' | 'down';
export type Aggregation = 'single' | 'cumulative';

const DIRECTIONS: Record<string, Direction> = {
  増加: 'up', 増: 'up', 上昇: 'up', up: 'up', increase: 'up', higher: 'up', '↑': 'up',
  減少: 'down', 減: 'down', 低下: 'down', down: 'down', decrease: 'down', lower: 'down', '↓': 'down',
};

const AGGREGATIONS: Record<string, Aggregation> = {
  単年: 'single', 単年度: 'single', 年度: 'single', single: 'single', annual: 'single', yearly: 'single', singleyear: 'single',
  累計: 'cumulative', cumulative: 'cumulative', total: 'cumulative', runningtotal: 'cumulative',
};

function key(v: unknown): string | null {
  if (v === null || v === undefined) return '';
  if (typeof v !== 'string') return null;
  return removeSpaces(nfkc(v)).toLowerCase().replace(/[_-]/g, '');
}

/** undefined = blank; null = not readable */
export function parseDirection(v: unknown): Direction | undefined | null {
  const k = key(v);
  if (k === null) return null;
  if (k === '') return undefined;
  return DIRECTIONS[k] ?? null;
}

export function parseAggregation(v: unknown): Aggregation | undefined | null {
  const k = key(v);
  if (k === null) return null;
  if (k === '') return undefined;
  return AGGREGATIONS[k] ?? null;
}

export const DIRECTION_LABEL: Record<Direction, string> = { up: '増加', down: '減少' };
export const AGGREGATION_LABEL: Record<Aggregation, string> = { single: '単年', cumulative: '累計' };
