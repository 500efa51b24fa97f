// A token command for OAuth2 tests, as an administrator would configure one: a small shell script
// that prints an access token. It hands out the given outputs in turn (the last one from then on)
// and counts its runs, so a test can see when innspill fetched a new token.
//
//   const cmd = tokenCommand(['first-token', '{"access_token":"second","expires_in":3600}']);
//   env.INNSPILL_IMAP_TOKEN_COMMAND = cmd.command;
//   ...; cmd.runs()  // how many times it ran
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestTokenCommand {
  command: string;
  runs(): number;
}

export function tokenCommand(outputs: string[], opts: { exitCode?: number; stderr?: string; sleepSeconds?: number } = {}): TestTokenCommand {
  const dir = mkdtempSync(join(tmpdir(), 'innspill-token-'));
  outputs.forEach((o, i) => writeFileSync(join(dir, `out.${i + 1}`), `${o}\n`));
  const script = join(dir, 'get-token.sh');
  writeFileSync(
    script,
    [
      '#!/bin/sh',
      `d='${dir}'`,
      'n=$(cat "$d/runs" 2>/dev/null || echo 0); n=$((n + 1)); echo "$n" > "$d/runs"',
      opts.sleepSeconds ? `sleep ${opts.sleepSeconds}` : '',
      opts.stderr ? `echo '${opts.stderr}' >&2` : '',
      opts.exitCode ? `exit ${opts.exitCode}` : '',
      `[ -f "$d/out.$n" ] || n=${outputs.length}`,
      'cat "$d/out.$n"',
      '',
    ].join('\n'),
  );
  chmodSync(script, 0o755);
  return {
    command: script,
    runs: () => {
      try {
        return Number(readFileSync(join(dir, 'runs'), 'utf8').trim());
      } catch {
        return 0;
      }
    },
  };
}
