/** Command-line arguments (SPEC section 6), validated with zod. */
import { z } from 'zod';
import { parsePlanPeriod } from '../domain/base/settings';

export const USAGE = `使い方 / usage:
  progress-review review <workbook.xlsx>... --out <dir> [--json <report.json>] [--cap 120] [--plan 2020-2024] [--lang ja|en]

  --out    書き出し先フォルダ（レビュー済みの写しと summary.xlsx）/ output folder
  --json   機械可読レポート / machine-readable report
  --cap    達成率などの上限（%）/ cap for achievement, progress and pace (percent), default 120
  --plan   計画期間 / plan period, default 2020-2024
  --lang   メッセージの言語 / message language (ja, en), default ja

終了コード / exit status: 0 完了 done, 1 検証エラー validation errors, 2 使い方の誤り・読めないファイル bad usage or unreadable file`;

export const cliOptionsSchema = z.object({
  command: z.literal('review'),
  files: z.array(z.string().min(1)).min(1, 'at least one workbook is required / ブックを1つ以上指定してください'),
  out: z.string().min(1, '--out is required / --out を指定してください'),
  json: z.string().min(1).optional(),
  cap: z.number().finite().positive().max(10000).optional(),
  planStart: z.number().int().optional(),
  planEnd: z.number().int().optional(),
  lang: z.enum(['ja', 'en']).default('ja'),
});

export type CliOptions = z.infer<typeof cliOptionsSchema>;

export type ParsedArgs = { kind: 'help' } | { kind: 'version' } | { kind: 'options'; options: CliOptions } | { kind: 'error'; message: string };

const VALUE_FLAGS = new Set(['--out', '--json', '--cap', '--plan', '--lang']);

export function parseArgs(argv: readonly string[]): ParsedArgs {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) return { kind: 'help' };
  if (argv.includes('--version') || argv.includes('-v')) return { kind: 'version' };
  const [command, ...rest] = argv;
  const raw: Record<string, unknown> = { command, files: [] as string[] };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    let flag = a;
    let value: string | undefined;
    const eq = a.indexOf('=');
    if (a.startsWith('--') && eq > 0) {
      flag = a.slice(0, eq);
      value = a.slice(eq + 1);
    }
    if (VALUE_FLAGS.has(flag)) {
      if (value === undefined) {
        value = rest[++i];
        if (value === undefined) return { kind: 'error', message: `${flag} needs a value / ${flag} に値がありません` };
      }
      if (flag === '--out') raw.out = value;
      else if (flag === '--json') raw.json = value;
      else if (flag === '--lang') raw.lang = value;
      else if (flag === '--cap') {
        const n = Number(value);
        if (!Number.isFinite(n)) return { kind: 'error', message: `--cap must be a number / --cap は数値です: ${value}` };
        raw.cap = n;
      } else if (flag === '--plan') {
        const p = parsePlanPeriod(value);
        if (!p || p.planStart > p.planEnd) return { kind: 'error', message: `--plan must look like 2020-2024 / --plan は 2020-2024 の形です: ${value}` };
        raw.planStart = p.planStart;
        raw.planEnd = p.planEnd;
      }
      continue;
    }
    if (a.startsWith('-')) return { kind: 'error', message: `unknown option / 不明なオプション: ${a}` };
    (raw.files as string[]).push(a);
  }
  if (command !== 'review') return { kind: 'error', message: `unknown command / 不明なコマンド: ${command}` };
  const parsed = cliOptionsSchema.safeParse(raw);
  if (!parsed.success) return { kind: 'error', message: parsed.error.issues.map((i) => i.message).join('\n') };
  return { kind: 'options', options: parsed.data };
}
