/**
 * `progress-review review`: read each workbook (src/xlsx/read, one at a time), review them
 * together, write a reviewed copy of every workbook with at least one sheet without errors (only
 * those sheets are written, the others are listed), summary.xlsx into --out, and the JSON report.
 * Inputs are only read. A file that cannot be read is reported and the others are still reviewed
 * and summarised. Exit 0 done, 1 validation errors, 2 bad usage or an unreadable file.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { buildReport } from '../domain/output/report';
import { review, skippedSheets, type WorkbookInput } from '../domain/review';
import { buildSummaryBook } from '../domain/output/summary/build';
import { describeFeatures, inspectPackage, patchWorkbook, PatchError, PatchRefusedError } from '../xlsx/patch';
import { LOG_SHEET, planLogAppend } from '../domain/plan/auditLog';
import { OutputError, OutputSet } from './outputPaths';
import { summaryPackage } from '../xlsx/summary/summaryPackage';
import type { CliOptions } from './args';
import type { Issue } from '../domain/base/issues';
import type { Lang } from '../messages/lang';
import { issueLine } from '../messages/issueText';
import { formatList, translate } from '../messages/translate';
import { loadWorkbooks, realOrResolved, sha256 } from './loadWorkbooks';

export interface Io {
  out(line: string): void;
  err(line: string): void;
}

export const EXIT_OK = 0;
export const EXIT_VALIDATION = 1;
export const EXIT_USAGE = 2;

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

/**
 * The review with its outputs as one set (outputPaths.ts): checked before anything is written,
 * and on any failure nothing left behind; an output that cannot be written is one line, exit 2.
 */
export async function runReview(opts: CliOptions, io: Io): Promise<number> {
  const outputs = new OutputSet();
  try {
    return await reviewAndWrite(opts, io, outputs);
  } catch (e) {
    await outputs.discard();
    if (!(e instanceof OutputError)) throw e;
    io.err(e.text(opts.lang));
    return EXIT_USAGE;
  }
}

async function reviewAndWrite(opts: CliOptions, io: Io, outputs: OutputSet): Promise<number> {
  const { lang, settings } = opts;
  const outDir = path.resolve(opts.out);
  const { loaded, unreadable } = await loadWorkbooks(opts.files, lang, io);
  if (!loaded.length) return EXIT_USAGE;

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
  // from here on only the log sheets are needed from the input: let the rest go
  const logSheets = inputs.map((w) => w.sheets.find((sh) => sh.name === LOG_SHEET));
  for (const w of inputs) w.sheets = [];
  for (const l of loaded) l.sheets = [];

  await outputs.prepare(targets);

  const written: string[] = [];
  const copied = new Set<string>();
  const notWritten: string[] = [];
  for (let i = 0; i < loaded.length; i++) {
    const fr = result.files[i];
    const l = loaded[i];
    // as in the pane: the sheets without errors are written, the others left as they are
    if (!fr.plan.sheets.length) continue;
    const log = planLogAppend(logSheets[i], result, i, { time: new Date().toISOString(), runner: 'CLI', file: l.name });
    // the bytes are read again here, so only one workbook is held at a time
    const bytes = new Uint8Array(await fs.readFile(l.abs));
    if (sha256(bytes) !== l.sha256) {
      io.err(translate(lang, 'cli.issue.error', { file: l.file, line: translate(lang, 'read.changed') }));
      notWritten.push(l.name);
      continue;
    }
    let copy: Uint8Array;
    try {
      // the original package is edited in place: charts, pivots, macros … stay as they were
      copy = await patchWorkbook(bytes, fr.plan, log);
    } catch (e) {
      if (!(e instanceof PatchError)) throw e;
      for (const p of e instanceof PatchRefusedError ? e.problems : [e]) io.err(translate(lang, 'cli.issue.error', { file: l.name, line: p.text(lang) }));
      notWritten.push(l.name);
      continue;
    }
    await outputs.write(path.join(outDir, l.name), copy);
    copied.add(l.name);
    const kept = describeFeatures(await inspectPackage(bytes), lang);
    if (kept.length) io.out(translate(lang, 'cli.keptFeatures', { file: l.name, features: formatList(lang, kept) }));
  }

  // links go to the reviewed copy where one was written, else to the input; relative, so the folder can move
  const byName = new Map(loaded.map((l) => [l.name, l]));
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
  await outputs.write(path.join(outDir, 'summary.xlsx'), summaryBytes);
  if (opts.json) await outputs.write(path.resolve(opts.json), JSON.stringify(buildReport(result), null, 2) + '\n');
  written.push(...(await outputs.commit()));

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
  if (unreadable) return EXIT_USAGE;
  return errors.length || notWritten.length ? EXIT_VALIDATION : EXIT_OK;
}
