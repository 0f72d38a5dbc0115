import { decodeEntities, romanToNumber } from './text';

/**
 * The detail part of 002 (Ⅱ 市長公約取組状況) is a table the OCR rendered as tab-separated
 * lines with HTML lists in the cells, rows split and merged differently on every page. Rather
 * than trusting cell positions, the text is cut into pieces and each piece is recognised by
 * what it is: a policy or pledge number, a measure title (ends in ます), an activity (ends in 。),
 * a department, a percentage or star glyphs.
 */
export type PledgeToken =
  | { kind: 'policy'; policy: number; line: number }
  | { kind: 'pledge'; pledge: number; title: string; line: number }
  | { kind: 'title'; text: string; bullet: boolean; line: number }
  | { kind: 'activity'; text: string; line: number }
  | { kind: 'department'; text: string; line: number }
  | { kind: 'percent'; value: number; line: number }
  | { kind: 'stars'; text: string; line: number };

const DEPARTMENT = /^[^\s。、]{2,16}(課|室|所|館|場|センター|本部)$/;
/** Column headings the OCR repeats at every page break. */
const PAGE_HEADING = /^(基本政策|公約内容|施策内容|担当\s*部署|進捗\s*状況|進\s*捗\s*状\s*況|\(数値：%\)|取組事業内容\(令和4年7月～令和6年3月末\))/;

function pieces(line: string): string[] {
  return decodeEntities(line)
    .split(/<[^>]*>|\t/)
    .flatMap((p) => p.split(/(?:^|\s)(?=[・●])|\s(?=[★☆])/))
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

export function tokenizePledges(detail: { line: number; text: string }[]): PledgeToken[] {
  const tokens: PledgeToken[] = [];
  for (const { line, text } of detail) {
    for (const piece of pieces(text)) {
      const token = classify(piece, line);
      if (token) tokens.push(token);
    }
  }
  return tokens;
}

function classify(piece: string, line: number): PledgeToken | null {
  const policy = /^政策([ⅠⅡⅢⅣⅤ])/.exec(piece);
  if (policy) return { kind: 'policy', policy: romanToNumber(policy[1]), line };
  if (PAGE_HEADING.test(piece) || piece === '●' || /5th stage$/.test(piece)) return null; // policy title: read from the legend
  const pledge = /^([1-5])(?:\s+(.*))?$/.exec(piece);
  if (pledge) return { kind: 'pledge', pledge: Number(pledge[1]), title: pledge[2] ?? '', line };
  if (/^\d{2,3}$/.test(piece)) return { kind: 'percent', value: Number(piece), line };
  if (/^[★☆\s]+$/.test(piece)) return { kind: 'stars', text: piece, line };
  const body = piece.replace(/^[・●]\s*/, '');
  if (body.endsWith('。')) return { kind: 'activity', text: body, line };
  if (body.endsWith('ます')) return { kind: 'title', text: body, bullet: piece.startsWith('●'), line };
  if (DEPARTMENT.test(body)) return { kind: 'department', text: body, line };
  throw new Error(`002:${line}: unrecognised piece "${piece}"`);
}
