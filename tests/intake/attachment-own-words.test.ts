// The invitation letter sent back as a document (printed to PDF, scanned, re-wrapped): its lines
// break elsewhere than the letter's, and short pieces of it ("kulturdata er avsluttet.") name
// commitments the sender never commented on. A document that is mostly the letter is the letter;
// a comment written into it stays the sender's own.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { findOwnTexts } from '../../src/intake/attachment-own-words.js';
import { letterBody } from '../../src/text/letter.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const letter = letterBody(readFileSync('rules/consultations/ogp-4b/letter.txt', 'utf8'));

/** Each of the letter's paragraphs broken every `n` words, as a PDF's text layer gives them
 *  (leaving short tails such as "kulturdata er avsluttet."). */
function rebroken(n: number): string[] {
  const lines: string[] = [];
  for (const para of letter.split('\n')) {
    const words = para.split(/\s+/).filter(Boolean);
    for (let i = 0; i < words.length; i += n) lines.push(words.slice(i, i + n).join(' '));
  }
  return lines;
}

const ownOf = (text: string) =>
  findOwnTexts({ attachments: [{ filename: 'brevet.pdf', text }] as never, own: { text: '' } as never, rules }).segments[1]?.text.original ?? '';

describe('a document that is the letter sent back', () => {
  it('keeps none of its short pieces as the sender\'s words', () => {
    const own = ownOf(rebroken(9).join('\n'));
    expect(own).not.toMatch(/kulturdata|algoritme|IRM-rapporten/i);
  });

  it('keeps a comment written into it', () => {
    const lines = rebroken(9);
    lines.splice(40, 0, 'Vår kommentar: eInnsyn må gjelde alle kommuner fra 2022, også de minste.');
    expect(ownOf(lines.join('\n'))).toContain('eInnsyn må gjelde alle kommuner fra 2022');
  });

  it('a few words of the letter in a document of the sender\'s own stay (a heading, a quote)', () => {
    const text = [
      'Innspill fra Wikimedia Norge',
      'kulturdata er avsluttet',
      'Vi er uenige i at arbeidet kan regnes som avsluttet.',
      'Museene bør publisere bildene sine med åpen lisens.',
      'Metadata om samlingene må bli åpne.',
    ].join('\n');
    expect(ownOf(text)).toContain('kulturdata er avsluttet');
  });
});
