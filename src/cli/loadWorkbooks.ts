/**
 * The command line's batch of input workbooks, read one at a time: each file's bytes are read,
 * checked against the files before it (the same path or the same bytes twice is reviewed once,
 * with a warning), turned into raw sheets by src/xlsx/read and dropped; only the sheets and a
 * hash stay. A file that cannot be read is reported and the others go on.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { RawSheet } from '../domain/base/raw';
import { LOG_SHEET } from '../domain/plan/auditLog';
import { detectHeader } from '../domain/sheets/headers';
import type { Lang } from '../messages/lang';
import { translate } from '../messages/translate';
import { readXlsx, ReadError } from '../xlsx/read';

export interface LoadedWorkbook {
  /** as given on the command line */
  file: string;
  /** resolved real path */
  abs: string;
  /** the name its reviewed copy gets in --out */
  name: string;
  sheets: RawSheet[];
  /** SHA-256 of the bytes read, to check the file is unchanged when its copy is made */
  sha256: string;
}

export interface LoadResult {
  loaded: LoadedWorkbook[];
  /** some file could not be read (exit status 2) */
  unreadable: boolean;
}

interface Out {
  err(line: string): void;
  /** warnings (a duplicate file, a sheet skipped); err when absent */
  warn?(line: string): void;
}

/** told as each file is read (the command line's progress) */
export interface LoadProgress {
  reading(index: number, total: number, file: string): void;
  read(index: number, total: number, file: string, sheets: number): void;
}

/**
 * The sheets worth reading whole: those with a KPI or pledge header in their first rows, and
 * the review log (its last row is where the next entry goes). The others stop after those rows.
 */
export function reviewable(head: RawSheet): boolean {
  return head.name === LOG_SHEET || detectHeader(head) !== null;
}

export async function realOrResolved(p: string): Promise<string> {
  try {
    return await fs.realpath(p);
  } catch {
    return path.resolve(p);
  }
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Names for the reviewed copies: the file's own name, numbered when two share one. */
function uniqueNames(files: readonly string[]): string[] {
  const used = new Map<string, number>();
  return files.map((f) => {
    const base = path.basename(f);
    const n = (used.get(base.toLowerCase()) ?? 0) + 1;
    used.set(base.toLowerCase(), n);
    if (n === 1) return base;
    const ext = path.extname(base);
    return `${base.slice(0, base.length - ext.length)}-${n}${ext}`;
  });
}

/** Why a file could not be read, in the user's language (no library text). */
function fileProblem(e: unknown, lang: Lang): string {
  if (e instanceof ReadError) return e.text(lang);
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return translate(lang, 'read.fileMissing');
  if (code === 'EACCES' || code === 'EPERM') return translate(lang, 'read.fileDenied');
  if (code === 'EISDIR') return translate(lang, 'read.fileIsFolder');
  return translate(lang, 'read.fileOther', { code: code ?? String(e) });
}

function skippedLine(file: string, sheet: string, reason: ReadError, lang: Lang): string {
  return translate(lang, 'cli.issue.warning', { file, line: translate(lang, 'read.sheetSkipped', { sheet, reason: reason.text(lang) }) });
}

export async function loadWorkbooks(files: readonly string[], lang: Lang, io: Out, progress?: LoadProgress): Promise<LoadResult> {
  const warn = (line: string) => (io.warn ?? io.err).call(io, line);
  const loaded: LoadedWorkbook[] = [];
  const byPath = new Map<string, string>();
  const byHash = new Map<string, string>();
  let unreadable = false;
  const names = uniqueNames(files);
  for (let i = 0; i < files.length; i++) {
    const file = files[i];
    progress?.reading(i, files.length, file);
    const abs = await realOrResolved(file);
    const samePath = byPath.get(abs);
    if (samePath !== undefined) {
      warn(translate(lang, 'cli.issue.warning', { file, line: translate(lang, 'read.duplicateFile', { other: samePath }) }));
      continue;
    }
    byPath.set(abs, file);
    let sheets: RawSheet[];
    let hash: string;
    try {
      const bytes = new Uint8Array(await fs.readFile(abs));
      hash = sha256(bytes);
      const sameBytes = byHash.get(hash);
      if (sameBytes !== undefined) {
        warn(translate(lang, 'cli.issue.warning', { file, line: translate(lang, 'read.duplicateFile', { other: sameBytes }) }));
        continue;
      }
      byHash.set(hash, file);
      const result = await readXlsx(bytes, { keepReading: reviewable });
      for (const s of result.skipped) {
        warn(skippedLine(file, s.sheet, s.reason, lang));
      }
      sheets = result.sheets;
    } catch (e) {
      if (!(e instanceof ReadError) && !(e as NodeJS.ErrnoException)?.code) throw e;
      if (e instanceof ReadError) for (const s of e.skipped) warn(skippedLine(file, s.sheet, s.reason, lang));
      io.err(translate(lang, 'cli.issue.error', { file, line: translate(lang, 'read.unreadable', { reason: fileProblem(e, lang) }) }));
      unreadable = true;
      continue;
    }
    loaded.push({ file, abs, name: names[i], sheets, sha256: hash });
    progress?.read(i, files.length, file, sheets.length);
  }
  return { loaded, unreadable };
}
