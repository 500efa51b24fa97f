// Caseworkers decide by mail, against Dovecot and the SMTP sink: a held message decided by a
// caseworker's command mail with a valid token is filed, moved and receipted exactly once; the same
// command from a forged From, with a wrong token, naming an unknown id, or replayed, changes
// nothing; every command mail leaves the inbox for Innspill/Beslutninger and never gets a receipt.
// decide and correct from the command line while the daemon runs take effect without a restart.
import { describe, expect, it } from 'vitest';
import { imapEnv, records, smtpEnv, testConfig, waitUntil } from '../helpers/daemon.js';
import { serversPerTest } from '../helpers/servers.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';
import { CommandKey } from '../../src/decisions/tokens.js';
import { commandLine } from '../../src/decisions/commands.js';
import { createLogger } from '../../src/log.js';
import { changeCommand, correctRequest, decideRequest } from '../../src/commands/decide.js';
import { forgedReply } from '../helpers/decisions.js';

const servers = serversPerTest({ sink: true });
const CASEWORKER = 'saksbehandler@kmd.dep.no';
const log = createLogger({ level: 'silent', secrets: [] });

const folder = (name: RegExp) => async () => (await servers.dovecot.mailboxes()).find((m) => name.test(m)) ?? null;
const count = async (find: () => Promise<string | null>) => {
  const f = await find();
  return f ? (await servers.dovecot.list(f)).length : 0;
};
const commandMail = (from: string, body: string, messageId?: string) => mail({ from, subject: 'Innspill: beslutning', body, headers: {}, ...(messageId ? { messageId } : {}) });
const to = (address: string) => servers.sink.messages.filter((m) => m.envelope.to.includes(address));

function sink() {
  let text = '';
  return { out: { write: (s: string) => ((text += s), true) } as unknown as NodeJS.WritableStream, text: () => text };
}

describe('decisions by command mail (IMAP)', () => {
  it('obeys a caseworker with valid tokens exactly once, and nothing else', async () => {
    const config = testConfig({ ...imapEnv(servers.dovecot), ...smtpEnv(servers.sink), INNSPILL_IMAP_CHECK_SECONDS: '1', INNSPILL_CASEWORKERS: CASEWORKER });
    await servers.dovecot.append(forgedReply());
    const daemon = await servers.start(config);
    const held = await waitUntil('the forged reply held', () => records(config).find((r) => r.receipt.status === 'held') ?? null);
    const key = await CommandKey.forStore(config.dataDir);
    const decisions = folder(/^Innspill[./]Beslutninger$/);
    const filed = folder(/^Innspill[./]OGP-4B$/);
    const unchanged = () => {
      const r = records(config).find((x) => x.id === held.id)!;
      expect(r.receipt.status).toBe('held');
      expect(r.overrides ?? []).toEqual([]);
    };

    // A forged From with a valid line; a caseworker with a wrong token; a caseworker naming an unknown id.
    await servers.dovecot.append(commandMail('Angriper <angriper@example.org>', `${commandLine(key, 'innspill', held.id)}\n`));
    await servers.dovecot.append(commandMail(CASEWORKER, `/innspill ${held.id} #AAAAAAAAAAAAAAAA\n`));
    await servers.dovecot.append(commandMail(CASEWORKER, `${commandLine(key, 'innspill', '2021-9999')}\n`));
    await waitUntil('the three moved to the command folder', async () => (await count(decisions)) === 3);
    unchanged();
    expect((await servers.dovecot.list('INBOX')).length).toBe(1);
    // The caseworker hears why twice (wrong token, unknown id); the stranger hears nothing.
    const refusals = await waitUntil('two answers to the caseworker', () => (to(CASEWORKER).length === 2 ? to(CASEWORKER) : null));
    expect(refusals.map((m) => m.raw.toString())).toEqual([expect.stringContaining('Ingenting er endret'), expect.stringContaining('Ingenting er endret')]);
    expect(to('angriper@example.org')).toEqual([]);
    expect(records(config)).toHaveLength(1);

    // The real decision: filed, moved out of INBOX, one receipt to the sender, one confirmation.
    const good = commandMail(CASEWORKER, `Hei\n\n${commandLine(key, 'innspill', held.id)}\n${commandLine(key, 'notat', held.id, 'ringte KS')}\n`, '<beslutning-1@kmd.dep.no>');
    await servers.dovecot.append(good);
    const decided = await waitUntil('the receipt sent', () => records(config).find((r) => r.id === held.id && r.receipt.status === 'sent') ?? null);
    expect(decided).toMatchObject({ relevant: true, inboxMove: { status: 'done' } });
    expect(decided.overrides?.map((o) => [o.field, o.by, o.via])).toEqual([['decision', CASEWORKER, 'mail'], ['note', CASEWORKER, 'mail']]);
    await waitUntil('INBOX empty', async () => (await servers.dovecot.list('INBOX')).length === 0);
    expect(await count(filed)).toBe(1);
    expect(await waitUntil('the confirmation', () => (to(CASEWORKER).length === 3 ? to(CASEWORKER) : null))).toHaveLength(3);
    expect(to('kari@ks.no')).toHaveLength(1);

    // Replayed twice: moved away, nothing changes, no second receipt.
    await servers.dovecot.append(good);
    await servers.dovecot.append(good);
    await waitUntil('the replays moved', async () => (await count(decisions)) === 6);
    await waitUntil('both answered', () => to(CASEWORKER).length === 5);
    expect(records(config).find((r) => r.id === held.id)!.overrides).toHaveLength(2);
    expect(to('kari@ks.no')).toHaveLength(1);
    expect(records(config)).toHaveLength(1);

    // From the command line while the daemon runs: a correction and a second held message decided.
    const c = sink();
    expect(await changeCommand(config, projectRules(), log, correctRequest(held.id, { commitments: 'kulturdata' }), c.out, c.out)).toBe(0);
    expect(records(config).find((r) => r.id === held.id)!.commitments.map((x) => x.id)).toEqual(['kulturdata']);
    await servers.dovecot.append(forgedReply('Per <per@ks.no>', 'Vi viser til invitasjonen og mener eInnsyn må bli bedre for kommunene.\n\nPer'));
    const second = await waitUntil('the second held', () => records(config).find((r) => r.id !== held.id && r.receipt.status === 'held') ?? null);
    const d = sink();
    expect(await changeCommand(config, projectRules(), log, decideRequest(second.id, 'input', {}), d.out, d.out)).toBe(0);
    await waitUntil('its receipt', () => to('per@ks.no').length === 1);
    await waitUntil('INBOX empty again', async () => (await servers.dovecot.list('INBOX')).length === 0);
    expect(to('kari@ks.no')).toHaveLength(1);
    expect(daemon.stopping).toBe(false);
  }, 180_000);
});
