import type { RawSheet, RawValue } from '../../src/domain/base/raw';

export function sheet(name: string, rows: RawValue[][], extra: Partial<RawSheet> = {}): RawSheet {
  return { name, top: 0, left: 0, values: rows, ...extra };
}
