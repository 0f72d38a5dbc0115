/** The conditional formats of a review (icon sets on 達成率 / 計画比, coloured grades) and of the summary (data bars, icon sets). */
import { cellAddress } from '../domain/base/address';
import type { ConditionalFormatPlan } from '../domain/plan/plan';

/** Icon set: the lowest criterion is implicit; Excel takes the others as "≥ value". */
export function addIconSet(range: Excel.Range, thresholds: readonly [number, number]): void {
  const cf = range.conditionalFormats.add('IconSet');
  cf.iconSet.style = 'ThreeTrafficLights1';
  cf.iconSet.criteria = [
    {} as Excel.ConditionalIconCriterion,
    { type: 'Number', operator: 'GreaterThanOrEqual', formula: `=${thresholds[0]}` },
    { type: 'Number', operator: 'GreaterThanOrEqual', formula: `=${thresholds[1]}` },
  ];
}

/** Data bar from 0 to `max` (stored units: 1.2 = 120%), with a gradient fill. */
export function addDataBar(range: Excel.Range, max: number, color = '#5B9BD5'): void {
  const cf = range.conditionalFormats.add('DataBar');
  cf.dataBar.lowerBoundRule = { type: 'Number', formula: '0' };
  cf.dataBar.upperBoundRule = { type: 'Number', formula: String(max) };
  cf.dataBar.positiveFormat.fillColor = color;
  cf.dataBar.positiveFormat.gradientFill = true;
}

/** Cell text equals: a formula rule relative to the range's top-left cell, e.g. =P5="D". */
export function addTextEquals(range: Excel.Range, topLeft: string, text: string, fill: string, fontColor: string): void {
  const cf = range.conditionalFormats.add('Custom');
  cf.custom.rule.formula = `=${topLeft}="${text.replace(/"/g, '""')}"`;
  cf.custom.format.fill.color = fill;
  cf.custom.format.font.color = fontColor;
}

export function applyConditionalFormat(ws: Excel.Worksheet, cf: ConditionalFormatPlan): void {
  const range = ws.getRangeByIndexes(cf.top, cf.left, cf.bottom - cf.top + 1, cf.right - cf.left + 1);
  if (cf.kind === 'iconSet') addIconSet(range, cf.thresholds);
  else addTextEquals(range, cellAddress(cf.top, cf.left), cf.text, cf.fill, cf.fontColor);
}
