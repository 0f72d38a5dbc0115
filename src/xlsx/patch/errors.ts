/**
 * Why a reviewed copy could not be written by patching the package. Messages come in
 * Japanese (shown by default) and English, like the validation issues.
 */
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

export class PatchError extends Error {
  readonly code: PatchErrorCode;
  readonly messageEn: string;
  readonly sheet?: string;
  readonly cell?: string;

  constructor(code: PatchErrorCode, message: string, messageEn: string, where?: { sheet?: string; cell?: string }) {
    super(message);
    this.name = 'PatchError';
    this.code = code;
    this.messageEn = messageEn;
    this.sheet = where?.sheet;
    this.cell = where?.cell;
  }
}

/**
 * Several problems at once (one per refused sheet): every one is listed so the user can fix
 * them together. Nothing is written when this is thrown.
 */
export class PatchRefusedError extends PatchError {
  readonly problems: PatchError[];

  constructor(problems: PatchError[]) {
    super(problems[0].code, problems.map((p) => p.message).join('\n'), problems.map((p) => p.messageEn).join('\n'), { sheet: problems[0].sheet, cell: problems[0].cell });
    this.name = 'PatchRefusedError';
    this.problems = problems;
  }
}
