/**
 * Progress of a command-line run, on stderr. On a terminal (Io.status) one line is rewritten in
 * place: the stage and workbook under way with the elapsed time, refreshed while a stage runs.
 * Otherwise (a log, a pipe, a test) each workbook's stage prints one line when it is done, with
 * its counts. `--quiet` prints no progress at all.
 */
import type { Lang } from '../messages/lang';
import { translate, type MessageKey, type Params } from '../messages/translate';
import type { Io } from './io';

export type Verbosity = 'quiet' | 'normal' | 'verbose';

/** how often the line on a terminal is redrawn while a stage runs */
const TICK_MS = 250;

export class Progress {
  private readonly started: number;
  private current: { key: MessageKey; params: Params } | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly io: Io,
    private readonly lang: Lang,
    private readonly verbosity: Verbosity,
  ) {
    this.started = this.now();
  }

  private now(): number {
    return this.io.now ? this.io.now() : Date.now();
  }

  /** 3.2秒 · 3.2 s */
  elapsed(): string {
    const seconds = Math.max(0, this.now() - this.started) / 1000;
    return translate(this.lang, 'cli.progress.seconds', { seconds: seconds.toFixed(1) });
  }

  private line(key: MessageKey, params: Params): string {
    return translate(this.lang, 'cli.progress.line', { elapsed: this.elapsed(), text: translate(this.lang, key, params) });
  }

  /** a stage begins (shown on a terminal only) */
  begin(key: MessageKey, params: Params = {}): void {
    const status = this.io.status;
    if (this.verbosity === 'quiet' || !status) return;
    this.current = { key, params };
    status.show(this.line(key, params));
    if (!this.timer) {
      this.timer = setInterval(() => this.current && status.show(this.line(this.current.key, this.current.params)), TICK_MS);
      this.timer.unref?.();
    }
  }

  /** a stage is done: one line when not on a terminal; on a terminal the status shows it until the next stage */
  done(key: MessageKey, params: Params = {}): void {
    if (this.verbosity === 'quiet') return;
    if (this.io.status) {
      this.current = { key, params };
      this.io.status.show(this.line(key, params));
    } else {
      this.io.err(this.line(key, params));
    }
  }

  /** the run is over: the status line goes away */
  end(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.current = null;
    this.io.status?.clear();
  }
}
