/** Range and what hangs off it: format (fill, font, protection), data validation, conditional formats, merged areas. */
import { cellA1, cols, intersects, parseRect, rows, splitSheet, type Rect } from './a1';
import { ClientObject, enqueueResult, type FakeClientResult, type FakeRequestContext } from './context';
import { fail } from './errors';
import type { FakeConditionalFormat, FakeSheet, FormatKey, Hyperlink } from './model';

export interface RangeTarget {
  sheet: FakeSheet;
  rect: Rect;
}

function grid<V>(t: RangeTarget, f: (r: number, c: number) => V): V[][] {
  const out: V[][] = new Array(rows(t.rect));
  for (let r = t.rect.top; r <= t.rect.bottom; r++) {
    const line: V[] = new Array(cols(t.rect));
    for (let c = t.rect.left; c <= t.rect.right; c++) line[c - t.rect.left] = f(r, c);
    out[r - t.rect.top] = line;
  }
  return out;
}

/** a 2-D array of the range's shape, or one value for every cell */
function eachInput(t: RangeTarget, input: unknown, where: string, f: (r: number, c: number, v: unknown) => void): void {
  const { rect } = t;
  if (Array.isArray(input)) {
    if (input.length !== rows(rect) || input.some((line) => !Array.isArray(line) || line.length !== cols(rect))) {
      fail('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${where}).`, where);
    }
    for (let r = 0; r < input.length; r++) {
      const line = input[r] as unknown[];
      for (let c = 0; c < line.length; c++) f(rect.top + r, rect.left + c, line[c]);
    }
    return;
  }
  for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) f(r, c, input);
}

export class RangeProxy extends ClientObject<RangeTarget> {
  protected readonly _type = 'Range';
  protected readonly _scalars = ['address', 'values', 'numberFormat', 'formulas', 'text', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount', 'cellCount', 'hyperlink', 'valueTypes'] as const;
  private _format?: RangeFormatProxy;
  private _validation?: DataValidationProxy;
  private _cfs?: ConditionalFormatCollectionProxy;

  constructor(ctx: FakeRequestContext, resolver: () => RangeTarget | null, nullable = false) {
    super(ctx, resolver, nullable);
  }

  protected _read(name: string, t: RangeTarget): unknown {
    const { sheet, rect } = t;
    switch (name) {
      case 'address':
        return sheet.address(rect);
      case 'values':
        return grid(t, (r, c) => sheet.valueAt(r, c));
      case 'formulas':
        return grid(t, (r, c) => sheet.formulaAt(r, c));
      case 'text':
        return grid(t, (r, c) => String(sheet.valueAt(r, c)));
      case 'numberFormat':
        return grid(t, (r, c) => sheet.format(r, c, 'numberFormat'));
      case 'valueTypes':
        return grid(t, (r, c) => {
          const v = sheet.valueAt(r, c);
          if (v === '') return 'Empty';
          if (typeof v === 'number') return 'Double';
          if (typeof v === 'boolean') return 'Boolean';
          return /^#[A-Z/0!?]+[!?A]?$/.test(v) ? 'Error' : 'String';
        });
      case 'rowIndex':
        return rect.top;
      case 'columnIndex':
        return rect.left;
      case 'rowCount':
        return rows(rect);
      case 'columnCount':
        return cols(rect);
      case 'cellCount':
        return rows(rect) * cols(rect);
      case 'hyperlink':
        return sheet.linkAt(rect.top, rect.left) ?? null;
    }
    return undefined;
  }

  protected override _child(name: string): ClientObject<unknown> | undefined {
    if (name === 'format') return this.format as ClientObject<unknown>;
    return undefined;
  }

  get address(): string {
    return this._get('address');
  }
  get rowIndex(): number {
    return this._get('rowIndex');
  }
  get columnIndex(): number {
    return this._get('columnIndex');
  }
  get rowCount(): number {
    return this._get('rowCount');
  }
  get columnCount(): number {
    return this._get('columnCount');
  }
  get cellCount(): number {
    return this._get('cellCount');
  }
  get text(): string[][] {
    return this._get('text');
  }
  get valueTypes(): string[][] {
    return this._get('valueTypes');
  }

  get values(): unknown[][] {
    return this._get('values');
  }
  set values(v: unknown[][]) {
    this._set('values', v, (t) => {
      t.sheet.guard('values', t.rect, 'Range.values');
      eachInput(t, v, 'Range.values', (r, c, x) => t.sheet.writeValue(r, c, x));
    });
  }

  get formulas(): unknown[][] {
    return this._get('formulas');
  }
  set formulas(v: unknown[][]) {
    this._set('formulas', v, (t) => {
      t.sheet.guard('values', t.rect, 'Range.formulas');
      eachInput(t, v, 'Range.formulas', (r, c, x) => t.sheet.writeFormula(r, c, x));
    });
  }

  get numberFormat(): string[][] {
    return this._get('numberFormat');
  }
  set numberFormat(v: unknown[][]) {
    this._set('numberFormat', v, (t) => {
      t.sheet.guard('format', t.rect, 'Range.numberFormat');
      if (!Array.isArray(v)) {
        if (typeof v !== 'string') fail('InvalidArgument', 'numberFormat must be a string or a 2-D array', 'Range.numberFormat');
        t.sheet.setFormat(t.rect, 'numberFormat', v);
        return;
      }
      eachInput(t, v, 'Range.numberFormat', (r, c, x) => {
        if (x === null || x === undefined) return;
        if (typeof x !== 'string') fail('InvalidArgument', 'a number format must be a string', 'Range.numberFormat');
        t.sheet.setCellFormat(r, c, 'numberFormat', x);
      });
    });
  }

  get hyperlink(): Hyperlink {
    return this._get('hyperlink');
  }
  set hyperlink(h: Hyperlink) {
    this._set('hyperlink', h, (t) => {
      t.sheet.guard('values', t.rect, 'Range.hyperlink');
      if (h && typeof h !== 'object') fail('InvalidArgument', 'hyperlink must be an object', 'Range.hyperlink');
      if (h && h.documentReference !== undefined && h.address !== undefined) fail('InvalidArgument', 'a hyperlink has either address or documentReference', 'Range.hyperlink');
      for (let r = t.rect.top; r <= t.rect.bottom; r++) for (let c = t.rect.left; c <= t.rect.right; c++) t.sheet.setLink(r, c, h ?? null);
      if (h?.textToDisplay !== undefined) {
        // the display text is stored as text, never parsed as a formula
        const cell = t.sheet.cell(t.rect.top, t.rect.left, true);
        delete cell.f;
        cell.v = h.textToDisplay;
      }
    });
  }

  get format(): RangeFormatProxy {
    return (this._format ??= new RangeFormatProxy(this.context, () => this._resolve()));
  }

  get dataValidation(): DataValidationProxy {
    return (this._validation ??= new DataValidationProxy(this.context, () => this._resolve()));
  }

  get conditionalFormats(): ConditionalFormatCollectionProxy {
    return (this._cfs ??= new ConditionalFormatCollectionProxy(this.context, () => this._resolve()));
  }

  getCell(row: number, column: number): RangeProxy {
    return new RangeProxy(this.context, () => {
      const t = this._must('getCell');
      const r = t.rect.top + row;
      const c = t.rect.left + column;
      return { sheet: t.sheet, rect: { top: r, left: c, bottom: r, right: c } };
    });
  }

  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    return new RangeProxy(this.context, () => {
      const t = this._must('getResizedRange');
      return { sheet: t.sheet, rect: { ...t.rect, bottom: t.rect.bottom + deltaRows, right: t.rect.right + deltaColumns } };
    });
  }

  getMergedAreasOrNullObject(): RangeAreasProxy {
    return new RangeAreasProxy(
      this.context,
      () => {
        const t = this._must('getMergedAreasOrNullObject');
        const rects = t.sheet.merges.filter((m) => intersects(m, t.rect));
        return rects.length ? { sheet: t.sheet, rects } : null;
      },
      true,
    );
  }

  select(): void {
    this._call('select', [], (t) => {
      const wb = t.sheet.workbook;
      wb.activate(t.sheet);
      wb.selection = { sheetId: t.sheet.id, rect: { ...t.rect } };
    });
  }

  activate(): void {
    this.select();
  }

  merge(across = false): void {
    this._call('merge', [across], (t) => {
      t.sheet.guard('structure', t.rect, 'Range.merge');
      t.sheet.merge(t.rect, across);
    });
  }

  unmerge(): void {
    this._call('unmerge', [], (t) => {
      t.sheet.guard('structure', t.rect, 'Range.unmerge');
      t.sheet.merges = t.sheet.merges.filter((m) => !intersects(m, t.rect));
    });
  }

  clear(applyTo: string = 'All'): void {
    this._call('clear', [applyTo], (t) => {
      t.sheet.guard('values', t.rect, 'Range.clear');
      for (let r = t.rect.top; r <= t.rect.bottom; r++) for (let c = t.rect.left; c <= t.rect.right; c++) if (t.sheet.cell(r, c)) t.sheet.writeValue(r, c, '');
    });
  }
}

export interface AreasTarget {
  sheet: FakeSheet;
  rects: Rect[];
}

export class RangeAreasProxy extends ClientObject<AreasTarget> {
  protected readonly _type = 'RangeAreas';
  protected readonly _scalars = ['address', 'areaCount', 'cellCount'] as const;
  protected _read(name: string, t: AreasTarget): unknown {
    if (name === 'address') return t.rects.map((r) => t.sheet.address(r)).join(', ');
    if (name === 'areaCount') return t.rects.length;
    if (name === 'cellCount') return t.rects.reduce((n, r) => n + rows(r) * cols(r), 0);
    return undefined;
  }
  get address(): string {
    return this._get('address');
  }
  get areaCount(): number {
    return this._get('areaCount');
  }
}

/** shared by the format proxies: a property that sets one format key over the range */
abstract class FormatPart extends ClientObject<RangeTarget> {
  protected abstract readonly _keys: Record<string, FormatKey>;
  protected _read(name: string, t: RangeTarget): unknown {
    const key = this._keys[name];
    return key ? t.sheet.uniformFormat(t.rect, key) : undefined;
  }
  protected _setFormat(name: string, value: unknown): void {
    const key = this._keys[name];
    this._set(name, value, (t) => {
      t.sheet.guard('format', t.rect, `${this._type}.${name}`);
      t.sheet.setFormat(t.rect, key, value);
    });
  }
}

export class RangeFillProxy extends FormatPart {
  protected readonly _type = 'RangeFill';
  protected readonly _scalars = ['color'] as const;
  protected readonly _keys: Record<string, FormatKey> = { color: 'fill' };
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    if (!/^#[0-9A-Fa-f]{6}$/.test(v) && !/^[A-Za-z]+$/.test(v)) fail('InvalidArgument', `bad colour ${v}`, 'RangeFill.color');
    this._setFormat('color', v.toUpperCase());
  }
  clear(): void {
    this._call('clear', [], (t) => {
      t.sheet.guard('format', t.rect, 'RangeFill.clear');
      t.sheet.setFormat(t.rect, 'fill', null);
    });
  }
}

export class RangeFontProxy extends FormatPart {
  protected readonly _type = 'RangeFont';
  protected readonly _scalars = ['bold', 'italic', 'color', 'size', 'underline'] as const;
  protected readonly _keys: Record<string, FormatKey> = { bold: 'bold', italic: 'italic', color: 'fontColor', size: 'fontSize', underline: 'underline' };
  get bold(): boolean {
    return this._get('bold');
  }
  set bold(v: boolean) {
    this._setFormat('bold', v);
  }
  get italic(): boolean {
    return this._get('italic');
  }
  set italic(v: boolean) {
    this._setFormat('italic', v);
  }
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this._setFormat('color', v.toUpperCase());
  }
  get size(): number {
    return this._get('size');
  }
  set size(v: number) {
    this._setFormat('size', v);
  }
  get underline(): string {
    return this._get('underline');
  }
  set underline(v: string) {
    this._setFormat('underline', v);
  }
  set name(_v: string) {
    /* font names are not modelled */
  }
}

export class FormatProtectionProxy extends FormatPart {
  protected readonly _type = 'FormatProtection';
  protected readonly _scalars = ['locked'] as const;
  protected readonly _keys: Record<string, FormatKey> = { locked: 'locked' };
  get locked(): boolean {
    return this._get('locked');
  }
  set locked(v: boolean) {
    this._setFormat('locked', v);
  }
}

export class RangeFormatProxy extends FormatPart {
  protected readonly _type = 'RangeFormat';
  protected readonly _scalars = ['columnWidth', 'horizontalAlignment', 'verticalAlignment', 'wrapText'] as const;
  protected readonly _keys: Record<string, FormatKey> = { horizontalAlignment: 'horizontalAlignment', verticalAlignment: 'verticalAlignment', wrapText: 'wrapText' };
  private _fill?: RangeFillProxy;
  private _font?: RangeFontProxy;
  private _protection?: FormatProtectionProxy;

  protected override _read(name: string, t: RangeTarget): unknown {
    if (name === 'columnWidth') return t.sheet.columnWidth(t.rect.left);
    return super._read(name, t);
  }
  protected override _child(name: string): ClientObject<unknown> | undefined {
    if (name === 'fill') return this.fill as ClientObject<unknown>;
    if (name === 'font') return this.font as ClientObject<unknown>;
    if (name === 'protection') return this.protection as ClientObject<unknown>;
    return undefined;
  }
  get fill(): RangeFillProxy {
    return (this._fill ??= new RangeFillProxy(this.context, () => this._resolve()));
  }
  get font(): RangeFontProxy {
    return (this._font ??= new RangeFontProxy(this.context, () => this._resolve()));
  }
  get protection(): FormatProtectionProxy {
    return (this._protection ??= new FormatProtectionProxy(this.context, () => this._resolve()));
  }
  get columnWidth(): number {
    return this._get('columnWidth');
  }
  set columnWidth(v: number) {
    if (!(v >= 0 && v <= 1800)) fail('InvalidArgument', `bad column width ${v}`, 'RangeFormat.columnWidth');
    this._set('columnWidth', v, (t) => {
      t.sheet.guard('columns', t.rect, 'RangeFormat.columnWidth');
      for (let c = t.rect.left; c <= t.rect.right; c++) t.sheet.columnWidths.set(c, v);
    });
  }
  get horizontalAlignment(): string {
    return this._get('horizontalAlignment');
  }
  set horizontalAlignment(v: string) {
    this._setFormat('horizontalAlignment', v);
  }
  get verticalAlignment(): string {
    return this._get('verticalAlignment');
  }
  set verticalAlignment(v: string) {
    this._setFormat('verticalAlignment', v);
  }
  get wrapText(): boolean {
    return this._get('wrapText');
  }
  set wrapText(v: boolean) {
    this._setFormat('wrapText', v);
  }
  set rowHeight(v: number) {
    if (!(v >= 0 && v <= 409)) fail('InvalidArgument', `bad row height ${v}`, 'RangeFormat.rowHeight');
    this._set('rowHeight', v, (t) => {
      for (let r = t.rect.top; r <= t.rect.bottom; r++) t.sheet.rowHeights.set(r, v);
    });
  }
  /** Excel fits the rows to their text; the fake records which rows were fitted */
  autofitRows(): void {
    this._call('autofitRows', [], (t) => {
      t.sheet.guard('format', t.rect, 'RangeFormat.autofitRows');
      t.sheet.autofitRows.push({ ...t.rect });
    });
  }
}

const RULE_KINDS = ['wholeNumber', 'decimal', 'list', 'date', 'time', 'textLength', 'custom'];

export class DataValidationProxy extends ClientObject<RangeTarget> {
  protected readonly _type = 'DataValidation';
  protected readonly _scalars = ['rule', 'type', 'errorAlert'] as const;
  protected _read(name: string, t: RangeTarget): unknown {
    const v = t.sheet.validationAt(t.rect.top, t.rect.left);
    if (name === 'rule') return v?.rule ?? {};
    if (name === 'type') {
      const rule = (v?.rule ?? {}) as Record<string, unknown>;
      const k = Object.keys(rule)[0];
      return k ? k[0].toUpperCase() + k.slice(1) : 'None';
    }
    if (name === 'errorAlert') return v?.errorAlert ?? null;
    return undefined;
  }
  get rule(): unknown {
    return this._get('rule');
  }
  set rule(rule: unknown) {
    const kinds = Object.keys((rule ?? {}) as object);
    if (kinds.length !== 1 || !RULE_KINDS.includes(kinds[0])) fail('InvalidArgument', 'a data validation rule has exactly one kind', 'DataValidation.rule');
    const body = (rule as Record<string, Record<string, unknown>>)[kinds[0]];
    if (kinds[0] === 'list' && typeof body.source !== 'string') fail('InvalidArgument', 'list.source must be a string', 'DataValidation.rule');
    if (kinds[0] === 'wholeNumber' && (body.formula1 === undefined || typeof body.operator !== 'string')) fail('InvalidArgument', 'wholeNumber needs formula1 and operator', 'DataValidation.rule');
    this._set('rule', rule, (t) => {
      t.sheet.guard('format', t.rect, 'DataValidation.rule');
      t.sheet.clearValidation(t.rect);
      t.sheet.validations.push({ ranges: [{ ...t.rect }], rule: JSON.parse(JSON.stringify(rule)) });
    });
  }
  set errorAlert(alert: unknown) {
    this._set('errorAlert', alert, (t) => {
      for (const v of t.sheet.validations) if (v.ranges.some((r) => intersects(r, t.rect))) v.errorAlert = alert;
    });
  }
  set prompt(p: unknown) {
    this._set('prompt', p, (t) => {
      for (const v of t.sheet.validations) if (v.ranges.some((r) => intersects(r, t.rect))) v.prompt = p;
    });
  }
  clear(): void {
    this._call('clear', [], (t) => {
      t.sheet.guard('format', t.rect, 'DataValidation.clear');
      t.sheet.clearValidation(t.rect);
    });
  }
}

export interface CfTarget {
  sheet: FakeSheet;
  cf: FakeConditionalFormat;
}

const CF_TYPES: Record<string, string> = { iconSet: 'IconSet', dataBar: 'DataBar', custom: 'Custom', colorScale: 'ColorScale', cellValue: 'CellValue', containsText: 'ContainsText' };

export class ConditionalFormatCollectionProxy extends ClientObject<RangeTarget> {
  protected readonly _type = 'ConditionalFormatCollection';
  protected readonly _scalars = [] as const;
  protected _read(): unknown {
    return undefined;
  }
  add(type: string): ConditionalFormatProxy {
    let created: CfTarget | null = null;
    const kind = CF_TYPES[type] ?? type;
    this._call('add', [kind], (t) => {
      created = { sheet: t.sheet, cf: t.sheet.workbook.addConditionalFormat(t.sheet, { ...t.rect }, kind) };
    });
    return new ConditionalFormatProxy(this.context, () => created);
  }
  clearAll(): void {
    this._call('clearAll', [], (t) => {
      t.sheet.guard('format', t.rect, 'ConditionalFormatCollection.clearAll');
      t.sheet.clearConditionalFormats(t.rect);
    });
  }
  getCount(): FakeClientResult<number> {
    return enqueueResult(this.context, { call: 'getCount', id: this._id }, () => {
      const t = this._must('getCount');
      return t.sheet.conditionalFormats.filter((cf) => cf.ranges.some((r) => intersects(r, t.rect))).length;
    });
  }
}

class CfPart extends ClientObject<CfTarget> {
  protected readonly _type: string = 'ConditionalFormatPart';
  protected readonly _scalars = [] as const;
  protected _read(): unknown {
    return undefined;
  }
  protected _update(name: string, value: unknown, apply: (t: CfTarget) => void): void {
    this._set(name, value, (t) => {
      t.sheet.guard('format', undefined, `${this._type}.${name}`);
      apply(t);
    });
  }
}

const ICON_SETS = new Set([
  'ThreeArrows', 'ThreeArrowsGray', 'ThreeFlags', 'ThreeTrafficLights1', 'ThreeTrafficLights2', 'ThreeSigns', 'ThreeSymbols', 'ThreeSymbols2',
  'FourArrows', 'FourArrowsGray', 'FourRedToBlack', 'FourRating', 'FourTrafficLights', 'FiveArrows', 'FiveArrowsGray', 'FiveRating', 'FiveQuarters',
  'ThreeStars', 'ThreeTriangles', 'FiveBoxes',
]);

export class IconSetProxy extends CfPart {
  protected override readonly _type = 'IconSetConditionalFormat';
  set style(v: string) {
    if (!ICON_SETS.has(v)) fail('InvalidArgument', `unknown icon set ${v}`, 'IconSetConditionalFormat.style');
    this._update('style', v, (t) => (t.cf.iconSet!.style = v));
  }
  set criteria(v: unknown[]) {
    this._update('criteria', v, (t) => {
      const style = t.cf.iconSet!.style ?? 'ThreeTrafficLights1';
      const n = style.startsWith('Three') ? 3 : style.startsWith('Four') ? 4 : 5;
      if (!Array.isArray(v) || v.length !== n) fail('InvalidArgument', `an icon set of ${n} icons needs ${n} criteria`, 'IconSetConditionalFormat.criteria');
      for (const c of v.slice(1) as Record<string, unknown>[]) {
        if (!c || typeof c.formula !== 'string' || !['Number', 'Percent', 'Formula', 'Percentile'].includes(String(c.type)) || !['GreaterThan', 'GreaterThanOrEqual'].includes(String(c.operator))) {
          fail('InvalidArgument', 'bad icon criterion', 'IconSetConditionalFormat.criteria');
        }
      }
      t.cf.iconSet!.criteria = JSON.parse(JSON.stringify(v));
    });
  }
  set showIconOnly(v: boolean) {
    this._update('showIconOnly', v, (t) => (t.cf.iconSet!.showIconOnly = v));
  }
  set reverseIconOrder(v: boolean) {
    this._update('reverseIconOrder', v, (t) => (t.cf.iconSet!.reverseIconOrder = v));
  }
}

export class DataBarFormatProxy extends CfPart {
  protected override readonly _type = 'ConditionalDataBarPositiveFormat';
  set fillColor(v: string) {
    this._update('fillColor', v, (t) => (t.cf.dataBar!.positiveFormat.fillColor = v));
  }
  set gradientFill(v: boolean) {
    this._update('gradientFill', v, (t) => (t.cf.dataBar!.positiveFormat.gradientFill = v));
  }
  set borderColor(v: string) {
    this._update('borderColor', v, (t) => (t.cf.dataBar!.positiveFormat.borderColor = v));
  }
}

const BAR_RULES = ['Automatic', 'LowestValue', 'HighestValue', 'Number', 'Percent', 'Formula', 'Percentile'];

export class DataBarProxy extends CfPart {
  protected override readonly _type = 'DataBarConditionalFormat';
  private _pos?: DataBarFormatProxy;
  get positiveFormat(): DataBarFormatProxy {
    return (this._pos ??= new DataBarFormatProxy(this.context, () => this._resolve()));
  }
  set barDirection(v: string) {
    this._update('barDirection', v, (t) => (t.cf.dataBar!.barDirection = v));
  }
  set showDataBarOnly(v: boolean) {
    this._update('showDataBarOnly', v, (t) => (t.cf.dataBar!.showDataBarOnly = v));
  }
  private static check(v: unknown, where: string): void {
    const r = v as { type?: string; formula?: string };
    if (!r || !BAR_RULES.includes(String(r.type))) fail('InvalidArgument', 'bad data bar rule', where);
    if (['Number', 'Percent', 'Formula', 'Percentile'].includes(String(r.type)) && typeof r.formula !== 'string') fail('InvalidArgument', 'the rule needs a formula', where);
  }
  set lowerBoundRule(v: unknown) {
    DataBarProxy.check(v, 'DataBarConditionalFormat.lowerBoundRule');
    this._update('lowerBoundRule', v, (t) => (t.cf.dataBar!.lowerBoundRule = v));
  }
  set upperBoundRule(v: unknown) {
    DataBarProxy.check(v, 'DataBarConditionalFormat.upperBoundRule');
    this._update('upperBoundRule', v, (t) => (t.cf.dataBar!.upperBoundRule = v));
  }
}

export class CustomRuleProxy extends CfPart {
  protected override readonly _type = 'ConditionalFormatRule';
  set formula(v: string) {
    if (typeof v !== 'string' || !v.startsWith('=')) fail('InvalidArgument', 'a rule formula starts with =', 'ConditionalFormatRule.formula');
    this._update('formula', v, (t) => (t.cf.custom!.rule.formula = v));
  }
}

export class CfFillProxy extends CfPart {
  protected override readonly _type = 'ConditionalRangeFill';
  set color(v: string) {
    this._update('color', v, (t) => (t.cf.custom!.format.fill.color = v.toUpperCase()));
  }
}

export class CfFontProxy extends CfPart {
  protected override readonly _type = 'ConditionalRangeFont';
  set color(v: string) {
    this._update('color', v, (t) => (t.cf.custom!.format.font.color = v.toUpperCase()));
  }
  set bold(v: boolean) {
    this._update('bold', v, (t) => (t.cf.custom!.format.font.bold = v));
  }
}

export class CfFormatProxy extends CfPart {
  protected override readonly _type = 'ConditionalRangeFormat';
  private _fill?: CfFillProxy;
  private _font?: CfFontProxy;
  get fill(): CfFillProxy {
    return (this._fill ??= new CfFillProxy(this.context, () => this._resolve()));
  }
  get font(): CfFontProxy {
    return (this._font ??= new CfFontProxy(this.context, () => this._resolve()));
  }
}

export class CustomCfProxy extends CfPart {
  protected override readonly _type = 'CustomConditionalFormat';
  private _rule?: CustomRuleProxy;
  private _format?: CfFormatProxy;
  get rule(): CustomRuleProxy {
    return (this._rule ??= new CustomRuleProxy(this.context, () => this._resolve()));
  }
  get format(): CfFormatProxy {
    return (this._format ??= new CfFormatProxy(this.context, () => this._resolve()));
  }
}

export class ConditionalFormatProxy extends ClientObject<CfTarget> {
  protected readonly _type = 'ConditionalFormat';
  protected readonly _scalars = ['type', 'priority', 'stopIfTrue', 'id'] as const;
  private _icon?: IconSetProxy;
  private _bar?: DataBarProxy;
  private _custom?: CustomCfProxy;
  protected _read(name: string, t: CfTarget): unknown {
    if (name === 'type') return t.cf.type;
    if (name === 'id') return String(t.cf.id);
    if (name === 'stopIfTrue') return t.cf.stopIfTrue ?? false;
    if (name === 'priority') return t.sheet.conditionalFormats.indexOf(t.cf);
    return undefined;
  }
  private part<P extends CfPart>(kind: FakeConditionalFormat['type'], make: (resolver: () => CfTarget | null) => P): P {
    return make(() => {
      const t = this._resolve();
      if (t && t.cf.type !== kind) fail('InvalidArgument', `this conditional format is ${t.cf.type}, not ${kind}`, 'ConditionalFormat');
      return t;
    });
  }
  get iconSet(): IconSetProxy {
    return (this._icon ??= this.part('IconSet', (r) => new IconSetProxy(this.context, r)));
  }
  get dataBar(): DataBarProxy {
    return (this._bar ??= this.part('DataBar', (r) => new DataBarProxy(this.context, r)));
  }
  get custom(): CustomCfProxy {
    return (this._custom ??= this.part('Custom', (r) => new CustomCfProxy(this.context, r)));
  }
  set stopIfTrue(v: boolean) {
    this._set('stopIfTrue', v, (t) => (t.cf.stopIfTrue = v));
  }
  delete(): void {
    this._call('delete', [], (t) => {
      t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((x) => x !== t.cf);
    });
  }
}

/** Parses an address for a sheet's getRange: the sheet part, when given, must be this sheet. */
export function localRect(sheet: FakeSheet, address: string | undefined): Rect {
  if (address === undefined || address === '') return { top: 0, left: 0, bottom: 1_048_575, right: 16_383 };
  const { sheet: name, local } = splitSheet(address);
  if (name !== undefined && name.toLowerCase() !== sheet.name.toLowerCase()) fail('InvalidArgument', `address ${address} is not on ${sheet.name}`, 'Worksheet.getRange');
  return parseRect(local);
}

export { cellA1 };
