/**
 * Where the command line prints: out (stdout) for what it made, err (stderr) for problems and
 * progress. On a terminal, `status` is the one line on stderr that progress rewrites in place;
 * lines printed meanwhile go above it. Tests pass a fake without `status` and with a fixed `now`.
 */
export interface StatusLine {
  /** replace the status line with `text` */
  show(text: string): void;
  /** remove the status line */
  clear(): void;
}

export interface Io {
  out(line: string): void;
  err(line: string): void;
  /** present when stderr is a terminal */
  status?: StatusLine;
  /** milliseconds, for the elapsed time; Date.now by default */
  now?(): number;
}

/** Columns a text takes on a terminal: East Asian wide and full-width characters take two. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += isWide(ch.codePointAt(0)!) ? 2 : 1;
  return w;
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

/** `text` cut to `columns` terminal columns, with … where it was cut */
export function fitWidth(text: string, columns: number): string {
  if (displayWidth(text) <= columns) return text;
  let out = '';
  let w = 0;
  for (const ch of text) {
    const cw = isWide(ch.codePointAt(0)!) ? 2 : 1;
    if (w + cw > columns - 1) break;
    out += ch;
    w += cw;
  }
  return out + '…';
}

interface Stream {
  write(text: string): boolean;
  isTTY?: boolean;
  columns?: number;
}

/**
 * The process's Io. When stderr is a terminal the status line is drawn there (carriage return and
 * erase-line, cut to the terminal's width so it never wraps); every other line clears it first and
 * draws it again after, so progress never mixes with messages.
 */
export function processIo(stdout: Stream = process.stdout, stderr: Stream = process.stderr): Io {
  if (!stderr.isTTY) return { out: (l) => void stdout.write(l + '\n'), err: (l) => void stderr.write(l + '\n') };
  let shown = '';
  const erase = () => {
    if (shown) stderr.write('\r\x1b[2K');
  };
  const draw = () => {
    if (shown) stderr.write(fitWidth(shown, Math.max(20, (stderr.columns || 80) - 1)));
  };
  const above = (stream: Stream, line: string) => {
    erase();
    stream.write(line + '\n');
    draw();
  };
  return {
    out: (l) => above(stdout, l),
    err: (l) => above(stderr, l),
    status: {
      show(text) {
        erase();
        shown = text;
        draw();
      },
      clear() {
        erase();
        shown = '';
      },
    },
  };
}
