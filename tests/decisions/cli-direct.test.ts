// Decisions from the command line when no daemon runs: carried out under the store's lock with the
// daemon's own code. A held message decided to be input is moved out of the inbox and gets its one
// receipt; not-input leaves it exactly as it was; a correction survives reclassify and sends nothing.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { onePass, records, testConfig } from '../helpers/daemon.js';
import { deliver } from '../helpers/maildir.js';
import { forgedReply, genuineReply, outboxFiles } from '../helpers/decisions.js';
import { projectRules } from '../helpers/rules.js';
import { createLogger } from '../../src/log.js';
import { changeCommand, correctRequest, decideRequest } from '../../src/commands/decide.js';
import { reclassifyCommand } from '../../src/commands/reclassify.js';
import { reviewCommand } from '../../src/commands/review.js';

function capture() {
  let text = '';
  const stream = { write: (s: string) => ((text += s), true) } as unknown as NodeJS.WritableStream;
  return { out: stream, text: () => text };
}

const log = createLogger({ level: 'silent', secrets: [] });

describe('decide and correct from the command line, no daemon running', () => {
  it('decide input: filed, moved out of the inbox, one receipt; again: unchanged, no second receipt', async () => {
    const config = testConfig();
    const name = deliver(config.maildir, forgedReply());
    await onePass(config);
    const [held] = records(config);
    expect(held!.receipt.status).toBe('held');

    const review = capture();
    expect(await reviewCommand(config.dataDir, projectRules(), false, review.out)).toBe(0);
    expect(review.text()).toContain(held!.id);
    expect(review.text()).toContain('avsenderen er ikke bekreftet');

    const out = capture();
    expect(await changeCommand(config, projectRules(), log, decideRequest(held!.id, 'input', { note: 'ringte KS' }), out.out, out.out)).toBe(0);
    expect(out.text()).toContain('vurdert som innspill');
    const [after] = records(config);
    expect(after!.relevant).toBe(true);
    expect(after!.receipt.status).toBe('sent');
    expect(after!.inboxMove?.status).toBe('done');
    expect(after!.overrides?.map((o) => o.field)).toEqual(['decision', 'note']);
    expect(after!.overrides?.[0]).toMatchObject({ via: 'cli', value: 'input' });
    expect(readdirSync(join(config.maildir, 'new'))).toEqual([]);
    expect(readdirSync(join(config.maildir, '.filed', 'new'))).toEqual([name]);
    expect(outboxFiles(config.outboxDir)).toHaveLength(1);

    const again = capture();
    expect(await changeCommand(config, projectRules(), log, decideRequest(held!.id, 'input', {}), again.out, again.out)).toBe(0);
    expect(again.text()).toContain('Uendret');
    const other = capture();
    expect(await changeCommand(config, projectRules(), log, decideRequest(held!.id, 'not-input', {}), other.out, other.out)).toBe(1);
    expect(outboxFiles(config.outboxDir)).toHaveLength(1);
    const none = capture();
    await reviewCommand(config.dataDir, projectRules(), true, none.out);
    expect(JSON.parse(none.text())).toEqual([]);
  });

  it('decide not-input: the message stays in the inbox byte for byte, no receipt, never asked again', async () => {
    const config = testConfig();
    const raw = forgedReply();
    const name = deliver(config.maildir, raw);
    await onePass(config);
    const [held] = records(config);
    const out = capture();
    expect(await changeCommand(config, projectRules(), log, decideRequest(held!.id, 'not-input', {}), out.out, out.out)).toBe(0);
    expect(readdirSync(join(config.maildir, 'new'))).toEqual([name]);
    expect(readFileSync(join(config.maildir, 'new', name)).equals(raw)).toBe(true);
    const [after] = records(config);
    expect(after).toMatchObject({ relevant: false, receipt: { status: 'skipped' } });
    await onePass(config);
    expect(outboxFiles(config.outboxDir)).toHaveLength(0);
    const review = capture();
    await reviewCommand(config.dataDir, projectRules(), true, review.out);
    expect(JSON.parse(review.text())).toEqual([]);
  });

  it('a correction survives reclassify and sends no receipt; mistakes are exit 2, an unknown id exit 1', async () => {
    const config = testConfig();
    deliver(config.maildir, genuineReply());
    await onePass(config);
    const [filed] = records(config);
    expect(filed!.receipt.status).toBe('sent');
    expect(filed!.commitments.map((c) => c.id)).toContain('einnsyn');
    const out = capture();
    const request = correctRequest(filed!.id, { commitments: 'journalforing, kulturdata', unknown: true, note: 'gjelder arkiv' });
    expect(await changeCommand(config, projectRules(), log, request, out.out, out.out)).toBe(0);
    const check = () => {
      const [r] = records(config);
      expect(r!.commitments.map((c) => c.id)).toEqual(['journalforing', 'kulturdata']);
      expect(r!.sender.organisation).toBeNull();
      expect(r!.overrides?.find((o) => o.field === 'commitments')).toMatchObject({ rules: filed!.commitments.map((c) => c.id) });
    };
    check();
    const re = capture();
    expect(await reclassifyCommand(config, projectRules(), log, re.out, re.out)).toBe(0);
    expect(re.text()).toContain('0 endret');
    check();
    expect(outboxFiles(config.outboxDir)).toHaveLength(1);

    const bad = capture();
    expect(await changeCommand(config, projectRules(), log, correctRequest(filed!.id, { commitments: 'e-innsyn' }), bad.out, bad.out)).toBe(2);
    expect(bad.text()).toContain('e-innsyn');
    expect(await changeCommand(config, projectRules(), log, correctRequest('2021-9999', { relevant: true }), bad.out, bad.out)).toBe(1);
  });
});
