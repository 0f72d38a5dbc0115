/** Tables and charts of a worksheet. */
import { cellA1, cols, parseRect, rows, splitSheet, type Rect } from './a1';
import { ClientObject, enqueueResult, type FakeClientResult, type FakeRequestContext, type LoadResult } from './context';
import { fail } from './errors';
import type { FakeChart, FakeSeries, FakeSheet, FakeTable } from './model';
import { RangeProxy, type RangeTarget } from './range';

export interface TableTarget {
  sheet: FakeSheet;
  table: FakeTable;
}

function rangeArg(sheet: FakeSheet, arg: string | RangeProxy, where: string): RangeTarget {
  if (typeof arg === 'string') {
    const { sheet: name, local } = splitSheet(arg);
    const s = name === undefined ? sheet : sheet.workbook.sheet(name);
    if (!s) fail('ItemNotFound', `no sheet ${name}`, where);
    return { sheet: s, rect: parseRect(local) };
  }
  const t = arg._resolve();
  if (!t) fail('InvalidArgument', 'the range is a null object', where);
  return t;
}

export class TableProxy extends ClientObject<TableTarget> {
  protected readonly _type = 'Table';
  protected readonly _scalars = ['id', 'name', 'style', 'showHeaders', 'showBandedRows', 'showFilterButton'] as const;
  protected _read(name: string, t: TableTarget): unknown {
    return (t.table as unknown as Record<string, unknown>)[name];
  }
  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._set('name', v, (t) => t.sheet.workbook.renameTable(t.table, v));
  }
  get style(): string {
    return this._get('style');
  }
  set style(v: string) {
    if (!/^TableStyle(Light|Medium|Dark)\d+$/.test(v)) fail('InvalidArgument', `unknown table style ${v}`, 'Table.style');
    this._set('style', v, (t) => (t.table.style = v));
  }
  set showBandedRows(v: boolean) {
    this._set('showBandedRows', v, (t) => (t.table.showBandedRows = v));
  }
  set showFilterButton(v: boolean) {
    this._set('showFilterButton', v, (t) => (t.table.showFilterButton = v));
  }
  getRange(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const t = this._must('getRange');
      return { sheet: t.sheet, rect: { ...t.table.rect } };
    });
  }
  getDataBodyRange(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const t = this._must('getDataBodyRange');
      return { sheet: t.sheet, rect: { ...t.table.rect, top: t.table.rect.top + 1 } };
    });
  }
  delete(): void {
    this._call('delete', [], (t) => (t.sheet.tables = t.sheet.tables.filter((x) => x !== t.table)));
  }
}

export class TableCollectionProxy extends ClientObject<FakeSheet> {
  protected readonly _type = 'TableCollection';
  protected readonly _scalars = ['count'] as const;
  protected _read(name: string, s: FakeSheet): unknown {
    return name === 'count' ? s.tables.length : undefined;
  }
  protected override _loadSpecial(head: string, rests: string[][], s: FakeSheet): LoadResult | undefined {
    if (head !== 'items') return undefined;
    return this._loadItems(s.tables.map((table) => new TableProxy(this.context, () => ({ sheet: s, table }))), rests);
  }
  get items(): TableProxy[] {
    return this._get('items');
  }
  get count(): number {
    return this._get('count');
  }
  add(address: string | RangeProxy, hasHeaders: boolean): TableProxy {
    let created: TableTarget | null = null;
    this._call('add', [typeof address === 'string' ? address : `#range${address._id}`, hasHeaders], (s) => {
      const t = rangeArg(s, address, 'TableCollection.add');
      if (t.sheet !== s) fail('InvalidArgument', 'the table range must be on this worksheet', 'TableCollection.add');
      created = { sheet: s, table: s.workbook.addTable(s, { ...t.rect }, hasHeaders) };
    });
    return new TableProxy(this.context, () => created);
  }
  getItemOrNullObject(name: string): TableProxy {
    return new TableProxy(
      this.context,
      () => {
        const s = this._must('getItemOrNullObject');
        const table = s.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
        return table ? { sheet: s, table } : null;
      },
      true,
    );
  }
  getCount(): FakeClientResult<number> {
    return enqueueResult(this.context, { call: 'getCount', id: this._id }, () => this._must('getCount').tables.length);
  }
}

export interface ChartTarget {
  sheet: FakeSheet;
  chart: FakeChart;
}

class ChartPart extends ClientObject<ChartTarget> {
  protected readonly _type: string = 'ChartPart';
  protected readonly _scalars: readonly string[] = [];
  protected _read(): unknown {
    return undefined;
  }
  protected _update(name: string, value: unknown, apply: (t: ChartTarget) => void): void {
    this._set(name, value, (t) => {
      t.sheet.guard('objects', undefined, `${this._type}.${name}`);
      apply(t);
    });
  }
}

export class ChartTitleProxy extends ChartPart {
  protected override readonly _type = 'ChartTitle';
  set text(v: string) {
    this._update('text', v, (t) => {
      t.chart.title.text = v;
      t.chart.title.visible = true;
    });
  }
  set visible(v: boolean) {
    this._update('visible', v, (t) => (t.chart.title.visible = v));
  }
}

export class ChartLegendProxy extends ChartPart {
  protected override readonly _type = 'ChartLegend';
  set position(v: string) {
    if (!['Top', 'Bottom', 'Left', 'Right', 'Corner', 'Custom', 'Invalid'].includes(v)) fail('InvalidArgument', `bad legend position ${v}`, 'ChartLegend.position');
    this._update('position', v, (t) => (t.chart.legend.position = v));
  }
  set visible(v: boolean) {
    this._update('visible', v, (t) => (t.chart.legend.visible = v));
  }
}

export class ChartDataLabelsProxy extends ChartPart {
  protected override readonly _type = 'ChartDataLabels';
  set showValue(v: boolean) {
    this._update('showValue', v, (t) => (t.chart.dataLabels.showValue = v));
  }
  set numberFormat(v: string) {
    this._update('numberFormat', v, (t) => (t.chart.dataLabels.numberFormat = v));
  }
}

export class ChartAxisProxy extends ChartPart {
  protected override readonly _type = 'ChartAxis';
  constructor(
    ctx: FakeRequestContext,
    resolver: () => ChartTarget | null,
    private readonly which: 'valueAxis' | 'categoryAxis',
  ) {
    super(ctx, resolver);
  }
  private axis(t: ChartTarget): Record<string, unknown> {
    return t.chart[this.which] as Record<string, unknown>;
  }
  set minimum(v: number) {
    this._update('minimum', v, (t) => (this.axis(t).minimum = v));
  }
  set maximum(v: number) {
    this._update('maximum', v, (t) => (this.axis(t).maximum = v));
  }
  set majorUnit(v: number) {
    this._update('majorUnit', v, (t) => (this.axis(t).majorUnit = v));
  }
  set numberFormat(v: string) {
    this._update('numberFormat', v, (t) => (this.axis(t).numberFormat = v));
  }
}

export class ChartAxesProxy extends ChartPart {
  protected override readonly _type = 'ChartAxes';
  private _v?: ChartAxisProxy;
  private _c?: ChartAxisProxy;
  get valueAxis(): ChartAxisProxy {
    return (this._v ??= new ChartAxisProxy(this.context, () => this._resolve(), 'valueAxis'));
  }
  get categoryAxis(): ChartAxisProxy {
    return (this._c ??= new ChartAxisProxy(this.context, () => this._resolve(), 'categoryAxis'));
  }
}

export interface SeriesTarget {
  sheet: FakeSheet;
  chart: FakeChart;
  series: FakeSeries;
}

export class ChartSeriesProxy extends ClientObject<SeriesTarget> {
  protected readonly _type = 'ChartSeries';
  protected readonly _scalars = ['name'] as const;
  protected _read(name: string, t: SeriesTarget): unknown {
    return name === 'name' ? t.series.name : undefined;
  }
  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._set('name', v, (t) => (t.series.name = v));
  }
  setXAxisValues(source: RangeProxy): void {
    this._call('setXAxisValues', [`#range${source._id}`], (t) => {
      const r = rangeArg(t.sheet, source, 'ChartSeries.setXAxisValues');
      if (r.sheet !== t.sheet) fail('InvalidArgument', 'the fake keeps chart data on the chart sheet', 'ChartSeries.setXAxisValues');
      t.series.xValues = { ...r.rect };
    });
  }
  setValues(source: RangeProxy): void {
    this._call('setValues', [`#range${source._id}`], (t) => {
      t.series.values = { ...rangeArg(t.sheet, source, 'ChartSeries.setValues').rect };
    });
  }
}

export class ChartSeriesCollectionProxy extends ClientObject<ChartTarget> {
  protected readonly _type = 'ChartSeriesCollection';
  protected readonly _scalars = ['count'] as const;
  protected _read(name: string, t: ChartTarget): unknown {
    return name === 'count' ? t.chart.series.length : undefined;
  }
  get count(): number {
    return this._get('count');
  }
  add(name?: string): ChartSeriesProxy {
    let created: SeriesTarget | null = null;
    this._call('add', [name], (t) => {
      const series: FakeSeries = { name: name ?? `Series${t.chart.series.length + 1}`, values: { top: 0, left: 0, bottom: 0, right: 0 }, xValues: null };
      t.chart.series.push(series);
      created = { ...t, series };
    });
    return new ChartSeriesProxy(this.context, () => created);
  }
  getItemAt(index: number): ChartSeriesProxy {
    return new ChartSeriesProxy(this.context, () => {
      const t = this._must('getItemAt');
      const series = t.chart.series[index];
      if (!series) fail('ItemNotFound', `no series ${index}`, 'ChartSeriesCollection.getItemAt');
      return { ...t, series };
    });
  }
}

export const CHART_TYPES = new Set(['ColumnClustered', 'ColumnStacked', 'BarClustered', 'BarStacked', 'Line', 'LineMarkers', 'Pie', 'Doughnut', 'Area', 'XYScatter']);

export class ChartProxy extends ClientObject<ChartTarget> {
  protected readonly _type = 'Chart';
  protected readonly _scalars = ['name', 'top', 'left', 'width', 'height', 'chartType'] as const;
  private _title?: ChartTitleProxy;
  private _legend?: ChartLegendProxy;
  private _labels?: ChartDataLabelsProxy;
  private _axes?: ChartAxesProxy;
  private _series?: ChartSeriesCollectionProxy;
  protected _read(name: string, t: ChartTarget): unknown {
    if (name === 'chartType') return t.chart.type;
    return (t.chart as unknown as Record<string, unknown>)[name];
  }
  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._set('name', v, (t) => (t.chart.name = v));
  }
  set top(v: number) {
    this._set('top', v, (t) => (t.chart.top = v));
  }
  set left(v: number) {
    this._set('left', v, (t) => (t.chart.left = v));
  }
  set width(v: number) {
    this._set('width', v, (t) => (t.chart.width = v));
  }
  set height(v: number) {
    this._set('height', v, (t) => (t.chart.height = v));
  }
  get title(): ChartTitleProxy {
    return (this._title ??= new ChartTitleProxy(this.context, () => this._resolve()));
  }
  get legend(): ChartLegendProxy {
    return (this._legend ??= new ChartLegendProxy(this.context, () => this._resolve()));
  }
  get dataLabels(): ChartDataLabelsProxy {
    return (this._labels ??= new ChartDataLabelsProxy(this.context, () => this._resolve()));
  }
  get axes(): ChartAxesProxy {
    return (this._axes ??= new ChartAxesProxy(this.context, () => this._resolve()));
  }
  get series(): ChartSeriesCollectionProxy {
    return (this._series ??= new ChartSeriesCollectionProxy(this.context, () => this._resolve()));
  }
  setPosition(startCell: string | RangeProxy, endCell?: string | RangeProxy): void {
    const text = (c: string | RangeProxy | undefined) => (c === undefined ? undefined : typeof c === 'string' ? c : `#range${c._id}`);
    this._call('setPosition', [text(startCell), text(endCell)], (t) => {
      const a1 = (c: string | RangeProxy): string => {
        const r: Rect = rangeArg(t.sheet, c, 'Chart.setPosition').rect;
        return cellA1(r.top, r.left);
      };
      const start = a1(startCell);
      const end = endCell === undefined ? start : a1(endCell);
      t.chart.position = { start, end };
    });
  }
  delete(): void {
    this._call('delete', [], (t) => (t.sheet.charts = t.sheet.charts.filter((c) => c !== t.chart)));
  }
}

export class ChartCollectionProxy extends ClientObject<FakeSheet> {
  protected readonly _type = 'ChartCollection';
  protected readonly _scalars = ['count'] as const;
  protected _read(name: string, s: FakeSheet): unknown {
    return name === 'count' ? s.charts.length : undefined;
  }
  get count(): number {
    return this._get('count');
  }
  add(type: string, sourceData: RangeProxy, seriesBy: string = 'Auto'): ChartProxy {
    if (!CHART_TYPES.has(type)) fail('InvalidArgument', `unknown chart type ${type}`, 'ChartCollection.add');
    if (!['Auto', 'Columns', 'Rows'].includes(seriesBy)) fail('InvalidArgument', `bad seriesBy ${seriesBy}`, 'ChartCollection.add');
    let created: ChartTarget | null = null;
    this._call('add', [type, `#range${sourceData._id}`, seriesBy], (s) => {
      const src = rangeArg(s, sourceData, 'ChartCollection.add');
      if (rows(src.rect) * cols(src.rect) > 1_000_000) fail('InvalidArgument', 'chart source too large', 'ChartCollection.add');
      created = { sheet: s, chart: s.workbook.addChart(s, type, { ...src.rect }, src.sheet, seriesBy) };
    });
    return new ChartProxy(this.context, () => created);
  }
}
