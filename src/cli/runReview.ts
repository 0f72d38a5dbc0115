/**
 * `progress-review review`: read each workbook (src/xlsx/read, one at a time), review them
 * together, write a reviewed copy of every workbook with at least one sheet without errors (only
 * those sheets are written, the others are listed), summary.xlsx into --out, and the JSON report.
 * Inputs are only read. A file that cannot be read is reported and the others are still reviewed
 * and summarised. What the run prints (progress, grouped problems, the final line) is ./reviewOutput.
 * Exit 0 done, 1 validation errors, 2 bad usage or an unreadable file.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { buildReport } from '../domain/output/report';
import { review, skippedSheets, type WorkbookInput } from '../domain/review';
import { summarySheets } from '../domain/output/summary/build';
import { describeFeatures, inspectPackage, patchWorkbookChunks, PatchError, PatchRefusedError, prefetchSheets, type PrefetchedSheets } from '../xlsx/patch';
import { LOG_SHEET, planLogAppend } from '../domain/plan/auditLog';
import { OutputError, OutputSet } from './outputPaths';
import { summaryPackageChunks } from '../xlsx/summary/summaryPackage';
import { DeflateHelper } from '../xlsx/zip/deflateHelper';
import type { CliOptions } from './args';
import type { Lang } from '../messages/lang';
import { translate } from '../messages/translate';
import type { Io } from './io';
import { loadWorkbooks, realOrResolved, reviewable, sha256, type LoadedWorkbook } from './loadWorkbooks';
import { ReviewOutput } from './reviewOutput';

export type { Io } from './io';

export const EXIT_OK = 0;
export const EXIT_VALIDATION = 1;
export const EXIT_USAGE = 2;

function shown(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith('..') ? rel : p;
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
  const say = new ReviewOutput(io, opts.lang, opts.verbosity);
  try {
    return await reviewAndWrite(opts, io, say, outputs);
  } catch (e) {
    say.progress.end();
    await outputs.discard();
    if (!(e instanceof OutputError)) throw e;
    io.err(e.text(opts.lang));
    return EXIT_USAGE;
  }
}

/**
 * The line of a copy's kept features, to print when its turn comes (a failure is thrown then,
 * not left as a rejection nobody waits for meanwhile).
 */
function keptFeatures(bytes: Uint8Array, prefetched: PrefetchedSheets | undefined, file: string, say: ReviewOutput, lang: Lang): Promise<() => void> {
  return inspectPackage(bytes, prefetched).then(
    (inventory) => () => say.kept(file, describeFeatures(inventory, lang)),
    (e: unknown) => () => {
      throw e;
    },
  );
}

/** A workbook's bytes read again for its copy; null when they are not those reviewed (it changed meanwhile). */
async function reread(l: LoadedWorkbook): Promise<Uint8Array | null> {
  const bytes = new Uint8Array(await fs.readFile(l.abs));
  return sha256(bytes) === l.sha256 ? bytes : null;
}

async function reviewAndWrite(opts: CliOptions, io: Io, say: ReviewOutput, outputs: OutputSet): Promise<number> {
  const { lang, settings } = opts;
  const outDir = path.resolve(opts.out);
  // started now, the deflating thread is ready by the time the first copy is written
  DeflateHelper.shared();
  const { loaded, unreadable } = await loadWorkbooks(opts.files, lang, { err: (l) => io.err(l), warn: (l) => say.warning(l) }, say);
  if (!loaded.length) {
    say.progress.end();
    return EXIT_USAGE;
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
  // the first workbook's KPI and pledge sheets are inflated again on the thread pool while the review runs
  let first = await reread(loaded[0]);
  let prefetched = first && prefetchSheets(first, loaded[0].sheets.filter(reviewable).map((s) => s.name));
  say.checking(inputs.length);
  const result = review(inputs, settings);
  say.checked(result);
  // from here on only the log sheets are needed from the input: let the rest go
  const logSheets = inputs.map((w) => w.sheets.find((sh) => sh.name === LOG_SHEET));
  for (const w of inputs) w.sheets = [];
  for (const l of loaded) l.sheets = [];

  await outputs.prepare(targets);

  const copied = new Set<string>();
  const notWritten: string[] = [];
  for (let i = 0; i < loaded.length; i++) {
    const fr = result.files[i];
    const l = loaded[i];
    // the first workbook's bytes and sheets are held for its turn only
    const early = i === 0 ? { bytes: first, prefetched } : null;
    first = prefetched = null;
    // as in the pane: the sheets without errors are written, the others left as they are
    if (!fr.plan.sheets.length) {
      say.notWritten(i, loaded.length, l.name);
      continue;
    }
    say.writing(i, loaded.length, l.name);
    const log = planLogAppend(logSheets[i], result, i, { time: new Date().toISOString(), runner: 'CLI', file: l.name });
    // the bytes are read again here, so only one workbook is held at a time
    const bytes = early ? early.bytes : await reread(l);
    if (!bytes) {
      io.err(translate(lang, 'cli.issue.error', { file: l.file, line: translate(lang, 'read.changed') }));
      notWritten.push(l.name);
      continue;
    }
    // the features the copy keeps are listed meanwhile: the listing scans the sheets inflated
    // ahead, and inflates the others again on the thread pool
    const sheets = (await early?.prefetched) ?? undefined;
    const kept = keptFeatures(bytes, sheets, l.name, say, lang);
    let copy: Uint8Array[];
    try {
      // the original package is edited in place: charts, pivots, macros … stay as they were
      copy = await patchWorkbookChunks(bytes, fr.plan, log, { prefetched: sheets });
    } catch (e) {
      if (!(e instanceof PatchError)) throw e;
      for (const p of e instanceof PatchRefusedError ? e.problems : [e]) io.err(translate(lang, 'cli.issue.error', { file: l.name, line: p.text(lang) }));
      notWritten.push(l.name);
      continue;
    }
    await outputs.write(path.join(outDir, l.name), copy);
    copied.add(l.name);
    say.written(i, loaded.length, l.name, fr.plan.sheets.length);
    (await kept)();
  }

  // links go to the reviewed copy where one was written, else to the input; relative, so the folder can move
  const byName = new Map(loaded.map((l) => [l.name, l]));
  // the sheets are made as the writer reaches them, and let go once written
  const model = summarySheets(result, {
    lang,
    date: localDate(new Date()),
    notWritten,
    linkFile: (file) => {
      const l = byName.get(file);
      if (!l) return file;
      return copied.has(l.name) ? l.name : path.relative(outDir, l.abs).split(path.sep).join('/');
    },
  });
  const summaryPath = path.join(outDir, 'summary.xlsx');
  await outputs.write(summaryPath, summaryPackageChunks(model));
  say.summary(shown(summaryPath));
  if (opts.json) {
    const jsonPath = path.resolve(opts.json);
    await outputs.write(jsonPath, JSON.stringify(buildReport(result), null, 2) + '\n');
    say.report(shown(jsonPath));
  }
  const written = await outputs.commit();

  const skipped = [...result.files.filter((f) => !f.plan.sheets.length && f.issues.some((x) => x.severity === 'error')).map((f) => f.file), ...notWritten];
  const partly = result.files
    .filter((f) => f.plan.sheets.length && !notWritten.includes(f.file))
    .map((f) => ({ file: f.file, sheets: skippedSheets(f) }))
    .filter((f) => f.sheets.length);
  say.finish(result, { books: loaded.length, written: written.map(shown), skipped, skippedSheets: partly });
  if (unreadable) return EXIT_USAGE;
  const errors = result.issues.some((i) => i.severity === 'error');
  return errors || notWritten.length ? EXIT_VALIDATION : EXIT_OK;
}
