import { CorrectionLog } from './corrections';
import { PledgeToken, tokenizePledges } from './pledge-tokens';
import { formatStars, groupStarRuns, pledgeFeasible, starCandidates, StarText } from './stars';
import { closeOcrGaps, numberedLines, numberToRoman, romanToNumber, stripTags } from './text';
import { MeasureRecord, PledgeData, PledgeRecord, PolicyRecord } from './types';

const FILE = '002_8225d030e6ae9ba1.txt';

interface RawMeasure {
  title: string;
  line: number;
  activities: string[];
}

interface RawPledge {
  policy: number;
  pledge: number;
  line: number;
  detailTitle: string;
  percent: number | null;
  measures: RawMeasure[];
  departmentCells: { afterMeasure: number; departments: string[] }[];
  starRuns: StarText[];
}

type Lines = { line: number; text: string }[];

function section(lines: Lines, start: RegExp, end: RegExp | null): Lines {
  const from = lines.findIndex((l) => start.test(l.text));
  if (from < 0) throw new Error(`002: no line matching ${start}`);
  const to = end ? lines.findIndex((l, i) => i > from && end.test(l.text)) : lines.length;
  return lines.slice(from + 1, to < 0 ? lines.length : to);
}

/** Ⅰ 市長公約取組状況総括表: the published percentages and the pledge titles. */
function parseSummary(lines: Lines) {
  const policies: { number: number; percent: number }[] = [];
  const pledges: Omit<PledgeRecord, 'policy'>[][] = [];
  let overall: number | null = null;
  for (const { text } of lines) {
    const [label, value] = stripTags(text.replace(/\t/g, ' | ')).split(' | ').map((s) => s.trim());
    if (!label || !value || !/^\d+(\.\d)?$/.test(value)) continue;
    if (/^全\s*体$/.test(label)) {
      overall = Number(value);
      continue;
    }
    const m = /^(\S+)\s+(.*)$/.exec(label);
    if (!m) continue;
    const numeral = m[1].normalize('NFKC');
    if (/^[1-5]$/.test(numeral)) {
      pledges[policies.length - 1].push({ number: Number(numeral), title: closeOcrGaps(m[2]), publishedPercent: Number(value) });
    } else if (/^(I|II|III|IV|V)$/.test(numeral)) {
      policies.push({ number: ['I', 'II', 'III', 'IV', 'V'].indexOf(numeral) + 1, percent: Number(value) });
      pledges.push([]);
    }
  }
  if (overall === null || policies.length !== 5 || pledges.some((p) => p.length !== 5)) {
    throw new Error('002: 総括表 is not 5 policies × 5 pledges with 全体');
  }
  return { policies, pledges, overall };
}

function buildRawPledges(tokens: PledgeToken[]): RawPledge[] {
  const out: RawPledge[] = [];
  let policy = 0;
  let current: RawPledge | null = null;
  let lastHeader: 'policy' | 'pledge' = 'policy';
  let awaitingTitle = false;
  let previous: PledgeToken['kind'] | null = null;
  for (const t of tokens) {
    switch (t.kind) {
      case 'policy':
        policy = t.policy;
        lastHeader = 'policy';
        break;
      case 'pledge':
        current = { policy, pledge: t.pledge, line: t.line, detailTitle: t.title, percent: null, measures: [], departmentCells: [], starRuns: [] };
        out.push(current);
        awaitingTitle = !t.title;
        lastHeader = 'pledge';
        break;
      case 'percent':
        if (lastHeader === 'pledge') {
          if (!current || current.percent !== null) throw new Error(`002:${t.line}: stray percentage ${t.value}`);
          current.percent = t.value;
        }
        break;
      case 'title':
        if (!current) throw new Error(`002:${t.line}: title before any pledge`);
        if (awaitingTitle) {
          current.detailTitle = t.text;
          awaitingTitle = false;
        } else {
          current.measures.push({ title: t.text, line: t.line, activities: [] });
        }
        break;
      case 'activity': {
        const m = current?.measures[current.measures.length - 1];
        if (!m) throw new Error(`002:${t.line}: activity before any measure`);
        m.activities.push(t.text);
        break;
      }
      case 'department':
        if (!current) throw new Error(`002:${t.line}: department before any pledge`);
        if (previous !== 'department') current.departmentCells.push({ afterMeasure: current.measures.length, departments: [] });
        current.departmentCells[current.departmentCells.length - 1].departments.push(t.text);
        break;
      case 'stars':
        if (!current) throw new Error(`002:${t.line}: stars before any pledge`);
        current.starRuns.push({ text: t.text, line: t.line });
        break;
    }
    previous = t.kind;
  }
  return out;
}

function label(p: { policy: number; pledge: number }): string {
  return `政策${numberToRoman(p.policy)}-${p.pledge}`;
}

/** 担当部署 per measure: one cell each, or one cell for a row the OCR merged (shared by both). */
function departmentsOf(p: RawPledge, log: CorrectionLog): [string[], string[]] {
  const cells = p.departmentCells;
  if (cells.length === 2 && cells[0].afterMeasure === 1 && cells[1].afterMeasure === 2) {
    return [cells[0].departments, cells[1].departments];
  }
  if (cells.length === 1 && cells[0].afterMeasure === 2) {
    log.add(FILE, p.line, `${label(p)} 担当部署 (one cell for both 施策)`, cells[0].departments.join('、'),
      'the OCR merged the two 施策 rows of this 公約 into one: the single 担当部署 cell is given to both 施策');
    return [cells[0].departments, cells[0].departments];
  }
  if (cells.length === 0) return [[], []];
  throw new Error(`002:${p.line}: cannot assign 担当部署 cells of ${label(p)}`);
}

/**
 * 002 lines 169–170: the 担当部署 cell printed with 公約Ⅲ-3 lists こども育成課・こども支援課・健康支援課
 * (保育, 医療助成, コウノトリ: its 施策①), the cell printed with 公約Ⅲ-4 lists 障がい福祉課・こども相談課・
 * 青少年課・指導室 (医療的ケア児, ヤングケアラー, 子ども・若者支援: Ⅲ-3 施策②), and none of them fits Ⅲ-4
 * (市立病院, 妊婦健診, 公園). The cells slid down one row; Ⅲ-4's own cell is lost.
 */
function fixShiftedDepartmentCells(raw: RawPledge[], log: CorrectionLog): void {
  const a = raw.find((p) => p.policy === 3 && p.pledge === 3)!;
  const b = raw.find((p) => p.policy === 3 && p.pledge === 4)!;
  const names = (p: RawPledge) => p.departmentCells.map((c) => c.departments.join()).join('|');
  if (names(a) !== 'こども育成課,こども支援課,健康支援課' || names(b) !== '障がい福祉課,こども相談課,青少年課,指導室') {
    throw new Error('002: 担当部署 of 政策Ⅲ-3/Ⅲ-4 are not as the shift correction expects');
  }
  const [first, second] = [a.departmentCells[0], b.departmentCells[0]];
  a.departmentCells = [{ ...first, afterMeasure: 1 }, { ...second, afterMeasure: 2 }];
  b.departmentCells = [];
  log.add(FILE, a.line, `政策Ⅲ-3 担当部署 (one cell) ${first.departments.join('、')}`, `施策① ${first.departments.join('、')}`,
    'the OCR merged the two 施策 rows of Ⅲ-3; this cell matches 施策① (保育, 医療助成, コウノトリ)');
  log.add(FILE, b.line, `政策Ⅲ-4 担当部署 ${second.departments.join('、')}`, `政策Ⅲ-3 施策② ${second.departments.join('、')}`,
    'cell slid one row down: these departments match the activities of Ⅲ-3 施策② (医療的ケア児, ヤングケアラー, 子ども・若者)');
  log.add(FILE, b.line, '政策Ⅲ-4 担当部署', '(none)', 'Ⅲ-4\'s own 担当部署 cell is lost in the OCR: left empty rather than guessed');
}

/** Star count per measure from the printed strings and the published 公約 %. */
function starsOf(p: RawPledge, printed: StarText[], percent: number, log: CorrectionLog): [number, number] {
  if (printed.length < 1 || printed.length > 2) throw new Error(`002:${p.line}: ${printed.length} star strings for ${label(p)}`);
  const [c1, c2] = [starCandidates(printed[0].text), starCandidates(printed[1]?.text ?? null)];
  const pairs = c1.flatMap((s1) => c2.map((s2) => [s1, s2] as [number, number])).filter(([s1, s2]) => pledgeFeasible(s1, s2, percent));
  if (!pairs.length) throw new Error(`002:${p.line}: stars ${printed.map((x) => x.text).join(' / ')} cannot give ${percent}% for ${label(p)}`);
  // Several pairs only where a string is missing: take the one closest to the other measure.
  pairs.sort((x, y) => Math.abs(x[0] - x[1]) - Math.abs(y[0] - y[1]));
  if (pairs.length > 1 && Math.abs(pairs[0][0] - pairs[0][1]) === Math.abs(pairs[1][0] - pairs[1][1])) {
    throw new Error(`002:${p.line}: ambiguous stars for ${label(p)}`);
  }
  const chosen = pairs[0];
  chosen.forEach((count, i) => {
    const was = printed[i]?.text ?? null;
    if (was !== null && was === formatStars(count)) return;
    const options = pairs.map((q) => q[i]).filter((v, k, all) => all.indexOf(v) === k);
    log.add(FILE, printed[i]?.line ?? printed[0].line, `${label(p)} 施策${i + 1}: ${was ?? '(no stars printed)'}`, formatStars(count),
      was === null
        ? `the OCR lost this 施策's stars; ${percent}% with the other 施策 at ${chosen[1 - i]} allows ${options.join(' or ')}: ${count} taken (closest to the other 施策)`
        : `${was.replace(/\s/g, '').length} glyphs for 10; of the readings ${starCandidates(was).join(' or ')}, only ${count} gives the published ${percent}%`);
  });
  return chosen;
}

export function parsePledges(text: string, log: CorrectionLog): PledgeData {
  const lines = numberedLines(text);
  const summary = parseSummary(section(lines, /^# I 市長公約取組状況総括表/, /^## 市長公約取組 進捗状況/));
  const legend = new Map<number, string>();
  for (const { text: t } of lines) {
    const m = /^基本政策([ⅠⅡⅢⅣⅤ])：(.+)$/.exec(t.trim());
    if (m) legend.set(romanToNumber(m[1]), m[2].trim());
  }
  const raw = buildRawPledges(tokenizePledges(section(lines, /^## Ⅱ 市長公約取組状況/, null)));
  if (raw.length !== 25) throw new Error(`002: ${raw.length} pledges in the detail table`);
  fixShiftedDepartmentCells(raw, log);

  const policies: PolicyRecord[] = summary.policies.map((p) => ({ number: p.number, title: legend.get(p.number)!, publishedPercent: p.percent }));
  const pledges: PledgeRecord[] = summary.pledges.flatMap((list, i) => list.map((p) => ({ policy: i + 1, ...p })));
  const measures: MeasureRecord[] = [];
  for (const p of raw) {
    const published = pledges.find((q) => q.policy === p.policy && q.number === p.pledge);
    if (!published || p.measures.length !== 2) throw new Error(`002:${p.line}: ${label(p)} not in the 総括表 or not 2 施策`);
    if (p.percent !== published.publishedPercent) throw new Error(`002:${p.line}: ${label(p)} ${p.percent}% vs 総括表 ${published.publishedPercent}%`);
    if (closeOcrGaps(p.detailTitle) !== published.title) {
      log.add(FILE, p.line, p.detailTitle, published.title, 'the detail table words this 公約 differently from the 総括表 (OCR 取り組めます for 取り組みます; 安心して for 安心で): the 総括表 wording is used');
    }
    const departments = departmentsOf(p, log);
    const printed = groupStarRuns(p.starRuns);
    const stars = starsOf(p, printed, published.publishedPercent, log);
    p.measures.forEach((m, i) => {
      measures.push({
        policy: p.policy,
        pledge: p.pledge,
        measure: (i + 1) as 1 | 2,
        title: m.title,
        departments: departments[i],
        activities: m.activities,
        stars: formatStars(stars[i]),
        starCount: stars[i],
        starsPrinted: printed[i]?.text ?? null,
      });
    });
  }
  return { policies, pledges, measures, overall: summary.overall };
}
