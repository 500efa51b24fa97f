// The digest as HTML mail: tables and inline styles only (Outlook's Word engine ignores most
// else), no external assets, no script, at most 680 px wide and fluid below that for phones.
// The totals are inline SVG bar charts; Outlook on Windows cannot draw SVG, so it alone gets the
// same numbers as a table (conditional comments only it reads).
//
// Every piece of text goes through escapeHtml(), the one escape function: whatever a sender
// wrote (subject, names, addresses, excerpts, snippets, file names) can only ever be text.
import type { AttentionGroup, DigestEntry, DigestModel, DigestSection, TotalRow } from './model.js';
import { oneLine } from './sender-text.js';
import { HEADINGS, LABELS, attachmentText, attentionCountText, evidenceText, periodCountText, senderLabel, submissionsLine } from './words.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
}

/** Text content: one line, escaped. */
const t = (value: string): string => escapeHtml(oneLine(value));

const COLOR = {
  ink: '#1f2933',
  muted: '#5b6472',
  accent: '#1d3f6e',
  accentLight: '#a9bfdc',
  line: '#d8dee8',
  page: '#eef1f5',
  quote: '#f5f7fa',
  alert: '#a61b1b',
  alertBack: '#fde8e8',
};
const FONT = 'font-family:Arial,Helvetica,sans-serif;';
const P = `margin:0 0 4px 0;${FONT}font-size:14px;line-height:1.45;color:${COLOR.ink};`;
const SMALL = `margin:0 0 3px 0;${FONT}font-size:13px;line-height:1.4;color:${COLOR.ink};`;
const MUTED = `color:${COLOR.muted};`;
const CELL = `padding:4px 6px;border-bottom:1px solid ${COLOR.line};${FONT}font-size:13px;color:${COLOR.ink};`;
const TABLE = 'role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"';
const BREAK = 'word-break:break-word;overflow-wrap:anywhere;';

const p = (html: string, style = P) => `<p style="${style}">${html}</p>`;
const row = (html: string, padding = '12px 20px') => `<tr><td style="padding:${padding};${BREAK}">${html}</td></tr>`;
const h2 = (text: string) => `<h2 style="margin:8px 0 8px 0;${FONT}font-size:18px;line-height:1.3;color:${COLOR.accent};">${t(text)}</h2>`;
const h3 = (text: string) => `<h3 style="margin:10px 0 6px 0;${FONT}font-size:15px;line-height:1.3;color:${COLOR.ink};">${t(text)}</h3>`;
const badge = (text: string) =>
  `<span style="display:inline-block;padding:0 6px;border-radius:3px;background:${COLOR.alertBack};color:${COLOR.alert};font-weight:bold;font-size:12px;">${t(text)}</span>`;

function header(m: DigestModel): string {
  const whole = m.period.wholeConsultation;
  return [
    `<tr><td bgcolor="${COLOR.accent}" style="padding:18px 20px;background:${COLOR.accent};">`,
    `<h1 style="margin:0 0 6px 0;${FONT}font-size:20px;line-height:1.3;color:#ffffff;">${t(m.subject)}</h1>`,
    `<p style="margin:0;${FONT}font-size:13px;line-height:1.4;color:#dce6f2;">${t(`${LABELS.caseNumber} ${m.caseNumber} · ${LABELS.made} ${m.generatedAt} · ${m.period.description}`)}</p>`,
    '</td></tr>',
    row(
      [
        p(`<strong>${t(m.deadline.text)}</strong>`),
        p(t(submissionsLine(m.totals, whole))),
      ].join(''),
    ),
  ].join('');
}

function totalsTable(firstColumn: string, rows: TotalRow[], whole: boolean): string {
  const head = whole ? ['Antall'] : [LABELS.inPeriod, LABELS.total];
  const th = (text: string, align: string) => `<th align="${align}" style="${CELL}${MUTED}font-weight:normal;">${t(text)}</th>`;
  const td = (html: string, align = 'left') => `<td align="${align}" style="${CELL}">${html}</td>`;
  return [
    `<table ${TABLE} style="border-collapse:collapse;margin:0 0 10px 0;">`,
    `<tr>${th(firstColumn, 'left')}${head.map((h) => th(h, 'right')).join('')}</tr>`,
    ...rows.map((r) => `<tr>${td(t(r.title))}${(whole ? [r.total] : [r.inPeriod, r.total]).map((n) => td(String(n), 'right')).join('')}</tr>`),
    '</table>',
  ].join('');
}

/** Horizontal bars with the label above each bar, so it stays legible when a phone scales it down. */
function svgBarChart(title: string, rows: TotalRow[], whole: boolean): string {
  const width = 360;
  const barMax = 290;
  const step = 34;
  const max = Math.max(1, ...rows.map((r) => r.total));
  const scale = (n: number) => (n === 0 ? 0 : Math.max(2, Math.round((n / max) * barMax)));
  const height = rows.length * step + 8;
  const bars = rows.map((r, i) => {
    const y = i * step;
    const value = whole || r.inPeriod === 0 ? String(r.total) : `${r.total} (+${r.inPeriod})`;
    return [
      `<text x="0" y="${y + 13}" font-size="13" fill="${COLOR.ink}">${t(r.title)}</text>`,
      `<rect x="0" y="${y + 18}" width="${scale(r.total)}" height="11" fill="${whole ? COLOR.accent : COLOR.accentLight}"/>`,
      whole ? '' : `<rect x="0" y="${y + 18}" width="${scale(r.inPeriod)}" height="11" fill="${COLOR.accent}"/>`,
      `<text x="${scale(r.total) + 6}" y="${y + 28}" font-size="12" fill="${COLOR.muted}">${t(value)}</text>`,
    ].join('');
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(title)}" width="100%" viewBox="0 0 ${width} ${height}" `,
    `style="display:block;max-width:420px;margin:0 0 6px 0;font-family:Arial,Helvetica,sans-serif;">`,
    `<title>${t(title)}</title>`,
    ...bars,
    '</svg>',
  ].join('');
}

function chart(heading: string, firstColumn: string, rows: TotalRow[], whole: boolean): string {
  const legend = whole ? '' : p(t(LABELS.chartLegend), `${SMALL}${MUTED}`);
  return row(
    h2(heading) +
      `<!--[if mso]>${totalsTable(firstColumn, rows, whole)}<![endif]-->` +
      `<!--[if !mso]><!-->${svgBarChart(heading, rows, whole)}${legend}<!--<![endif]-->`,
  );
}

function totals(m: DigestModel): string {
  const whole = m.period.wholeConsultation;
  return chart(HEADINGS.perCommitment, 'Forpliktelse', m.totals.perCommitment, whole) + chart(HEADINGS.perCategory, 'Avsenderkategori', m.totals.perCategory, whole);
}

function attentionGroup(g: AttentionGroup, whole: boolean): string {
  const items = g.items.map((i) => {
    const id = i.recordId ? `<strong>${t(i.recordId)}</strong> ` : '';
    const fresh = i.isNew && g.scope === 'totalt' && !whole ? ` ${badge(LABELS.newMark)}` : '';
    return `<li style="${SMALL}">${id}${t(i.who)}: ${t(i.detail)}${fresh}</li>`;
  });
  return [
    p(`<strong>${t(g.title)}</strong> – ${t(attentionCountText(g, whole))}`, `${P}margin:10px 0 4px 0;`),
    items.length > 0 ? `<ul style="margin:0 0 8px 0;padding:0 0 0 18px;">${items.join('')}</ul>` : '',
  ].join('');
}

function attention(m: DigestModel): string {
  const groups = m.needsAttention.filter((g) => g.total > 0);
  const body = groups.length === 0 ? p(t(LABELS.nothingNeedsAttention)) : groups.map((g) => attentionGroup(g, m.period.wholeConsultation)).join('');
  return row(`<table ${TABLE} style="border-collapse:separate;border:2px solid ${COLOR.alert};"><tr><td style="padding:8px 12px;${BREAK}">${h2(HEADINGS.needsAttention)}${body}</td></tr></table>`);
}

function notReplied(m: DigestModel): string {
  const heading = h2(`${HEADINGS.notReplied} (${m.notReplied.length} av ${m.invitedCount} inviterte)`);
  if (m.notReplied.length === 0) return row(heading + p(t(LABELS.everyoneReplied)));
  const byCategory = new Map<string, string[]>();
  for (const o of m.notReplied) {
    const name = `${t(o.name)}${o.invitationBounced ? ` ${badge(LABELS.invitationBounced)}` : ''}`;
    byCategory.set(o.categoryTitle, [...(byCategory.get(o.categoryTitle) ?? []), name]);
  }
  return row(heading + [...byCategory].map(([category, names]) => p(`<strong>${t(category)}:</strong> ${names.join(', ')}`, SMALL)).join(''));
}

/** Links to another submission in this digest; a plain id when it is not in it. */
function idLink(id: string, shown: Set<string>): string {
  return shown.has(id) ? `<a href="#innspill-${escapeHtml(id)}" style="color:${COLOR.accent};">${t(id)}</a>` : t(id);
}

function entry(e: DigestEntry, anchored: Set<string>, inDigest: Set<string>): string {
  const anchor = anchored.has(e.id) ? '' : ` id="innspill-${escapeHtml(e.id)}"`;
  anchored.add(e.id);
  const lines = [
    p(`<strong>${t(e.id)}</strong> · ${t(`${LABELS.received} ${e.receivedAt ?? LABELS.unknownTime}`)}${e.late ? ` ${badge(LABELS.lateMark)}` : ''}`, `${SMALL}${MUTED}`),
    p(`<strong>${t(senderLabel(e.sender))}</strong> <span style="${MUTED}">(${t(e.sender.categoryTitle)})</span>`),
    p(`<span style="${MUTED}">${t(LABELS.subject)}:</span> ${t(e.subject || LABELS.noSubject)}`),
    p(t(e.excerpt ? `«${e.excerpt}»` : LABELS.noExcerpt), `${P}margin:4px 0 6px 0;padding:6px 10px;border-left:3px solid ${COLOR.accentLight};background:${COLOR.quote};font-style:italic;`),
  ];
  if (e.alsoUnder.length > 0) lines.push(p(`<strong>${t(LABELS.alsoUnder)}:</strong> ${t(e.alsoUnder.map((o) => o.title).join(', '))}`, SMALL));
  for (const ev of e.evidence) lines.push(p(`<span style="${MUTED}">${t(LABELS.evidence)}:</span> ${t(evidenceText(ev))}`, SMALL));
  if (e.attachments.length > 0) {
    const files = e.attachments.map((a) => (a.readable ? t(attachmentText(a)) : `<span style="color:${COLOR.alert};">${t(attachmentText(a))}</span>`));
    lines.push(p(`<span style="${MUTED}">${t(LABELS.attachments)}:</span> ${files.join('; ')}`, SMALL));
  }
  const links = [
    ...(e.followUpOf ? [`${t(LABELS.followUpOf)} ${idLink(e.followUpOf, inDigest)}`] : []),
    ...(e.followedUpBy.length > 0 ? [`${t(LABELS.followedUpBy)} ${e.followedUpBy.map((id) => idLink(id, inDigest)).join(', ')}`] : []),
  ];
  if (links.length > 0) lines.push(p(links.join(' · '), SMALL));
  return [
    `<table ${TABLE} style="border-collapse:separate;margin:0 0 12px 0;border:1px solid ${COLOR.line};border-left:4px solid ${e.late ? COLOR.alert : COLOR.accent};">`,
    `<tr><td${anchor} style="padding:10px 12px;${BREAK}">${lines.join('')}</td></tr>`,
    '</table>',
  ].join('');
}

function section(s: DigestSection, anchored: Set<string>, inDigest: Set<string>): string {
  const title = `${s.title}${s.ministry ? ` (${s.ministry})` : ''} – ${s.entries.length} innspill`;
  return row(h3(title) + s.entries.map((e) => entry(e, anchored, inDigest)).join(''), '4px 20px');
}

function submissions(m: DigestModel): string {
  const filled = m.sections.filter((s) => s.entries.length > 0);
  if (filled.length === 0) return row(h2(HEADINGS.submissions) + p(t(LABELS.nothingNew)));
  const inDigest = new Set(filled.flatMap((s) => s.entries.map((e) => e.id)));
  const anchored = new Set<string>();
  return row(h2(HEADINGS.submissions), '12px 20px 0 20px') + filled.map((s) => section(s, anchored, inDigest)).join('');
}

function automatic(m: DigestModel): string {
  const a = m.automatic;
  if (a.perKind.length === 0) return row(h2(HEADINGS.automatic) + p(t(LABELS.noAutomatic)));
  const kinds = a.perKind.map((k) => p(t(`${k.title} – ${periodCountText(k.inPeriod, k.total, m.period.wholeConsultation)}`), SMALL)).join('');
  const items = a.items.map(
    (i) => `<li style="${SMALL}"><strong>${t(i.id)}</strong> ${t(`${i.kindTitle} fra ${i.from}: «${i.subject}» (${i.receivedAt ?? LABELS.unknownTime})`)}</li>`,
  );
  if (a.moreItems > 0) items.push(`<li style="${SMALL}">${t(`… og ${a.moreItems} til`)}</li>`);
  const list = items.length > 0 ? `<ul style="margin:6px 0 0 0;padding:0 0 0 18px;">${items.join('')}</ul>` : '';
  return row(h2(HEADINGS.automatic) + kinds + list);
}

export function renderHtml(m: DigestModel): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="nb"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${t(m.subject)}</title></head>`,
    `<body style="margin:0;padding:0;background:${COLOR.page};">`,
    `<table ${TABLE} style="background:${COLOR.page};"><tr><td align="center" style="padding:12px 6px;">`,
    `<!--[if mso]><table ${TABLE.replace('width="100%"', 'width="680"')} align="center" style="width:680px;"><tr><td style="padding:0;"><![endif]-->`,
    `<table ${TABLE} style="width:100%;max-width:680px;background:#ffffff;border-collapse:collapse;text-align:left;">`,
    header(m),
    totals(m),
    attention(m),
    notReplied(m),
    submissions(m),
    automatic(m),
    row(p(t(LABELS.footer), `${SMALL}${MUTED}`), '16px 20px'),
    '</table>',
    '<!--[if mso]></td></tr></table><![endif]-->',
    '</td></tr></table>',
    '</body></html>',
    '',
  ].join('\n');
}
