// Classes that spent-56 and spent-59 (were sealed-56 and sealed-59, read on 2026-12-05) showed,
// written again in our own words.
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const ids = (s: Awaited<ReturnType<typeof intake>>) => s.commitments.map((c) => c.id);

describe('OGP: a stand on public procurement that names tender documents is input, not a tender question', () => {
  it('an organisation invited to the other consultation, from its own address', async () => {
    const s = await intake(
      mail({
        from: 'Eirik Moe <eirik.moe@bnl.no>',
        subject: 'Innspill',
        body: 'Hei\n\nVi støtter digitale offentlige anskaffelser, men ber om at konkurransegrunnlagene bygger på felles standarder, så leverandørene slipper å levere de samme opplysningene hver gang.\n\nEirik Moe',
      }),
      rules,
    );
    expect(s.consultation?.id).toBe('ogp-4b');
    expect(ids(s)).toContain('anskaffelser');
    expect(s.receipt.send).toBe(true);
  });

  it('a supplier asking about a tender is still not input', async () => {
    const s = await intake(
      mail({ from: 'Salg <salg@leverandor.example.com>', subject: 'Spørsmål om konkurransegrunnlaget', body: 'Hei\n\nGjelder tilbudsfristen 3. juni også for del 2 av konkurransegrunnlaget?\n\nMvh Salg' }),
      rules,
    );
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });
});

describe("a newsletter telling of the sender's own input in the third person", () => {
  it('"… har i sitt innspill til OGP-handlingsplanen krevd …": the case\'s, automatic, no receipt', async () => {
    const s = await intake(
      mail({
        from: 'Presseforbundet <nytt@presse.example.no>',
        subject: 'Ukebrev: åpne postjournaler',
        headers: { Precedence: 'bulk' },
        body: 'UKEBREV\n\nForbundet har i sitt innspill til OGP-handlingsplanen bedt om at alle fylkeskommuner tar i bruk eInnsyn.\n\nOgså: nytt kurs i kildekritikk.',
      }),
      rules,
    );
    expect(s.automatic).toBe(true);
    expect(s.relevant).toBe(true);
    expect(s.receipt.send).toBe(false);
  });
});

describe('imitations', () => {
  it('a document "waiting for your electronic signature" in a hearing, from a domain posing as the government', async () => {
    const s = await intake(
      mail({
        from: 'Regjeringen <signering@regjeringen-dokumenter.example.net>',
        subject: 'Høringssvar 21/345 venter',
        body: 'Et dokument i høring 21/345 venter på din elektroniske signatur: https://sign.example.net/21345',
      }),
      rules,
    );
    expect(s.suspicious).toBe(true);
    expect(s.receipt.send).toBe(false);
  });

  it("a display name that is the ministry's own address, on another domain's mail", async () => {
    const s = await intake(
      mail({ from: '"postmottak@kmd.dep.no" <varsel@postkasse-drift.example.org>', subject: 'Postkassen din er full', body: 'Postkassen din er full. Oppgrader lagringen her: https://postkasse-drift.example.org/k' }),
      rules,
    );
    expect(s.suspicious).toBe(true);
    expect(s.receipt.send).toBe(false);
  });
});

describe('a journalist who signs as one', () => {
  it('asks about a proposal for a story: no receipt, not the hearing\'s', async () => {
    const s = await intake(
      mail({
        from: 'Hanne Vik <hanne@fagbladet.example.no>',
        subject: 'Spørsmål om byggesaksfristene',
        body: 'Hei\n\nVi lager en oversikt over forslaget om åtte ukers frist i byggesaker. Når legger departementet fram proposisjonen, og hvor mange høringssvar har dere fått?\n\nHanne Vik, journalist',
      }),
      rules,
    );
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });
});

describe('PBL: the time limits and participation in everyday words', () => {
  it('a private person on when the limit runs from: byggesaksfrister, receipted', async () => {
    const s = await intake(
      mail({ from: 'Geir Holt <geir.holt@gmail.com>', subject: 'Tillegg om frister', body: 'Hei\n\nFristen bør løpe fra kommunen har mottatt søknaden, ellers kan den skyves ut i det uendelige.\n\nGeir Holt' }),
      rules,
    );
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(ids(s)).toContain('byggesaksfrister');
    expect(s.receipt.send).toBe(true);
  });

  it("a builder's company on how long cases take: the hearing's input", async () => {
    const s = await intake(
      mail({
        from: 'Lars Dahl <lars@dahlbygg.example.no>',
        subject: 'byggesak',
        body: 'Hei. Hos oss tar en enkel garasjesak ofte tre måneder. Åtte uker er fortsatt for lenge for så små saker.\n\nLars Dahl, Dahl Bygg AS',
      }),
      rules,
    );
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(s.relevant).toBe(true);
    expect(s.receipt.send).toBe(true);
  });

  it('a youth council in nynorsk on being heard in planning: medvirkning in the hearing', async () => {
    const s = await intake(
      mail({
        from: 'Ungdomsrådet <ungdomsradet@kommune.example.no>',
        subject: 'Frå ungdomsrådet',
        body: 'Hei!\n\nUngdomsrådet meiner at unge må høyrast i alle plansaker som gjeld nærmiljøet. Medverknadsplanen bør seie korleis rådet blir teke med.',
      }),
      rules,
    );
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(ids(s)).toContain('medvirkning');
  });
});
