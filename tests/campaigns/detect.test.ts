// Campaign detection (src/campaigns): near-identical own words and identical documents from
// different senders are grouped; short agreeing replies, one sender's own copies and unrelated
// texts are not; caseworkers' splits and joins survive a recomputation.
import { describe, expect, it } from 'vitest';
import { CampaignGrouper, describeCampaign, entryKey, entryOf, groupCampaigns, linkCampaigns, textLinked, type CampaignDecision, type EntryInput } from '../../src/campaigns/index.js';
import { comparableWords } from '../../src/campaigns/words.js';
import { demandKeys, titleNames } from '../../src/campaigns/names.js';
import { projectRules } from '../helpers/rules.js';

const TEMPLATE = [
  'Jeg sender dette innspillet til handlingsplanen fordi åpne postlister betyr mye for meg som innbygger.',
  'Alle kommuner bør publisere postjournalen sin i eInnsyn, slik at vi kan se hvilke saker kommunen arbeider med.',
  'Jeg ber derfor departementet om å sette en frist for når alle kommuner skal være med, og at staten dekker kostnadene.',
  'Åpenhet i lokaldemokratiet er en forutsetning for tillit.',
];
const NYNORSK = [
  'Eg sender dette innspelet til handlingsplanen fordi opne postlister betyr mykje for meg som innbyggjar.',
  'Alle kommunar bør publisere postjournalen sin i eInnsyn, slik at vi kan sjå kva saker kommunen arbeider med.',
  'Eg ber difor departementet om å setje ein frist for når alle kommunar skal vere med, og at staten dekkjer kostnadene.',
  'Openheit i lokaldemokratiet er ein føresetnad for tillit.',
].join('\n\n');

let seq = 0;
function input(id: string, ownWords: string, extra: Partial<EntryInput> = {}): EntryInput {
  seq++;
  return { id, seq, consultation: 'ogp-4b', from: `${id}@example.no`, organisation: null, submission: true, ownWords, attachments: [], key: id, ...extra };
}
const entry = (id: string, ownWords: string, extra: Partial<EntryInput> = {}) => entryOf(input(id, ownWords, extra));
const member = (id: string, personal = '') => entry(id, ['Hei,', ...TEMPLATE, personal].filter(Boolean).join('\n\n'));
const OTHER =
  'Vi i Norsk arkivråd mener at veiledningen om journalføring må bli tydeligere om hva som skal journalføres av meldinger i chat og sosiale medier, og at Arkivverket bør få ressurser til tilsyn med kommunene.';
const PDF = { sha256: 'a'.repeat(64), detectedType: 'pdf', ownWords: 120, readable: true };

describe('campaign detection', () => {
  it('groups members with their own greetings, lines and a nynorsk rewrite, and leaves others out', () => {
    const entries = [
      member('m1'),
      member('m2', 'Jeg bor i Vinje, og kommunen min har ikke postliste på nettet.'),
      entry('o1', OTHER),
      member('m3', 'Barna mine går på en skole som ble foreslått lagt ned uten at noen visste om det.'),
      entry('m4', NYNORSK),
    ];
    const groups = groupCampaigns(entries);
    expect(groups).toEqual([{ id: 'k-m1', members: ['m1', 'm2', 'm3', 'm4'], links: ['text'] }]);
  });

  it('reads common nynorsk words as their bokmål forms when comparing (kvart, ligg, passive -ast)', () => {
    expect(comparableWords('Kvart år må dei ligg føre ein plan, og unntak kan berre givast når det er grunnar til det.')).toEqual(
      comparableWords('Hvert år må de ligger føre en plan, og unntak kan bare gis når det er grunner til det.'),
    );
    expect(comparableWords('Vi må hjelpe kvarandre.')).toEqual(comparableWords('Vi må hjelpe hverandre.'));
    // Stems inside compounds (handsaming = behandling, teikn = tegn) and a nynorsk-only verb form.
    expect(comparableWords('Vi, underteikna, ber om innsyn i sakshandsaminga når etaten nyttar algoritmar.')).toEqual(
      comparableWords('Vi, undertegnede, ber om innsyn i saksbehandlingen når etaten bruker algoritmer.'),
    );
  });

  it('does not group short replies that merely agree, nor one sender’s own copies', () => {
    const short = ['ingen merknader', 'Vi har ingen merknader.', 'Se vedlegg', 'Se vedlegg.'].map((t, i) => entry(`s${i}`, t));
    expect(groupCampaigns(short)).toEqual([]);
    const sameSender = [member('x1'), member('x2')].map((e) => ({ ...e, from: 'one@example.no' }));
    expect(groupCampaigns(sameSender)).toEqual([]);
    const sameOrganisation = [member('y1'), member('y2')].map((e) => ({ ...e, organisation: 'KS' }));
    expect(groupCampaigns(sameOrganisation)).toEqual([]);
    // A long reply that says only "ingen merknader" (intake's finding) is never text-linked either.
    const noComments = [member('n1'), member('n2')].map((e) => ({ ...e, noComments: true }));
    expect(groupCampaigns(noComments)).toEqual([]);
  });

  it('groups the same document from different senders, but not from one sender', () => {
    const docs = [entry('d1', 'Se vedlegg.', { attachments: [PDF] }), entry('d2', 'Vedlagt.', { attachments: [PDF] }), entry('d3', 'Hei', { attachments: [PDF], from: 'd1@example.no' })];
    expect(groupCampaigns(docs)).toEqual([{ id: 'k-d1', members: ['d1', 'd2', 'd3'], links: ['document'] }]);
    expect(groupCampaigns([docs[0]!, docs[2]!])).toEqual([]);
    // An image (a logo) or a copy of the letter (no words of the sender's own) ties nobody.
    const logo = { ...PDF, detectedType: 'image' };
    const letter = { ...PDF, ownWords: 3 };
    expect(groupCampaigns([entry('l1', 'Hei', { attachments: [logo, letter] }), entry('l2', 'Hei', { attachments: [logo, letter] })])).toEqual([]);
  });

  it('joins a member whose one-line mail carries the template as a document to those who pasted it', () => {
    const template = ['Hei,', ...TEMPLATE].join('\n\n');
    // The document route: a one-line mail, the template read from the attachment (entryInputOf joins them).
    const pasted = [member('t1'), member('t2', 'Jeg bor i Gran.')];
    const pdfMember = entry('p1', `Se vedlegg.\n\n${template}`, { mailWords: 'Se vedlegg.', attachments: [PDF] });
    const groups = groupCampaigns([...pasted, pdfMember]);
    expect(groups).toEqual([{ id: 'k-t1', members: ['t1', 't2', 'p1'], links: ['text'] }]);
  });

  it('does not link two senders by a shared enclosure when each wrote their own input in the mail', () => {
    // A blank form (or a report) both attach: their own words are in the mails, and they differ.
    const form = 'Skjema for innspill. Navn og organisasjon. Hvilken forpliktelse gjelder innspillet? Forslag til endring. Begrunnelse og hvem som berøres. Kan innspillet offentliggjøres?';
    const own1 = 'Ungdomspanelet bør få møte statsråden minst to ganger i året, og panelet må selv få velge hvilke saker det vil uttale seg om, og ungdom fra små steder må få dekket reisen.';
    const own2 = 'Mange statlige etater journalfører e-post og meldinger fra sosiale medier for sent, og forpliktelsen om journalføring bør si at chatmeldinger som gjelder saker skal journalføres.';
    const sender = (id: string, own: string) => entry(id, `${own}\n\n${form}`, { mailWords: own, attachments: [PDF] });
    expect(groupCampaigns([sender('f1', own1), sender('f2', own2)])).toEqual([]);
    // … but when their mails are alike too, they are one campaign.
    expect(groupCampaigns([sender('g1', own1), sender('g2', `${own1} Hilsen Ola.`)]).map((g) => g.members)).toEqual([['g1', 'g2']]);
    // A sender whose mail is a cover note speaks through the document: linked to each of them.
    expect(groupCampaigns([sender('h1', own1), entry('h2', `Se vedlegg.\n\n${form}`, { mailWords: 'Se vedlegg.', attachments: [PDF] })]).map((g) => g.members)).toEqual([['h1', 'h2']]);
  });

  it('takes a document that is mostly the invitation letter for the letter: neither a document nor words to compare', () => {
    // 160 of 1,146 words left after the letter's lines are removed (an address list, a stamp).
    const letterBack = { ...PDF, ownWords: 160, words: 1146 };
    const e = entry('lb', 'Hei', { attachments: [letterBack] });
    expect(e.documents).toEqual([]);
    expect(groupCampaigns([e, entry('lb2', 'Hei', { attachments: [letterBack] })])).toEqual([]);
  });

  it('joins the senders of a campaign’s own document, headed with the name the pasted text says it writes for', () => {
    // The campaign offers a text to paste that names it, and its leaflet in other words, headed with the name.
    const named = (id: string, personal = '') => entry(id, ['Hei,', 'Jeg skriver gjennom kampanjen «Frie postlister».', ...TEMPLATE, personal].filter(Boolean).join('\n\n'));
    const leafletText = 'Frie postlister – våre krav\nHver kommune skal legge ut postlista hver uke. Staten betaler for verktøyet. Innbyggerne skal kunne abonnere på saker.';
    const leaflet = (id: string, sha = 'b') => entry(id, `Vedlagt.\n\n${leafletText}`, { mailWords: 'Vedlagt.', attachments: [{ ...PDF, sha256: sha.repeat(64), titles: titleNames(leafletText) }] });
    const groups = groupCampaigns([named('n1'), named('n2', 'Jeg bor i Gran.'), leaflet('p1'), leaflet('p2')]);
    expect(groups).toEqual([{ id: 'k-n1', members: ['n1', 'n2', 'p1', 'p2'], links: ['document', 'name', 'text'] }]);
    // In nynorsk, and one alone naming it: the name is the same.
    expect(groupCampaigns([entry('y1', 'Eg skriv gjennom kampanjen «Frie postlister». Det er viktig.'), leaflet('y2')]).map((g) => g.members)).toEqual([['y1', 'y2']]);
    // Two documents under the same heading, which no member names: no campaign.
    expect(groupCampaigns([leaflet('h1', 'c'), leaflet('h2', 'd')])).toEqual([]);
    // A document headed so, but sent with an input of the sender's own in the mail, is an enclosure: not linked by its heading.
    const own = 'Ungdomspanelet bør få møte statsråden minst to ganger i året, og panelet må selv få velge hvilke saker det vil uttale seg om, og ungdom fra små steder må få dekket reisen.';
    const enclosing = entry('e1', `${own}\n\n${leafletText}`, { mailWords: own, attachments: [{ ...PDF, sha256: 'e'.repeat(64), titles: titleNames(leafletText) }] });
    expect(groupCampaigns([named('e0'), enclosing])).toEqual([]);
    // One sender naming it twice is no campaign; a name of one short word is none.
    expect(groupCampaigns([named('s1'), { ...named('s2'), from: 's1@example.no' }])).toEqual([]);
    expect(groupCampaigns([entry('w1', 'Jeg støtter kampanjen «Ja».'), entry('w2', 'Kampanjen «Ja» har rett.')])).toEqual([]);
  });

  it('makes every index entry again once since the comparison changed (doubled letters, short documents, organisations never linked; a store indexed before)', () => {
    const parts = { attachments: [] as string[], submission: true, noComments: false, consultation: 'ogp-4b', organisation: null, from: 'a@example.no' };
    // The leading number was 2 and 3, then 4/5, 6/7, 8/9, 10/11, 12/13, 14/15, 16/17, 18/19 (plain text / a name or a document may be read): none is current now.
    expect(entryKey({ ...parts, ownWords: TEMPLATE.join(' ') }).startsWith('201')).toBe(true);
    expect(entryKey({ ...parts, ownWords: `Jeg skriver gjennom kampanjen «Frie postlister». ${TEMPLATE[0]}` }).startsWith('211')).toBe(true);
    expect(entryKey({ ...parts, ownWords: 'Se vedlegg.', attachments: ['a'.repeat(64)] }).startsWith('211')).toBe(true);
  });

  it('two organisations that agree on one sentence, each with its own input besides, are no campaign', () => {
    const shared = 'Alle kommuner bør pålegges å publisere postjournalen i eInnsyn, fordi frivillighet ikke har gitt full dekning på ti år.';
    const a = entry('o1', `Vi viser til invitasjonen og gir følgende innspill. ${shared}`, { organisation: 'Norsk arkivråd', from: 'post@arkivrad.no' });
    const b = entry('o2', `Kort fra oss: veiledningen om journalføring må omfatte chat og meldinger i Teams. ${shared}`, { organisation: 'Norsk Presseforbund', from: 'post@presse.no' });
    expect(groupCampaigns([a, b])).toEqual([]);
    // Two private persons with the same words are a campaign's members: the rule is for the register's organisations.
    const c = entry('p1', `Vi viser til invitasjonen og gir følgende innspill. ${shared}`);
    const d = entry('p2', `Kort fra oss: veiledningen om journalføring må omfatte chat og meldinger i Teams. ${shared}`);
    expect(groupCampaigns([c, d]).length).toBe(1);
  });

  it('takes the same words from organisations of the register for agreement, and a campaign for two people or more', () => {
    const joint =
      'Vi støtter forslaget om et åpent register over reelle rettighetshavere, men registeret må være gratis, søkbart og maskinlesbart fra første dag. ' +
      'Vi ber også om at departementet setter en dato for når opplysningene om eierskap i offentlige anskaffelser skal publiseres.';
    const org = (id: string, organisation: string, domain: string) => entry(id, `Hei,\n\n${joint}\n\nMed vennlig hilsen`, { organisation, from: `post@${domain}` });
    // Two organisations sending one statement word for word (and a third): they agree, no campaign.
    const orgs = [org('o1', 'Publish What You Pay Norge', 'pwyp.no'), org('o2', 'Regnskogfondet', 'regnskog.no'), org('o3', 'Transparency International Norge', 'transparency.no')];
    expect(groupCampaigns(orgs)).toEqual([]);
    expect(textLinked(orgs[0]!, orgs[1]!)).toBe(false);
    // One person writing what an organisation wrote agrees with it: no campaign either.
    const person = (id: string, line: string) => entry(id, `${joint}\n\n${line}`);
    expect(groupCampaigns([orgs[0]!, person('p1', 'Hilsen Ola, medlem i fem år.')])).toEqual([]);
    // A second person with the same text makes it a campaign, and the organisations that sent it are members.
    const groups = groupCampaigns([...orgs, person('p1', 'Hilsen Ola, medlem i fem år.'), person('p2', 'Mvh Kari fra Bodø.')]);
    expect(groups).toEqual([{ id: 'k-o1', members: ['o1', 'o2', 'o3', 'p1', 'p2'], links: ['text'] }]);
    // The daemon's grouping says the same as each message arrives.
    const grouper = new CampaignGrouper();
    for (const e of [...orgs, person('p1', 'Hilsen Ola, medlem i fem år.')]) grouper.add(e);
    expect(grouper.campaignOf('p1')).toBeNull();
    grouper.add(person('p2', 'Mvh Kari fra Bodø.'));
    expect(grouper.campaignOf('o2')).toEqual({ id: 'k-o1', size: 5 });
  });

  it('lets an organisation into a campaign only when its text is the campaign’s, not one member’s paragraph', () => {
    const template = TEMPLATE.join('\n\n');
    // A member who added a long paragraph of her own about archives …
    const archives =
      'Jeg har jobbet i et kommunearkiv i tjue år og ser at dokumenter fra chat og sosiale medier sjelden blir journalført. Veiledningen fra Arkivverket må si tydelig hva som skal arkiveres, og kommunene trenger penger til opplæring av de ansatte som gjør jobben.';
    const later = 'Vi ber også om at Arkivverket får ressurser til tilsyn med kommunene, og at tilsynsrapportene blir offentlige.';
    const m1 = entry('m1', `${template}\n\n${archives}`);
    const m2 = member('m2', 'Hilsen Per i Alta.');
    // … and an archive organisation whose input says the same about archives, and more of its own.
    const org = entry('o1', `Norsk arkivråd gir følgende innspill. ${archives}\n\n${later}`, { organisation: 'Norsk arkivråd', from: 'post@arkivrad.no' });
    expect(groupCampaigns([m1, m2, org])).toEqual([{ id: 'k-m1', members: ['m1', 'm2'], links: ['text'] }]);
    // The organisation that wrote the archives paragraph first is not pulled in by the member who
    // joins the campaign's people with it either.
    const inOrder = [member('m0', 'Hilsen Kari.'), entry('o1', `Norsk arkivråd gir følgende innspill. ${archives}\n\n${later}`, { organisation: 'Norsk arkivråd', from: 'post@arkivrad.no' }), entry('m1', `${template}\n\n${archives}`)];
    expect(groupCampaigns(inOrder)).toEqual([{ id: 'k-m0', members: ['m0', 'm1'], links: ['text'] }]);
    // An organisation whose input is the campaign's text is one of its members.
    const sender = member('o2', 'Med hilsen styret.');
    expect(groupCampaigns([m1, m2, { ...sender, organisation: 'Åpenhet Norge', from: 'post@apenhet.example.no' }])[0]!.members).toEqual(['m1', 'm2', 'o2']);
  });

  it('leaves the formulas every sender opens with out of the comparison (rules/own-words.yaml)', () => {
    const { formulas } = projectRules().ownWords;
    const opening = 'Vi viser til invitasjonen av 12. april og gir med dette følgende innspill til handlingsplanen:\nTakk for muligheten til å komme med innspill.\nVåre kommentarer følger nedenfor.';
    const a = `${opening}\nUngdomspanelet må få et eget budsjett og møte statsråden hvert år.`;
    const b = `${opening}\nKommunene må publisere postlistene sine i eInnsyn innen tre dager.`;
    // Compared with their openings, the two look alike; without them, each says its own thing.
    expect(groupCampaigns([entry('f1', a), entry('f2', b)])).toHaveLength(1);
    expect(groupCampaigns([entry('f3', a, { formulas }), entry('f4', b, { formulas })])).toEqual([]);
    // The same in English: a sister organisation abroad writes as every other does.
    const en = 'Thank you for the invitation to comment.\nOur comments on the draft action plan 4B and on the commitments the ministries proposed in the letter of 12 April:';
    const c = `${en}\nThe beneficial ownership register should be free of charge, searchable and open to everyone, including journalists and researchers who follow money across borders.`;
    const d = `${en}\nMinisters and state secretaries should publish their meeting calendars every month, naming the organisations they met and the topics they discussed.`;
    expect(groupCampaigns([entry('f5', c), entry('f6', d)])).toHaveLength(1);
    expect(groupCampaigns([entry('f7', c, { formulas }), entry('f8', d, { formulas })])).toEqual([]);
    // An organisation abroad thanking for the open call and saying what kind of body it is.
    const abroad = 'Thank you for the open call for input.\nAs an international partner organisation we would like to share two recommendations.';
    const e = `${abroad}\nMunicipal councils should stream and archive every meeting online, with the papers linked from the agenda.`;
    const f = `${abroad}\nThe procurement register should show every contract above the threshold, with the supplier and the price.`;
    expect(groupCampaigns([entry('f9', e), entry('f10', f)])).toHaveLength(1);
    expect(groupCampaigns([entry('f11', e, { formulas }), entry('f12', f, { formulas })])).toEqual([]);
    // A campaign's members who open with the same formulas are still one campaign.
    const members = ['Hilsen Ola.', 'Hilsen Kari i Tromsø.', ''].map((line, i) => entry(`t${i}`, `${opening}\n${TEMPLATE.join('\n')}\n${line}`, { formulas }));
    expect(groupCampaigns(members)).toEqual([{ id: 'k-t0', members: ['t0', 't1', 't2'], links: ['text'] }]);
  });

  it('joins a short member who quotes the campaign’s name after a mistyped word to those who declared it', () => {
    const text = (word: string, extra = '') => `Jeg støtter ${word} «Frie postlister nå»: alle kommuner må publisere postlistene sine i eInnsyn.${extra}`;
    const members = [entry('q1', text('oppropet', ' Dokumentene må ligge ute i fulltekst samme uke som de er journalført.')), entry('q2', text('oppropet', ' Det gjelder også interkommunale selskaper som forvalter felles tjenester.'))];
    // Twenty words or so, "oprpoet" for "oppropet": too short to compare, and no campaign word before the name.
    const typo = entry('q3', text('oprpoet'));
    expect(groupCampaigns([...members, typo])[0]!.members).toEqual(['q1', 'q2', 'q3']);
    // Quoted before anyone declared it, it joins when the first who declares it arrives.
    expect(groupCampaigns([entry('q4', text('oprpoet')), entry('q5', text('oppropet', ' Hilsen Per.')), entry('q6', text('oppropet', ' Hilsen Åse.'))])[0]!.members).toEqual(['q4', 'q5', 'q6']);
    // A quotation nobody declared as a campaign's name starts nothing.
    expect(groupCampaigns([entry('q7', text('sitatet')), entry('q8', text('sitatet'))])).toEqual([]);
  });

  it('joins the senders of one short petition sent as a document, each with a cover note', () => {
    const petition = { sha256: 'c'.repeat(64), detectedType: 'pdf', ownWords: 14, words: 14, readable: true };
    const notes = ['Se vedlegg.', 'Vedlagt.', 'Se vedlagte opprop.'].map((note, i) => entry(`v${i}`, note, { attachments: [petition] }));
    expect(groupCampaigns(notes).map((g) => [...g.members].sort())).toEqual([['v0', 'v1', 'v2']]);
  });

  it('joins a member who typed the template in a hurry, single letters for double', () => {
    const typed = 'Jeg støter forslaget om en ny forpliktelse: et åpent og obligatorisk lobyregister for Stortinget og departementene. Har skrevet under på opropet og støter det fult ut!';
    const template = 'Jeg støtter forslaget om en ny forpliktelse: et åpent og obligatorisk lobbyregister for Stortinget og departementene, der det må vise hvem som møter beslutningstakerne og hva møtene gjelder.';
    const groups = groupCampaigns([entry('t1', template), entry('t2', `${template} Jeg har jobbet i et departement selv.`), entry('t3', typed)]);
    expect(groups.map((g) => [...g.members].sort())).toEqual([['t1', 't2', 't3']]);
  });

  it('joins a petition’s senders to the members who paste a text opening with the petition’s demand, in other words', () => {
    // The organisation's text to paste states the demand first; its petition, in other words, is headed with it.
    const paste = [
      'Jeg ber om at Norge tar inn en ny forpliktelse i handlingsplan 4B om et åpent lobbyregister.',
      'I dag vet vi ikke hvem som påvirker politikerne, og det svekker tilliten til forvaltningen.',
      'Et register der møtene blir offentlige, vil gjøre det lettere å følge med.',
    ];
    const paster = (id: string, personal = '') => entry(id, ['Hei,', ...paste, personal].filter(Boolean).join('\n\n'), { subject: 'Lobbyregister nå' });
    const petitionText = 'Opprop: Ja til et åpent lobbyregister\nVi som har skrevet under, ber regjeringen sikre at alle møter mellom lobbyister og statsråder, statssekretærer og stortingsrepresentanter blir kjent for alle.';
    const petition = (id: string) => entry(id, `Jeg støtter oppropet.\n\n${petitionText}`, { mailWords: 'Jeg støtter oppropet.', attachments: [{ ...PDF, sha256: 'f'.repeat(64), demands: demandKeys(petitionText) }] });
    expect(demandKeys(petitionText)).toHaveLength(1);
    const members = [paster('l1'), petition('l2'), paster('l3', 'Jeg er lærer.'), petition('l4'), paster('l5')];
    const groups = groupCampaigns(members);
    expect(groups.map((g) => [g.id, g.members])).toEqual([['k-l1', ['l1', 'l2', 'l3', 'l4', 'l5']]]);
    expect(groups[0]!.links).toContain('demand');
    // In whatever order they come, and from the links kept when filed.
    expect(groupCampaigns([...members].reverse())).toEqual(groups);
    const grouper = new CampaignGrouper();
    expect(linkCampaigns(members.map((e) => ({ entry: e, links: grouper.add(e) })))).toEqual(groups);
    // One person whose own input opens with the same demand is not drawn in, nor is one petition sender alone.
    const own = entry('o1', 'Vi foreslår et åpent lobbyregister for Stortinget og departementene. Registeret bør vise hvem som møter hvem, og det bør forvaltes av et uavhengig organ med egne ressurser til kontroll.');
    expect(groupCampaigns([own, ...members]).find((g) => g.members.includes('o1'))).toBeUndefined();
    expect(groupCampaigns([paster('m1'), paster('m2'), petition('m3')]).map((g) => g.members)).toEqual([['m1', 'm2']]);
  });

  it('groups only within one consultation', () => {
    expect(groupCampaigns([member('c1'), { ...member('c2'), consultation: 'pbl-2021' }])).toEqual([]);
  });

  it('gives the same campaigns added one by one as all at once, and keeps the earliest member’s id', () => {
    const entries = Array.from({ length: 40 }, (_, i) => (i % 4 === 3 ? entry(`r${i}`, `${OTHER} Nummer ${i} av oss skriver dette.`) : member(`r${i}`, `Personlig linje nummer ${i} om min kommune.`)));
    const grouper = new CampaignGrouper();
    for (const e of entries) grouper.add(e);
    const incremental = grouper.groups();
    expect(incremental).toEqual(groupCampaigns([...entries].reverse()));
    expect(incremental.map((g) => g.id)).toContain('k-r0');
  });

  it('keeps a caseworker’s split and join through every recomputation', () => {
    const a = [member('a1'), member('a2'), member('a3')];
    const b = [entry('b1', OTHER), entry('b2', OTHER.replace('Vi i Norsk arkivråd', 'Vi i Arkivforbundet'))];
    const decisions: CampaignDecision[] = [
      { kind: 'split', member: 'a2', campaign: 'k-a1', at: '2021-05-20T10:00:00Z' },
      { kind: 'join', members: ['a1', 'b1'], campaigns: ['k-a1', 'k-b1'], at: '2021-05-20T10:01:00Z' },
    ];
    const groups = groupCampaigns([...a, ...b], decisions);
    expect(groups).toEqual([{ id: 'k-a1', members: ['a1', 'a3', 'b1', 'b2'], links: ['joined', 'text'] }]);
    // A member filed later still joins the campaign; the split member stays out.
    expect(groupCampaigns([...a, ...b, member('a4')], decisions)[0]!.members).toEqual(['a1', 'a3', 'b1', 'b2', 'a4']);
  });

  it('gives the same campaigns again from the links found when filed, without comparing', () => {
    const entries = Array.from({ length: 30 }, (_, i) => (i % 5 === 4 ? entry(`q${i}`, `${OTHER} Nummer ${i}.`) : member(`q${i}`, `Linje ${i} om meg selv og min kommune.`)));
    const grouper = new CampaignGrouper();
    const linked = entries.map((e) => ({ entry: e, links: grouper.add(e) }));
    expect(linkCampaigns(linked)).toEqual(groupCampaigns(entries));
    // A join applies to links too; a split needs comparing again (a split member may have been the only link).
    const join: CampaignDecision = { kind: 'join', members: ['q0', 'q4'], campaigns: ['k-q0', 'k-q4'], at: '2021-05-20T10:00:00Z' };
    expect(linkCampaigns(linked, [join])).toEqual(groupCampaigns(entries, [join]));
    expect(() => linkCampaigns(linked, [{ kind: 'split', member: 'q1', campaign: 'k-q0', at: '2021-05-20T10:00:00Z' }])).toThrow();
  });

  it('finds a campaign of thousands without comparing every pair', () => {
    const entries = Array.from({ length: 3000 }, (_, i) => member(`big${i}`, `Jeg heter person ${i} og bor i kommune nummer ${i % 97}.`));
    const groups = groupCampaigns(entries);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.members).toHaveLength(3000);
  });
});

describe('a campaign’s template and additions', () => {
  it('names the template once and lists what each member added', () => {
    const members = [
      { id: 'm1', subject: 'Åpne postlister', ownWords: ['Hei,', ...TEMPLATE].join('\n\n') },
      { id: 'm2', subject: 'Åpne postlister', ownWords: ['Hei,', ...TEMPLATE, 'Jeg bor i Vinje, og kommunen min har ikke postliste på nettet.'].join('\n\n') },
      { id: 'm3', subject: 'Innspill', ownWords: ['God dag.', ...TEMPLATE.map((s) => s.replace('kostnadene', 'kostnadane'))].join('\n\n') },
      { id: 'm4', subject: 'Innspill', ownWords: NYNORSK },
    ];
    const d = describeCampaign(members);
    expect(d.template).toBe(TEMPLATE.join(' '));
    expect(d.name).toBe('Jeg sender dette innspillet til handlingsplanen fordi åpne …');
    expect(d.additions.get('m2')).toEqual(['Jeg bor i Vinje, og kommunen min har ikke postliste på nettet.']);
    expect(d.additions.has('m1')).toBe(false);
    expect(d.additions.has('m3')).toBe(false);
  });

  it('shows a campaign’s second text (its leaflet, in other words) once, not as each sender’s addition', () => {
    const LEAFLET = ['Frie postlister: våre krav.', 'Hver kommune skal legge ut postlista hver uke og la folk søke i den.', 'Staten betaler for verktøyet som kommunene trenger for å gjøre det.'];
    const members = [
      { id: 'm1', subject: 'Åpne postlister', ownWords: ['Hei,', ...TEMPLATE].join('\n\n') },
      { id: 'm2', subject: 'Åpne postlister', ownWords: ['Hei,', ...TEMPLATE, 'Jeg bor i Vinje, og kommunen min har ikke postliste på nettet.'].join('\n\n') },
      { id: 'm3', subject: 'Åpne postlister', ownWords: TEMPLATE.join('\n\n') },
      { id: 'p1', subject: 'Opprop', ownWords: ['Vedlagt.', ...LEAFLET].join('\n\n') },
      { id: 'p2', subject: 'Opprop', ownWords: ['Se vedlegg, som jeg står bak.', ...LEAFLET, 'Her i Gran venter vi fortsatt på postlista.'].join('\n\n') },
    ];
    const d = describeCampaign(members);
    expect(d.template).toBe(`${TEMPLATE.join(' ')}\n\n${LEAFLET.join(' ')}`);
    expect(d.additions.has('p1')).toBe(false);
    expect(d.additions.get('p2')).toEqual(['Se vedlegg, som jeg står bak.', 'Her i Gran venter vi fortsatt på postlista.']);
    // One sender alone without the template has no second text: their sentences are their additions.
    expect(describeCampaign(members.slice(0, 4)).additions.get('p1')).toEqual(LEAFLET);
  });
});

describe('the words compared', () => {
  it('reads a template laid out by a PDF (ligatures, soft hyphens, words hyphenated at line ends) as the same words', () => {
    const pasted = 'Forpliktelsen om offentlige anskaffelser bør gi flere små bedrifter en reell mulighet.';
    const typeset = 'Forplik-\ntelsen om o\uFB00entlige anskaf\u00adfelser bør gi \uFB02ere små be-\ndrifter en reell mulighet.';
    expect(comparableWords(typeset)).toEqual(comparableWords(pasted));
    // A hyphen inside a line stays: "e-post" is not "epost".
    expect(comparableWords('e-post')).toEqual(comparableWords('e-post'));
    expect(comparableWords('Norges OGP-\nhandlingsplan')).not.toContain('ogphandlingsplan');
  });
});
