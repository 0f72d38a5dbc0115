// KPI value texts as the documents print them: `累計1,627件`, `93.9%`, `17,550千t`, `100%（6隊）`, `—`.

const NO_VALUE = /^[—－\-―−]*$/;
const VALUE = /^(累計)?([\d,]+(?:\.\d+)?)(.*)$/;

export interface ParsedValue {
  number: number;
  /** Digits after the decimal point as printed (for the Excel number format). */
  decimals: number;
  cumulative: boolean;
  unit: string;
  /** What the document adds in brackets after the unit: `6隊` in `100%（6隊）`. */
  remark: string;
}

/** Value text without OCR spaces; any dash (or nothing) becomes `—`. */
export function valueText(raw: string): string {
  const v = raw.replace(/\s+/g, '');
  return NO_VALUE.test(v) ? '—' : v;
}

export function parseValue(text: string): ParsedValue | null {
  if (text === '—') return null;
  const m = VALUE.exec(text);
  if (!m) throw new Error(`not a value: ${text}`);
  const remark = /（([^）]*)）$/.exec(m[3]);
  return {
    number: Number(m[2].replace(/,/g, '')),
    decimals: m[2].split('.')[1]?.length ?? 0,
    cumulative: Boolean(m[1]),
    unit: remark ? m[3].slice(0, remark.index) : m[3],
    remark: remark ? remark[1] : '',
  };
}
