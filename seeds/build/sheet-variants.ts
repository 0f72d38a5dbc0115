// Departments fill their KPI sheets each in their own way. The sample workbook varies the
// layout by sheet index, within what SPEC §2 accepts, so the reader is exercised on all of it.

export type YearStyle = 'short' | 'long' | 'western';
export type NumberStyle = 'plain' | 'circled' | 'prefixed';
export type ValueMode = 'text' | 'number' | 'percent-format';

export interface SheetVariant {
  headerRow: number;
  mergeTitle: boolean;
  noteRow: boolean;
  actualHeader: string;
  yearStyle: YearStyle;
  goalStyle: NumberStyle;
  measureStyle: NumberStyle;
  valueMode: ValueMode;
  /** Which headers use the English alias. */
  english: 'none' | 'some' | 'all';
  /** What a missing value looks like. */
  noValue: '—' | null;
  /** 基本的方向 written with its title (`1-1 若者の雇用機会の確保・拡大`) or as the number alone (`1-1`). */
  directionTitle: boolean;
}

const ACTUAL_HEADERS = ['実績R3', '実績(令和3年度)', '令和3年度実績', 'R3実績', '実績2021', 'FY2021 actual'];
const YEAR_STYLES: YearStyle[] = ['short', 'long', 'western'];
const NUMBER_STYLES: NumberStyle[] = ['plain', 'circled', 'prefixed'];
const VALUE_MODES: ValueMode[] = ['text', 'number', 'percent-format'];
const ENGLISH_ALL = 4;
const ENGLISH_SOME = 13;

export function variantFor(index: number): SheetVariant {
  const english = index === ENGLISH_ALL ? 'all' : index === ENGLISH_SOME ? 'some' : 'none';
  return {
    headerRow: 2 + (index % 5),
    mergeTitle: index % 2 === 0,
    noteRow: index % 5 >= 2,
    actualHeader: english === 'all' ? 'FY2021 actual' : ACTUAL_HEADERS[index % ACTUAL_HEADERS.length],
    yearStyle: YEAR_STYLES[index % 3],
    goalStyle: NUMBER_STYLES[(index + 1) % 3],
    measureStyle: NUMBER_STYLES[(index + 2) % 3],
    valueMode: VALUE_MODES[Math.floor((index + 1) / 2) % 3],
    english,
    noValue: index % 2 === 0 ? '—' : null,
    directionTitle: index % 3 !== 1,
  };
}
