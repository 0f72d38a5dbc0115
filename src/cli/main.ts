/** Entry point of the `progress-review` command. */
import { parseArgs, USAGE } from './args';
import { EXIT_USAGE, runReview, type Io } from './runReview';
import { TOOL_NAME, TOOL_VERSION } from '../version';

export async function runCli(argv: readonly string[], io: Io): Promise<number> {
  const parsed = parseArgs(argv);
  if (parsed.kind === 'help') {
    io.out(USAGE);
    return argv.length === 0 ? EXIT_USAGE : 0;
  }
  if (parsed.kind === 'version') {
    io.out(`${TOOL_NAME} ${TOOL_VERSION}`);
    return 0;
  }
  if (parsed.kind === 'error') {
    io.err(parsed.message);
    io.err(USAGE);
    return EXIT_USAGE;
  }
  try {
    return await runReview(parsed.options, io);
  } catch (e) {
    io.err(`予期しないエラー / unexpected error: ${(e as Error).stack ?? String(e)}`);
    return EXIT_USAGE;
  }
}

if (require.main === module) {
  const io: Io = { out: (l) => process.stdout.write(l + '\n'), err: (l) => process.stderr.write(l + '\n') };
  runCli(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
