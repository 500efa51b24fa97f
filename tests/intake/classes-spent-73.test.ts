// Classes that spent-73 and spent-75 (were sealed-73 and sealed-75, read on 2026-12-05) showed,
// written again in our own words: an invitation to a meeting put as a wish; a proposal put as a
// rhetorical question; a journalist who works for a newspaper; a document to be read only after
// the recipient "verifies" their address.
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();

describe('an invitation to a meeting, put as a wish', () => {
  it.each([
    ['en', 'Meeting on open government in Stockholm', 'Dear colleagues, we would like to invite the ministry to a Nordic round of talks on open government in Stockholm on 2 September.\n\nKind regards, Sara'],
    ['nb', 'Møte om åpen forvaltning', 'Hei! Vi vil gjerne invitere departementet til et møte om åpenhet i kommunene i Bergen 3. september.\n\nHilsen Sara'],
  ])('%s: no receipt', async (_lang, subject, body) => {
    const s = await intake(mail({ from: 'Sara Lind <sara.lind@opengov-sweden.example>', subject, body }), rules);
    expect(s.receipt.send).toBe(false);
    expect(s.relevant).toBe(false);
  });
});

describe('a proposal put as a rhetorical question', () => {
  it('"Kan ikke alle offentlige avtaler publiseres?" in the invitation\'s thread: input, receipted', async () => {
    const s = await intake(
      mail({
        from: 'Jon Dahl <jon.dahl@outlook.com>',
        subject: 'Re: OGP - Open Government Partnership - Interessentforumet - Invitasjon til innspill til Handlingsplan 4 B',
        headers: { 'In-Reply-To': '<invitation-4b@kmd.dep.no>' },
        body: 'Kan ikke alle offentlige kontrakter og rammeavtaler publiseres i sin helhet? Da blir det lettere å se hva staten kjøper.\n\nJon',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(s.receipt.send).toBe(true);
  });
});

describe('press', () => {
  it('a journalist who works for a newspaper and asks for an interview: no receipt, not the hearing\'s', async () => {
    const s = await intake(
      mail({
        from: 'Kai Berg <kai.berg@gmail.com>',
        subject: 'Spørsmål om byggesaksfrister',
        body: 'Hei,\n\nJeg jobber for en lokalavis og lurer på hvor mange kommuner som bryter tolvukersfristen i dag. Kan jeg få et intervju med en fagperson?\n\nKai Berg',
      }),
      rules,
    );
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });
});

describe('a document to be read only after the recipient verifies their address', () => {
  it('in the hearing\'s name, from a look-alike domain: suspicious, never receipted', async () => {
    const s = await intake(
      mail({
        from: 'Kommunal- og moderniseringsdepartementet <noreply@regjeringen-dokument.example>',
        subject: 'Høring 21/345 – dokumentene',
        body: 'For å åpne høringsnotatet må du først bekrefte e-postadressen din: https://regjeringen-dokument.example/v',
      }),
      rules,
    );
    expect(s.suspicious).toBe(true);
    expect(s.receipt.send).toBe(false);
  });
});
