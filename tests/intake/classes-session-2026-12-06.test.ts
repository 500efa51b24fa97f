// Classes from spent sets read on 2026-12-06, written again in our own words.
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();

describe('a late nynorsk hearing reply that only says children must have their say before plans are adopted', () => {
  it('is input to the hearing on participation, late, with a receipt', async () => {
    const s = await intake(
      mail({
        from: 'Åse Myklebust <aase.myklebust@gmail.com>',
        subject: 'Høyringssvar, litt seint',
        date: 'Wed, 16 Jun 2021 20:10:00 +0200',
        received: ['from mail.gmail.com by mx01.dep.no; Wed, 16 Jun 2021 20:10:05 +0200'],
        body: 'Hei\n\nBeklagar at dette kjem etter fristen. Ungdomen i bygda må få seie si meining om gang- og sykkelvegar før reguleringsplanane blir vedtekne.\n\nHelsing Åse Myklebust',
      }),
      rules,
    );
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(s.relevant).toBe(true);
    expect(s.commitments.map((c) => c.id)).toContain('medvirkning');
    expect(s.late).toBe(true);
    expect(s.receipt.send).toBe(true);
  });

  it('the same words about an opinion with no plan in the sentence add nothing', async () => {
    const s = await intake(
      mail({
        from: 'Åse Myklebust <aase.myklebust@gmail.com>',
        subject: 'Høyringssvar, litt seint',
        body: 'Hei\n\nUngdomen må få seie si meining om kantina på skulen.\n\nHelsing Åse Myklebust',
      }),
      rules,
    );
    expect(s.commitments.map((c) => c.id)).not.toContain('medvirkning');
    expect(s.receipt.send).toBe(false);
  });
});
