// The invited organisations that have not replied yet: an organisation is off the list only when
// the sender decision (src/intake/sender.ts, the same everywhere) says it wrote, never on a
// forged From that the receiving server's DMARC check rejected.
import { describe, expect, it } from 'vitest';
import { buildDigest } from '../../src/digest/build.js';
import { intake } from '../../src/intake/index.js';
import { mail } from '../helpers/mail.js';
import { makeRecord } from '../helpers/records.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const now = new Date('2021-05-15T06:00:00Z');
const KS = rules.organisations.find((o) => o.domains.includes('ks.no'))!;

describe('not replied yet', () => {
  it('keeps an invited organisation on the list when its From was forged (DMARC failed), and takes it off for a genuine reply', async () => {
    expect(KS.invited).toBe(true);
    const forged = await intake(
      mail({ from: 'Kari Nordmann <kari@ks.no>', headers: { 'Authentication-Results': 'mx01.dep.no; spf=fail smtp.mailfrom=ks.no; dmarc=fail (p=reject) header.from=ks.no' } }),
      rules,
    );
    expect(forged.sender.organisation).toBeNull();
    const record = { ...makeRecord({ seq: 1, from: 'kari@ks.no' }), sender: forged.sender };
    const names = (rs: ReturnType<typeof makeRecord>[]) => buildDigest(rs, rules, { since: null, now }).notReplied.map((o) => o.name);
    expect(names([record])).toContain(KS.name);

    const genuine = await intake(mail({ from: 'Kari Nordmann <kari@ks.no>' }), rules);
    expect(genuine.sender.organisation).toBe(KS.name);
    expect(names([{ ...makeRecord({ seq: 2, from: 'kari@ks.no' }), sender: genuine.sender }])).not.toContain(KS.name);
  });
});
