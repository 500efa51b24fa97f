// The second half of `npm run build`: replaces dist/intake/mail-libraries.js (tsc's re-export of
// mailparser, libmime and html-to-text) with one bundle of those packages and what they require,
// made by esbuild. Loading mailparser's ~150 CommonJS files one at a time cost about 110 ms of every
// command that reads mail; one file loads in about 60 ms (issue 17, see README "Performance").
// Only third-party code is bundled, and only into dist/ (not committed); their licence comments are
// kept in a file beside the bundle. The sources and the tests import the packages as they are.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../', import.meta.url));
const outfile = `${root}dist/intake/mail-libraries.js`;

try {
  await build({
    entryPoints: [`${root}src/intake/mail-libraries.ts`],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    // The oldest Node the package supports (package.json "engines").
    target: 'node20.19',
    // CommonJS inside an ES module: the packages' require() of Node's own modules needs a require.
    banner: { js: "import { createRequire as innspillCreateRequire } from 'node:module';\nconst require = innspillCreateRequire(import.meta.url);" },
    legalComments: 'linked',
    // Without comments and indentation: V8 keeps a module's source text for the process's
    // lifetime, and the packages' comments hold characters beyond Latin-1 (encoding-japanese's
    // tables, html-to-text's quotes), which made the whole text two bytes a character: 3.2 MB
    // kept in the daemon and in each extraction worker, 1.3 MB now. Names are not shortened
    // (minifyIdentifiers stays off), so stack traces still read as the packages' code.
    minifyWhitespace: true,
    sourcemap: false,
    logLevel: 'warning',
  });
  // tsc's source map described the re-export the bundle replaced.
  rmSync(`${outfile}.map`, { force: true });
} catch (err) {
  process.stderr.write(`innspill build: bundling the mail libraries into ${outfile} failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
