/**
 * The sheets departments fill (テンプレート作成): SPEC headers, dropdowns for 方向 and 集計,
 * number formats, a frozen header, the output columns shaded and locked, one example row.
 * Data only; the task pane renders it with Office.js (and tests with exceljs).
 */
import { eraLabel } from '../cells/fiscalYear';
import { KPI_OUTPUT_HEADERS, KPI_OUTPUTS, PLEDGE_OUTPUT_HEADERS, PLEDGE_OUTPUTS } from '../sheets/headers';
import { KPI_OUTPUT_SPEC, PLEDGE_OUTPUT_SPEC } from '../review';
import { OUTPUT_DATA_FILL, OUTPUT_HEADER_FILL } from '../plan/plan';

export type TemplateValidation = { kind: 'list'; values: string[] } | { kind: 'wholeNumber'; min: number; max: number };

export interface TemplateColumn {
  header: string;
  width: number;
  numberFormat: string;
  validation?: TemplateValidation;
  /** output column owned by the add-in: shaded and locked */
  output: boolean;
}

export interface TemplateModel {
  kind: 'kpi' | 'pledge';
  sheetName: string;
  title: string;
  /** zero-based row of the header; the title sits above it */
  headerRow: number;
  columns: TemplateColumn[];
  example: (string | number | null)[];
  /** rows below the header prepared for input (validation and formats reach this far) */
  inputRows: number;
  headerFill: string;
  outputHeaderFill: string;
  outputFill: string;
}

const NUM = '#,##0.###';

export interface KpiTemplateOptions {
  department?: string;
  planStart: number;
  planEnd: number;
}

export function kpiTemplate(opts: KpiTemplateOptions): TemplateModel {
  const years: number[] = [];
  for (let y = opts.planStart; y <= opts.planEnd; y++) years.push(y);
  const input: TemplateColumn[] = [
    { header: '基本目標', width: 9, numberFormat: '@', output: false },
    { header: '施策', width: 7, numberFormat: '@', output: false },
    { header: '事業名', width: 28, numberFormat: '@', output: false },
    { header: '担当課', width: 16, numberFormat: '@', output: false },
    { header: '指標名', width: 30, numberFormat: '@', output: false },
    { header: '単位', width: 7, numberFormat: '@', output: false },
    { header: '方向', width: 8, numberFormat: '@', output: false, validation: { kind: 'list', values: ['増加', '減少'] } },
    { header: '集計', width: 8, numberFormat: '@', output: false, validation: { kind: 'list', values: ['単年', '累計'] } },
    { header: '基準年度', width: 9, numberFormat: '@', output: false },
    { header: '基準値', width: 11, numberFormat: NUM, output: false },
    ...years.map((y) => ({ header: `実績${eraLabel(y)}`, width: 11, numberFormat: NUM, output: false })),
    { header: '目標年度', width: 9, numberFormat: '@', output: false },
    { header: '目標値', width: 11, numberFormat: NUM, output: false },
    { header: '備考', width: 36, numberFormat: '@', output: false },
  ];
  const outputs: TemplateColumn[] = KPI_OUTPUTS.map((k) => ({
    header: KPI_OUTPUT_HEADERS[k],
    width: KPI_OUTPUT_SPEC.widths[k],
    numberFormat: KPI_OUTPUT_SPEC.formats[k],
    output: true,
  }));
  const exampleActuals = years.map((y) => (y === 2020 ? 0 : y === 2021 ? 7 : null));
  return {
    kind: 'kpi',
    sheetName: opts.department ? opts.department.slice(0, 31) : 'KPI',
    title: `第2期総合戦略 KPI 実績（${opts.department ?? '担当課名'}）　※灰色の列は進捗レビューが計算します。入力しないでください`,
    headerRow: 2,
    columns: [...input, ...outputs],
    example: [1, 1, '合同就職説明会事業（記入例）', opts.department ?? '工業・雇用振興課', '内定者数', '人', '増加', '累計', 'H30', 9, ...exampleActuals, 'R6', 40, '記入例です。この行を自分の KPI に書き換えて使ってください'],
    inputRows: 200,
    headerFill: '#D9E1F2',
    outputHeaderFill: OUTPUT_HEADER_FILL,
    outputFill: OUTPUT_DATA_FILL,
  };
}

export function pledgeTemplate(): TemplateModel {
  const outputs: TemplateColumn[] = PLEDGE_OUTPUTS.map((k) => ({
    header: PLEDGE_OUTPUT_HEADERS[k],
    width: PLEDGE_OUTPUT_SPEC.widths[k],
    numberFormat: PLEDGE_OUTPUT_SPEC.formats[k],
    output: true,
  }));
  return {
    kind: 'pledge',
    sheetName: '市長公約',
    title: '市長公約の取組状況（10段階評価）　※灰色の列は進捗レビューが計算します。入力しないでください',
    headerRow: 2,
    columns: [
      { header: '基本政策', width: 24, numberFormat: '@', output: false },
      { header: '公約', width: 30, numberFormat: '@', output: false },
      { header: '施策', width: 30, numberFormat: '@', output: false },
      { header: '取組事業内容', width: 48, numberFormat: '@', output: false },
      { header: '担当部署', width: 16, numberFormat: '@', output: false },
      { header: '評価', width: 7, numberFormat: '0', output: false, validation: { kind: 'wholeNumber', min: 0, max: 10 } },
      ...outputs,
    ],
    example: ['政策Ⅰ（記入例）', '1 公約の内容', '① 施策の内容', '取組の内容（記入例：この行を書き換えて使ってください）', '政策推進課', 7],
    inputRows: 200,
    headerFill: '#D9E1F2',
    outputHeaderFill: OUTPUT_HEADER_FILL,
    outputFill: OUTPUT_DATA_FILL,
  };
}

/** A sheet name not used yet: 市長公約, 市長公約 (2), … */
export function freeSheetName(wanted: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  const base = wanted.replace(/[:\\/?*[\]]/g, '').slice(0, 31) || 'Sheet';
  if (!lower.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = base.slice(0, 31 - suffix.length) + suffix;
    if (!lower.has(name.toLowerCase())) return name;
  }
}
