/**
 * The page layout of a worksheet (ExcelApi 1.9), faked: orientation, paper, zoom (scale or fit to
 * pages, checked as Excel checks them), margins, centring, the default footer, print titles and
 * print area, and the horizontal page breaks.
 */
import { parseRect, splitSheet, type Rect } from './a1';
import { ClientObject, type FakeRequestContext } from './context';
import { fail } from './errors';
import type { FakePageLayout, FakeSheet } from './model';
import { RangeAreasProxy, RangeProxy, type RangeTarget } from './range';

const PAPER = new Set(['A3', 'A4', 'A5', 'B4', 'B5', 'Letter', 'Legal']);
const MARGINS = { leftMargin: 'left', rightMargin: 'right', topMargin: 'top', bottomMargin: 'bottom', headerMargin: 'header', footerMargin: 'footer' } as const;

/** "$1:$3" or "A1:C3" on the sheet → the rows it covers, all columns */
function rowsRect(sheet: FakeSheet, address: string, where: string): Rect {
  const { sheet: name, local } = splitSheet(address);
  if (name !== undefined && name.toLowerCase() !== sheet.name.toLowerCase()) fail('InvalidArgument', `${address} is not on ${sheet.name}`, where);
  const m = /^\$?(\d+):\$?(\d+)$/.exec(local);
  if (m) return { top: Number(m[1]) - 1, left: 0, bottom: Number(m[2]) - 1, right: 16_383 };
  const r = parseRect(local);
  return { top: r.top, left: 0, bottom: r.bottom, right: 16_383 };
}

export class PageLayoutProxy extends ClientObject<FakeSheet> {
  protected readonly _type = 'PageLayout';
  protected readonly _scalars = ['orientation', 'paperSize', 'zoom', 'centerHorizontally', 'leftMargin', 'rightMargin', 'topMargin', 'bottomMargin', 'headerMargin', 'footerMargin'] as const;
  private _hf?: HeadersFootersProxy;

  protected _read(name: string, s: FakeSheet): unknown {
    const l = s.pageLayout;
    if (name === 'zoom') return { ...l.zoom };
    if (name in MARGINS) return l.margins[MARGINS[name as keyof typeof MARGINS]];
    return (l as unknown as Record<string, unknown>)[name];
  }
  protected override _child(name: string): ClientObject<unknown> | undefined {
    return name === 'headersFooters' ? (this.headersFooters as ClientObject<unknown>) : undefined;
  }
  get headersFooters(): HeadersFootersProxy {
    return (this._hf ??= new HeadersFootersProxy(this.context, () => this._resolve()));
  }
  get orientation(): string {
    return this._get('orientation');
  }
  set orientation(v: string) {
    if (v !== 'Portrait' && v !== 'Landscape') fail('InvalidArgument', `bad orientation ${v}`, 'PageLayout.orientation');
    this._set('orientation', v, (s) => (s.pageLayout.orientation = v));
  }
  get paperSize(): string {
    return this._get('paperSize');
  }
  set paperSize(v: string) {
    if (!PAPER.has(v)) fail('InvalidArgument', `bad paper ${v}`, 'PageLayout.paperSize');
    this._set('paperSize', v, (s) => (s.pageLayout.paperSize = v));
  }
  get zoom(): FakePageLayout['zoom'] {
    return this._get('zoom');
  }
  set zoom(v: FakePageLayout['zoom']) {
    const fit = v.horizontalFitToPages !== undefined || v.verticalFitToPages !== undefined;
    if (fit && v.scale !== undefined) fail('InvalidArgument', 'zoom: a scale or pages to fit, not both', 'PageLayout.zoom');
    if (v.scale !== undefined && !(v.scale >= 10 && v.scale <= 400)) fail('InvalidArgument', `zoom scale ${v.scale} outside 10–400`, 'PageLayout.zoom');
    for (const n of [v.horizontalFitToPages, v.verticalFitToPages]) if (n !== undefined && !(Number.isInteger(n) && n >= 0 && n <= 32767)) fail('InvalidArgument', `pages to fit ${n}`, 'PageLayout.zoom');
    this._set('zoom', v, (s) => (s.pageLayout.zoom = { ...v }));
  }
  get centerHorizontally(): boolean {
    return this._get('centerHorizontally');
  }
  set centerHorizontally(v: boolean) {
    this._set('centerHorizontally', v, (s) => (s.pageLayout.centerHorizontally = v));
  }
  private margin(name: keyof typeof MARGINS, v: number): void {
    if (!(v >= 0 && v < 1000)) fail('InvalidArgument', `bad margin ${v}`, `PageLayout.${name}`);
    this._set(name, v, (s) => (s.pageLayout.margins[MARGINS[name]] = v));
  }
  set leftMargin(v: number) {
    this.margin('leftMargin', v);
  }
  set rightMargin(v: number) {
    this.margin('rightMargin', v);
  }
  set topMargin(v: number) {
    this.margin('topMargin', v);
  }
  set bottomMargin(v: number) {
    this.margin('bottomMargin', v);
  }
  set headerMargin(v: number) {
    this.margin('headerMargin', v);
  }
  set footerMargin(v: number) {
    this.margin('footerMargin', v);
  }
  setPrintTitleRows(rows: string | RangeProxy): void {
    if (typeof rows !== 'string') fail('InvalidArgument', 'the fake takes print title rows as an address', 'PageLayout.setPrintTitleRows');
    this._call('setPrintTitleRows', [rows], (s) => (s.pageLayout.printTitleRows = rowsRect(s, rows, 'PageLayout.setPrintTitleRows')));
  }
  setPrintTitleColumns(columns: string | RangeProxy): void {
    if (typeof columns !== 'string') fail('InvalidArgument', 'the fake takes print title columns as an address', 'PageLayout.setPrintTitleColumns');
    this._call('setPrintTitleColumns', [columns], (s) => {
      const m = /^\$?([A-Z]+):\$?([A-Z]+)$/.exec(splitSheet(columns).local);
      if (!m) fail('InvalidArgument', `bad columns ${columns}`, 'PageLayout.setPrintTitleColumns');
      const a = parseRect(`${m[1]}1`).left;
      const b = parseRect(`${m[2]}1`).left;
      s.pageLayout.printTitleColumns = { top: 0, left: a, bottom: 1_048_575, right: b };
    });
  }
  getPrintTitleRowsOrNullObject(): RangeProxy {
    return new RangeProxy(
      this.context,
      (): RangeTarget | null => {
        const s = this._must('getPrintTitleRowsOrNullObject');
        return s.pageLayout.printTitleRows ? { sheet: s, rect: s.pageLayout.printTitleRows } : null;
      },
      true,
    );
  }
  getPrintAreaOrNullObject(): RangeAreasProxy {
    return new RangeAreasProxy(
      this.context,
      () => {
        const s = this._must('getPrintAreaOrNullObject');
        return s.pageLayout.printArea ? { sheet: s, rects: [s.pageLayout.printArea] } : null;
      },
      true,
    );
  }
}

export class HeadersFootersProxy extends ClientObject<FakeSheet> {
  protected readonly _type = 'HeaderFooterGroup';
  protected readonly _scalars = [] as const;
  private _default?: HeaderFooterProxy;
  protected _read(): unknown {
    return undefined;
  }
  get defaultForAllPages(): HeaderFooterProxy {
    return (this._default ??= new HeaderFooterProxy(this.context, () => this._resolve()));
  }
}

export class HeaderFooterProxy extends ClientObject<FakeSheet> {
  protected readonly _type = 'HeaderFooter';
  protected readonly _scalars = ['centerFooter'] as const;
  protected _read(name: string, s: FakeSheet): unknown {
    return name === 'centerFooter' ? s.pageLayout.centerFooter : undefined;
  }
  get centerFooter(): string {
    return this._get('centerFooter');
  }
  set centerFooter(v: string) {
    if (v.length > 255) fail('InvalidArgument', 'footer longer than 255 characters', 'HeaderFooter.centerFooter');
    this._set('centerFooter', v, (s) => (s.pageLayout.centerFooter = v));
  }
}

export class PageBreakCollectionProxy extends ClientObject<FakeSheet> {
  protected readonly _type = 'PageBreakCollection';
  protected readonly _scalars = [] as const;
  protected _read(): unknown {
    return undefined;
  }
  /** a break above the first row of the range */
  add(pageBreakRange: string | RangeProxy): void {
    if (typeof pageBreakRange !== 'string') fail('InvalidArgument', 'the fake takes a page break as an address', 'PageBreakCollection.add');
    this._call('add', [pageBreakRange], (s) => {
      const row = parseRect(splitSheet(pageBreakRange).local).top;
      if (row < 1) fail('InvalidArgument', 'no page break above the first row', 'PageBreakCollection.add');
      if (!s.pageBreaks.includes(row)) s.pageBreaks.push(row);
    });
  }
}

export function createPageLayout(ctx: FakeRequestContext, resolve: () => FakeSheet | null): PageLayoutProxy {
  return new PageLayoutProxy(ctx, resolve);
}
