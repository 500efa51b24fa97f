// Classes that the spent set spent-36 (was sealed-36, read on 2026-12-04) showed, written again in
// our own words: another ministry sending a hearing of its own on a regulation is not input to the
// PBL hearing; a log-in "here" to confirm an access that "expires" is bait; "European" is not
// Europeana, and an organisation's name is not its topic, while "digitaliserte samlinger" are
// cultural data.
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const ids = (s: { commitments: Array<{ id: string }> }) => s.commitments.map((c) => c.id);

describe('another ministry\'s own hearing', () => {
  it('"NFD sender på høring forslag til ny forskrift om …" under "Høring – forskrift om …": not the PBL hearing\'s, no receipt', async () => {
    const s = await intake(
      mail({
        from: 'Per Ås <per.as@nfd.dep.no>',
        subject: 'Høring – forskrift om konsekvensutredninger for havvind',
        body: 'Hei\n\nNFD sender på høring forslag til endringer i forskrift om konsekvensutredninger for havvind. Høringsfristen er 1. september.\n\nVennlig hilsen\nPer Ås\n',
      }),
      rules,
    );
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });
});

describe('a log-in "here" under the case number', () => {
  it('"Tilgangen din til portalen utløper. Logg inn her for å fornye": suspicious, no receipt', async () => {
    const s = await intake(
      mail({
        from: 'Høringsportal <noreply@portal-innlogging.example>',
        subject: 'Sak 21/345 – tilgangen din',
        headers: { 'Auto-Submitted': 'auto-generated' },
        body: 'Tilgangen din til portalen utløper i dag. Logg inn her for å fornye: http://portal-innlogging.example/fornye\n',
      }),
      rules,
    );
    expect(s.suspicious).toBe(true);
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });
});

describe('cultural data, and what only looks like it', () => {
  const input = (from: string, body: string) => intake(mail({ from, subject: 'Innspill til handlingsplan 4B', body }), rules);

  it('"as several European cities do": no kulturdata', async () => {
    const s = await input('Anna Berg <anna.berg@gmail.com>', 'Hello,\n\nNorway should publish a register of the algorithms used by the state, as several European cities already do.\n\nAnna\n');
    expect(ids(s)).toContain('kunstig-intelligens');
    expect(ids(s)).not.toContain('kulturdata');
  });

  it('Wikimedia Norge writing about eInnsyn: einnsyn, not kulturdata', async () => {
    const s = await input('Jon Moe <jon.moe@wikimedia.no>', 'Hei,\n\nWikimedia Norge mener at alle kommuner bør publisere postjournalen sin i eInnsyn.\n\nJon Moe\nWikimedia Norge\n');
    expect(ids(s)).toContain('einnsyn');
    expect(ids(s)).not.toContain('kulturdata');
  });

  it('"digitaliserte samlinger" on the net for everyone: kulturdata', async () => {
    const s = await input('Jon Moe <jon.moe@wikimedia.no>', 'Hei,\n\nVi foreslår at alle digitaliserte samlinger som staten har betalt for, blir lagt ut på nett for alle.\n\nJon Moe\n');
    expect(ids(s)).toContain('kulturdata');
  });
});

describe('the shore zone named in the subject (spent-22, read again on 2026-12-04)', () => {
  it('"Merknad om strandsonen" over words on the exemption rule, from an invited organisation: the hearing\'s, not left unread', async () => {
    const s = await intake(
      mail({
        from: 'Kari Li <kari.li@naturvernforbundet.no>',
        subject: 'Merknad om strandsonen',
        body: 'Hei,\n\nVåre merknader følger her. Den nye dispensasjonsregelen vil gjøre det vanskelig å bytte et gammelt naust med et nytt på samme sted. Vi ber departementet se på dette.\n\nKari Li\nNorges Naturvernforbund\n',
      }),
      rules,
    );
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(s.receipt.send || s.review?.needed === true).toBe(true);
  });
});
