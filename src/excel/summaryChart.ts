/**
 * The native chart of 総括 (mean achievement per 基本目標): a clustered column chart over the
 * model's value columns with the goal names as categories, the model's axis (0 to the cap),
 * values as labels, placed over the cells the layout gave it (as the package writer anchors it).
 */
import { cellAddress } from '../domain/base/address';
import type { SummaryChart, SummaryTable } from '../domain/output/summary/types';

export const CHART_NAME = 'PR_GoalChart';

export function chartAnchor(chart: SummaryChart): { start: string; end: string } {
  return { start: cellAddress(chart.top, chart.left), end: cellAddress(chart.bottom - 1, chart.right - 1) };
}

export function addSummaryChart(ws: Excel.Worksheet, chart: SummaryChart, table: SummaryTable): void {
  const n = Math.min(chart.rowCount, table.rows.length);
  if (n < 1 || chart.valueColumns.length === 0) return;
  const headerRow = table.headerRow;
  const firstRow = headerRow + 1;
  const categories = ws.getRangeByIndexes(firstRow, table.left + chart.categoryColumn, n, 1);
  const [first, ...more] = chart.valueColumns;
  // header + values of the first series: Excel names the series from the header cell
  const c = ws.charts.add('ColumnClustered', ws.getRangeByIndexes(headerRow, table.left + first, n + 1, 1), 'Auto');
  c.name = CHART_NAME;
  c.title.text = chart.title;
  c.series.getItemAt(0).setXAxisValues(categories);
  for (const vc of more) {
    const s = c.series.add(table.columns[vc].header);
    s.setValues(ws.getRangeByIndexes(firstRow, table.left + vc, n, 1));
    s.setXAxisValues(categories);
  }
  c.axes.valueAxis.minimum = chart.axis.min;
  c.axes.valueAxis.maximum = chart.axis.max;
  c.axes.valueAxis.majorUnit = chart.axis.majorUnit;
  c.axes.valueAxis.numberFormat = '0%';
  c.dataLabels.showValue = true;
  c.dataLabels.numberFormat = chart.labelFormat;
  c.legend.position = 'Bottom';
  const at = chartAnchor(chart);
  c.setPosition(at.start, at.end);
}
