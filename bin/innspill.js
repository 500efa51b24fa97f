#!/usr/bin/env node
// Entry point for `npx innspill`. The TypeScript sources are compiled to dist/ by `npm ci`
// (the "prepare" script); this file only points there and says what to do if the build is missing.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  process.stderr.write('innspill: the compiled program is missing (dist/cli.js). Run `npm ci` or `npm run build` in the project folder.\n');
  process.exit(2);
}
// `innspill run` catches SIGTERM before the rest of the program has loaded (see src/stop-signals.ts).
const early = new URL('../dist/stop-signals.js', import.meta.url);
if (existsSync(fileURLToPath(early))) (await import(early.href)).catchStopSignalsEarly(process.argv);
const { main } = await import(cli.href);
process.exitCode = await main(process.argv);
