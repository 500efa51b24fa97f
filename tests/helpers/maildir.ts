// Delivers test messages into a Maildir the way an MTA does (write in tmp/, rename into new/),
// each one its own message: a fresh Message-ID and a numbered subject, so none is a duplicate.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

let counter = 0;

/** The message with its Message-ID and subject made unique by `n`. */
export function variant(raw: Buffer, n: number): Buffer {
  const text = raw.toString('latin1');
  return Buffer.from(
    text.replace(/^Message-I[Dd]: *<([^>]+)>/im, `Message-ID: <v${n}-${process.pid}-$1>`).replace(/^Subject: (.*)$/im, `Subject: $1 #${n}`),
    'latin1',
  );
}

export function deliver(maildir: string, raw: Buffer): string {
  for (const d of ['tmp', 'new', 'cur']) mkdirSync(join(maildir, d), { recursive: true });
  const name = `${Date.now()}.M${++counter}P${process.pid}.test`;
  writeFileSync(join(maildir, 'tmp', name), raw);
  renameSync(join(maildir, 'tmp', name), join(maildir, 'new', name));
  return name;
}
