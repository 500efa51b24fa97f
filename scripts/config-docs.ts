// Prints the Markdown table of every INNSPILL_* variable (name, default, meaning) from the one
// schema in src/config.ts. With --write, also writes docs/config-table.md (pasted into the README
// between <!-- config:start --> and <!-- config:end -->) and .env.example.
//   npx tsx scripts/config-docs.ts [--write]        (npm run docs:config)
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { configTable, envExample } from '../src/config-reference.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const table = configTable();
if (process.argv.includes('--write')) {
  writeFileSync(`${root}docs/config-table.md`, table);
  writeFileSync(`${root}.env.example`, envExample());
  process.stderr.write('wrote docs/config-table.md and .env.example\n');
}
process.stdout.write(table);
