/**
 * The problems of a review as the command line prints them: every error on a line of its own;
 * warnings of one kind (issue code) in one workbook as one line with their count and first
 * places — 警告: a.xlsx › 備考が空欄（D評価）: 36件（数値目標!N3、工業・雇用振興課!N4、N7、…、ほか 31件）.
 * A kind met once keeps its full line; --verbose prints every warning on its own line.
 */
import type { Issue } from '../domain/base/issues';
import type { Lang } from '../messages/lang';
import { issueKind, issueLine } from '../messages/issueText';
import { formatCount, formatList, translate } from '../messages/translate';

/** places named in a group line before "and n more" */
export const GROUP_PLACES = 5;

export interface ProblemLines {
  /** one line per error, in the review's order */
  errors: string[];
  /** one line per warning kind and workbook (per warning with verbose) */
  warnings: string[];
  /** some warnings were grouped (the hint to --verbose is worth printing) */
  grouped: boolean;
}

/** error: file › sheet!cell（header）: message */
export function problemLine(i: Issue, lang: Lang): string {
  return translate(lang, i.severity === 'error' ? 'cli.issue.error' : 'cli.issue.warning', { file: i.file ?? '', line: issueLine(lang, i) });
}

/** 数値目標!N3、工業・雇用振興課!N4、N7: the sheet is named when it changes */
export function placeList(issues: readonly Issue[], lang: Lang): string {
  let sheet: string | undefined;
  const places = issues.map((i) => {
    const same = i.sheet === sheet;
    sheet = i.sheet;
    if (!i.cell) return i.sheet;
    return same ? i.cell : translate(lang, 'place.cell', { sheet: i.sheet, cell: i.cell });
  });
  return formatList(lang, places);
}

function groupLine(group: readonly Issue[], lang: Lang): string {
  const first = group[0];
  const shown = group.slice(0, GROUP_PLACES);
  const more = group.length - shown.length;
  const places = more > 0 ? translate(lang, 'cli.issue.groupMore', { places: placeList(shown, lang), more: formatCount(lang, more) }) : placeList(shown, lang);
  return translate(lang, 'cli.issue.group', { file: first.file ?? '', kind: issueKind(lang, first.code), count: group.length, places });
}

/** errors one by one, then the warnings grouped by workbook and kind in the order first met */
export function problemLines(issues: readonly Issue[], lang: Lang, verbose: boolean): ProblemLines {
  const errors: string[] = [];
  const warnings: string[] = [];
  const groups = new Map<string, Issue[]>();
  for (const i of issues) {
    if (i.severity === 'error') errors.push(problemLine(i, lang));
    else if (i.severity === 'warning') {
      const key = `${i.file ?? ''}\u0000${i.code}`;
      const g = groups.get(key);
      if (g) g.push(i);
      else groups.set(key, [i]);
    }
  }
  let grouped = false;
  for (const g of groups.values()) {
    if (verbose || g.length === 1) for (const i of g) warnings.push(problemLine(i, lang));
    else {
      warnings.push(groupLine(g, lang));
      grouped = true;
    }
  }
  return { errors, warnings, grouped };
}
