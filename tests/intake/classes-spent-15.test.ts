// Classes that the spent set spent-15 (was sealed-15, read on 2026-12-03 11:04 UTC) showed left
// neither receipted nor held, written again in our own words: an organisation's correction of its
// own input sent as a new message ("Rettelse til vårt innspill"), with no thread to tie it (a bare
// "Tillegg til vårt høringssvar" is left alone: it could be any of the ministry's hearings); and a
// self-employed planner's comment on the hearing from a webmail address that argues by pointing
// out ("vil peke på at") or with a "må" the hearing's opinion words did not know ("må komme med").
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const run = (from: string, subject: string, body: string) => intake(mail({ from, subject, body }), rules);

describe('a correction of one’s own input, sent as a new message', () => {
  it('"Rettelse til vårt innspill": OGP input, receipted or held', async () => {
    const s = await run(
      'Mona Dahl <mona.dahl@ks.no>',
      'Rettelse til vårt innspill av 7. mai',
      'Hei igjen,\n\nI vårt innspill skrev vi at tiltaket bør være ferdig i 2022. Det riktige er 2023. Resten står ved lag.\n\nMona Dahl',
    );
    expect(s.consultation?.id).toBe('ogp-4b');
    expect(s.relevant).toBe(true);
    expect(s.receipt.send || s.review?.needed).toBe(true);
  });
});

describe('a private person’s comment on one of the hearing’s proposals', () => {
  it('pointing out something ("vil peke på at"): the hearing’s, receipted or held', async () => {
    const s = await run(
      'Ola Lien <ola.lien.plan@gmail.com>',
      'Kommentar til digital planbehandling',
      'Hei\n\nSom frilans arealplanlegger vil jeg peke på at plandata fra mange kommuner mangler eller er utdaterte.\n\nOla Lien',
    );
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(s.receipt.send || s.review?.needed).toBe(true);
  });

  it('"må komme med …": the same', async () => {
    const s = await run(
      'Ola Lien <ola.lien.plan@gmail.com>',
      'Kommentar til digital planbehandling',
      'Hei\n\nKravet om plandata må komme med gratis verktøy til små kontorer.\n\nOla Lien',
    );
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(s.receipt.send || s.review?.needed).toBe(true);
  });
});
