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
import { buildSummaryBook } from '../domain/output/summary/build';
import { describeFeatures, inspectPackage, patchWorkbook, PatchError, PatchRefusedError } from '../xlsx/patch';
import { LOG_SHEET, planLogAppend } from '../domain/plan/auditLog';
import { writeFileAtomic } from './atomicWrite';
import { readSheets } from '../xlsx/readSheets';
import { summaryPackage } from '../xlsx/summary/summaryPackage';
import type { CliOptions } from './args';
import type { Issue } from '../domain/base/issues';
import type { Lang } from '../messages/lang';
import { issueLine } from '../messages/issueText';
import { formatList, translate } from '../messages/translate';
import type { RawSheet } from '../domain/base/raw';

export interface Io {
  out(line: string): void;
  err(line: string): void;
}

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

/** error: dept.xlsx › 政策推進課!B2（基準値）: 「約50」は… (SPEC: file › sheet!cell: message) */
function problemLine(i: Issue, lang: Lang): string {
  return translate(lang, i.severity === 'error' ? 'cli.issue.error' : 'cli.issue.warning', { file: i.file ?? '', line: issueLine(lang, i) });
}

/** the local calendar day, YYYY-MM-DD (the summary's date is the day it is made where it is made) */
function localDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** A patch error in the chosen language (the patch writer gives both). */
function reasonOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export async function runReview(opts: CliOptions, io: Io): Promise<number> {
  const { lang, settings } = opts;
  const outDir = path.resolve(opts.out);
  const names = uniqueNames(opts.files);
  const loaded: Loaded[] = [];
  for (let i = 0; i < opts.files.length; i++) {
    const file = opts.files[i];
    const abs = await realOrResolved(file);
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(abs);
    } catch (e) {
      io.err(translate(lang, 'cli.error.unreadable', { file, reason: reasonOf(e) }));
      return EXIT_USAGE;
    }
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch (e) {
      io.err(translate(lang, 'cli.error.notXlsx', { file, reason: reasonOf(e) }));
      return EXIT_USAGE;
    }
    loaded.push({ file, abs, name: names[i], sheets: readSheets(workbook), bytes: new Uint8Array(bytes) });
  }

  const inputSet = new Set(loaded.map((l) => l.abs));
  const targets = [...loaded.map((l) => path.join(outDir, l.name)), path.join(outDir, 'summary.xlsx')];
  if (opts.json) targets.push(path.resolve(opts.json));
  for (const t of targets) {
    if (inputSet.has(await realOrResolved(t))) {
      io.err(translate(lang, 'cli.error.overwriteInput', { file: t }));
      return EXIT_USAGE;
    }
  }

  const inputs: WorkbookInput[] = loaded.map((l) => ({ file: l.name, sheets: l.sheets }));
  const result = review(inputs, settings);

  try {
    await fs.mkdir(outDir, { recursive: true });
  } catch (e) {
    io.err(translate(lang, 'cli.error.cannotCreateOut', { dir: outDir, reason: reasonOf(e) }));
    return EXIT_USAGE;
  }

  const written: string[] = [];
  const notWritten: string[] = [];
  for (let i = 0; i < loaded.length; i++) {
    const fr = result.files[i];
    const l = loaded[i];
    // as in the pane: the sheets without errors are written, the others left as they are
    if (!fr.plan.sheets.length) continue;
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
    const kept = describeFeatures(await inspectPackage(l.bytes), lang);
    if (kept.length) io.out(translate(lang, 'cli.keptFeatures', { file: l.name, features: formatList(lang, kept) }));
  }

  // links go to the reviewed copy where one was written, else to the input; relative, so the folder can move
  const byName = new Map(loaded.map((l) => [l.name, l]));
  const copied = new Set(written.map((w) => path.basename(w)));
  const model = buildSummaryBook(result, {
    lang,
    date: localDate(new Date()),
    notWritten,
    linkFile: (file) => {
      const l = byName.get(file);
      if (!l) return file;
      return copied.has(l.name) ? l.name : path.relative(outDir, l.abs).split(path.sep).join('/');
    },
  });
  const summaryBytes = await summaryPackage(model);
  const summaryPath = path.join(outDir, 'summary.xlsx');
  await writeFileAtomic(summaryPath, summaryBytes);
  written.push(summaryPath);

  if (opts.json) {
    const jsonPath = path.resolve(opts.json);
    await fs.mkdir(path.dirname(jsonPath), { recursive: true });
    await writeFileAtomic(jsonPath, JSON.stringify(buildReport(result), null, 2) + '\n');
    written.push(jsonPath);
  }

  const errors = result.issues.filter((i) => i.severity === 'error');
  const warnings = result.issues.filter((i) => i.severity === 'warning');
  for (const i of [...errors, ...warnings]) io.err(problemLine(i, lang));
  const skipped = [...result.files.filter((f) => !f.plan.sheets.length && f.issues.some((x) => x.severity === 'error')).map((f) => f.file), ...notWritten];
  const kpiSheets = result.files.reduce((n, f) => n + f.sheets.filter((s) => s.kind === 'kpi').length, 0);
  const pledgeSheets = result.files.reduce((n, f) => n + f.sheets.filter((s) => s.kind === 'pledge').length, 0);
  io.out(
    translate(lang, 'cli.done.counts', {
      books: loaded.length,
      kpiSheets,
      pledgeSheets,
      kpis: result.kpis.length,
      activities: result.activities.length,
      errors: errors.length,
      warnings: warnings.length,
    }),
  );
  if (skipped.length) io.out(translate(lang, 'cli.done.skipped', { files: formatList(lang, skipped) }));
  for (const f of result.files) {
    const sheets = skippedSheets(f);
    if (f.plan.sheets.length && sheets.length && !notWritten.includes(f.file)) io.out(translate(lang, 'cli.done.skippedSheets', { file: f.file, sheets: formatList(lang, sheets) }));
  }
  for (const w of written) io.out(translate(lang, 'cli.done.wrote', { path: shown(w) }));
  return errors.length || notWritten.length ? EXIT_VALIDATION : EXIT_OK;
}
