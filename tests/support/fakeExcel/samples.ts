/**
 * Sample sheets in the shape of the repository's seeds (a department KPI sheet with a merged
 * title, a pledge sheet, a sheet with errors) and generated KPI sheets of any size, for the
 * Office.js tests and bench/officeSyncs.ts. Plain data: also usable in the browser.
 */
import type { SheetSpec, SpecValue } from './build';

export const KPI_HEADERS = ['基本目標', '施策', '事業名', '指標名', '単位', '方向', '集計', '基準値', '実績R2', '実績R3', '目標値', '備考'];

/** A department sheet as typed: title merged over the table, header in row 3, numbers in many forms. */
export function sampleKpiSheet(name = '政策推進課'): SheetSpec {
  return {
    name,
    values: [
      ['第2期 KPI 実績（政策推進課）'],
      [],
      KPI_HEADERS,
      ['①', '施策①', '合同就職説明会事業', '内定者数', '人', '増加', '累計', '9人', '0', '累計7人', '累計40人', ''],
      [1, 1, '', '新規雇用創出数', '人', '', '累計', 46, 20, '累計45人', '累計230人', ''],
      ['基本目標2', '⑤', '放課後児童クラブ', '待機児童数', '人', '減少', '', 3, 1, 0, 0, ''],
      [2, 7, 'ワークショップ', 'ワークショップ参加者数', '人', '増加', '', 571, 0, 0, 1000, '※新型コロナウイルス感染症の影響で事業が中止となった'],
      [2, 6, '母子保健', '産婦健康診査受診率', '%', '増加', '', '—', 0.9, 0.939, 1, ''],
      [3, 9, '=cmd|" /C calc"!A0', '@SUM(1+1)', '件', '増加', '', 10, 12, 15, 20, '+危険な備考'],
    ],
    numberFormats: [[], [], [], [], [], [], [], [null, null, null, null, null, null, null, null, '0.0%', '0.0%', '0%']],
    merges: ['A1:H1'],
  };
}

export function samplePledgeSheet(name = '市長公約'): SheetSpec {
  return {
    name,
    values: [
      ['基本政策', '公約', '施策', '取組事業内容', '担当部署', '評価'],
      ['政策Ⅰ 行革', '1 SDGs', '① プラン', 'a', '行政監理室', 8],
      ['', '', '', 'b', '行政監理室', 7],
      ['', '', '② 財政', 'c', '財政課', 7],
      ['', '2 組織', '① 組織', 'd', '', 5],
      ['', '', '② チーム', 'e', '', 8],
    ],
  };
}

/** 約50, #DIV/0! and 未集計 in numeric cells: validation errors, nothing may be written here. */
export function errorKpiSheet(name = '建設課'): SheetSpec {
  return {
    name,
    values: [
      ['指標名', '基準値', '実績R3', '目標値'],
      ['道路補修延長', '約50', { error: '#DIV/0!' }, '未集計'],
      ['橋梁点検数', 10, 12, 20],
    ],
  };
}

/** A sheet that is not a KPI or pledge sheet (left alone). */
export function notesSheet(name = 'メモ'): SheetSpec {
  return { name, values: [['メモ'], ['=1+1 のような文字'], [42]] };
}

const UNITS = ['人', '件', '%', '回', '社', '千円'];

/** Deterministic KPI rows as departments type them (numbers, "1,627", "累計45人", notes). */
export function generatedKpiSheet(rows: number, name = '政策推進課'): SheetSpec {
  const values: SpecValue[][] = [['第2期 KPI 実績（生成）'], KPI_HEADERS.slice()];
  let seed = 12345;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  for (let i = 0; i < rows; i++) {
    const cumulative = i % 4 === 0;
    const down = i % 11 === 0;
    const baseline = Math.round(rnd() * 5000);
    const target = down ? Math.round(baseline * 0.5) : Math.round(baseline * (1 + rnd())) + 1;
    const a2 = Math.round(rnd() * target);
    const a3 = Math.round(rnd() * target * 1.3);
    const text = (n: number): SpecValue => (i % 3 === 0 ? n : i % 3 === 1 ? n.toLocaleString('en-US') : (cumulative ? '累計' : '') + n + UNITS[i % UNITS.length]);
    values.push([
      1 + (i % 4),
      1 + (i % 19),
      '事業' + (i % 500),
      '指標' + i,
      UNITS[i % UNITS.length],
      down ? '減少' : '増加',
      cumulative ? '累計' : '単年',
      text(baseline),
      text(a2),
      i % 7 === 0 ? '—' : text(a3),
      text(target),
      i % 6 === 4 ? '新型コロナウイルス感染症の影響で事業が中止となった' : '',
    ]);
  }
  return { name, values };
}
