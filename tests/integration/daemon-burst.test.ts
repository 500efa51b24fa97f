// A burst meeting an idle daemon (issue 17): the first message is filed on its own, not after
// the nineteen that came with it. A pass over the mailbox starts with batches of 1, 2, 4, 8 and
// 16 messages before it goes on in batches of 20 (src/mailbox/batches.ts).
import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Daemon } from '../../src/daemon.js';
import { createLogger } from '../../src/log.js';
import { batchRanges, growingBatches } from '../../src/mailbox/batches.js';
import { FilesMailbox } from '../../src/mailbox/files.js';
import type { Incoming, Mailbox } from '../../src/mailbox/types.js';
import type { BatchSizes } from '../../src/mailbox/batches.js';
import { testConfig } from '../helpers/daemon.js';
import { projectRules } from '../helpers/rules.js';

/** Counts the messages the mailbox has handed out, and the size of each batch. */
class Counted implements Mailbox {
  readonly kind = 'maildir' as const;
  readonly connected = true;
  handedOut = 0;
  readonly batches: number[] = [];
  constructor(private readonly inner: Mailbox) {}
  async open(): Promise<void> {}
  async *waiting(sizes: BatchSizes): AsyncIterable<Incoming[]> {
    for await (const batch of this.inner.waiting(sizes)) {
      this.handedOut += batch.length;
      this.batches.push(batch.length);
      yield batch;
    }
  }
  async moveFiled(): Promise<void> {}
  async handled(): Promise<void> {}
  async waitForMail(): Promise<void> {}
  async close(): Promise<void> {}
}

function message(i: number): string {
  return [
    `From: Person ${i} <person${i}@example.no>`,
    'To: postmottak@kmd.dep.no',
    'Subject: Innspill til handlingsplanen for OGP',
    `Message-ID: <burst-${i}@example.no>`,
    'Date: Mon, 10 May 2021 12:00:00 +0200',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    `Hei! Innspill nummer ${i}: alle kommuner bør publisere postjournalen sin i eInnsyn.`,
    '',
    `Hilsen Person ${i}`,
    '',
  ].join('\r\n');
}

describe('batches of a pass over the mailbox', () => {
  it('grow from one message to the largest size, and cover every message once, in order', () => {
    const sizes = growingBatches(20);
    expect([0, 1, 2, 3, 4, 5, 6, 50].map(sizes)).toEqual([1, 2, 4, 8, 16, 20, 20, 20]);
    const ranges = [...batchRanges(40, sizes)];
    expect(ranges).toEqual([
      [0, 1],
      [1, 3],
      [3, 7],
      [7, 15],
      [15, 31],
      [31, 40],
    ]);
    expect([...batchRanges(0, sizes)]).toEqual([]);
    // A size below one still moves on (never an endless pass).
    expect([...batchRanges(3, () => 0)]).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
    ]);
  });

  it('the first message of a burst of 40 is filed before more than the first three batches were handed out', async () => {
    const config = testConfig();
    const dir = join(config.dataDir, '..', 'burst');
    mkdirSync(dir, { recursive: true });
    const files = Array.from({ length: 40 }, (_, i) => {
      const file = join(dir, `${String(i).padStart(2, '0')}.eml`);
      writeFileSync(file, message(i));
      return file;
    });
    const mailbox = new Counted(new FilesMailbox(files));
    let handedOutAtFirst: number | null = null;
    const outcomes: string[] = [];
    const daemon = new Daemon(config, projectRules(), createLogger({ level: 'silent', secrets: [] }), {
      mailbox,
      onOutcome: (item) => {
        handedOutAtFirst ??= mailbox.handedOut;
        outcomes.push(item.source.kind === 'file' ? item.source.path : '');
      },
    });
    await daemon.open();
    try {
      expect((await daemon.runOnce()).read).toBe(40);
    } finally {
      await daemon.close();
    }
    expect(mailbox.batches).toEqual([1, 2, 4, 8, 16, 9]);
    // Batch 1 is filed while batch 2 is read and batch 3 fetched: at most 1 + 2 + 4 handed out
    // (in batches of 20 from the start, 40 were).
    expect(handedOutAtFirst).not.toBeNull();
    expect(handedOutAtFirst!).toBeLessThanOrEqual(7);
    expect(outcomes).toEqual(files);
  });
});
