// The digest as plain text (the text part of the mail, and `innspill digest --format text`),
// with text bars for the totals.
import type { AttentionGroup, CampaignView, DigestEntry, DigestModel, DigestSection, TotalRow } from './model.js';
import { oneLine } from './sender-text.js';
import {
  HEADINGS,
  LABELS,
  attachmentText,
  attentionCountText,
  evidenceText,
  moreEntriesText,
  sectionCountText,
  periodCountText,
  submissionsLine,
  senderLabel,
  CAMPAIGN_LABELS,
  campaignMemberText,
  campaignSizeText,
} from './words.js';

const BAR_WIDTH = 20;
const LABEL_WIDTH = 44;

function heading(text: string): string[] {
  return ['', text.toUpperCase(), '='.repeat(text.length)];
}

function fit(label: string, width: number): string {
  return label.length > width ? `${label.slice(0, width - 1)}…` : label.padEnd(width);
}

/** "eInnsyn            ████████ 8  (nye: 2)" */
function textBars(rows: TotalRow[], wholeConsultation: boolean): string[] {
  const max = Math.max(1, ...rows.map((r) => r.total));
  const width = Math.min(LABEL_WIDTH, Math.max(...rows.map((r) => r.title.length)));
  return rows.map((r) => {
    const bar = r.total === 0 ? '' : '█'.repeat(Math.max(1, Math.round((r.total / max) * BAR_WIDTH)));
    const fresh = !wholeConsultation && r.inPeriod > 0 ? `  (nye: ${r.inPeriod})` : '';
    return `${fit(r.title, width)} ${bar}${bar ? ' ' : ''}${r.total}${fresh}`.trimEnd();
  });
}

function summary(m: DigestModel): string[] {
  const whole = m.period.wholeConsultation;
  return [
    m.subject,
    `${LABELS.caseNumber} ${m.caseNumber} · ${LABELS.made} ${m.generatedAt}`,
    m.period.description,
    m.deadline.text,
    submissionsLine(m.totals, whole),
  ];
}

function attentionGroup(g: AttentionGroup, whole: boolean): string[] {
  return [
    `${g.title} – ${attentionCountText(g, whole)}`,
    ...g.items.map((i) => `  - ${i.recordId ? `[${i.recordId}] ` : ''}${oneLine(i.who)}: ${oneLine(i.detail)}${i.isNew && g.scope === 'totalt' && !whole ? ` (${LABELS.newMark})` : ''}`),
  ];
}

function attention(m: DigestModel): string[] {
  const groups = m.needsAttention.filter((g) => g.total > 0);
  if (groups.length === 0) return [...heading(HEADINGS.needsAttention), LABELS.nothingNeedsAttention];
  return [...heading(HEADINGS.needsAttention), ...groups.flatMap((g) => attentionGroup(g, m.period.wholeConsultation))];
}

function notReplied(m: DigestModel): string[] {
  const lines = heading(`${HEADINGS.notReplied} (${m.notReplied.length} av ${m.invitedCount} inviterte)`);
  if (m.notReplied.length === 0) return [...lines, LABELS.everyoneReplied];
  const byCategory = new Map<string, string[]>();
  for (const o of m.notReplied) {
    const name = `${o.name}${o.invitationBounced ? ` (${LABELS.invitationBounced})` : ''}`;
    byCategory.set(o.categoryTitle, [...(byCategory.get(o.categoryTitle) ?? []), name]);
  }
  return [...lines, ...[...byCategory].map(([category, names]) => `${category}: ${names.join(', ')}`)];
}

/** Held messages waiting for a decision: first, and only when there are any. */
function review(m: DigestModel): string[] {
  if (m.review.length === 0) return [];
  return [
    ...heading(`${HEADINGS.review} (${m.review.length})`),
    LABELS.reviewIntro,
    ...m.review.flatMap((r) => [
      '',
      `[${r.id}] ${oneLine(r.sender)}${r.address ? ` <${oneLine(r.address)}>` : ''}`,
      `  ${LABELS.received} ${r.receivedAt ?? LABELS.unknownTime}`,
      `  ${LABELS.subject}: ${oneLine(r.subject)}`,
      ...r.reasons.map((why) => `  ${LABELS.unsure}: ${oneLine(why)}`),
      `  ${r.excerpt ? `«${oneLine(r.excerpt)}»` : LABELS.noExcerpt}`,
      ...(r.commands.length > 0 ? [`  ${LABELS.reviewCommands} ${r.commandTo}:`, ...r.commands.map((c) => `    ${c}`)] : []),
    ]),
    '',
    m.review.some((r) => r.commands.length > 0) ? LABELS.reviewCommandsHint : LABELS.reviewTextHint,
  ];
}

function entry(e: DigestEntry): string[] {
  // A campaign member: one line; the template is read once, under Kampanjer.
  if (e.campaign) return [`[${e.id}] ${oneLine(senderLabel(e.sender))} – ${campaignMemberText(e.campaign)}`];
  const lines = [
    `[${e.id}] ${oneLine(senderLabel(e.sender))} (${e.sender.categoryTitle})`,
    `  ${LABELS.received} ${e.receivedAt ?? LABELS.unknownTime}${e.late ? ` · ${LABELS.lateMark}` : ''}`,
    `  ${LABELS.subject}: ${oneLine(e.subject) || LABELS.noSubject}`,
    `  ${e.excerpt ? `«${oneLine(e.excerpt)}»` : LABELS.noExcerpt}`,
  ];
  if (e.alsoUnder.length > 0) lines.push(`  ${LABELS.alsoUnder}: ${e.alsoUnder.map((o) => o.title).join(', ')}`);
  for (const ev of e.evidence) lines.push(`  ${LABELS.evidence}: ${oneLine(evidenceText(ev))}`);
  if (e.attachments.length > 0) lines.push(`  ${LABELS.attachments}: ${e.attachments.map((a) => oneLine(attachmentText(a))).join('; ')}`);
  const links = [
    ...(e.followUpOf ? [`${LABELS.followUpOf} ${e.followUpOf}`] : []),
    ...(e.followedUpBy.length > 0 ? [`${LABELS.followedUpBy} ${e.followedUpBy.join(', ')}`] : []),
  ];
  if (links.length > 0) lines.push(`  ${links.join(' · ')}`);
  if (e.decided) lines.push(`  ${LABELS.decided}: ${e.decided}`);
  // Only the id, commitment ids and the token: nothing a sender wrote is on the command line.
  if (e.correctCommand) lines.push(`  ${LABELS.correctCommand} ${e.correctCommand.to}:`, ...e.correctCommand.lines.map((l) => `    ${l}`));
  return lines;
}

function section(s: DigestSection): string[] {
  const title = `${s.title}${s.ministry ? ` (${s.ministry})` : ''} – ${sectionCountText(s)}`;
  return ['', `== ${title} ==`, ...s.entries.flatMap((e) => ['', ...entry(e)]), ...(s.more > 0 ? ['', moreEntriesText(s.more, s.entries.length)] : [])];
}

function campaignBlock(c: CampaignView, whole: boolean): string[] {
  const L = CAMPAIGN_LABELS;
  const lines = [
    '',
    `[${c.id}] «${oneLine(c.name)}» – ${campaignSizeText(c, whole)}`,
    `  ${L.arrivals} ${L.first} ${c.firstArrival ?? LABELS.unknownTime}, ${L.last} ${c.lastArrival ?? LABELS.unknownTime}`,
  ];
  if (c.commitments.length > 0) lines.push(`  ${L.about}: ${c.commitments.map((x) => x.title).join(', ')}`);
  lines.push(`  ${L.template}: ${c.template ? `«${oneLine(c.template)}»` : L.noTemplate}`);
  if (c.additions.length === 0) lines.push(`  ${L.noAdditions}`);
  else {
    lines.push(`  ${L.additions}:`, ...c.additions.map((a) => `    - [${a.id}] ${oneLine(a.sender)}: «${oneLine(a.text)}»`));
    if (c.moreAdditions > 0) lines.push(`    … og ${c.moreAdditions} til`);
  }
  // Only record ids, a campaign id and tokens: nothing a sender wrote is on a command line.
  if (c.decide) lines.push(`  ${L.commands} ${c.decide.to}:`, ...c.decide.split.map((s) => `    ${s.line}`), `    ${c.decide.join.line}`);
  return lines;
}

function campaigns(m: DigestModel): string[] {
  if ((m.campaigns ?? []).length === 0) return [];
  return [...heading(HEADINGS.campaigns), ...m.campaigns.flatMap((c) => campaignBlock(c, m.period.wholeConsultation))];
}

function automatic(m: DigestModel): string[] {
  const a = m.automatic;
  const lines = heading(HEADINGS.automatic);
  if (a.perKind.length === 0) return [...lines, LABELS.noAutomatic];
  lines.push(...a.perKind.map((k) => `${k.title} – ${periodCountText(k.inPeriod, k.total, m.period.wholeConsultation)}`));
  if (a.items.length > 0) lines.push('');
  lines.push(...a.items.map((i) => `  - [${i.id}] ${i.kindTitle} fra ${oneLine(i.from)}: «${oneLine(i.subject)}» (${i.receivedAt ?? LABELS.unknownTime})`));
  if (a.moreItems > 0) lines.push(`  … og ${a.moreItems} til`);
  return lines;
}

export function renderText(m: DigestModel): string {
  const filled = m.sections.filter((s) => s.entries.length > 0);
  return [
    ...summary(m),
    ...review(m),
    ...heading(HEADINGS.perCommitment),
    ...textBars(m.totals.perCommitment, m.period.wholeConsultation),
    ...heading(HEADINGS.perCategory),
    ...textBars(m.totals.perCategory, m.period.wholeConsultation),
    ...attention(m),
    ...notReplied(m),
    ...campaigns(m),
    ...heading(HEADINGS.submissions),
    ...(filled.length > 0 ? filled.flatMap(section) : [LABELS.nothingNew]),
    ...automatic(m),
    '',
    '--',
    LABELS.footer,
    '',
  ].join('\n');
}
