// The configuration reference, generated from the one schema (VARIABLES in src/config.ts): the
// Markdown table for the README (docs/config-table.md) and .env.example. `npm run docs:config`
// writes both; tests/ops/config-docs.test.ts checks that they and the README agree with VARIABLES.
import { VARIABLES } from './config.js';

interface Described {
  default?: string;
  doc: string;
}

const entries = () => Object.entries(VARIABLES) as Array<[string, Described]>;
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** | Variable | Default | Meaning |, one row per variable in VARIABLES order. */
export function configTable(): string {
  const rows = entries().map(([name, v]) => {
    const dflt = v.default === undefined ? '*(unset)*' : v.default === '' ? '*(empty)*' : `\`${cell(v.default)}\``;
    return `| \`${name}\` | ${dflt} | ${cell(v.doc)} |`;
  });
  return ['| Variable | Default | Meaning |', '|---|---|---|', ...rows].join('\n') + '\n';
}

function wrap(text: string, width = 98): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** A value as .env (Node's loadEnvFile) and systemd's EnvironmentFile= both read it. */
function envValue(value: string): string {
  return /^[A-Za-z0-9_./:@,+-]*$/.test(value) ? value : `"${value.replace(/(["\\])/g, '\\$1')}"`;
}

/** Every variable, commented out with its default, and its meaning above it. */
export function envExample(): string {
  const head = [
    '# innspill configuration. Copy to .env in the working folder (or to /etc/innspill/innspill.env for',
    '# the systemd unit) and uncomment what you change; the value shown is the default.',
    '# Generated from src/config.ts by `npm run docs:config`: do not edit by hand.',
  ];
  const blocks = entries().map(([name, v]) => [...wrap(v.doc).map((l) => `# ${l}`), `# ${name}=${v.default === undefined ? '' : envValue(v.default)}`].join('\n'));
  return `${head.join('\n')}\n\n${blocks.join('\n\n')}\n`;
}
