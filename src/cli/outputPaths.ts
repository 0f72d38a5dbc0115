/**
 * The outputs of one run (reviewed copies, summary.xlsx, the JSON report) as one set: every
 * path is checked before anything is written, each file is staged in a temporary file beside
 * its target, and the set appears only when all of it could be written. On a failure the
 * temporary files (and the folders this run created) are removed, so no partial set is left.
 *
 *   const outputs = new OutputSet();
 *   await outputs.prepare(paths);      // OutputError: one line, nothing written
 *   await outputs.write(path, bytes);  // staged (flushed to disk meanwhile)
 *   await outputs.commit();            // once flushed, renamed into place, in order
 *   await outputs.discard();           // after any failure
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Lang } from '../messages/lang';
import { translate, type MessageKey } from '../messages/translate';
import { joined } from '../xlsx/zip/partBlocks';

/** Why an output cannot be written, for one line in the user's language (no stack, no library text). */
export class OutputError extends Error {
  constructor(
    readonly path: string,
    readonly reason: MessageKey,
    readonly code?: string,
  ) {
    super(`${path}: ${code ?? reason}`);
  }

  text(lang: Lang): string {
    return translate(lang, 'cli.output.failed', { path: this.path, reason: { key: this.reason, params: { code: this.code ?? '' } } });
  }

  /** The reason an operating-system error gives, as an OutputError for `target`. */
  static from(target: string, e: unknown): OutputError {
    if (e instanceof OutputError) return e;
    const code = (e as NodeJS.ErrnoException)?.code;
    return new OutputError(target, REASONS[code ?? ''] ?? 'cli.output.reason.other', code ?? String(e));
  }
}

const REASONS: Record<string, MessageKey> = {
  EACCES: 'cli.output.reason.denied',
  EPERM: 'cli.output.reason.denied',
  EROFS: 'cli.output.reason.readOnly',
  ENOTDIR: 'cli.output.reason.underFile',
  EEXIST: 'cli.output.reason.underFile',
  EISDIR: 'cli.output.reason.isFolder',
  ENAMETOOLONG: 'cli.output.reason.nameTooLong',
  ENOSPC: 'cli.output.reason.noSpace',
  EDQUOT: 'cli.output.reason.noSpace',
};

const tempName = () => `.progress-review-${process.pid}-${randomBytes(4).toString('hex')}.tmp`;

async function statOrNull(p: string): Promise<import('node:fs').Stats | null> {
  try {
    return await fs.stat(p);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

export class OutputSet {
  /** target → its staged temporary file */
  private readonly staged = new Map<string, string>();
  private committed = false;
  private targets = new Set<string>();
  /** folders this run created, outermost first */
  private readonly created: string[] = [];
  /** the last staged file's flush to disk and close, which goes on while the run does */
  private flushing: Promise<void> = Promise.resolve();

  /**
   * Checks every target before anything is written: each name is usable, no target is a
   * folder, each folder exists or can be created (nothing in its path is a file), and a file
   * can be created in it. Missing folders are created (and removed again by discard()).
   */
  async prepare(targets: readonly string[]): Promise<void> {
    const abs = targets.map((t) => path.resolve(t));
    const created = this.created;
    try {
      for (const dir of new Set(abs.map((t) => path.dirname(t)))) {
        await OutputSet.ensureFolder(dir, created).catch((e) => Promise.reject(OutputError.from(abs.find((t) => path.dirname(t) === dir)!, e)));
        // a file can be created there (permissions, read-only media): probed and removed at once
        const probe = path.join(dir, tempName());
        try {
          await (await fs.open(probe, 'wx')).close();
        } catch (e) {
          throw OutputError.from(abs.find((t) => path.dirname(t) === dir)!, e);
        }
        await fs.rm(probe, { force: true });
      }
      // with its folder in place, the target's own name: not a folder, not too long
      for (const t of abs) {
        const st = await statOrNull(t).catch((e) => Promise.reject(OutputError.from(t, e)));
        if (st?.isDirectory()) throw new OutputError(t, 'cli.output.reason.isFolder');
      }
    } catch (e) {
      await removeFolders(created);
      created.length = 0;
      throw e;
    }
    this.targets = new Set(abs);
  }

  /** Creates `dir` and its missing parents, noting the ones created; a file in the way is an error. */
  private static async ensureFolder(dir: string, created: string[]): Promise<void> {
    const missing: string[] = [];
    let d = dir;
    for (;;) {
      const st = await statOrNull(d);
      if (st) {
        if (!st.isDirectory()) throw Object.assign(new Error(`${d} is a file`), { code: 'ENOTDIR' });
        break;
      }
      missing.unshift(d);
      const up = path.dirname(d);
      if (up === d) break;
      d = up;
    }
    for (const m of missing) {
      await fs.mkdir(m);
      created.push(m);
    }
  }

  /**
   * Stages `data` for `target` (one of the prepared paths) in a temporary file beside it: bytes,
   * text, or chunks written as they are made (a failure making them is not an OutputError).
   */
  async write(target: string, data: Uint8Array | string | Iterable<Uint8Array>): Promise<void> {
    const t = path.resolve(target);
    if (!this.targets.has(t)) throw new Error(`not a prepared output: ${t}`);
    const tmp = path.join(path.dirname(t), tempName());
    this.staged.set(t, tmp);
    const io = <T>(p: Promise<T>) => p.catch((e) => Promise.reject(OutputError.from(t, e)));
    // one file is flushed at a time: the previous one's failure is this write's
    await this.flushing;
    const handle = await io(fs.open(tmp, 'wx'));
    try {
      if (typeof data === 'string' || data instanceof Uint8Array) await io(handle.writeFile(data));
      else await writeChunks(handle, data, io);
    } catch (e) {
      await handle.close().catch(() => undefined);
      throw e;
    }
    const flushed = io(handle.sync()).finally(() => io(handle.close()));
    flushed.catch(() => undefined); // its failure is thrown by the next write, commit or discard
    this.flushing = flushed;
  }

  /**
   * Moves every staged file into place. A file already there is first moved aside, so when a
   * move fails, those done are undone and what was there is put back: all or nothing.
   */
  async commit(): Promise<string[]> {
    await this.flushing;
    const done: { target: string; backup: string | null }[] = [];
    try {
      for (const [target, tmp] of this.staged) {
        let backup: string | null = path.join(path.dirname(target), tempName());
        try {
          await fs.rename(target, backup);
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw OutputError.from(target, e);
          backup = null;
        }
        done.push({ target, backup });
        try {
          await fs.rename(tmp, target);
        } catch (e) {
          throw OutputError.from(target, e);
        }
      }
    } catch (e) {
      for (const d of done.reverse()) {
        if (d.backup) await fs.rename(d.backup, d.target).catch(() => undefined);
        else await removeQuietly(d.target);
      }
      throw e;
    }
    for (const d of done) if (d.backup) await removeQuietly(d.backup);
    this.staged.clear();
    this.committed = true;
    return done.map((d) => d.target);
  }

  /** Removes what was staged and the folders this run created (when left empty). */
  async discard(): Promise<void> {
    await this.flushing.catch(() => undefined);
    for (const tmp of this.staged.values()) await removeQuietly(tmp);
    this.staged.clear();
    if (!this.committed) await removeFolders(this.created);
  }
}

/** small chunks (a zip's headers, small parts) gathered up to this much into one write */
const GATHER = 1 << 16;

/**
 * Writes the chunks in order; small ones are gathered, so a package of many parts is not a write
 * per header. `io` marks a failure to write (a failure making the chunks passes as it is).
 */
async function writeChunks(handle: FileHandle, chunks: Iterable<Uint8Array>, io: <T>(p: Promise<T>) => Promise<T>): Promise<void> {
  let small: Uint8Array[] = [];
  let size = 0;
  const flush = async () => {
    if (size) await io(writeAll(handle, small.length === 1 ? small[0] : joined(small)));
    small = [];
    size = 0;
  };
  for (const chunk of chunks) {
    if (chunk.length >= GATHER) {
      await flush();
      await io(writeAll(handle, chunk));
      continue;
    }
    small.push(chunk);
    size += chunk.length;
    if (size >= GATHER) await flush();
  }
  await flush();
}

async function writeAll(handle: FileHandle, chunk: Uint8Array): Promise<void> {
  for (let at = 0; at < chunk.length; ) at += (await handle.write(chunk, at, chunk.length - at)).bytesWritten;
}

async function removeQuietly(p: string): Promise<void> {
  await fs.rm(p, { force: true }).catch(() => undefined);
}

/** Removes the folders (innermost first) that are empty. */
async function removeFolders(created: readonly string[]): Promise<void> {
  for (const d of [...created].reverse()) await fs.rmdir(d).catch(() => undefined);
}
