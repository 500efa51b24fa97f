// oneLine() returns a tidy value as it is without running its regular expressions (issue 17: the
// digest of 10,000 submissions passes every shown value through it). The shortcut must give what
// the full replacement gives, for every kind of character it is about.
import { describe, expect, it } from 'vitest';
import { oneLine } from '../../src/digest/sender-text.js';
import { escapeHtml } from '../../src/digest/render-html.js';

// eslint-disable-next-line no-control-regex
const reference = (text: string) => text.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]+/g, ' ').replace(/\s+/g, ' ').trim();

const SAMPLES = [
  '',
  ' ',
  'KS – Kari Nordmann',
  'Innspill til  handlingsplanen',
  ' ledende mellomrom',
  'etterfølgende mellomrom ',
  'linje\nlinje',
  'tab\there',
  'hardt\u00a0mellomrom',
  'smalt\u202fmellomrom',
  'retning\u202eomvendt',
  'kontroll\u0007tegn',
  'slett\u007ftegn',
  'ord\u2066isolert\u2069',
  'linje\r\n',
  '2021-0042',
];

describe('oneLine', () => {
  it.each(SAMPLES)('gives what the full replacement gives: %j', (text) => {
    expect(oneLine(text)).toBe(reference(text));
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters and leaves other text as it is', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(escapeHtml('Innspill fra KS')).toBe('Innspill fra KS');
  });
});
