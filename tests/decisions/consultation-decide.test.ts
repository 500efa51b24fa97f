// Input that routing could not place under one consultation (consultation-uncertain) gets its
// receipt at once, under the likelier one and naming the other, and waits in the inbox until a
// person names its consultation: `innspill decide ID input --consultation ID` or
// `/innspill ID #token ogp-4b` in a command mail. It is then that consultation's: its filed folder,
// its commitments, its deadline; no second receipt goes. The choice is a person's (with who),
// stands through reclassify, and a name that is no consultation changes nothing.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { fixture, onePass, records, testConfig } from '../helpers/daemon.js';
import { deliver, variant } from '../helpers/maildir.js';
import { mail } from '../helpers/mail.js';
import { outboxFiles } from '../helpers/decisions.js';
import { projectRules } from '../helpers/rules.js';
import { createLogger } from '../../src/log.js';
import { changeCommand, decideRequest } from '../../src/commands/decide.js';
import { reclassifyCommand } from '../../src/commands/reclassify.js';
import { CommandKey } from '../../src/decisions/tokens.js';
import { commandLine } from '../../src/decisions/commands.js';
import { buildDigest } from '../../src/digest/build.js';
import { rulesFor } from '../../src/rules/views.js';

const log = createLogger({ level: 'silent', secrets: [] });
const CASEWORKER = 'saksbehandler@kmd.dep.no';
function capture() {
  let text = '';
  return { out: { write: (s: string) => ((text += s), true) } as unknown as NodeJS.WritableStream, text: () => text };
}
const files = (maildir: string, folder: string) => ['new', 'cur'].flatMap((d) => (existsSync(join(maildir, folder, d)) ? readdirSync(join(maildir, folder, d)) : []));
const both = () => fixture('consultation-both-case-numbers.eml');
/** The same mail come on 25 May: after OGP's deadline (18 May), before the hearing's (4 June). */
const between = (n: number) =>
  Buffer.from(
    variant(both(), n)
      .toString('latin1')
      .replace(/Sat, 15 May 2021 11:11:1\d \+0200/g, 'Tue, 25 May 2021 11:11:11 +0200'),
    'latin1',
  );

describe('deciding which consultation a held message belongs to', () => {
  it('from the command line: filed, receipted and counted as the named consultation, through reclassify', async () => {
    const config = testConfig();
    deliver(config.maildir, both());
    await onePass(config);
    const [held] = records(config);
    expect(held!.receipt.status).toBe('sent');
    expect(held!.review?.reasons).toContain('consultation-uncertain');
    expect(held!.consultation?.id).toBe('pbl-2021');
    // One receipt, under the likelier consultation (the hearing's case number), naming the other.
    expect(outboxFiles(config.outboxDir)).toHaveLength(1);
    const first = (await simpleParser(readFileSync(join(config.outboxDir, outboxFiles(config.outboxDir)[0]!)))).text!;
    expect(first).toContain('Vår referanse: 21/345');
    expect(first).toContain('ser også ut til å gjelde Norges handlingsplan 4B for Open Government Partnership (OGP) (vår referanse 17/1886)');
    // Left in the inbox until a person says where it is filed.
    expect(files(config.maildir, '')).toHaveLength(1);

    const bad = capture();
    expect(await changeCommand(config, projectRules(), log, decideRequest(held!.id, 'input', { consultation: 'ogp-5' }), bad.out, bad.out)).toBe(2);
    expect(bad.text()).toContain('«ogp-5» er ikke en innspillsrunde (kjente: ogp-4b, pbl-2021)');
    expect(await changeCommand(config, projectRules(), log, decideRequest(held!.id, 'not-input', { consultation: 'ogp-4b' }), bad.out, bad.out)).toBe(2);
    expect(records(config)[0]).toEqual(held);

    const out = capture();
    expect(await changeCommand(config, projectRules(), log, decideRequest(held!.id, 'input', { consultation: 'ogp-4b', commitments: 'einnsyn' }), out.out, out.out)).toBe(0);
    expect(out.text()).toContain('innspill til OGP 4B');
    expect(out.text()).toContain('kvitteringen er alt sendt');
    const check = () => {
      const [r] = records(config);
      expect(r!.consultation).toMatchObject({ id: 'ogp-4b', reason: { code: 'person' } });
      expect(r!.commitments.map((c) => c.id)).toEqual(['einnsyn']);
      expect(r!.overrides?.find((o) => o.field === 'consultation')).toMatchObject({ value: 'ogp-4b', rules: 'pbl-2021', via: 'cli' });
      return r!;
    };
    expect(check().receipt.status).toBe('sent');
    // OGP's filed folder (the default one's); the receipt that went stays the only one.
    expect(files(config.maildir, '.filed')).toHaveLength(1);
    expect(files(config.maildir, '')).toEqual([]);
    expect(outboxFiles(config.outboxDir)).toHaveLength(1);

    const re = capture();
    expect(await reclassifyCommand(config, projectRules(), log, re.out, re.out)).toBe(0);
    check();
    expect(outboxFiles(config.outboxDir)).toHaveLength(1);
  });

  it('held between two and late for one of them, it is on time once decided for the one whose deadline had not passed', async () => {
    const config = testConfig();
    deliver(config.maildir, between(3));
    await onePass(config);
    const [held] = records(config);
    expect(held!).toMatchObject({ late: true, receipt: { status: 'sent' } });
    const out = capture();
    expect(await changeCommand(config, projectRules(), log, decideRequest(held!.id, 'input', { consultation: 'pbl-2021' }), out.out, out.out)).toBe(0);
    const [r] = records(config);
    expect(r!).toMatchObject({ consultation: { id: 'pbl-2021', reason: { code: 'person' } }, late: false });
  });

  it("put in another consultation, it is judged by that one's rules: its commitments, its deadline in the receipt, through reclassify", async () => {
    const config = testConfig();
    deliver(config.maildir, between(2));
    await onePass(config);
    const [held] = records(config);
    expect(held!.receipt.status).toBe('sent');
    // Between the two, it is late: after the deadline of one of them (OGP's), whichever is the likelier.
    expect(held!).toMatchObject({ consultation: { id: 'pbl-2021' }, late: true });
    expect(held!.commitments.map((c) => c.id)).toContain('digital-planbehandling');

    const out = capture();
    expect(await changeCommand(config, projectRules(), log, decideRequest(held!.id, 'input', { consultation: 'ogp-4b' }), out.out, out.out)).toBe(0);
    const check = () => {
      const [r] = records(config);
      expect(r!.consultation).toMatchObject({ id: 'ogp-4b', reason: { code: 'person' } });
      // OGP's commitment for digital plan and building processes, found by OGP's terms (not the
      // hearing's ids filtered away to nothing), and late by OGP's deadline.
      expect(r!.commitments.map((c) => c.id)).toEqual(['plan-og-bygg']);
      expect(r!.late).toBe(true);
      expect(r!.review?.reasons ?? []).not.toContain('consultation-uncertain');
      return r!;
    };
    expect(check().receipt.status).toBe('sent');
    const receipts = outboxFiles(config.outboxDir);
    expect(receipts).toHaveLength(1);
    const receipt = (await simpleParser(readFileSync(join(config.outboxDir, receipts[0]!)))).text!;
    // The receipt went when it was filed, under the hearing (on time by its deadline), and says
    // it came after the deadline of the OGP plan it also concerns.
    expect(receipt).toContain('Vår referanse: 21/345');
    expect(receipt).not.toContain('Høringssvaret kom etter fristen');
    expect(receipt).toContain('(vår referanse 17/1886), og kom etter fristen i den saken, 18. mai 2021.');

    const re = capture();
    expect(await reclassifyCommand(config, projectRules(), log, re.out, re.out)).toBe(0);
    check();
  });

  it('by command mail: "/innspill ID #token pbl-2021" names it; the token is the same as without', async () => {
    const config = testConfig({ INNSPILL_CASEWORKERS: CASEWORKER });
    deliver(config.maildir, variant(both(), 1));
    await onePass(config);
    const [held] = records(config);
    expect(held!.receipt.status).toBe('sent');
    const key = await CommandKey.forStore(config.dataDir);
    // The digest offers one decision per consultation, as a button and as a line to paste.
    const digest = buildDigest(records(config), rulesFor(projectRules(), 'pbl-2021'), { since: null, now: new Date('2021-05-20T08:00:00Z'), links: { address: 'postmottak@kmd.dep.no', key } });
    const [entry] = digest.review;
    expect(entry!.links.map((l) => l.label)).toEqual(['Er innspill', 'Er innspill til OGP 4B', 'Er innspill til PBL-høring 2021', 'Er ikke innspill', 'Endre forpliktelser']);
    const line = entry!.commands.find((c) => c.endsWith(' pbl-2021'))!;
    expect(line).toBe(commandLine(key, 'innspill', held!.id, 'pbl-2021'));
    deliver(config.maildir, mail({ from: CASEWORKER, subject: 'Beslutning', body: `${line}\n` }));
    await onePass(config);
    const [r] = records(config);
    expect(r!.consultation).toMatchObject({ id: 'pbl-2021', reason: { code: 'person', text: `valgt av saksbehandler (${CASEWORKER})` } });
    expect(r!.overrides?.map((o) => [o.field, o.via])).toEqual([['decision', 'mail'], ['consultation', 'mail']]);
    expect(r!.receipt.status).toBe('sent');
    expect(files(config.maildir, '.filed.pbl-2021')).toHaveLength(1);
    const receipts = outboxFiles(config.outboxDir);
    expect(readFileSync(join(config.outboxDir, receipts[0]!), 'utf8')).toContain('21/345');
    // The answer names the consultation.
    const answers = readdirSync(join(config.outboxDir, 'decisions')).filter((n) => n.endsWith('.eml'));
    expect(answers).toHaveLength(1);
    const answer = await simpleParser(readFileSync(join(config.outboxDir, 'decisions', answers[0]!)));
    expect(answer.text).toContain('innspill til PBL-høring 2021');
  });
});
