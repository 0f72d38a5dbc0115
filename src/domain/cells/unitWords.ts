/**
 * Unit words allowed after a number in a cell. A fixed list keeps "50人程度" or "約50"
 * from passing as a number with a unit; a scale prefix (千, 万, 億, 百) may precede any of
 * them (千円, 万人, 千t). The row's own 単位 is always accepted too.
 */
import { nfkc, removeSpaces } from '../base/text';

const UNITS = [
  '人', '名', '件', '社', '団体', '回', '組', '施設', '事業', '時間', '式', '基', 'か所', 'ヶ所', 'ケ所', '箇所', 'カ所',
  '本', '泊', '人泊', '路線', '円', 't', 'トン', 'kg', 'g', 'km', 'm', 'm2', 'ha', '台', '戸', '校', '園', '世帯', '%',
  'ポイント', 'pt', '点', '倍', '日', '年', 'か月', 'ヶ月', '月', '店', '店舗', '隊', '冊', '頭', '棟', '区画', '席', '枚',
  '食', '個', '着', '便', '隻', '機', '歳', '割', '部', '局', '件数', '人日', '人回', '回数', '講座', '教室', '種', '品目',
  '団地', '地区', '町内会', 'セット', '口', 'クラス', '学級', '自治体', '市町村', 'コース', '企業', '事業所', '隊数',
  '人/日', '人/年', '件/年', '回/年', 'gwh', 'kwh', 'mwh', 'kw', 'mw', 't-co2', 'tco2', 'l', 'ℓ', 'm3',
];

const UNIT_SET = new Set(UNITS.map((u) => u.toLowerCase()));
const SCALE = /^(千|万|億|百|十)/u;

export function isKnownUnit(suffix: string): boolean {
  const s = removeSpaces(nfkc(suffix)).toLowerCase();
  if (s === '') return true;
  if (UNIT_SET.has(s)) return true;
  const scaled = s.replace(SCALE, '');
  return scaled !== s && (scaled === '' || UNIT_SET.has(scaled));
}

/** Units compare equal after NFKC and removing spaces ("千 t" = "千t"). */
export function sameUnit(a: string, b: string): boolean {
  return removeSpaces(nfkc(a)).toLowerCase() === removeSpaces(nfkc(b)).toLowerCase();
}

/** 単位 of a per-mille rate (婚姻率 per 1,000 people): ‰, ×1,000, 人口千人当たり … */
const PER_MILLE_UNITS = /^(‰|パーミル|permille|[×x*]1,?000|\/1,?000|(人口)?(千|1,?000)人(当たり|当り|あたり))$/u;

export function isPerMilleUnit(rowUnit: string): boolean {
  if (rowUnit === '') return false;
  return PER_MILLE_UNITS.test(removeSpaces(nfkc(rowUnit)).toLowerCase());
}

/**
 * A suffix after a number in a row whose 単位 is `rowUnit`: the row's own unit, a known unit word,
 * or ‰ when the row counts per 1,000. Returns the unit to record ('' = not accepted): ‰ is
 * recorded as the row's unit, so it never counts as a second unit in the row.
 */
export function acceptedUnit(suffix: string, rowUnit: string): string {
  if (rowUnit !== '' && sameUnit(suffix, rowUnit)) return suffix;
  if (suffix === '‰' && isPerMilleUnit(rowUnit)) return rowUnit;
  return isKnownUnit(suffix) ? suffix : '';
}
