// Runs the CLI from the sources (tests and development: `node --import tsx src/main.ts …`).
// Installed, `npx innspill` runs the compiled dist/ through bin/innspill.js instead.
import { main } from './cli.js';

process.exitCode = await main(process.argv);
