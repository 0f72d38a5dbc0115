/**
 * Why a reviewed copy could not be written by patching the package. An error is data: a
 * category (`code`), a message key of the catalogue (src/messages, keys `patch.*` and
 * `xlsx.package.*`), its parameters and the place (sheet, cell, part). Surfaces format it with
 * translate(lang, error.key, error.params); `message` (Japanese) and `messageEn` are the
 * same texts, for logs and tests.
 */
import type { Lang } from '../../messages/lang';
import { translate, type MessageKey, type Params } from '../../messages/translate';
import { PackageError } from '../ooxml/packageError';

export type PatchErrorCode =
  /** the package itself is not something we can edit (not OPC, Strict, missing parts) */
  | 'package'
  /** a planned sheet is not in the workbook or its part is not a worksheet */
  | 'sheet'
  /** the worksheet XML is not in a form we can edit safely (rows out of order, CDATA …) */
  | 'xml'
  /** an output cell belongs to a shared or array formula that other cells still use */
  | 'formula'
  /** a value cannot be stored (NaN, Infinity) */
  | 'value';

export type PatchMessageKey = Extract<MessageKey, `patch.${string}` | `xlsx.package.${string}`>;

/** Where the problem is; sheet and cell are also parameters of the message. */
export interface PatchPlace {
  sheet?: string;
  cell?: string;
  part?: string;
}

export class PatchError extends Error {
  /** the message's parameters, the place's sheet and cell included */
  readonly params: Params;

  constructor(
    readonly code: PatchErrorCode,
    readonly key: PatchMessageKey,
    params: Params = {},
    readonly place: PatchPlace = {},
  ) {
    const all: Params = { ...params };
    if (place.sheet !== undefined) all.sheet ??= place.sheet;
    if (place.cell !== undefined) all.cell ??= place.cell;
    super(translate('ja', key, all));
    this.name = 'PatchError';
    this.params = all;
  }

  /** the message in `lang` */
  text(lang: Lang): string {
    return translate(lang, this.key, this.params);
  }

  get messageEn(): string {
    return this.text('en');
  }

  get sheet(): string | undefined {
    return this.place.sheet;
  }

  get cell(): string | undefined {
    return this.place.cell;
  }

  /** A package-structure problem found by the OOXML toolkit, as a patch refusal. */
  static fromPackage(e: PackageError): PatchError {
    const part = e.params.part;
    return new PatchError('package', e.key, e.params, typeof part === 'string' ? { part } : {});
  }
}

/**
 * Several problems at once (one per refused sheet): every one is listed so the user can fix
 * them together. Nothing is written when this is thrown. Surfaces list `problems`.
 */
export class PatchRefusedError extends PatchError {
  constructor(readonly problems: PatchError[]) {
    super(problems[0].code, problems[0].key, problems[0].params, problems[0].place);
    this.name = 'PatchRefusedError';
    this.message = this.text('ja');
  }

  override text(lang: Lang): string {
    return this.problems.map((p) => p.text(lang)).join('\n');
  }
}
