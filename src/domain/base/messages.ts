/**
 * Every message the review shows, in Japanese (first) and English. Cell problems name
 * what was found and what was expected; the location (sheet!cell, header) is added by
 * the issue that carries the message.
 */

export type MessageCode =
  | 'number.text'
  | 'number.excelError'
  | 'number.boolean'
  | 'number.date'
  | 'number.unit'
  | 'number.notFinite'
  | 'year.invalid'
  | 'goal.invalid'
  | 'measure.invalid'
  | 'policy.invalid'
  | 'pledge.invalid'
  | 'direction.invalid'
  | 'aggregation.invalid'
  | 'rating.invalid'
  | 'rating.missing'
  | 'indicator.missing'
  | 'pledgeKey.missing'
  | 'row.invalid'
  | 'header.actualYearMissing'
  | 'header.duplicate'
  | 'header.duplicateYear'
  | 'sheet.outputBlocked'
  | 'sheet.tooWide'
  | 'warn.gradeDNoNote'
  | 'warn.unitMismatch'
  | 'warn.aggregationConflict'
  | 'warn.negativeTarget'
  | 'warn.duplicateKpi'
  | 'warn.ratingStars'
  | 'reason.noActual'
  | 'reason.noTarget'
  | 'reason.downZeroTargetNoProgress'
  | 'reason.downNegative'
  | 'reason.noBaseline'
  | 'reason.targetEqualsBaseline'
  | 'reason.cumulativeBaseline'
  | 'reason.againstDirection'
  | 'reason.outsidePlan'
  | 'reason.zeroExpected'
  | 'reason.actualYearUnknown'
  | 'reason.notComputable';

export type MessageParams = Record<string, string | number>;

interface Template {
  ja: string;
  en: string;
}

const EXAMPLES_JA = '例: 1627、1,627、累計45人、93.9%、△12、空欄または「—」';
const EXAMPLES_EN = 'e.g. 1627, 1,627, 累計45人, 93.9%, △12, blank or "—"';

const TEMPLATES: Record<MessageCode, Template> = {
  'number.text': {
    ja: `「{found}」は数値として読めません。数値を入力してください（${EXAMPLES_JA}）`,
    en: `"{found}" is not a number. Expected a number (${EXAMPLES_EN})`,
  },
  'number.excelError': {
    ja: 'Excel のエラー値「{found}」です。元の数式を直すか、数値を入力してください',
    en: 'Excel error value "{found}". Fix the formula or enter a number',
  },
  'number.boolean': {
    ja: '「{found}」（真偽値）は数値ではありません。数値を入力してください',
    en: '"{found}" is a TRUE/FALSE value, not a number. Expected a number',
  },
  'number.date': {
    ja: '「{found}」は日付です。数値を入力してください（セルの表示形式が日付になっていないか確認してください）',
    en: '"{found}" is a date. Expected a number (check that the cell is not formatted as a date)',
  },
  'number.unit': {
    ja: '「{found}」の単位が読めません。数値と単位（{unit}）だけを入力してください（「程度」「約」などは備考へ）',
    en: '"{found}" has a unit that cannot be read. Expected a number with its unit ({unit}) only (put words such as 程度 or 約 in 備考)',
  },
  'number.notFinite': {
    ja: '「{found}」は有限の数値ではありません',
    en: '"{found}" is not a finite number',
  },
  'year.invalid': {
    ja: '「{found}」は年度として読めません。2021、R3、令和3年度、H30、平成30年度 のように入力してください',
    en: '"{found}" is not a fiscal year. Expected 2021, R3, 令和3年度, H30 or 平成30年度',
  },
  'goal.invalid': {
    ja: '「{found}」は基本目標の番号として読めません。1、①、基本目標1 のように入力してください',
    en: '"{found}" is not a basic-goal number. Expected 1, ① or 基本目標1',
  },
  'measure.invalid': {
    ja: '「{found}」は施策の番号として読めません。5、⑤、施策⑤ のように入力してください',
    en: '"{found}" is not a measure number. Expected 5, ⑤ or 施策⑤',
  },
  'policy.invalid': {
    ja: '「{found}」は基本政策の番号として読めません。Ⅲ、III、政策Ⅲ、3 のように入力してください',
    en: '"{found}" is not a basic-policy number. Expected Ⅲ, III, 政策Ⅲ or 3',
  },
  'pledge.invalid': {
    ja: '「{found}」は番号として読めません。1、① のように入力してください',
    en: '"{found}" is not a number. Expected 1 or ①',
  },
  'direction.invalid': {
    ja: '「{found}」は方向として読めません。「増加」または「減少」（up / down）を入力してください',
    en: '"{found}" is not a direction. Expected 増加 or 減少 (up / down)',
  },
  'aggregation.invalid': {
    ja: '「{found}」は集計方法として読めません。「単年」または「累計」を入力してください',
    en: '"{found}" is not an aggregation. Expected 単年 or 累計',
  },
  'rating.invalid': {
    ja: '「{found}」は評価として読めません。0〜10 の整数（10段階評価）を入力してください',
    en: '"{found}" is not a rating. Expected a whole number from 0 to 10',
  },
  'rating.missing': {
    ja: '評価が空欄です。0〜10 の整数を入力してください',
    en: 'The rating is blank. Expected a whole number from 0 to 10',
  },
  'indicator.missing': {
    ja: '指標名が空欄ですが、この行には値があります。指標名を入力するか、行の値を消してください',
    en: 'The indicator name is blank but the row has values. Enter the indicator or clear the row',
  },
  'pledgeKey.missing': {
    ja: '{header}が空欄です。この取組がどの基本政策・公約・施策に属するか入力してください',
    en: '{header} is blank. Say which policy, pledge and measure this activity belongs to',
  },
  'row.invalid': {
    ja: '行の値を読めませんでした（{found}）',
    en: 'The row could not be read ({found})',
  },
  'header.actualYearMissing': {
    ja: '実績列「{found}」の年度が読めません。実績R3、実績(令和3年度)、実績2021 のように年度を入れてください',
    en: 'The actual column "{found}" names no fiscal year. Expected e.g. 実績R3, 実績(令和3年度), 実績2021 or FY2021 actual',
  },
  'header.duplicate': {
    ja: '見出し「{found}」が {other} にもあります。どちらの列を使うか決められないため、片方の見出しを変えてください',
    en: 'The header "{found}" also appears in {other}. Rename one of the two columns',
  },
  'header.duplicateYear': {
    ja: '{year}年度の実績列が {other} にもあります。1年度につき1列にしてください',
    en: 'FY{year} has another actual column in {other}. Keep one column per fiscal year',
  },
  'sheet.outputBlocked': {
    ja: '出力列（{found}）を作る {other} にデータがあるため書き込めません。出力列の見出しを表に追加するか、その列を空けてください',
    en: 'Cannot create the output columns ({found}): {other} holds data. Add the output headers to the table or clear those cells',
  },
  'sheet.tooWide': {
    ja: '出力列を置く列が Excel の上限（XFD 列）を超えます',
    en: 'The output columns would go past Excel’s last column (XFD)',
  },
  'warn.gradeDNoNote': {
    ja: '評価が D（達成率 {achievement}）ですが備考が空欄です。未達の理由を備考に記入してください',
    en: 'Grade D (achievement {achievement}) with an empty 備考 (notes): reviewers need the reason',
  },
  'warn.unitMismatch': {
    ja: '単位「{found}」が単位列の「{unit}」と異なります。値の単位をそろえてください',
    en: 'The unit "{found}" differs from the row’s unit "{unit}". Use one unit per row',
  },
  'warn.aggregationConflict': {
    ja: '集計は「単年」ですが「{found}」と累計で書かれています。集計列を確認してください',
    en: 'Aggregation is 単年 (single year) but "{found}" is written as a running total. Check the 集計 column',
  },
  'warn.negativeTarget': {
    ja: '目標値が負の値（{found}）です。達成率は SPEC の式どおり計算していますが、内容を確認してください',
    en: 'The target is negative ({found}). Achievement follows the formula, but check the row',
  },
  'warn.duplicateKpi': {
    ja: '同じ施策・事業・指標名の行が {other} にもあります。重複していないか確認してください',
    en: 'Row {other} has the same measure, project and indicator. Check for a duplicate',
  },
  'warn.ratingStars': {
    ja: '評価を星の数（{found}）として読みました',
    en: 'Read the rating from its stars ({found})',
  },
  'reason.noActual': { ja: '実績値がないため達成率は空欄です', en: 'No actual value: achievement left blank' },
  'reason.noTarget': { ja: '目標値がないため達成率は空欄です', en: 'No target value: achievement left blank' },
  'reason.downZeroTargetNoProgress': {
    ja: '減少指標で目標値が 0 のため基準比進捗率を使いますが、それも計算できないため達成率は空欄です',
    en: 'Lower-is-better with target 0 uses progress from baseline, which cannot be computed: achievement left blank',
  },
  'reason.downNegative': {
    ja: '減少指標で負の値があるため達成率を計算できません',
    en: 'Lower-is-better with a negative value: achievement cannot be computed',
  },
  'reason.noBaseline': { ja: '基準値がないため基準比進捗率は空欄です', en: 'No baseline: progress from baseline left blank' },
  'reason.targetEqualsBaseline': {
    ja: '目標値と基準値が同じため基準比進捗率は空欄です',
    en: 'Target equals baseline: progress from baseline left blank',
  },
  'reason.cumulativeBaseline': {
    ja: '累計指標の基準値は単年度の値のため基準比進捗率は空欄です',
    en: 'Running-total KPI: its baseline is a single year, so progress from baseline is left blank',
  },
  'reason.againstDirection': {
    ja: '目標値が基準値から見て方向（{found}）と逆のため基準比進捗率は空欄です',
    en: 'The target lies against the direction ({found}) from the baseline: progress from baseline left blank',
  },
  'reason.outsidePlan': {
    ja: '実績年度 {year} が計画期間 {found} の外のため計画比は空欄です',
    en: 'The actual’s year {year} is outside the plan period {found}: pace left blank',
  },
  'reason.zeroExpected': {
    ja: '目標値が 0 のため計画比は空欄です',
    en: 'Target 0: pace left blank',
  },
  'reason.notComputable': {
    ja: '値が大きすぎて計算できないため空欄です',
    en: 'The values are too large to compute: left blank',
  },
  'reason.actualYearUnknown': {
    ja: '実績の年度が分からないため計画比は空欄です',
    en: 'The actual’s year is unknown: pace left blank',
  },
};

function fill(template: string, params: MessageParams): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => (params[k] !== undefined ? String(params[k]) : '{' + k + '}'));
}

export function messageJa(code: MessageCode, params: MessageParams = {}): string {
  return fill(TEMPLATES[code].ja, params);
}

export function messageEn(code: MessageCode, params: MessageParams = {}): string {
  return fill(TEMPLATES[code].en, params);
}

export function allMessageCodes(): MessageCode[] {
  return Object.keys(TEMPLATES) as MessageCode[];
}
