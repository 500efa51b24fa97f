// The digest as Markdown (`innspill digest --format md`), e.g. for a wiki or a case note.
// Everything a sender wrote goes through md(): a subject cannot become a link, a heading,
// a table cell break or raw HTML.
import type { AttentionGroup, CampaignView, DigestEntry, DigestModel, DigestSection, TotalRow } from './model.js';
import { oneLine } from './sender-text.js';
import { CAMPAIGN_LABELS, campaignMemberText, campaignSizeText, HEADINGS, LABELS, attachmentText, attentionCountText, evidenceText, moreEntriesText, periodCountText, sectionCountText, senderLabel, submissionsLine } from './words.js';

const BAR_WIDTH = 20;

/** Sender text as literal Markdown: one line, with every character that has a meaning escaped. */
export function md(text: string): string {
  return oneLine(text).replace(/[\\`*_[\]<>#|~&]/g, (ch) => `\\${ch}`);
}

function totalsTable(firstColumn: string, rows: TotalRow[], whole: boolean): string[] {
  const max = Math.max(1, ...rows.map((r) => r.total));
  const bar = (n: number) => (n === 0 ? '' : '█'.repeat(Math.max(1, Math.round((n / max) * BAR_WIDTH))));
  const head = whole ? [`| ${firstColumn} | Antall | |`, '|---|--:|---|'] : [`| ${firstColumn} | Nye i perioden | Totalt | |`, '|---|--:|--:|---|'];
  return [...head, ...rows.map((r) => (whole ? `| ${md(r.title)} | ${r.total} | ${bar(r.total)} |` : `| ${md(r.title)} | ${r.inPeriod} | ${r.total} | ${bar(r.total)} |`))];
}

function summary(m: DigestModel): string[] {
  const whole = m.period.wholeConsultation;
  return [
    `# ${md(m.subject)}`,
    '',
    `${LABELS.caseNumber} ${md(m.caseNumber)} · ${LABELS.made} ${m.generatedAt}  `,
    `${md(m.period.description)}  `,
    `**${m.deadline.text}**`,
    '',
    submissionsLine(m.totals, whole),
  ];
}

function attentionGroup(g: AttentionGroup, whole: boolean): string[] {
  return [
    '',
    `### ${g.title} – ${attentionCountText(g, whole)}`,
    '',
    ...g.items.map((i) => `- ${i.recordId ? `**${i.recordId}** ` : ''}${md(i.who)}: ${md(i.detail)}${i.isNew && g.scope === 'totalt' && !whole ? ` *(${LABELS.newMark})*` : ''}`),
  ];
}

function attention(m: DigestModel): string[] {
  const groups = m.needsAttention.filter((g) => g.total > 0);
  return ['', `## ${HEADINGS.needsAttention}`, ...(groups.length === 0 ? ['', LABELS.nothingNeedsAttention] : groups.flatMap((g) => attentionGroup(g, m.period.wholeConsultation)))];
}

function notReplied(m: DigestModel): string[] {
  const lines = ['', `## ${HEADINGS.notReplied} (${m.notReplied.length} av ${m.invitedCount} inviterte)`, ''];
  if (m.notReplied.length === 0) return [...lines, LABELS.everyoneReplied];
  const byCategory = new Map<string, string[]>();
  for (const o of m.notReplied) {
    const name = `${md(o.name)}${o.invitationBounced ? ` *(${LABELS.invitationBounced})*` : ''}`;
    byCategory.set(o.categoryTitle, [...(byCategory.get(o.categoryTitle) ?? []), name]);
  }
  return [...lines, ...[...byCategory].map(([category, names]) => `- **${md(category)}:** ${names.join(', ')}`)];
}

/** Held messages waiting for a decision: first, and only when there are any; the commands in code blocks to paste. */
function review(m: DigestModel): string[] {
  if (m.review.length === 0) return [];
  return [
    '',
    `## ${HEADINGS.review} (${m.review.length})`,
    '',
    LABELS.reviewIntro,
    ...m.review.flatMap((r) => [
      '',
      `#### ${r.id} · ${md(r.sender)}${r.address ? ` \\<${md(r.address)}\\>` : ''}`,
      '',
      `- ${LABELS.received} ${r.receivedAt ?? LABELS.unknownTime}`,
      `- ${LABELS.subject}: ${md(r.subject) || LABELS.noSubject}`,
      ...r.reasons.map((why) => `- ${LABELS.unsure}: ${md(why)}`),
      '',
      `> ${r.excerpt ? `«${md(r.excerpt)}»` : LABELS.noExcerpt}`,
      // Only ids, commitment ids and tokens: nothing a sender wrote is inside the code block.
      ...(r.commands.length > 0 ? ['', `${LABELS.reviewCommands} ${md(r.commandTo ?? '')}:`, '', '```', ...r.commands, '```'] : []),
    ]),
    '',
    `*${m.review.some((r) => r.commands.length > 0) ? LABELS.reviewCommandsHint : LABELS.reviewTextHint}*`,
  ];
}

function entry(e: DigestEntry): string[] {
  // A campaign member: one line; the template is read once, under Kampanjer.
  if (e.campaign) return ['', `- **${e.id}** ${md(senderLabel(e.sender))} – ${campaignMemberText(e.campaign)}`];
  const lines = [
    '',
    `#### ${e.id} · ${md(senderLabel(e.sender))} (${md(e.sender.categoryTitle)})`,
    '',
    `- ${LABELS.received} ${e.receivedAt ?? LABELS.unknownTime}${e.late ? ` · **${LABELS.lateMark}**` : ''}`,
    `- ${LABELS.subject}: ${md(e.subject) || LABELS.noSubject}`,
  ];
  if (e.alsoUnder.length > 0) lines.push(`- ${LABELS.alsoUnder}: ${e.alsoUnder.map((o) => md(o.title)).join(', ')}`);
  for (const ev of e.evidence) lines.push(`- ${LABELS.evidence}: ${md(evidenceText(ev))}`);
  if (e.attachments.length > 0) lines.push(`- ${LABELS.attachments}: ${e.attachments.map((a) => md(attachmentText(a))).join('; ')}`);
  if (e.followUpOf) lines.push(`- ${LABELS.followUpOf} ${e.followUpOf}`);
  if (e.followedUpBy.length > 0) lines.push(`- ${LABELS.followedUpBy} ${e.followedUpBy.join(', ')}`);
  if (e.decided) lines.push(`- ${LABELS.decided}: ${md(e.decided)}`);
  lines.push('', `> ${e.excerpt ? `«${md(e.excerpt)}»` : LABELS.noExcerpt}`);
  // Only the id, commitment ids and the token: nothing a sender wrote is inside the code block.
  if (e.correctCommand) lines.push('', `${LABELS.correctCommand} ${md(e.correctCommand.to)}:`, '', '```', ...e.correctCommand.lines, '```');
  return lines;
}

function section(s: DigestSection): string[] {
  return ['', `### ${md(s.title)}${s.ministry ? ` (${md(s.ministry)})` : ''} – ${sectionCountText(s)}`, ...s.entries.flatMap(entry), ...(s.more > 0 ? ['', md(moreEntriesText(s.more, s.entries.length))] : [])];
}

function campaignBlock(c: CampaignView, whole: boolean): string[] {
  const L = CAMPAIGN_LABELS;
  const lines = [
    '',
    `### ${c.id} · «${md(c.name)}» – ${campaignSizeText(c, whole)}`,
    '',
    `- ${L.arrivals} ${L.first} ${c.firstArrival ?? LABELS.unknownTime}, ${L.last} ${c.lastArrival ?? LABELS.unknownTime}`,
  ];
  if (c.commitments.length > 0) lines.push(`- ${L.about}: ${c.commitments.map((x) => md(x.title)).join(', ')}`);
  lines.push('', `> ${c.template ? `«${md(c.template)}»` : L.noTemplate}`, '');
  if (c.additions.length === 0) lines.push(L.noAdditions);
  else {
    lines.push(`**${L.additions}:**`, '', ...c.additions.map((a) => `- **${a.id}** ${md(a.sender)}: «${md(a.text)}»`));
    if (c.moreAdditions > 0) lines.push(`- … og ${c.moreAdditions} til`);
  }
  if (c.decide) lines.push('', `${L.commands} ${md(c.decide.to)}:`, '', '```', ...c.decide.split.map((s) => s.line), c.decide.join.line, '```');
  return lines;
}

function campaigns(m: DigestModel): string[] {
  if ((m.campaigns ?? []).length === 0) return [];
  return [`## ${HEADINGS.campaigns}`, ...m.campaigns.flatMap((c) => campaignBlock(c, m.period.wholeConsultation)), ''];
}

function automatic(m: DigestModel): string[] {
  const a = m.automatic;
  const lines = ['', `## ${HEADINGS.automatic}`, ''];
  if (a.perKind.length === 0) return [...lines, LABELS.noAutomatic];
  lines.push(...a.perKind.map((k) => `- ${k.title} – ${periodCountText(k.inPeriod, k.total, m.period.wholeConsultation)}`));
  if (a.items.length > 0) lines.push('');
  lines.push(...a.items.map((i) => `- **${i.id}** ${i.kindTitle} fra ${md(i.from)}: «${md(i.subject)}» (${i.receivedAt ?? LABELS.unknownTime})`));
  if (a.moreItems > 0) lines.push(`- … og ${a.moreItems} til`);
  return lines;
}

export function renderMarkdown(m: DigestModel): string {
  const whole = m.period.wholeConsultation;
  const filled = m.sections.filter((s) => s.entries.length > 0);
  return [
    ...summary(m),
    ...review(m),
    '',
    `## ${HEADINGS.perCommitment}`,
    '',
    ...totalsTable('Forpliktelse', m.totals.perCommitment, whole),
    '',
    `## ${HEADINGS.perCategory}`,
    '',
    ...totalsTable('Avsenderkategori', m.totals.perCategory, whole),
    ...attention(m),
    ...notReplied(m),
    '',
    ...campaigns(m),
    `## ${HEADINGS.submissions}`,
    ...(filled.length > 0 ? filled.flatMap(section) : ['', LABELS.nothingNew]),
    ...automatic(m),
    '',
    '---',
    '',
    `*${LABELS.footer}*`,
    '',
  ].join('\n');
}
