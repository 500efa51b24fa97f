import { describe, expect, it } from 'vitest';
import { buildDigest } from '../../src/digest/build.js';
import { escapeHtml, renderHtml } from '../../src/digest/render-html.js';
import { digestTemplateFor } from '../../src/rules/digest-template.js';
import { md, renderMarkdown } from '../../src/digest/render-md.js';
import { renderText } from '../../src/digest/render-text.js';
import { HOSTILE, consultationFixture, makeRecord } from '../helpers/records.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const now = new Date('2021-05-15T06:00:00Z');
const records = consultationFixture();
const whole = buildDigest(records, rules, { since: null, now });
const period = buildDigest(records, rules, { since: new Date('2021-05-10T08:00:00Z'), now, seqAfter: 8 });

/** Asserts that the strings occur in this order. */
function inOrder(text: string, parts: string[]): void {
  const positions = parts.map((p) => text.indexOf(p));
  for (const [i, pos] of positions.entries()) expect(pos, `«${parts[i]}» is missing`).toBeGreaterThanOrEqual(0);
  expect(positions).toEqual([...positions].sort((a, b) => a - b));
}

describe('plain text digest', () => {
  const text = renderText(whole);

  it('starts with the subject, case, period and days left, then the totals as text bars', () => {
    expect(text.split('\n').slice(0, 4)).toEqual([
      'Innspill OGP 4B – oversikt 15.05.2021 (13 innspill)',
      'Sak 17/1886 · laget 15.05.2021 kl. 08:00',
      'Hele høringen',
      '3 dager igjen til fristen 18.05.2021',
    ]);
    expect(text).toMatch(/^eInnsyn {38}█{20} 7$/m);
    expect(text).toMatch(/^Veiledning om journalføring og arkivering {4}█{3} 1$/m);
    expect(text).toMatch(/^Heldigitalisering av offentlige anskaffelser 0$/m);
    expect(text).toMatch(/^Ukjent avsender {15}█{20} 3$/m);
  });

  it('has the sections in order: totals, needs attention, not replied, submissions by commitment, automatic mail', () => {
    inOrder(text, [
      'INNSPILL PER FORPLIKTELSE',
      'INNSPILL PER AVSENDERKATEGORI',
      'TRENGER OPPFØLGING',
      'IKKE SVART ENNÅ (38 AV 46 INVITERTE)',
      '== Ungdomspanel (KMD) – 1 innspill ==',
      '== eInnsyn (KMD) – 7 innspill ==',
      '== Veiledning om journalføring og arkivering (KUD) – 1 innspill ==',
      '== Strategi for åpne kulturdata (KUD) – 1 innspill ==',
      '== Forebygge korrupsjon (JD) – 1 innspill ==',
      '== Register over reelle rettighetshavere (FIN) – 2 innspill ==',
      '== Forslag til ny forpliktelse – 1 innspill ==',
      '== Samskaping, prosess og IRM – 1 innspill ==',
      '== Uklassifisert (ikke plassert) – 1 innspill ==',
      'AUTOMATISKE MELDINGER',
    ]);
    const einnsyn = text.slice(text.indexOf('== eInnsyn'), text.indexOf('== Veiledning'));
    inOrder(einnsyn, ['[2021-0016] KMD – Kollega i KMD', '[2021-0001] KS – Kari Nordmann', '[2021-0009]', '[2021-0015]', '[2021-0004]', '[2021-0014]', '[2021-0013]']);
  });

  it('shows each entry with time, late mark, subject, own words, evidence, attachments and links', () => {
    const ks = text.slice(text.indexOf('[2021-0001]'), text.indexOf('[2021-0009]'));
    expect(ks).toContain('mottatt 10.05.2021 kl. 10:01');
    expect(ks).toContain('Emne: Innspill fra KS til handlingsplan 4B');
    expect(ks).toContain('«KS støtter arbeidet med eInnsyn. Kommunene trenger bedre veiledning om journalføring. Vi foreslår at KS deltar i arbeidsgruppen.»');
    expect(ks).toContain('Også under: Veiledning om journalføring og arkivering');
    expect(ks).toContain('Grunnlag: «einnsyn» i e-posten: «… vi mener at einnsyn bør prioriteres i planen …»');
    expect(ks).toContain('Vedlegg: Høringssvar KS – æøå.pdf (lest)');
    expect(ks).toContain('Fulgt opp i 2021-0009');
    expect(text).toContain('Oppfølging av 2021-0001');
    expect(text).toMatch(/mottatt 19\.05\.2021 kl\. 10:30 · ETTER FRISTEN/);
    expect(text).toContain('(kunne ikke leses: filen er kryptert og kunne ikke leses)');
  });

  it('keeps automatic mail out of the submissions and lists it apart', () => {
    const submissions = text.slice(text.indexOf('\nINNSPILL\n'), text.indexOf('AUTOMATISKE MELDINGER'));
    expect(submissions).not.toContain('[2021-0007]');
    expect(submissions).not.toContain('[2021-0008]');
    const automatic = text.slice(text.indexOf('AUTOMATISKE MELDINGER'));
    expect(automatic).toContain('Fraværsmelding – totalt: 1');
    expect(automatic).toContain('[2021-0007] Fraværsmelding fra ole.hansen@nho.no');
  });

  it('says what is new in the period and what is the total', () => {
    const t = renderText(period);
    expect(t).toContain('Innspill – nye i perioden: 7, totalt: 13');
    expect(t).toMatch(/^eInnsyn {38}█{20} 7 {2}\(nye: 5\)$/m);
    expect(t).toContain('Kvittering ikke levert – åpne i hele høringen: 2, nye i perioden: 1');
  });

  it('never lets a sender start a line of its own', () => {
    const m = buildDigest([makeRecord({ seq: 1, subject: 'Innspill\n== Falsk seksjon ==', ownWords: 'Hei.\n\nTRENGER OPPFØLGING\n=====', commitments: ['einnsyn'] })], rules, { since: null, now });
    const t = renderText(m);
    expect(t).not.toMatch(/^== Falsk/m);
    expect(t.match(/^TRENGER OPPFØLGING$/gm)).toHaveLength(1);
  });
});

describe('Markdown digest', () => {
  const text = renderMarkdown(whole);

  it('has headings, a totals table and the entries', () => {
    expect(text.startsWith('# Innspill OGP 4B – oversikt 15.05.2021 (13 innspill)\n')).toBe(true);
    expect(text).toContain('## Innspill per forpliktelse');
    expect(text).toContain('| eInnsyn | 7 | ████████████████████ |');
    expect(text).toContain('## Trenger oppfølging');
    expect(text).toContain('## Ikke svart ennå (38 av 46 inviterte)');
    expect(text).toContain('**3 dager igjen til fristen 18.05.2021**');
    inOrder(text, ['### eInnsyn (KMD) – 7 innspill', '#### 2021-0016', '#### 2021-0001', '### Veiledning om journalføring', '## Automatiske meldinger']);
  });

  it('escapes what a sender wrote, so it stays literal text', () => {
    expect(text).not.toMatch(/(?<!\\)<(?:script|img|svg|b)\b/i); // every < from a sender is escaped
    expect(text).toContain('\\<script\\>alert(1)\\</script\\>');
    expect(md('[lenke](http://x) *fet* | celle')).toBe('\\[lenke\\](http://x) \\*fet\\* \\| celle');
  });
});

describe('HTML digest', () => {
  const html = renderHtml(whole, digestTemplateFor(rules));

  it('escapes the five characters with the one escape function', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('escapes every string that came from a sender', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i); // no event-handler attribute anywhere
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Innspill om eInnsyn'); // subject
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt; &lt;hacker@gmail.com&gt;'); // display name
    expect(html).toContain('&lt;svg onload=&quot;window.__pwned=1&quot;&gt;&lt;/svg&gt;'); // own words
    expect(html).toContain('&lt;b&gt;Fet&lt;/b&gt; &amp; &quot;sitert&quot; &#39;enkel&#39;');
    expect(html).toContain(`${escapeHtml(HOSTILE.pwn)}.pdf`); // file name
    expect(html).toContain('«einnsyn» i &lt;script&gt;alert(1)&lt;/script&gt;.pdf'); // evidence
  });

  it('uses tables and inline styles only: no script, no classes, no style sheet, no external assets', () => {
    expect(html).not.toMatch(/\sclass=/i);
    expect(html).not.toMatch(/<style/i);
    expect(html).not.toMatch(/<link|<iframe|<object|<embed|<form/i);
    expect(html).not.toMatch(/<[a-z][^>]*\s(?:src|srcset|background)=/i);
    expect(html).not.toMatch(/url\(|https?:\/\/(?!www\.w3\.org\/2000\/svg)/i);
    expect(html).toContain('max-width:680px');
    for (const tag of html.match(/<(?:table|td|p|h1|h2|h3|li)\b[^>]*>/g)!) expect(tag).toContain('style="');
  });

  it('draws the totals per commitment and per category as inline SVG bar charts, with a table for Outlook', () => {
    const charts = html.match(/<svg[\s\S]*?<\/svg>/g)!;
    expect(charts).toHaveLength(2);
    expect(charts[0]).toContain('aria-label="Innspill per forpliktelse"');
    expect(charts[0]!.match(/<rect /g)).toHaveLength(13);
    expect(charts[0]).toContain('>eInnsyn</text>');
    expect(charts[1]).toContain('>Ukjent avsender</text>');
    expect(html).toContain('<!--[if mso]><table');
  });

  it('has the sections in order, the entries with their details, and links between follow-ups', () => {
    inOrder(html, ['Innspill per forpliktelse', 'Trenger oppfølging', 'Ikke svart ennå (38 av 46 inviterte)', 'Ungdomspanel (KMD) – 1 innspill', 'eInnsyn (KMD) – 7 innspill', 'Automatiske meldinger']);
    expect(html).toContain('<td id="innspill-2021-0009"');
    expect(html).toContain('<a href="#innspill-2021-0009"');
    expect(html.match(/id="innspill-2021-0001"/g)).toHaveLength(1); // listed twice, anchored once
    expect(html).toContain('ETTER FRISTEN');
    expect(html).toContain('3 dager igjen til fristen 18.05.2021');
  });
});
