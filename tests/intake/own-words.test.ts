import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ownWordsOf } from '../../src/intake/own-words.js';
import { OGP, projectRules, rulesDir } from '../helpers/rules.js';

const rules = projectRules();
const letter = readFileSync(`${rulesDir}/${OGP}/letter.txt`, 'utf8').split('\n').filter((l) => !l.startsWith('# ')).join('\n');
const own = (body: string, subject = 'SV: OGP - Invitasjon til innspill til Handlingsplan 4 B') => ownWordsOf(body, subject, [], rules);

describe('the sender’s own words', () => {
  it('drops an Outlook (nb) quote header and the whole letter under it', () => {
    const r = own(`Vi støtter forpliktelsen om eInnsyn.\n\nFra: Postmottak KMD <postmottak@kmd.dep.no>\nSendt: tirsdag 13. april 2021 09:12\nTil: Kari <kari@ks.no>\nEmne: OGP\n\n${letter}`);
    expect(r.text).toBe('Vi støtter forpliktelsen om eInnsyn.');
    expect(r.letterLines).toBeGreaterThan(20);
    expect(r.text).not.toMatch(/ungdomspanel|korrupsjon/i);
  });

  it('drops "-----Opprinnelig melding-----" blocks', () => {
    expect(own(`Kort innspill om KI.\n\n-----Opprinnelig melding-----\nFra: Postmottak\n${letter}`).text).toBe('Kort innspill om KI.');
  });

  it('reads the answer written below the letter when the separator and the letter stand at the very top', () => {
    const r = own(`-----Opprinnelig melding-----\nFra: Postmottak KMD <postmottak@kmd.dep.no>\nSendt: 12.04.2021 09:31\nEmne: Invitasjon\n\n${letter}\n\nHei igjen,\n\nVi mener ungdomspanelet må få egne midler til reiser.\n\nHilsen Siv`);
    expect(r.text).toContain('Vi mener ungdomspanelet må få egne midler til reiser.');
    expect(r.letterLines).toBeGreaterThan(20);
    expect(r.text).not.toMatch(/Open Government Partnership/);
  });

  it('a separator at the top over someone else\'s mail is still a quote, not the sender\'s words', () => {
    const r = own(`-----Opprinnelig melding-----\nFra: Nabo <nabo@example.org>\nSendt: 12.04.2021 09:31\nEmne: Hekken\n\nHekken din er for høy, klipp den.`);
    expect(r.text).toBe('');
  });

  it('drops Gmail attributions and ">" lines, but keeps answers written between them', () => {
    const quoted = letter.split('\n').slice(20, 30).map((l) => `> ${l}`).join('\n');
    const r = own(`Innledning.\n\nDen tir. 13. apr. 2021 kl. 09:12 skrev Postmottak KMD <postmottak@kmd.dep.no>:\n${quoted}\n\nSvar under sitatet om anskaffelser.\n\n> - *Nærings- og fiskeridepartementet* foreslår en omformulert forpliktelse`);
    expect(r.text).toContain('Innledning.');
    expect(r.text).toContain('Svar under sitatet om anskaffelser.');
    expect(r.text).not.toContain('skrev');
    expect(r.text).not.toContain('Nærings- og fiskeridepartementet');
  });

  it('knows nynorsk "skreiv" and English "On … wrote:" and "From:/Sent:"', () => {
    expect(own(`Innspel om journalføring.\n\nTysdag 13. april 2021 skreiv Postmottak KMD <postmottak@kmd.dep.no>:\n\n${letter}`).text).toBe('Innspel om journalføring.');
    expect(own(`Comments on AI.\n\nOn Tue, 13 Apr 2021 at 09:12, Postmottak KMD <postmottak@kmd.dep.no> wrote:\n> ${letter.split('\n')[12]}`).text).toBe('Comments on AI.');
    expect(own(`Comments on AI.\n\nFrom: Postmottak KMD <postmottak@kmd.dep.no>\nSent: 13 April 2021 09:12\nTo: x@y.org\nSubject: OGP\n\n${letter}`).text).toBe('Comments on AI.');
  });

  it('removes letter lines pasted without any quote marks', () => {
    const r = own(`Her er innspillet vårt om korrupsjon.\n${letter.split('\n').slice(40, 60).join('\n')}`);
    expect(r.text).toBe('Her er innspillet vårt om korrupsjon.');
  });

  it('keeps forwarded input, without its header lines, and notes who sent it', () => {
    const body = `Se innspill fra Amnesty under.\n\n---------- Videresendt melding ---------\nFra: Amnesty <post@amnesty.no>\nDato: 10. mai 2021\nEmne: Innspill\nTil: kari@kmd.dep.no\n\nAmnesty mener det bør opprettes et lobbyregister.\n`;
    const r = ownWordsOf(body, 'VS: Innspill', [], rules);
    expect(r.text).toContain('Amnesty mener det bør opprettes et lobbyregister.');
    expect(r.text).not.toContain('Dato:');
    expect(r.forwardedFrom).toBe('post@amnesty.no');
  });

  it('treats an Outlook header block under a forward subject as forwarded input, not as a quote', () => {
    const body = `Til orientering.\n\nFra: Leder <leder@wwf.no>\nSendt: 9. mai 2021\nTil: Kari\nEmne: Innspill OGP\n\nWWF foreslår en ny forpliktelse om miljøinformasjon.`;
    expect(ownWordsOf(body, 'VS: Innspill OGP', [], rules).text).toContain('WWF foreslår en ny forpliktelse om miljøinformasjon.');
    expect(ownWordsOf(body, 'SV: Innspill OGP', [], rules).text).toBe('Til orientering.');
  });

  it('keeps a memo heading at the top of a message (Til:/Fra:/Emne:) as the start of the input', () => {
    const body = `Til: Kommunal- og moderniseringsdepartementet\nFra: Norsk arkivråd\nEmne: Innspill til handlingsplan 4B\n\nArkivrådet mener veiledningen om journalføring må omfatte e-post.`;
    expect(own(body, 'Innspill').text).toContain('journalføring må omfatte e-post');
  });

  it('cuts the signature and keeps it as a hint; drops disclaimers and phone footers', () => {
    const r = own(
      `Vi støtter arbeidet med åpne kulturdata.\n\nSendt fra min iPhone\n\nMed vennlig hilsen\nOla Nordmann\nNorsk arkivråd – fagorganisasjon for arkiv og journalføring\n\nDenne e-posten kan inneholde konfidensiell informasjon og er kun tiltenkt mottaker.`,
    );
    expect(r.text).toBe('Vi støtter arbeidet med åpne kulturdata.');
    expect(r.signature).toContain('Ola Nordmann');
  });

  it('drops a legal footer paragraph that has no closing before it', () => {
    const r = own(`Innspill om anskaffelser.\n\nThis e-mail is confidential and intended solely for the addressee. If you have received this email in error, please delete it.`);
    expect(r.text).toBe('Innspill om anskaffelser.');
  });

  it('reads the words of an attached forwarded message (message/rfc822) as forwarded input', () => {
    const r = ownWordsOf('Se vedlagt.', 'VS: Innspill', [{ from: { address: 'post@nj.no' }, subject: 'Innspill', text: 'Norsk Journalistlag vil ha fulltekst i eInnsyn.' }], rules);
    expect(r.text).toContain('fulltekst i eInnsyn');
    expect(r.forwardedFrom).toBe('post@nj.no');
  });
});
