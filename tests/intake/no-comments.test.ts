// "ingen merknader" / "no comments" is a finding kept in the record, not an empty classification.
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { summarise } from '../../src/commands/inspect.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const SUBJECT = 'SV: OGP - Open Government Partnership - Interessentforumet - Invitasjon til innspill til Handlingsplan 4 B';
const THREAD = { 'In-Reply-To': '<5d6b1f8e2a3c4e7f9b0a1c2d3e4f5a6b@EXCH-MBX01.dss.dep.no>' };

describe('a reply that says only "ingen merknader"', () => {
  it.each([
    ['nb', 'Departementet viser til brev av 12. april 2021 og har ingen merknader til handlingsplanen.\n\nMed vennlig hilsen\nKari'],
    ['nn', 'Departementet har ikkje merknader til utkastet.\n\nHelsing\nOla'],
    ['en', 'Thank you for the invitation. We have no comments on the draft action plan.\n\nBest regards\nJane'],
  ])('%s: keeps the finding in the record (and in inspect --json), with no commitment and a receipt', async (_lang, body) => {
    const s = await intake(mail({ subject: SUBJECT, headers: THREAD, body }), rules);
    expect(s.relevant).toBe(true);
    expect(s.noComments).toBe(true);
    expect(s.commitments).toEqual([]);
    expect(s.receipt.send).toBe(true);
    expect(JSON.parse(JSON.stringify(s)).noComments).toBe(true);
    expect(summarise('x.eml', s, rules)).toMatch(/Forpliktelser:\s+ingen merknader/);
  });

  it('is not a finding when the reply goes on with input ("men …")', async () => {
    const s = await intake(
      mail({ subject: SUBJECT, headers: THREAD, body: 'Vi har ingen merknader til planen generelt, men vil peke på at eInnsyn bør vise alle dokumenter i fulltekst.' }),
      rules,
    );
    expect(s.noComments).toBe(false);
    expect(s.commitments.map((c) => c.id)).toContain('einnsyn');
  });

  it('is never set on automatic or unrelated mail', async () => {
    const s = await intake(mail({ subject: 'Faktura 2231', body: 'Ingen merknader.' }), rules);
    expect(s.noComments).toBe(false);
  });
});
