/** Entry point of the `progress-review` command. */
import { parseArgs } from './args';
import { processIo, type Io } from './io';

export { processIo } from './io';
import { EXIT_USAGE, runReview } from './runReview';
import { runTemplate } from './runTemplate';
import { translate } from '../messages/translate';
import { TOOL_NAME, TOOL_VERSION } from '../version';

export async function runCli(argv: readonly string[], io: Io): Promise<number> {
  const parsed = parseArgs(argv);
  if (parsed.kind === 'help') {
    io.out(translate(parsed.lang, 'cli.usage'));
    return argv.length === 0 ? EXIT_USAGE : 0;
  }
  if (parsed.kind === 'version') {
    io.out(`${TOOL_NAME} ${TOOL_VERSION}`);
    return 0;
  }
  if (parsed.kind === 'error') {
    io.err(parsed.message);
    return EXIT_USAGE;
  }
  try {
    return parsed.kind === 'template' ? await runTemplate(parsed.options, io) : await runReview(parsed.options, io);
  } catch (e) {
    // a bug, not a usage error: the stack goes with it for the report
    const err = e instanceof Error ? e : new Error(String(e));
    io.err(translate(parsed.options.lang, 'cli.error.unexpected', { message: err.message }));
    if (err.stack) io.err(err.stack);
    return EXIT_USAGE;
  }
}

if (require.main === module) {
  runCli(process.argv.slice(2), processIo()).then((code) => {
    process.exitCode = code;
  });
}
