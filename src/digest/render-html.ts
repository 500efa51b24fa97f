// The digest as HTML mail: the layout is the template rules/templates/digest.yaml (Mustache,
// checked at load: see rules/digest-template.ts); this file only turns the digest into the plain
// values the template shows, with the words from words.ts and the bar charts' measures.
//
// Every value the template shows goes through escapeHtml() (the template may not use {{{ }}}):
// whatever a sender wrote (subject, names, addresses, excerpts, snippets, file names) can only
// ever be text.
import Mustache from 'mustache';
import type { DigestTemplate } from '../rules/digest-template.js';
import type { AttentionGroup, DigestEntry, DigestModel, TotalRow } from './model.js';
import { oneLine } from './sender-text.js';
import { CAMPAIGN_LABELS, campaignMemberText, campaignSizeText, HEADINGS, LABELS, attachmentText, attentionCountText, evidenceText, moreEntriesText, periodCountText, sectionCountText, senderLabel, submissionsLine } from './words.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return /[&<>"']/.test(value) ? value.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!) : value;
}

/** How the template shows a value: one line, escaped. */
const shown = (value: unknown): string => escapeHtml(oneLine(String(value)));

/** Marks the last item of a list, for the separators between items. */
function withLast<T extends object>(items: T[]): Array<T & { last: boolean }> {
  return items.map((item, i) => ({ ...item, last: i === items.length - 1 }));
}

/** One bar chart of totals: an SVG for mail programs that draw it, a table for Outlook on Windows. */
function chart(heading: string, firstColumn: string, rows: TotalRow[], whole: boolean) {
  const barMax = 290;
  const step = 34;
  const max = Math.max(1, ...rows.map((r) => r.total));
  const scale = (n: number) => (n === 0 ? 0 : Math.max(2, Math.round((n / max) * barMax)));
  return {
    heading,
    firstColumn,
    whole,
    columns: whole ? ['Antall'] : [LABELS.inPeriod, LABELS.total],
    rows: rows.map((r) => ({ title: r.title, cells: whole ? [r.total] : [r.inPeriod, r.total] })),
    width: 360,
    height: rows.length * step + 8,
    bars: rows.map((r, i) => {
      const y = i * step;
      return {
        title: r.title,
        titleY: y + 13,
        barY: y + 18,
        totalWidth: scale(r.total),
        periodWidth: scale(r.inPeriod),
        valueX: scale(r.total) + 6,
        valueY: y + 28,
        value: whole || r.inPeriod === 0 ? String(r.total) : `${r.total} (+${r.inPeriod})`,
      };
    }),
    legend: whole ? null : LABELS.chartLegend,
  };
}

function attentionGroup(g: AttentionGroup, whole: boolean) {
  return {
    title: g.title,
    count: attentionCountText(g, whole),
    hasItems: g.items.length > 0,
    items: g.items.map((i) => ({
      recordId: i.recordId,
      who: i.who,
      detail: i.detail,
      newMark: i.isNew && g.scope === 'totalt' && !whole ? LABELS.newMark : null,
    })),
  };
}

function notReplied(m: DigestModel) {
  const byCategory = new Map<string, Array<{ name: string; bounced: string | null }>>();
  for (const o of m.notReplied) {
    byCategory.set(o.categoryTitle, [...(byCategory.get(o.categoryTitle) ?? []), { name: o.name, bounced: o.invitationBounced ? LABELS.invitationBounced : null }]);
  }
  return {
    heading: `${HEADINGS.notReplied} (${m.notReplied.length} av ${m.invitedCount} inviterte)`,
    everyoneReplied: m.notReplied.length === 0 ? LABELS.everyoneReplied : null,
    categories: [...byCategory].map(([title, names]) => ({ title, names: withLast(names) })),
  };
}

/** Another submission: a link when it is in this digest, else its id. */
const idLink = (id: string, inDigest: Set<string>) => ({ id, linked: inDigest.has(id) });

function entry(e: DigestEntry, anchored: Set<string>, inDigest: Set<string>) {
  // A submission under several sections is anchored where it first appears.
  const anchor = anchored.has(e.id) ? null : `innspill-${e.id}`;
  anchored.add(e.id);
  return {
    anchor,
    id: e.id,
    received: `${LABELS.received} ${e.receivedAt ?? LABELS.unknownTime}`,
    late: e.late ? LABELS.lateMark : null,
    sender: senderLabel(e.sender),
    category: e.sender.categoryTitle,
    subjectLabel: LABELS.subject,
    subject: e.subject || LABELS.noSubject,
    excerpt: e.excerpt ? `«${e.excerpt}»` : LABELS.noExcerpt,
    alsoUnder: e.alsoUnder.length > 0 ? { label: LABELS.alsoUnder, titles: e.alsoUnder.map((o) => o.title).join(', ') } : null,
    evidence: e.evidence.map((ev) => ({ label: LABELS.evidence, text: evidenceText(ev) })),
    attachments: e.attachments.length > 0 ? { label: LABELS.attachments, files: withLast(e.attachments.map((a) => ({ text: attachmentText(a), readable: a.readable }))) } : null,
    followUpOf: e.followUpOf ? { label: LABELS.followUpOf, link: idLink(e.followUpOf, inDigest) } : null,
    followedUpBy: e.followedUpBy.length > 0 ? { label: LABELS.followedUpBy, links: withLast(e.followedUpBy.map((id) => idLink(id, inDigest))) } : null,
    campaignLine: e.campaign ? { campaignId: e.campaign.id, text: campaignMemberText(e.campaign) } : null,
    hasLinks: e.followUpOf !== null || e.followedUpBy.length > 0,
    both: e.followUpOf !== null && e.followedUpBy.length > 0,
    correct: e.correct ?? null,
    personalData: e.personalData ?? null,
    decided: e.decided ? { label: LABELS.decided, text: e.decided } : null,
  };
}

/** "Til vurdering": first, and only when something waits for a decision. */
function review(m: DigestModel) {
  if (m.review.length === 0) return null;
  return {
    heading: `${HEADINGS.review} (${m.review.length})`,
    intro: LABELS.reviewIntro,
    items: m.review.map((r) => ({
      id: r.id,
      sender: r.sender,
      address: r.address,
      received: `${LABELS.received} ${r.receivedAt ?? LABELS.unknownTime}`,
      subjectLabel: LABELS.subject,
      subject: r.subject,
      reasons: r.reasons.map((text) => ({ label: LABELS.unsure, text })),
      excerpt: r.excerpt ? `«${r.excerpt}»` : LABELS.noExcerpt,
      links: withLast(r.links),
    })),
  };
}

function submissions(m: DigestModel) {
  const filled = m.sections.filter((s) => s.entries.length > 0);
  const inDigest = new Set(filled.flatMap((s) => s.entries.map((e) => e.id)));
  const anchored = new Set<string>();
  return {
    heading: HEADINGS.submissions,
    nothingNew: filled.length === 0 ? LABELS.nothingNew : null,
    sections: filled.map((s) => ({
      title: `${s.title}${s.ministry ? ` (${s.ministry})` : ''} – ${sectionCountText(s)}`,
      entries: s.entries.map((e) => entry(e, anchored, inDigest)),
      more: s.more > 0 ? moreEntriesText(s.more, s.entries.length) : null,
    })),
  };
}

function automatic(m: DigestModel) {
  const a = m.automatic;
  const items = a.items.map((i) => ({ id: i.id, text: `${i.kindTitle} fra ${i.from}: «${i.subject}» (${i.receivedAt ?? LABELS.unknownTime})` }));
  return {
    heading: HEADINGS.automatic,
    none: a.perKind.length === 0 ? LABELS.noAutomatic : null,
    kinds: a.perKind.map((k) => `${k.title} – ${periodCountText(k.inPeriod, k.total, m.period.wholeConsultation)}`),
    list: items.length > 0 || a.moreItems > 0 ? { items, more: a.moreItems > 0 ? `… og ${a.moreItems} til` : null } : null,
  };
}

function campaigns(m: DigestModel) {
  if ((m.campaigns ?? []).length === 0) return null;
  const L = CAMPAIGN_LABELS;
  const whole = m.period.wholeConsultation;
  return {
    heading: HEADINGS.campaigns,
    items: m.campaigns.map((c) => ({
      campaignId: c.id,
      name: `«${c.name}»`,
      size: campaignSizeText(c, whole),
      arrivals: `${L.arrivals} ${L.first} ${c.firstArrival ?? LABELS.unknownTime}, ${L.last} ${c.lastArrival ?? LABELS.unknownTime}`,
      about: c.commitments.length > 0 ? { label: L.about, titles: c.commitments.map((x) => x.title).join(', ') } : null,
      templateLabel: L.template,
      template: c.template ? `«${c.template}»` : L.noTemplate,
      additionsLabel: L.additions,
      additions: c.additions.map((a) => {
        const split = c.decide?.split.find((s) => s.id === a.id);
        return { id: a.id, sender: a.sender, text: `«${a.text}»`, split: split ? { label: L.split, href: split.href } : null };
      }),
      more: c.moreAdditions > 0 ? `… og ${c.moreAdditions} til` : null,
      noAdditions: c.additions.length === 0 ? L.noAdditions : null,
      join: c.decide ? { label: L.join, href: c.decide.join.href } : null,
    })),
  };
}

/** The values the digest template shows: plain text and numbers, never markup. */
export function htmlView(m: DigestModel) {
  const whole = m.period.wholeConsultation;
  const groups = m.needsAttention.filter((g) => g.total > 0);
  return {
    subject: m.subject,
    about: `${LABELS.caseNumber} ${m.caseNumber} · ${LABELS.made} ${m.generatedAt} · ${m.period.description}`,
    deadline: m.deadline.text,
    submissionsLine: submissionsLine(m.totals, whole),
    review: review(m),
    charts: [
      chart(HEADINGS.perCommitment, 'Forpliktelse', m.totals.perCommitment, whole),
      chart(HEADINGS.perCategory, 'Avsenderkategori', m.totals.perCategory, whole),
    ],
    attention: {
      heading: HEADINGS.needsAttention,
      nothing: groups.length === 0 ? LABELS.nothingNeedsAttention : null,
      groups: groups.map((g) => attentionGroup(g, whole)),
    },
    notReplied: notReplied(m),
    campaigns: campaigns(m),
    submissions: submissions(m),
    automatic: automatic(m),
    footer: LABELS.footer,
  };
}

export function renderHtml(m: DigestModel, template: DigestTemplate): string {
  return Mustache.render(template.html, htmlView(m), template.partials, { escape: shown });
}
