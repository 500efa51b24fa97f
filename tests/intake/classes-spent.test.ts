// Issue 14, third round: classes of mail that the spent sets showed receipted as input, written
// again in our own words (fixtures/messages/case-c-*.eml, scripts/fixtures/other/classes-3.ts):
// a question to the ministry on a commitment's topic, an invitation to an event, phishing that
// asks for a signature — and, beside them, a person's own words that do propose something.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { intake, type Submission } from '../../src/intake/index.js';
import { reviewHoldsMessage } from '../../src/intake/review.js';
import { imitatesDomain } from '../../src/intake/relevance.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const fixtures = fileURLToPath(new URL('../../fixtures/', import.meta.url));
interface Label {
  file: string;
  relevant: boolean;
  automaticKind: string | null;
  receipt: boolean;
  suspicious?: boolean;
}
const labels = (parse(readFileSync(`${fixtures}labels/other.yaml`, 'utf8')) as Label[]).filter((l) => l.file.startsWith('case-c-'));
const of = (prefix: string) => labels.filter((l) => l.file.startsWith(`case-c-${prefix}`));
const run = async (l: Label): Promise<Submission> => intake(readFileSync(`${fixtures}messages/${l.file}`), rules);

it('the examples are there, each class present', () => {
  for (const prefix of ['press', 'tender', 'event', 'other-document', 'private', 'phishing', 'machine']) expect(of(prefix).length).toBeGreaterThan(0);
});

describe('questions and invitations on a commitment’s topic are not input', () => {
  it.each([...of('press'), ...of('tender'), ...of('event'), ...of('other-document')].map((l) => [l.file, l] as const))('%s: no receipt, not filed as input', async (_f, l) => {
    const s = await run(l);
    expect(s.receipt.send).toBe(false);
    expect(s.relevant).toBe(false);
  });
});

it.each(of('private').map((l) => [l.file, l] as const))('%s: a person’s own words proposing something on one commitment get a receipt', async (_f, l) => {
  const s = await run(l);
  expect(s.relevant).toBe(true);
  expect(s.receipt.send).toBe(true);
});

describe('a person’s words on one commitment alone earn a receipt only when they propose something', () => {
  const about = (sentence: string) =>
    mail({
      from: 'Siri Lunde <siri.lunde@online.no>',
      subject: 'Eierskap i selskaper',
      body: `Hei,\n\nRegisteret over reelle rettighetshavere er nå på plass, og eierskapsinformasjon om de reelle eierne av norske selskaper skal bli åpen for alle. ${sentence}\n\nSiri Lunde\n`,
    });

  it('the same words with a proposal: a receipt', async () => {
    const s = await intake(about('Registeret bør være gratis og åpent for alle, også for pressen og for andre land.'), rules);
    expect(s.relevance.reasonCodes).toContain('commitment-words-alone');
    expect(s.receipt.send).toBe(true);
  });

  it('the same words with only a question: held for a person at most, never a receipt', async () => {
    const s = await intake(about('Når blir registeret over reelle rettighetshavere åpent, og hvor mange selskaper er registrert der?'), rules);
    expect(s.receipt.send).toBe(false);
    if (s.relevant) expect(reviewHoldsMessage(s.review)).toBe(true);
  });
});

describe('imitations: a document to sign, a payment or an account behind a link, a look-alike of the ministries\' domain', () => {
  it.each(of('phishing').map((l) => [l.file, l] as const))('%s: marked suspicious, held, never answered, not listed as machine mail', async (_f, l) => {
    const s = await run(l);
    expect(s.review!.reasons).toContain('suspicious');
    expect(s.receipt.send).toBe(false);
    expect(s.relevant).toBe(false);
    expect(s.automatic).toBe(false);
  });

  it('a look-alike of the shared domain above ours is one; the other ministries on it are not', () => {
    const own = ['postmottak@kmd.dep.no'];
    expect(imitatesDomain('it@dep-no.com', own)).toBe(true);
    expect(imitatesDomain('post@kmd-dep.no', own)).toBe(true);
    expect(imitatesDomain('postmottak@hod.dep.no', own)).toBe(false);
    expect(imitatesDomain('postmottak@kmd.dep.no', own)).toBe(false);
    expect(imitatesDomain('kari@ks.no', own)).toBe(false);
  });
});

describe('machine mail in other systems\' words', () => {
  it.each(of('machine').map((l) => [l.file, l] as const))('%s is automatic of its kind, the case\'s, no receipt', async (_f, l) => {
    const s = await run(l);
    expect(s.automaticKind).toBe(l.automaticKind);
    expect(s.relevant).toBe(l.relevant);
    expect(s.receipt.send).toBe(false);
  });

  it('an innsynskrav from a portal is its own kind only from a system; a person asking for documents stays a person', async () => {
    const portal = await intake(mail({ from: 'eInnsyn <noreply@einnsyn.no>', subject: 'Innsynskrav', body: 'Saksnr: 2017/1886\nDokumentnr: 140\n' }), rules);
    expect(portal.automaticKind).toBe('innsynskrav');
    expect(portal.relevant).toBe(true);
    const person = await intake(mail({ from: 'Ola Nilsen <ola.nilsen@gmail.com>', subject: 'Innsynskrav', body: 'Hei, jeg ber om innsyn i dokumentene i sak 17/1886.\n\nOla Nilsen\n' }), rules);
    expect(person.automatic).toBe(false);
  });
});
