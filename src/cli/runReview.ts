/**
 * `progress-review review`: read each workbook with exceljs, review them together, write a
 * reviewed copy of every workbook with at least one sheet without errors (only those sheets are
 * written, the others are listed), summary.xlsx into --out, and the JSON report. Inputs are only
 * read. Exit 0 done, 1 validation errors, 2 bad usage/unreadable.
 */
import ExcelJS from 'exceljs';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { buildReport } from '../domain/output/report';
import { review, skippedSheets, type WorkbookInput } from '../domain/review';
import { buildSummaryModel } from '../domain/output/summaryModel';
import { describeFeatures, inspectPackage, patchWorkbook, PatchError, PatchRefusedError } from '../xlsx/patch';
import { LOG_SHEET, planLogAppend } from '../domain/plan/auditLog';
import { writeFileAtomic } from './atomicWrite';
import { readSheets } from '../xlsx/readSheets';
import { summaryPackage } from '../xlsx/summary/summaryPackage';
import type { CliOptions } from './args';
import { translate } from '../messages/translate';
import type { RawSheet } from '../domain/base/raw';
import type { Io } from './io';
import { ReviewOutput } from './reviewOutput';

export type { Io } from './io';

export const EXIT_OK = 0;
export const EXIT_VALIDATION = 1;
export const EXIT_USAGE = 2;

interface Loaded {
  file: string;
  abs: string;
  name: string;
  /** the sheets as plain values; the exceljs workbook is dropped once read */
  sheets: RawSheet[];
  bytes: Uint8Array;
}

async function realOrResolved(p: string): Promise<string> {
  try {
    return await fs.realpath(p);
  } catch {
    return path.resolve(p);
  }
}

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

function shown(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith('..') ? rel : p;
}

/** A patch error in the chosen language (the patch writer gives both). */
function reasonOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export async function runReview(opts: CliOptions, io: Io): Promise<number> {
  const { lang, settings } = opts;
  const outDir = path.resolve(opts.out);
  const names = uniqueNames(opts.files);
  const say = new ReviewOutput(io, lang, opts.verbosity);
  const loaded: Loaded[] = [];
  for (let i = 0; i < opts.files.length; i++) {
    const file = opts.files[i];
    say.reading(i, opts.files.length, file);
    const abs = await realOrResolved(file);
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(abs);
    } catch (e) {
      say.progress.end();
      io.err(translate(lang, 'cli.error.unreadable', { file, reason: reasonOf(e) }));
      return EXIT_USAGE;
    }
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch (e) {
      say.progress.end();
      io.err(translate(lang, 'cli.error.notXlsx', { file, reason: reasonOf(e) }));
      return EXIT_USAGE;
    }
    loaded.push({ file, abs, name: names[i], sheets: readSheets(workbook), bytes: new Uint8Array(bytes) });
    say.read(i, opts.files.length, file, loaded[loaded.length - 1].sheets.length);
  }

  const inputSet = new Set(loaded.map((l) => l.abs));
  const targets = [...loaded.map((l) => path.join(outDir, l.name)), path.join(outDir, 'summary.xlsx')];
  if (opts.json) targets.push(path.resolve(opts.json));
  for (const t of targets) {
    if (inputSet.has(await realOrResolved(t))) {
      say.progress.end();
      io.err(translate(lang, 'cli.error.overwriteInput', { file: t }));
      return EXIT_USAGE;
    }
  }

  const inputs: WorkbookInput[] = loaded.map((l) => ({ file: l.name, sheets: l.sheets }));
  say.checking(inputs.length);
  const result = review(inputs, settings);
  say.checked(result);

  try {
    await fs.mkdir(outDir, { recursive: true });
  } catch (e) {
    say.progress.end();
    io.err(translate(lang, 'cli.error.cannotCreateOut', { dir: outDir, reason: reasonOf(e) }));
    return EXIT_USAGE;
  }

  const written: string[] = [];
  const notWritten: string[] = [];
  for (let i = 0; i < loaded.length; i++) {
    const fr = result.files[i];
    const l = loaded[i];
    // as in the pane: the sheets without errors are written, the others left as they are
    if (!fr.plan.sheets.length) {
      say.notWritten(i, loaded.length, l.name);
      continue;
    }
    say.writing(i, loaded.length, l.name);
    const logSheet = inputs[i].sheets.find((sh) => sh.name === LOG_SHEET);
    const log = planLogAppend(logSheet, result, i, { time: new Date().toISOString(), runner: 'CLI', file: l.name });
    let copy: Uint8Array;
    try {
      // the original package is edited in place: charts, pivots, macros … stay as they were
      copy = await patchWorkbook(l.bytes, fr.plan, log);
    } catch (e) {
      if (!(e instanceof PatchError)) throw e;
      for (const p of e instanceof PatchRefusedError ? e.problems : [e]) io.err(translate(lang, 'cli.issue.error', { file: l.name, line: p.text(lang) }));
      notWritten.push(l.name);
      continue;
    }
    const target = path.join(outDir, l.name);
    await writeFileAtomic(target, copy);
    written.push(target);
    say.written(i, loaded.length, l.name, fr.plan.sheets.length);
    say.kept(l.name, describeFeatures(await inspectPackage(l.bytes), lang));
  }

  const byName = new Map(loaded.map((l) => [l.name, l]));
  const model = buildSummaryModel(result, {
    lang,
    date: new Date().toISOString().slice(0, 10),
    linkFile: (file, kind) => {
      const l = byName.get(file);
      if (!l) return file;
      return kind === 'reviewed' ? l.name : path.relative(outDir, l.abs).split(path.sep).join('/');
    },
  });
  const summaryBytes = await summaryPackage(model);
  const summaryPath = path.join(outDir, 'summary.xlsx');
  await writeFileAtomic(summaryPath, summaryBytes);
  written.push(summaryPath);
  say.summary(shown(summaryPath));

  if (opts.json) {
    const jsonPath = path.resolve(opts.json);
    await fs.mkdir(path.dirname(jsonPath), { recursive: true });
    await writeFileAtomic(jsonPath, JSON.stringify(buildReport(result), null, 2) + '\n');
    written.push(jsonPath);
    say.report(shown(jsonPath));
  }

  const skipped = [...result.files.filter((f) => !f.plan.sheets.length && f.issues.some((x) => x.severity === 'error')).map((f) => f.file), ...notWritten];
  const partly = result.files
    .filter((f) => f.plan.sheets.length && !notWritten.includes(f.file))
    .map((f) => ({ file: f.file, sheets: skippedSheets(f) }))
    .filter((f) => f.sheets.length);
  say.finish(result, { books: loaded.length, written: written.map(shown), skipped, skippedSheets: partly });
  const errors = result.issues.filter((i) => i.severity === 'error');
  return errors.length || notWritten.length ? EXIT_VALIDATION : EXIT_OK;
}
