/**
 * `progress-review template kpi|pledge --out file.xlsx`: the template the pane's テンプレート作成
 * adds, from the same model (domain/output/templates), as a workbook of its own
 * (xlsx/template). An existing file is never overwritten. Exit 0 written, 2 cannot write.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { templateFor } from '../domain/output/templates';
import { translate } from '../messages/translate';
import { templatePackage } from '../xlsx/template/templatePackage';
import type { TemplateCliOptions } from './args';
import type { Io } from './io';
import { OutputError } from './outputPaths';
import { EXIT_OK, EXIT_USAGE } from './runReview';

export async function runTemplate(opts: TemplateCliOptions, io: Io): Promise<number> {
  const { lang } = opts;
  const model = templateFor(opts.kind, opts.settings, opts.department, lang);
  const bytes = templatePackage(model);
  const target = path.resolve(opts.out);
  try {
    await fs.mkdir(path.dirname(target), { recursive: true });
  } catch (e) {
    io.err(OutputError.from(path.dirname(target), e).text(lang));
    return EXIT_USAGE;
  }
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(target, 'wx'); // fails when the file exists: nothing is overwritten
  } catch (e) {
    const exists = (e as NodeJS.ErrnoException)?.code === 'EEXIST';
    io.err(exists ? translate(lang, 'cli.error.templateExists', { file: opts.out }) : OutputError.from(target, e).text(lang));
    return EXIT_USAGE;
  }
  try {
    await handle.writeFile(bytes);
    await handle.close();
  } catch (e) {
    await handle.close().catch(() => undefined);
    await fs.rm(target, { force: true });
    io.err(OutputError.from(target, e).text(lang));
    return EXIT_USAGE;
  }
  io.out(translate(lang, 'cli.template.wrote', { path: opts.out, sheet: model.sheetName }));
  return EXIT_OK;
}
