/**
 * RawSheets → an .xlsx package, the way Excel stores each value (inline strings with `_xHHHH_`
 * escapes, numbers, booleans, errors, dates as serial numbers in a date format, number
 * formats through styles, merged areas), and what the reader must give back for them.
 */
import type { RawSheet, RawValue } from '../../../src/domain/base/raw';
import { isDateFormat, isPercentFormat } from '../../../src/domain/cells/numberCell';
import { isDateNumberFormat } from '../../../src/xlsx/read/dateFormat';
import { clearCovered, excelDate } from '../../../src/xlsx/read/worksheetPart';
import { cellAddress, rangeAddress } from '../../../src/domain/base/address';
import { encodeXstring, escapeAttr } from '../../../src/xlsx/xml/escape';
import { MAIN, packageParts, zipParts } from './packages';

const DEFAULT_DATE_FORMAT = 'yyyy-mm-dd hh:mm:ss';

/** Values with a cell form: finite numbers, valid dates, strings, booleans, named errors. */
function storable(v: RawValue): boolean {
  if (v === null || v === undefined || v === '') return false;
  if (typeof v === 'number') return Number.isFinite(v);
  if (v instanceof Date) return !Number.isNaN(v.getTime());
  if (typeof v === 'object') return v.error !== '';
  return true;
}

function serial(d: Date): number {
  return d.getTime() / 86_400_000 + 25569;
}

class StyleTable {
  private readonly ids = new Map<string, number>();
  readonly codes: string[] = [];
  id(code: string | null | undefined): number {
    if (!code) return 0;
    let i = this.ids.get(code);
    if (i === undefined) {
      this.codes.push(code);
      i = this.codes.length; // xf 0 is General
      this.ids.set(code, i);
    }
    return i;
  }
  xml(): string {
    const fmts = this.codes.map((c, i) => `<numFmt numFmtId="${164 + i}" formatCode="${escapeAttr(c)}"/>`).join('');
    const xfs = ['<xf numFmtId="0"/>', ...this.codes.map((_, i) => `<xf numFmtId="${164 + i}" applyNumberFormat="1"/>`)].join('');
    return (
      `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}"><numFmts count="${this.codes.length}">${fmts}</numFmts>` +
      '<fonts count="1"><font><sz val="11"/><name val="游ゴシック"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.codes.length + 1}">${xfs}</cellXfs></styleSheet>`
    );
  }
}

function cellXml(ref: string, v: RawValue, s: number): string {
  const sa = s ? ` s="${s}"` : '';
  if (!storable(v)) return s ? `<c r="${ref}"${sa}/>` : '';
  if (typeof v === 'number') return `<c r="${ref}"${sa}><v>${v}</v></c>`;
  if (typeof v === 'boolean') return `<c r="${ref}"${sa} t="b"><v>${v ? 1 : 0}</v></c>`;
  if (v instanceof Date) return `<c r="${ref}"${sa}><v>${serial(v)}</v></c>`;
  if (typeof v === 'object' && v) return `<c r="${ref}"${sa} t="e"><v>${encodeXstring(v.error)}</v></c>`;
  return `<c r="${ref}"${sa} t="inlineStr"><is><t xml:space="preserve">${encodeXstring(String(v))}</t></is></c>`;
}

export function rawSheetsPackage(sheets: readonly RawSheet[]): Uint8Array {
  const styles = new StyleTable();
  const specs = sheets.map((sh) => {
    let rows = '';
    sh.values.forEach((line, i) => {
      let cells = '';
      const fmts = sh.numberFormats?.[i] ?? [];
      const width = Math.max(line?.length ?? 0, fmts.length);
      for (let j = 0; j < width; j++) {
        const v = line?.[j];
        let fmt = fmts[j];
        if (v instanceof Date && storable(v) && !isDateNumberFormat(fmt)) fmt = DEFAULT_DATE_FORMAT;
        cells += cellXml(cellAddress(sh.top + i, sh.left + j), v, styles.id(fmt));
      }
      if (cells) rows += `<row r="${sh.top + i + 1}">${cells}</row>`;
    });
    const merges = (sh.merges ?? []).map((m) => `<mergeCell ref="${rangeAddress(m.top, m.left, m.bottom, m.right)}"/>`).join('');
    return { name: sh.name, data: rows, after: merges ? `<mergeCells>${merges}</mergeCells>` : '', state: sh.hidden ? ('hidden' as const) : undefined };
  });
  const parts = packageParts({ sheets: specs, stylesXml: styles.xml() });
  return zipParts(parts);
}

/** What the reader must give back for `sh`: absolute positions, values as Excel stores them. */
export function expectedRead(sh: RawSheet): RawSheet {
  const values: RawValue[][] = [];
  const formats: (string | null)[][] = [];
  sh.values.forEach((line, i) => {
    const fmts = sh.numberFormats?.[i] ?? [];
    const width = Math.max(line?.length ?? 0, fmts.length);
    for (let j = 0; j < width; j++) {
      const r = sh.top + i;
      const c = sh.left + j;
      let v = line?.[j];
      let fmt = fmts[j] ?? null;
      if (v instanceof Date && storable(v) && !isDateNumberFormat(fmt)) fmt = DEFAULT_DATE_FORMAT;
      if (!storable(v)) v = null;
      else if (v instanceof Date) v = excelDate(serial(v), false);
      else if (typeof v === 'number' && isDateNumberFormat(fmt)) v = excelDate(v, false);
      const kept = fmt && (isPercentFormat(fmt) || isDateFormat(fmt) || isDateNumberFormat(fmt)) ? fmt : null;
      (values[r] ??= [])[c] = v ?? null;
      (formats[r] ??= [])[c] = kept;
    }
  });
  for (let r = 0; r < values.length; r++) values[r] ??= [];
  clearCovered(values, sh.merges ?? []);
  return { name: sh.name, top: 0, left: 0, values, numberFormats: formats, merges: sh.merges ?? [], hidden: !!sh.hidden };
}
