// Classes that the spent set spent-13 (was sealed-13, read on 2026-12-03 10:03 UTC) showed
// misjudged, written again in our own words: a citizen's two lines from a webmail address in a new
// thread, an opinion on one commitment named once ("Staten må ha et register over algoritmer"),
// left unread because one strong term and an opinion are not enough for the consultation; the same
// for the hearing. A private person writing so is input (or a close call for a caseworker); the same
// lines from an organisation's own address may be its own business, and stay as they were.
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { atPrivateService } from '../../src/intake/relevance.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const run = (from: string, subject: string, body: string) => intake(mail({ from, subject, body }), rules);

const ALGORITHMS = 'Hei. Det offentlige bør ha et åpent register over algoritmer som brukes når staten avgjør saker om folk. Hilsen Per';

describe('a private person’s short opinion on one commitment, in a new thread', () => {
  it('from a webmail address: OGP’s, a close call held for a caseworker at least, never left unread', async () => {
    const s = await run('Per Holm <per.holm71@gmail.com>', 'Et forslag', ALGORITHMS);
    expect(s.consultation?.id).toBe('ogp-4b');
    expect(s.receipt.send || s.review?.needed).toBe(true);
  });

  it('the same lines from a company’s own address: not taken for input on their own', async () => {
    const s = await run('Per Holm <per@holm-konsult.example>', 'Et forslag', ALGORITHMS);
    expect(s.relevant).toBe(false);
    expect(s.review?.needed).toBe(false);
    expect(s.receipt.send).toBe(false);
  });

  it('on one of the hearing’s proposals, from a webmail address: the hearing’s, held for a caseworker at least', async () => {
    const s = await run('Kari Foss <kari.foss@online.no>', 'Naust', 'Jeg mener kommunene gir altfor lett dispensasjon til å sette opp naust og hytter ved sjøen.');
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(s.receipt.send || s.review?.needed).toBe(true);
  });
});

describe('a private mail service', () => {
  it('is known by its domain or a subdomain of it, lower or upper case, and nothing else', () => {
    const domains = new Set(['gmail.com', 'online.no']);
    expect(atPrivateService('a@gmail.com', domains)).toBe(true);
    expect(atPrivateService('a@Mail.Online.NO', domains)).toBe(true);
    expect(atPrivateService('a@gmail.com.example', domains)).toBe(false);
    expect(atPrivateService('a@ks.no', domains)).toBe(false);
    expect(atPrivateService(undefined, domains)).toBe(false);
  });
});
