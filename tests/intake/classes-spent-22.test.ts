// Classes that the spent set spent-22 (was sealed-22, read on 2026-12-03) showed, written again in
// our own words: who is on the address list, said of others, is no request to be put on it; and a
// late reply to a closed consultation (tests/intake/consultation.test.ts) is filed, not left unread.
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const run = (body: string) => intake(mail({ from: 'Per Lunde <per.lunde@frivillighetnorge.no>', subject: 'Innspill til handlingsplan 4B', body }), rules);

describe('the address list, said of others, is no request to be put on it', () => {
  it('"ikke bare de som står på adresselisten": input on co-creation, receipted', async () => {
    const s = await run('Dere ber oss sende brevet videre, og det har vi gjort. Men skal flere kunne bidra, må interessentforumet være åpent for alle organisasjoner, ikke bare de som står på adresselisten.\n\nHilsen Per');
    expect(s.relevant).toBe(true);
    expect(s.receipt.send).toBe(true);
    expect(s.commitments.map((c) => c.id)).toContain('samskaping');
  });

  it('asking to be put on the list is still no input', async () => {
    const s = await run('Vi ønsker å stå på høringslisten i framtidige høringer om åpenhet i forvaltningen.\n\nHilsen Per');
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });
});

describe('a new contact person for the list is no input', () => {
  it('"jeg overtar som kontaktperson, oppdater e-postlisten": not filed as input, no receipt', async () => {
    const s = await run('Hei,\n\nFra neste måned er jeg ny kontaktperson for oss i interessentforumet etter Lise Berg. Vennligst oppdater e-postlisten deres.\n\nHilsen Per');
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });

  it('a proposal beside it is still input', async () => {
    const s = await run('Hei,\n\nJeg er ny kontaktperson for oss i interessentforumet. Vi foreslår at forumet møtes oftere, og at referatene legges ut åpent.\n\nHilsen Per');
    expect(s.relevant).toBe(true);
    expect(s.commitments.map((c) => c.id)).toContain('samskaping');
  });
});

describe('a newsletter whose lead item is the organisation’s own hearing reply', () => {
  const letter = (body: string) =>
    intake(
      mail({
        from: 'Naturvernforbundet <nyheter@epost.naturvernforbundet.no>',
        subject: 'Nytt fra oss i mai',
        headers: { 'List-Unsubscribe': '<https://naturvernforbundet.example/avmeld>', Precedence: 'bulk' },
        received: ['from mx.example.org by mx01.dep.no; Wed, 26 May 2021 10:00:00 +0200'],
        date: 'Wed, 26 May 2021 09:59:00 +0200',
        body,
      }),
      rules,
    );

  it('"Vi har svart på høringen … les høringssvaret vårt": filed with the hearing as machine mail, no receipt', async () => {
    const s = await letter('NYTT FRA OSS\n\nVi har svart på høringen om endringer i plan- og bygningsloven\nVi går imot at dispensasjonsreglene i strandsonen skal mykes opp. Les høringssvaret vårt på nettsidene.\n\nMeld deg av nyhetsbrevet her.');
    expect(s).toMatchObject({ relevant: true, automatic: true, consultation: { id: 'pbl-2021' } });
    expect(s.receipt.send).toBe(false);
  });

  it('the hearing told as news is not the organisation’s input', async () => {
    const s = await letter('NYTT FRA OSS\n\nDepartementet har sendt forslag til endringer i plan- og bygningsloven på høring\nForslaget vil gjøre dispensasjonsreglene i strandsonen strengere. Fristen er 4. juni.\n\nMeld deg av nyhetsbrevet her.');
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });
});

describe('answers written inline below a signed note', () => {
  it('the answers between the quoted paragraphs are the sender’s words, though a closing stands above them', async () => {
    const body = [
      'Hei,',
      '',
      'Svarene våre står mellom avsnittene nedenfor.',
      '',
      'Vennlig hilsen',
      'Per Lunde',
      'Frivillighet Norge',
      '',
      '-----Opprinnelig melding-----',
      'Fra: Postmottak KMD <postmottak@kmd.dep.no>',
      'Emne: Invitasjon til innspill til handlingsplan 4B',
      '',
      '> Departementet ønsker innspill til endringer i handlingsplanen.',
      '',
      'SVAR: Kommunene må publisere postjournalen i eInnsyn, og staten bør dekke kostnaden for de minste.',
      '',
      '> Fristen for innspill er 18. mai.',
      '',
    ].join('\n');
    const s = await run(body);
    expect(s.ownWords).toContain('postjournalen i eInnsyn');
    expect(s.commitments.map((c) => c.id)).toEqual(['einnsyn']);
  });
});
