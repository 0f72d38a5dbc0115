/**
 * The sheets departments fill (テンプレート作成): SPEC headers, dropdowns for 方向 and 集計 (and
 * for the optional 区分, 変更区分, 評価対象 and コロナ判定), number formats, a frozen header, the
 * output columns shaded and locked, one example row.
 * Data only, words from the catalogue; the task pane renders it with Office.js.
 */
import { eraLabel } from '../cells/fiscalYear';
import { AGGREGATION_LABEL, DIRECTION_LABEL } from '../cells/directionAggregation';
import { COVID_OVERRIDE_LABEL, IN_SCOPE_LABEL, KIND_LABEL, REVISION_KINDS } from '../cells/evaluationCells';
import { ACTUAL_HEADER, KPI_FIELD_HEADERS as K, KPI_OUTPUT_HEADERS, KPI_OUTPUTS, PLEDGE_FIELD_HEADERS as P, PLEDGE_OUTPUT_HEADERS, PLEDGE_OUTPUTS } from '../sheets/headers';
import { KPI_OUTPUT_SPEC, PLEDGE_OUTPUT_SPEC } from '../plan/outputPresentation';
import { OUTPUT_DATA_FILL, OUTPUT_HEADER_FILL } from '../plan/plan';
import type { Lang } from '../../messages/lang';
import type { Settings } from '../base/settings';
import { formatList, translate, translator } from '../../messages/translate';

/** The message Excel shows when a typed value breaks the column's rule; 'information' lets the value stand. */
export interface TemplateAlert {
  title: string;
  message: string;
  style: 'stop' | 'information';
}

export type TemplateValidation = ({ kind: 'list'; values: string[] } | { kind: 'wholeNumber'; min: number; max: number }) & { alert: TemplateAlert };

export interface TemplateColumn {
  header: string;
  width: number;
  numberFormat: string;
  validation?: TemplateValidation;
  /** output column owned by the add-in: shaded and locked */
  output: boolean;
}

/** What departments may still do on the protected sheet (no password: the add-in unprotects it to write). */
export interface TemplatePermissions {
  insertRows: boolean;
  deleteRows: boolean;
  formatColumns: boolean;
  formatRows: boolean;
  autoFilter: boolean;
}

/** rows can be added and sized, columns widened, lists filtered; nothing else on locked cells */
export const TEMPLATE_PERMISSIONS: TemplatePermissions = { insertRows: true, deleteRows: true, formatColumns: true, formatRows: true, autoFilter: true };

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
  /** the sheet is protected without a password, the output columns and the rows above the data locked */
  permissions: TemplatePermissions;
}

const NUM = '#,##0.###';

export interface KpiTemplateOptions {
  department?: string;
  planStart: number;
  planEnd: number;
  /** the language of the title and the example row (the headers are the SPEC's); default ja */
  lang?: Lang;
}

function listRule(lang: Lang, values: readonly string[]): TemplateValidation {
  return { kind: 'list', values: [...values], alert: { title: translate(lang, 'templateSheet.alert.title'), message: translate(lang, 'templateSheet.alert.list', { values: formatList(lang, values) }), style: 'stop' } };
}

/** 変更区分: the marks as a dropdown; a row with two (事業内容変更・KPI変更) may still be typed */
function revisionRule(lang: Lang): TemplateValidation {
  const values = [...REVISION_KINDS];
  return { kind: 'list', values, alert: { title: translate(lang, 'templateSheet.alert.revisionTitle'), message: translate(lang, 'templateSheet.alert.revision', { values: formatList(lang, values) }), style: 'information' } };
}

function wholeNumberRule(lang: Lang, min: number, max: number): TemplateValidation {
  return { kind: 'wholeNumber', min, max, alert: { title: translate(lang, 'templateSheet.alert.title'), message: translate(lang, 'templateSheet.alert.wholeNumber', { min, max }), style: 'stop' } };
}

function text(header: string, width: number): TemplateColumn {
  return { header, width, numberFormat: '@', output: false };
}

export function kpiTemplate(opts: KpiTemplateOptions): TemplateModel {
  const lang = opts.lang ?? 'ja';
  const t = translator(lang);
  const years: number[] = [];
  for (let y = opts.planStart; y <= opts.planEnd; y++) years.push(y);
  const input: TemplateColumn[] = [
    { ...text(K.kind, 9), validation: listRule(lang, [KIND_LABEL.kpi, KIND_LABEL.goalTarget]) },
    text(K.goal, 9),
    text(K.basicDirection, 12),
    text(K.measure, 7),
    text(K.project, 28),
    text(K.department, 16),
    text(K.indicator, 30),
    text(K.unit, 7),
    { ...text(K.direction, 8), validation: listRule(lang, [DIRECTION_LABEL.up, DIRECTION_LABEL.down]) },
    { ...text(K.aggregation, 8), validation: listRule(lang, [AGGREGATION_LABEL.single, AGGREGATION_LABEL.cumulative]) },
    text(K.baselineYear, 9),
    { header: K.baseline, width: 11, numberFormat: NUM, output: false },
    ...years.map((y) => ({ header: `${ACTUAL_HEADER}${eraLabel(y)}`, width: 11, numberFormat: NUM, output: false })),
    text(K.targetYear, 9),
    { header: K.target, width: 11, numberFormat: NUM, output: false },
    { ...text(K.revision, 14), validation: revisionRule(lang) },
    { header: K.originalTarget, width: 11, numberFormat: NUM, output: false },
    { ...text(K.inScope, 9), validation: listRule(lang, [IN_SCOPE_LABEL.included, IN_SCOPE_LABEL.excluded]) },
    { ...text(K.covidOverride, 10), validation: listRule(lang, [COVID_OVERRIDE_LABEL.suspended, COVID_OVERRIDE_LABEL.none]) },
    text(K.notes, 36),
  ];
  const outputs: TemplateColumn[] = KPI_OUTPUTS.map((k) => ({
    header: KPI_OUTPUT_HEADERS[k],
    width: KPI_OUTPUT_SPEC.widths[k],
    numberFormat: KPI_OUTPUT_SPEC.formats[k],
    output: true,
  }));
  // the example: 累計 job offers from 9 (H30) towards 40 (R6), 0 in 2020 and 7 in 2021
  const exampleActuals = years.map((y) => (y === 2020 ? 0 : y === 2021 ? 7 : null));
  const example = [
    KIND_LABEL.kpi,
    1,
    t('templateSheet.kpi.example.direction'),
    1,
    t('templateSheet.kpi.example.project'),
    opts.department ?? t('templateSheet.kpi.example.department'),
    t('templateSheet.kpi.example.indicator'),
    t('templateSheet.kpi.example.unit'),
    DIRECTION_LABEL.up,
    AGGREGATION_LABEL.cumulative,
    eraLabel(2018),
    9,
    ...exampleActuals,
    eraLabel(2024),
    40,
    null,
    null,
    IN_SCOPE_LABEL.included,
    null,
    t('templateSheet.kpi.example.notes'),
  ];
  return {
    kind: 'kpi',
    sheetName: opts.department ? opts.department.slice(0, 31) : 'KPI',
    title: t('templateSheet.kpi.title', { department: opts.department ?? t('templateSheet.kpi.anyDepartment') }),
    headerRow: 2,
    columns: [...input, ...outputs],
    example,
    inputRows: 200,
    headerFill: '#D9E1F2',
    outputHeaderFill: OUTPUT_HEADER_FILL,
    outputFill: OUTPUT_DATA_FILL,
    permissions: TEMPLATE_PERMISSIONS,
  };
}

export function pledgeTemplate(lang: Lang = 'ja'): TemplateModel {
  const outputs: TemplateColumn[] = PLEDGE_OUTPUTS.map((k) => ({
    header: PLEDGE_OUTPUT_HEADERS[k],
    width: PLEDGE_OUTPUT_SPEC.widths[k],
    numberFormat: PLEDGE_OUTPUT_SPEC.formats[k],
    output: true,
  }));
  return {
    kind: 'pledge',
    sheetName: translate(lang, 'templateSheet.pledge.sheetName'),
    title: translate(lang, 'templateSheet.pledge.title'),
    headerRow: 2,
    columns: [
      text(P.policy, 24),
      text(P.pledge, 30),
      text(P.measure, 30),
      text(P.activity, 48),
      text(P.department, 16),
      { header: P.rating, width: 7, numberFormat: '0', output: false, validation: wholeNumberRule(lang, 0, 10) },
      ...outputs,
    ],
    example: [
      translate(lang, 'templateSheet.pledge.example.policy'),
      translate(lang, 'templateSheet.pledge.example.pledge'),
      translate(lang, 'templateSheet.pledge.example.measure'),
      translate(lang, 'templateSheet.pledge.example.activity'),
      translate(lang, 'templateSheet.pledge.example.department'),
      7,
    ],
    inputRows: 200,
    headerFill: '#D9E1F2',
    outputHeaderFill: OUTPUT_HEADER_FILL,
    outputFill: OUTPUT_DATA_FILL,
    permissions: TEMPLATE_PERMISSIONS,
  };
}

/** The template of a kind as the pane's テンプレート作成 and the command's `template` make it. */
export function templateFor(kind: 'kpi' | 'pledge', settings: Pick<Settings, 'planStart' | 'planEnd'>, department?: string, lang: Lang = 'ja'): TemplateModel {
  return kind === 'kpi' ? kpiTemplate({ department: department?.trim() || undefined, planStart: settings.planStart, planEnd: settings.planEnd, lang }) : pledgeTemplate(lang);
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
