import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const senderOf = async (from: string, headers: Record<string, string> = {}) => (await intake(mail({ from, headers }), rules)).sender;

describe('who sent it', () => {
  it('knows an organisation by its domain or a subdomain of it', async () => {
    expect((await senderOf('Kari <kari@ks.no>')).organisation).toBe('Kommunesektorens interesse- og arbeidsgiverorganisasjon');
    const sub = await senderOf('Kari <Kari.Nordmann@POST.KS.NO>');
    expect(sub.organisation).toBe('Kommunesektorens interesse- og arbeidsgiverorganisasjon');
    expect(sub.category).toBe('kommunesektor');
    expect((await senderOf('<247@mfa.no>')).organisation).toBe('Utenriksdepartementet');
  });

  it('matches at a label boundary only', async () => {
    expect((await senderOf('<a@kud.dep.no>')).organisation).toBe('Kulturdepartementet');
    expect((await senderOf('<a@ud.dep.no>')).organisation).toBe('Utenriksdepartementet');
    expect((await senderOf('<a@transparency.org>')).organisation).toBeNull();
    expect((await senderOf('<a@notks.no>')).organisation).toBeNull();
    expect((await senderOf('<a@ks.no.example.net>')).organisation).toBeNull();
  });

  it('never takes the display name, Reply-To or signature for the organisation', async () => {
    const s = await senderOf('"Amnesty International Norge" <amnesty.norge@gmail.com>', { 'Reply-To': 'post@amnesty.no' });
    expect(s.organisation).toBeNull();
    expect(s.category).toBe('ukjent');
    expect(s.hints.displayName).toBe('Amnesty International Norge');
    expect(s.hints.replyTo).toBe('post@amnesty.no');
  });

  it('does not trust a listed domain that the receiving server found forged (DMARC fail)', async () => {
    const s = await senderOf('KS <post@ks.no>', { 'Authentication-Results': 'mx01.dep.no; spf=fail smtp.mailfrom=ks.no; dmarc=fail (p=reject) header.from=ks.no' });
    expect(s.organisation).toBeNull();
    expect(s.category).toBe('ukjent');
    // What the mail claims is kept for the caseworker, as a claim.
    expect(s.hints.unconfirmed).toEqual({ organisation: 'Kommunesektorens interesse- og arbeidsgiverorganisasjon', category: 'kommunesektor', domain: 'ks.no' });
    const ok = await senderOf('KS <post@ks.no>', { 'Authentication-Results': 'mx01.dep.no; dkim=pass header.d=ks.no; dmarc=pass header.from=ks.no' });
    expect(ok.organisation).toBe('Kommunesektorens interesse- og arbeidsgiverorganisasjon');
    expect(ok.hints.unconfirmed).toBeUndefined();
  });
});
