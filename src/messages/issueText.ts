/**
 * A problem of the review in words. The domain's Issue carries a code, its place (file, sheet,
 * cell, header) and parameters as data; every surface says it through these functions, in its
 * own language: the pane shows issueMessage beside the cell and header it shows itself, the
 * command line and the JSON report print issueLine.
 */
import type { Lang } from './lang';
import { ja, type MessageKey } from './ja';
import { translate, type Params } from './translate';

/** The codes of review problems: the catalogue's `issue.*` keys without the prefix. */
export type IssueCode = MessageKey extends infer K ? (K extends `issue.${infer C}` ? C : never) : never;

/** What a problem needs to be said: the domain's Issue has these fields. */
export interface IssueWords {
  code: IssueCode;
  params?: Params;
  sheet: string;
  /** A1 address, when the problem is about one cell */
  cell?: string;
  header?: string;
}

export function issueKey(code: IssueCode): MessageKey {
  return `issue.${code}` as MessageKey;
}

/** the message alone: 「約50」は数値として読めません… */
export function issueMessage(lang: Lang, issue: Pick<IssueWords, 'code' | 'params'>): string {
  return translate(lang, issueKey(issue.code), issue.params);
}

/** where it is: 政策推進課!H12（実績R3） */
export function issuePlace(lang: Lang, issue: Pick<IssueWords, 'sheet' | 'cell' | 'header'>): string {
  const { sheet, cell, header } = issue;
  if (cell) return header ? translate(lang, 'place.cellHeader', { sheet, cell, header }) : translate(lang, 'place.cell', { sheet, cell });
  return header ? translate(lang, 'place.sheetHeader', { sheet, header }) : sheet;
}

/** place and message as one line: 政策推進課!H12（実績R3）: 「約50」は…; a problem of the whole workbook (no sheet) is its message alone */
export function issueLine(lang: Lang, issue: IssueWords): string {
  const place = issuePlace(lang, issue);
  return place ? translate(lang, 'place.line', { place, message: issueMessage(lang, issue) }) : issueMessage(lang, issue);
}

/** every code the catalogue words */
export function issueCodes(): IssueCode[] {
  return Object.keys(ja)
    .filter((k) => k.startsWith('issue.'))
    .map((k) => k.slice('issue.'.length) as IssueCode);
}

/** the kind of a problem, the title of a group of the same code: 備考が空欄（D評価） */
export function issueKind(lang: Lang, code: IssueCode): string {
  const key = `issueKind.${code}`;
  return key in ja ? translate(lang, key as MessageKey) : issueMessage(lang, { code });
}
