/**
 * The template departments fill (テンプレート作成) as a workbook of its own, written from the same
 * TemplateModel the task pane renders with Office.js (src/excel/addTemplate.ts), so both make the
 * same sheet: the title, the header row (bold, shaded, wrapped, centred, as text), number formats
 * and drop-downs (data validation with its stop alert) over the input rows, the output columns
 * shaded and locked down the whole sheet, every other cell below the header unlocked, the sheet
 * protected without a password with the model's permissions, the header frozen, the column
 * widths and the example row. Text is written as inline strings, never as formulas.
 */
import { cellAddress, columnLetters, rangeAddress } from '../../domain/base/address';
import type { TemplateModel, TemplateValidation } from '../../domain/output/templates';
import { japaneseFont, NORMAL_CELL_STYLE } from '../ooxml/defaultFont';
import { NS } from '../ooxml/namespaces';
import { oneSheetParts, zipParts } from '../ooxml/oneSheetPackage';
import { StyleSheet } from '../ooxml/styleSheet';
import { encodeXstring, safeAttr } from '../xml/escape';

const LAST_COLUMN = 16_384;


/** fonts: normal, bold, title; cell formats: 0 locked (Excel's default), 1 unlocked */
const BASE_STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS.main}">` +
  `<fonts count="3">${japaneseFont('<sz val="11"/>')}${japaneseFont('<b/><sz val="11"/>')}${japaneseFont('<b/><sz val="13"/>')}</fonts>` +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyProtection="1"><protection locked="0"/></xf></cellXfs>' +
  NORMAL_CELL_STYLE +
  '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
  '</styleSheet>';

const LOCKED = 0;
const UNLOCKED = 1;
const BOLD_FONT = 1;
const TITLE_FONT = 2;

/** the cell formats the sheet uses, per column */
interface Formats {
  title: number;
  header: number[];
  body: number[];
  /** the column's own format below the input rows: unlocked, or locked for an output column */
  column: number[];
}

function formats(model: TemplateModel, styles: StyleSheet): Formats {
  const title = styles.xf(LOCKED, { set: { fontId: TITLE_FONT, applyFont: 1 } });
  const center = [
    { name: 'horizontal', value: 'center' },
    { name: 'vertical', value: 'center' },
    { name: 'wrapText', value: '1' },
  ];
  const header = model.columns.map((c) =>
    styles.xf(LOCKED, {
      set: { numFmtId: styles.numFmtId('@'), fontId: BOLD_FONT, fillId: styles.solidFill(c.output ? model.outputHeaderFill : model.headerFill), applyNumberFormat: 1, applyFont: 1, applyFill: 1, applyAlignment: 1 },
      alignment: center,
    }),
  );
  const body = model.columns.map((c) => {
    const set: Record<string, number> = { numFmtId: styles.numFmtId(c.numberFormat), applyNumberFormat: 1 };
    if (c.output) return styles.xf(LOCKED, { set: { ...set, fillId: styles.solidFill(model.outputFill), applyFill: 1 } });
    return styles.xf(UNLOCKED, { set });
  });
  const column = model.columns.map((c) => (c.output ? LOCKED : UNLOCKED));
  return { title, header, body, column };
}

function cellXml(ref: string, value: string | number | null | undefined, s: number): string {
  const style = ` s="${s}"`;
  if (value === null || value === undefined || value === '') return `<c r="${ref}"${style}/>`;
  if (typeof value === 'number') return `<c r="${ref}"${style}><v>${value}</v></c>`;
  return `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${encodeXstring(value)}</t></is></c>`;
}

function sheetData(model: TemplateModel, f: Formats): string {
  const n = model.columns.length;
  const h = model.headerRow;
  const rows: string[] = [];
  // above the header: locked across the whole row (the row's own format, and each template
  // column's cell written out so no reader takes the column's unlocked format), the title in A1
  for (let r = 0; r < h; r++) {
    const cells = model.columns.map((_, i) => (r === 0 && i === 0 ? cellXml('A1', model.title, f.title) : cellXml(cellAddress(r, i), null, LOCKED)));
    rows.push(`<row r="${r + 1}" s="${LOCKED}" customFormat="1">${cells.join('')}</row>`);
  }
  rows.push(`<row r="${h + 1}" s="${LOCKED}" customFormat="1">${model.columns.map((c, i) => cellXml(cellAddress(h, i), c.header, f.header[i])).join('')}</row>`);
  for (let k = 0; k < model.inputRows; k++) {
    const r = h + 1 + k;
    const cells: string[] = [];
    for (let i = 0; i < n; i++) cells.push(cellXml(cellAddress(r, i), k === 0 ? model.example[i] : null, f.body[i]));
    rows.push(`<row r="${r + 1}">${cells.join('')}</row>`);
  }
  return `<sheetData>${rows.join('')}</sheetData>`;
}

/** <col> runs: each template column with its width and format, then the rest of the sheet unlocked */
function colsXml(model: TemplateModel, f: Formats): string {
  const cols = model.columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" style="${f.column[i]}" customWidth="1"/>`);
  cols.push(`<col min="${model.columns.length + 1}" max="${LAST_COLUMN}" width="8.43" style="${UNLOCKED}"/>`);
  return `<cols>${cols.join('')}</cols>`;
}

function validationXml(v: TemplateValidation, sqref: string): string {
  const common = `allowBlank="1" showErrorMessage="1" errorStyle="stop" errorTitle="${safeAttr(v.alert.title)}" error="${safeAttr(v.alert.message)}" sqref="${sqref}"`;
  if (v.kind === 'list') {
    const list = v.values.map((x) => x.replace(/"/g, '""')).join(',');
    return `<dataValidation type="list" ${common}><formula1>${encodeXstring(`"${list}"`)}</formula1></dataValidation>`;
  }
  return `<dataValidation type="whole" operator="between" ${common}><formula1>${v.min}</formula1><formula2>${v.max}</formula2></dataValidation>`;
}

function validationsXml(model: TemplateModel): string {
  const first = model.headerRow + 1;
  const last = model.headerRow + model.inputRows;
  const list = model.columns.flatMap((c, i) => (c.validation ? [validationXml(c.validation, rangeAddress(first, i, last, i))] : []));
  return list.length ? `<dataValidations count="${list.length}">${list.join('')}</dataValidations>` : '';
}

/** sheet protection without a password; an attribute "0" allows that operation on locked cells */
function protectionXml(model: TemplateModel): string {
  const p = model.permissions;
  const allow = (name: string, allowed: boolean) => (allowed ? ` ${name}="0"` : '');
  return (
    '<sheetProtection sheet="1" objects="1" scenarios="1"' +
    allow('formatColumns', p.formatColumns) +
    allow('formatRows', p.formatRows) +
    allow('insertRows', p.insertRows) +
    allow('deleteRows', p.deleteRows) +
    allow('autoFilter', p.autoFilter) +
    '/>'
  );
}

export function templateSheetXml(model: TemplateModel, styles: StyleSheet): string {
  const f = formats(model, styles);
  const first = model.headerRow + 1;
  const top = cellAddress(first, 0);
  const lastRow = model.headerRow + model.inputRows;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS.main}" xmlns:r="${NS.relationships}">` +
    `<dimension ref="A1:${columnLetters(model.columns.length - 1)}${lastRow + 1}"/>` +
    `<sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="${first}" topLeftCell="${top}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${top}" sqref="${top}"/></sheetView></sheetViews>` +
    '<sheetFormatPr defaultRowHeight="18.75"/>' +
    colsXml(model, f) +
    sheetData(model, f) +
    protectionXml(model) +
    validationsXml(model) +
    '<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>' +
    '<pageSetup paperSize="9" orientation="landscape"/>' +
    '</worksheet>'
  );
}

export function templatePackageParts(model: TemplateModel): Map<string, string> {
  const styles = new StyleSheet(BASE_STYLES);
  const sheetXml = templateSheetXml(model, styles);
  return oneSheetParts({ sheetName: model.sheetName, title: model.title, sheetXml, stylesXml: styles.serialize() });
}

/** The template as .xlsx bytes (the same bytes for the same model). */
export function templatePackage(model: TemplateModel): Uint8Array {
  return zipParts(templatePackageParts(model));
}
