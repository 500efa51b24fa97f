// Classes that the spent set spent-29 (was sealed-29, read on 2026-12-04) showed, written again in
// our own words: an unknown sender's unreadable hearing reply under a bare "Høringssvar" subject
// is held, not left; another ministry's address that fails DMARC is a forged sender (filed,
// receipt held), not the ministry imitated; an event the sender arranges is no input; a document
// "to upload again" behind a link is bait.
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const HEARING_ID = '<c4e1a9b07d2f4b3e8a6c5d4e3f2a1b0c@EXCH-MBX02.dss.dep.no>';

describe('an unreadable hearing reply from an unknown sender', () => {
  it('"Høringssvaret vårt ligger i vedlagt fil" with a damaged PDF under a bare "Høringssvar": held for a caseworker', async () => {
    const s = await intake(
      mail({
        from: 'Kari Moe <leder@vel-nordsiden.example>',
        subject: 'Høringssvar',
        body: 'Hei\n\nHøringssvaret vårt ligger i vedlagt fil.\n\nKari Moe\nNordsiden vel',
        attachments: [{ filename: 'horingssvar.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog') }],
      }),
      rules,
    );
    expect(s.review?.reasons).toContain('relevance-uncertain');
    expect(s.receipt).toMatchObject({ send: false, code: 'held-for-review' });
  });
});

describe('a forged sender at another ministry', () => {
  const forged = (from: string) =>
    intake(
      mail({
        from,
        to: 'hoering-pbl@kmd.dep.no',
        subject: 'SV: Høring – endringer i plan- og bygningsloven',
        headers: { 'In-Reply-To': HEARING_ID, 'Authentication-Results': 'mx01.dep.no; spf=fail smtp.mailfrom=dep.no; dkim=none; dmarc=fail header.from=dep.no' },
        body: 'Vi viser til høringsbrevet. Konsekvensutredningene må se på samlet belastning på naturen, ikke bare på det enkelte tiltaket.\n\nMvh',
      }),
      rules,
    );

  it('kld.dep.no failing DMARC in the hearing’s thread: input, filed, receipt held; not marked as an imitation', async () => {
    const s = await forged('Per Lie <per.lie@kld.dep.no>');
    expect(s.relevant).toBe(true);
    expect(s.suspicious).toBe(false);
    expect(s.review?.reasons).toContain('sender-forged');
    expect(s.receipt.send).toBe(false);
  });

  it('the ministry’s own kmd.dep.no failing DMARC is still an imitation of the ministry', async () => {
    const s = await forged('Postmottak <postmottak@kmd.dep.no>');
    expect(s.suspicious).toBe(true);
  });
});

describe('mail that is no input', () => {
  it('"Wikimedia arrangerer fagdag om åpne kulturdata 8. juni. Departementets ansatte er hjertelig velkomne": no input', async () => {
    const s = await intake(
      mail({
        from: 'Siri Aas <siri.aas@wikimedia.no>',
        subject: 'Invitasjon: fagdag om åpne kulturdata',
        body: 'Hei,\n\nWikimedia Norge arrangerer fagdag om åpne kulturdata og Wikidata 8. juni. Departementets ansatte er hjertelig velkomne.\n\nSiri',
      }),
      rules,
    );
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });

  it('"vedlegget kunne ikke åpnes; last opp dokumentet på nytt her" from a look-alike: suspicious, no receipt', async () => {
    const s = await intake(
      mail({
        from: 'KMD Høring <svar@kmd-hoering.example.org>',
        subject: 'Høringssvar 21/345 – vedlegg mangler',
        body: 'Vi har mottatt høringssvaret ditt, men vedlegget kunne ikke åpnes. Last opp dokumentet på nytt her: https://kmd-hoering.example.org/opplasting',
      }),
      rules,
    );
    expect(s.suspicious).toBe(true);
    expect(s.receipt.send).toBe(false);
  });
});
