// Runs the CLI from the sources (tests and development: `node --import tsx src/main.ts …`).
// Installed, `npx innspill` runs the compiled dist/ through bin/innspill.js instead.
import { catchStopSignalsEarly } from './stop-signals.js';

// `innspill run` catches SIGTERM before the rest of the program has loaded (a stop while it starts is a clean stop).
catchStopSignalsEarly(process.argv);
const { main } = await import('./cli.js');
process.exitCode = await main(process.argv);
