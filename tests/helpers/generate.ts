// Distinct copies of the fixture messages for large runs: every copy gets its own Message-ID
// and subject, so each is a message of its own.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesDir } from './daemon.js';

const bases = readdirSync(fixturesDir)
  .filter((f) => f.endsWith('.eml') && !f.startsWith('hostile-nested'))
  .sort()
  .map((f) => ({ name: f, text: readFileSync(join(fixturesDir, f)).toString('latin1') }));

export function copyOf(i: number, only?: (name: string) => boolean): { name: string; raw: Buffer } {
  const pool = only ? bases.filter((b) => only(b.name)) : bases;
  const base = pool[i % pool.length]!;
  const text = base.text
    .replace(/^Message-I[Dd]: *<([^>]+)>/im, `Message-ID: <copy${i}-$1>`)
    .replace(/^Subject: (.*)$/im, `Subject: $1 #${i}`);
  return { name: base.name, raw: Buffer.from(text, 'latin1') };
}

/** Consultation replies only (they are filed and moved), for runs that count filed messages. */
export const isReply = (name: string) => name.startsWith('reply-');
