/**
 * Imported first by the chunks that carry zod (engine.ts, state/settingsCheck.ts), before any module
 * that builds or runs a zod schema.
 *
 * zod 4 compiles object parsers with `new Function` unless told not to, and probes for it first.
 * The task pane's Content-Security-Policy has no 'unsafe-eval': the probe is refused and reported as
 * a CSP violation even though zod falls back. jitless mode skips both the probe and the compiler.
 */
import { config } from 'zod/mini';

config({ jitless: true });
