// Stage 10 (relevance): does the message belong to this consultation? postmottak is also the ministry's general
// inbox; other business that shares the commitments' words (another hearing, an innsynskrav, an
// invoice) must stay out. Points per signal, with the reasons kept for the caseworker.
import type { Rules } from '../rules/types.js';
import type { FoldedText } from '../text/folded-text.js';
import { TermMatcher } from '../text/terms.js';
import type { IntakeContext } from './context.js';
import { addressesOf, sentToOwnAddress } from './addresses.js';
import { isConsultationLetterSubject } from './follow-up.js';
import { domainOf, forgedSender } from './sender.js';
import { activeConsultations } from '../rules/views.js';
import { bodyTexts, subjectText } from './message-texts.js';
import { unreadableInput, unreadableInputIsThis, unreadableInputText } from './unreadable-input.js';
import type { Address, AutomaticKind, RelevanceCode } from './types.js';

export interface RelevanceInput {
  /** The subject, folded. */
  subject: FoldedText;
  /** Everything the message says, part by part: subject, body with quotes, report, forwarded
   *  messages, attachments. A term is looked for in each part; it never spans two. */
  allParts: readonly FoldedText[];
  /** The sender's own words and own attachments, part by part: the e-mail's first. */
  ownParts: readonly FoldedText[];
  letterLines: number;
  /** Sentences of the consultation's letter quoted inside the sender's own lines (own-words.ts). */
  letterQuotes: number;
  inThread: boolean;
  /** Sent to an address of the consultation's own. */
  toOwnAddress?: boolean;
  /** The subject is the consultation's letter's (its title, or another subject it was sent with),
   *  words such as "Automatisk svar:" added: an automatic reply with it answers the letter. */
  answersLetter?: boolean;
  invitedSender: boolean;
  /** The sender's category (rules/senders.yaml); `ukjent` when unknown. */
  senderCategory?: string;
  commitmentScore: number;
  automaticKind: AutomaticKind | null;
  /** Taken for machine mail by its words alone (an out-of-office phrase in the text), no header said so. */
  automaticByWordsOnly?: boolean;
  /** Our mailbox is in Cc but not in To: the mail is addressed to someone else. */
  copyOnly: boolean;
  /** The From domain imitates the ministry's own (kmd-dep.no for kmd.dep.no). */
  imitatesMinistry: boolean;
  /** The From address is the ministry's own domain, and our server says it is forged. */
  forgesMinistry: boolean;
  /** The From domain has a government name as a label (dss-dep.example) and is not the government's own. */
  posesAsGovernment: boolean;
  /** The From address is at a private mail service (gmail.com, online.no: rules/senders.yaml). */
  privateSender?: boolean;
}

export interface RelevanceFinding {
  relevant: boolean;
  score: number;
  reasons: string[];
  /** The code of each reason, in the same order. */
  reasonCodes: RelevanceCode[];
  /** It imitates the ministry or the consultation: a look-alike sender, or phishing bait with the consultation's words. */
  suspicious: boolean;
  /** A person's mail about the consultation that is no input (the name of the signal that says so): held for a caseworker to answer. */
  correspondence?: string;
  /**
   * Of the score, the points given for who sent it rather than for what it says (an invited
   * organisation's opinion on a commitment): routing between consultations compares without them.
   */
  senderPoints?: number;
  /** Something in it says it is other business (a signal with points taken away, a copy only). */
  otherBusiness?: boolean;
}

/**
 * Machine mail that can belong to the consultation only when it carries the thread, the letter or a
 * tie (an out-of-office reply names the subject of whatever mail it answers: one to someone else's
 * mail about OGP is no one's).
 */
const NEEDS_THREAD: ReadonlySet<AutomaticKind> = new Set(['list', 'noreply', 'report', 'innsynskrav', 'out-of-office', 'auto-reply', 'recall']);

const notMail = (): RelevanceFinding => ({ relevant: false, score: 0, reasons: [], reasonCodes: [], suspicious: false });

/** Letters and digits only: kmd-dep.no and kmd.dep.no are both "kmddepno". */
const squeezed = (domain: string) => domain.toLowerCase().replace(/[^a-z0-9æøå]/g, '');

/** The ministry's own mail domains and the shared domain above each (kmd.dep.no and dep.no, the ministries' own). */
function ownDomains(ownAddresses: readonly string[]): string[] {
  const found = new Set<string>();
  for (const a of ownAddresses) {
    const own = a.split('@')[1]?.toLowerCase();
    if (!own) continue;
    found.add(own);
    const parent = own.split('.').slice(1);
    if (parent.length >= 2) found.add(parent.join('.'));
  }
  return [...found];
}

/**
 * A From domain that is not the ministry's own but spells it (kmd-dep.no, kmd-dep-no.example.net,
 * dep-no.com), or spells one of `governmentDomains` (regjeringen-no.example). The ministry's own
 * domain is spelt with another ending too (kmd-dep.example.com): its name without the top-level
 * label, when that still has two labels ("kmd.dep"; "dep" alone is in too many names).
 */
export function imitatesDomain(address: string | undefined, ownAddresses: readonly string[], governmentDomains: readonly string[] = []): boolean {
  const domain = address?.split('@')[1]?.toLowerCase();
  if (!domain) return false;
  const under = (d: string) => domain === d || domain.endsWith(`.${d}`);
  const spells = (name: string) => squeezed(domain).includes(squeezed(name));
  const own = ownDomains(ownAddresses);
  if ([...own, ...governmentDomains].some((d) => !under(d) && spells(d))) return true;
  const withoutEnding = own.map((d) => d.split('.').slice(0, -1)).filter((labels) => labels.length >= 2);
  return !own.some(under) && withoutEnding.some((labels) => spells(labels.join('.')));
}

/**
 * A From domain with a name of the government as a whole label (`dss-dep.example`,
 * `regjeringen-portal.example`: split at dots and hyphens) that is not under one of the
 * government's own domains, or a display name that is an address under those domains while the
 * address is not. Alone it says nothing (a municipality's `dep-…` is no fraud); with phishing bait
 * it makes the bait an imitation of the ministry.
 */
export function posesAsGovernment(from: Address | null | undefined, names: Rules['governmentNames']): boolean {
  const domain = from?.address.split('@')[1]?.toLowerCase();
  if (!domain || !names) return false;
  const governments = (d: string) => names.domains.some((own) => d === own || d.endsWith(`.${own}`));
  if (governments(domain)) return false;
  if (domain.split(/[.-]/).some((label) => names.labels.includes(label))) return true;
  // "postmottak@kmd.dep.no" <noreply@other.example>: the name claims a sender the address is not
  return [...(from?.name ?? '').matchAll(/[^\s<>"'@]+@([a-z0-9.-]+\.[a-z]{2,})/gi)].some((m) => governments(m[1]!.toLowerCase()));
}

/**
 * A From address at the ministry's own domain that our own server says is forged (DMARC failed, or
 * SPF failed with no valid DKIM signature): someone poses as the ministry itself. Another
 * ministry's address under the shared domain (kld.dep.no) that fails is a forged sender like any
 * other — its input filed, its receipt held — not the ministry imitated.
 */
export function forgesOwnDomain(address: string | undefined, ownAddresses: readonly string[], headers: Map<string, string[]>): boolean {
  const domain = address?.split('@')[1]?.toLowerCase();
  const ours = ownAddresses.map(domainOf).filter((d): d is string => d !== null);
  if (!domain || !ours.some((own) => domain === own || domain.endsWith(`.${own}`))) return false;
  return forgedSender(headers) !== null;
}

/** Our mailbox only in Cc: the To header does not name it, the Cc header does. */
function onlyCopied(headers: Map<string, string[]>, mailboxes: readonly string[]): boolean {
  const names = (h: string) => (headers.get(h) ?? []).join(',').toLowerCase();
  const to = names('to');
  const cc = names('cc');
  return mailboxes.some((m) => cc.includes(m.toLowerCase())) && !mailboxes.some((m) => to.includes(m.toLowerCase()));
}

/** The texts a signal looks in, by its `where`: the subject, every text of the message, the sender's own words. */
function signalTexts(c: Pick<IntakeContext, 'message' | 'texts'>): { subject: [FoldedText]; text: FoldedText[]; own: FoldedText[] } {
  const subject = subjectText(c.message);
  return { subject: [subject], text: [subject, ...bodyTexts(c.message), ...c.texts.whole], own: c.texts.segments.map((s) => s.text) };
}

export function judgeRelevance(
  c: Pick<IntakeContext, 'message' | 'own' | 'texts' | 'automatic' | 'sender' | 'thread' | 'commitments' | 'rules'>,
): RelevanceFinding {
  if (!c.message.isMail) return notMail();
  const { message: msg, rules } = c;
  const organisation = c.sender.sender.organisation;
  const texts = signalTexts(c);
  // The ministry's own addresses as this consultation knows them (its mailbox and the addresses it answers from).
  const ours = [rules.consultation.mailbox, ...rules.consultation.ownAddresses];
  return scoreRelevance(
    {
      subject: texts.subject[0],
      allParts: texts.text,
      ownParts: texts.own,
      letterLines: c.own.letterLinesBy[rules.consultation.id] ?? 0,
      letterQuotes: c.own.letterQuotesBy[rules.consultation.id] ?? 0,
      inThread: c.thread.inThread,
      toOwnAddress: sentToOwnAddress(msg.headers, rules),
      answersLetter: isConsultationLetterSubject(msg.subject, rules.consultation),
      invitedSender: organisation !== null && rules.organisations.some((o) => o.name === organisation && o.invited),
      senderCategory: c.sender.sender.category,
      commitmentScore: c.commitments[0]?.score ?? 0,
      automaticKind: c.automatic.kind,
      automaticByWordsOnly: c.automatic.byWordsOnly,
      copyOnly: onlyCopied(msg.headers, [...ours, ...addressesOf(rules)]),
      imitatesMinistry: imitatesDomain(msg.from?.address, ours, rules.governmentNames?.domains),
      forgesMinistry: forgesOwnDomain(msg.from?.address, ours, msg.headers),
      posesAsGovernment: posesAsGovernment(msg.from, rules.governmentNames),
      privateSender: atPrivateService(msg.from?.address, rules.privateDomains),
    },
    rules,
  );
}

/** Relevance under the consultation the message was routed to (computed while routing, or now). */
export function judgeRouted(
  c: Pick<IntakeContext, 'message' | 'attachments' | 'own' | 'texts' | 'automatic' | 'sender' | 'thread' | 'commitments' | 'rules' | 'route'>,
): RelevanceFinding {
  if (c.route.none) {
    return { relevant: false, score: 0, reasons: ['ingen innspillsrunde er slått på (alle er arkivert)'], reasonCodes: ['no-consultation'], suspicious: false };
  }
  const found = c.route.judged?.relevance ?? judgeRelevance(c);
  if (found.suspicious || !c.message.isMail) return found;
  // An imitation is one whichever consultation's words it uses as bait: a message routed to none
  // (or to another) that imitates one of them is marked all the same, and never answered.
  // Judging it under another consultation is only needed where that one's bait words or a
  // look-alike of its addresses are there at all (most mail has neither).
  const imitated = activeConsultations(c.rules).some((v) => v !== c.rules && mayImitate(c, v) && judgeRelevance({ ...c, rules: v }).suspicious);
  if (!imitated) return withUnreadableInput(c, found);
  return {
    ...found,
    relevant: false,
    suspicious: true,
    reasons: [...found.reasons, 'etterligner en av innspillsrundene (lokkeord og innspillsrundens egne ord)'],
    reasonCodes: [...found.reasonCodes, 'imitates-consultation'],
  };
}

/**
 * A short note from an invited organisation, over documents none of which could be read, that says
 * it is input (unreadable-input.ts): input to the one consultation its organisation is invited to,
 * filed and receipted — the receipt names the file it could not read and asks for it again. Where
 * the consultation is not beyond doubt (routing could not tell, or the sender is unknown or invited
 * to several), it stays as it was and review holds it for a caseworker.
 */
function withUnreadableInput(c: Omit<Parameters<typeof unreadableInput>[0], 'relevance'> & Pick<IntakeContext, 'route'>, found: RelevanceFinding): RelevanceFinding {
  if (found.relevant || found.correspondence || found.otherBusiness || c.route.uncertain) return found;
  const u = unreadableInput({ ...c, relevance: found });
  if (!u || !unreadableInputIsThis(u, c.rules.consultation.id)) return found;
  return {
    ...found,
    relevant: true,
    reasons: [...found.reasons, `innholdet står i et vedlegg som ikke kunne leses (${unreadableInputText(u)}), og avsenderen er invitert bare til denne innspillsrunden`],
    reasonCodes: [...found.reasonCodes, 'unreadable-input'],
  };
}

/**
 * Whether a message can be judged an imitation of this consultation: a From domain that imitates
 * its addresses, or one of its bait signals found. Without either, judging says not suspicious.
 */
function mayImitate(c: Pick<IntakeContext, 'message' | 'texts'>, v: Rules): boolean {
  if (imitatesDomain(c.message.from?.address, [v.consultation.mailbox, ...v.consultation.ownAddresses])) return true;
  const bait = v.relevance.signals.filter((s) => s.suspicious);
  if (bait.length === 0) return false;
  const texts = signalTexts(c);
  return bait.some((s) => s.matcher.first(texts[s.where]) !== null);
}

type AloneStep = { minScore: number; points: number; needs?: string[]; privateSender?: true; invitedSender?: true; exceptCategories?: string[]; categories?: string[] };

/** Whether an address is at one of the private mail services, or a subdomain of one. */
export function atPrivateService(address: string | undefined, domains: ReadonlySet<string>): boolean {
  const domain = address ? domainOf(address) : null;
  if (!domain || domains.size === 0) return false;
  for (let d = domain; d.includes('.'); d = d.slice(d.indexOf('.') + 1)) if (domains.has(d)) return true;
  return false;
}

/** The steps of `commitmentWords.alone` (one object, a list of them, or none). */
export function aloneSteps(words: Rules['relevance']['commitmentWords']): AloneStep[] {
  return words.alone === undefined ? [] : Array.isArray(words.alone) ? words.alone : [words.alone];
}

/** A step's `needs` terms, compiled once per step of the loaded rules. */
const needsMatchers = new WeakMap<AloneStep, TermMatcher>();
function needsMatcher(step: AloneStep, needs: string[]): TermMatcher {
  let m = needsMatchers.get(step);
  if (!m) needsMatchers.set(step, (m = new TermMatcher(needs)));
  return m;
}

/**
 * A step counts from its score on; when it names `needs`, only if the sender's own words have one
 * of them; with `privateSender`, only for a sender at a private mail service; with
 * `invitedSender`, only for an organisation the consultation invited; never for a sender of one
 * of `exceptCategories`; with `categories`, only for a sender of one of them.
 */
const stepCounts = (step: AloneStep, input: RelevanceInput): boolean =>
  input.commitmentScore >= step.minScore &&
  (step.privateSender !== true || input.privateSender === true) &&
  (step.invitedSender !== true || input.invitedSender) &&
  !(step.exceptCategories?.includes(input.senderCategory ?? 'ukjent') ?? false) &&
  (step.categories === undefined || step.categories.includes(input.senderCategory ?? 'ukjent')) &&
  (step.needs === undefined || needsMatcher(step, step.needs).first(input.ownParts) !== null);

function scoreRelevance(input: RelevanceInput, rules: Rules): RelevanceFinding {
  const r = rules.relevance;
  const reasons: string[] = [];
  const reasonCodes: RelevanceCode[] = [];
  let score = 0;
  const add = (points: number, code: RelevanceCode, reason: string) => {
    score += points;
    reasons.push(`${reason} (${points > 0 ? '+' : ''}${points})`);
    reasonCodes.push(code);
  };

  // The e-mail's own words are the first of the sender's own (findOwnTexts: the mail, then each attachment's).
  const texts = { subject: [input.subject], text: input.allParts, own: input.ownParts, mail: input.ownParts.slice(0, 1) };
  if (input.inThread) add(r.thread.points, 'thread', 'svar i tråden til invitasjonen eller et tidligere innspill');
  if (input.toOwnAddress && r.ownAddress.points !== 0) add(r.ownAddress.points, 'own-address', 'sendt til innspillsrundens egen adresse');
  const quotesLetter = input.letterLines >= r.quotedLetter.minLines;
  if (quotesLetter) add(r.quotedLetter.points, 'quoted-letter', `siterer invitasjonsbrevet (${input.letterLines} linjer)`);
  else if (input.letterQuotes > 0 && r.quotedLetter.sentencePoints) add(r.quotedLetter.sentencePoints, 'quoted-letter-sentence', 'siterer en setning fra invitasjonsbrevet i egen tekst');
  let otherBusiness = false;
  let ties = false;
  let tiesNewsletter = false;
  let bait = false;
  let correspondence: string | null = null;
  let asksAfterOwnInput = false;
  let consultationWords = 0;
  for (const signal of r.signals) {
    const found = signal.matcher.first(texts[signal.where]);
    if (!found || (signal.unless.size > 0 && signal.unless.first(texts[signal.unlessWhere]))) continue;
    // (A commitment is found when its score reaches the threshold: the list holds only those, so a top score above 0 is one.)
    if (signal.unlessCommitments === 'clearly' && input.commitmentScore >= r.commitmentWords.minScore) continue;
    if (signal.unlessCommitments === 'any' && input.commitmentScore > 0) continue;
    if (signal.onlyWithCommitments && input.commitmentScore === 0) continue;
    if (signal.unlessOwnAddress && input.toOwnAddress) continue;
    add(signal.points, 'signal', `${signal.name}: «${found.text.snippet(found.hit.start, found.hit.end, 50)}»`);
    if (signal.points < 0) otherBusiness = true;
    else consultationWords += signal.points;
    ties ||= signal.ties;
    tiesNewsletter ||= signal.tiesNewsletters;
    bait ||= signal.suspicious;
    if (signal.correspondence) correspondence ??= signal.name;
    asksAfterOwnInput ||= signal.ownSubmission;
  }
  if (input.copyOnly && !input.inThread && r.copyOnly) {
    add(r.copyOnly.points, 'copy-only', 'sendt til en annen mottaker; departementet har bare fått kopi');
    otherBusiness = true;
  }
  if (input.imitatesMinistry) {
    reasons.push('avsenderdomenet etterligner departementets eget');
    reasonCodes.push('imitates-ministry');
  }
  if (input.forgesMinistry) {
    reasons.push('avsenderen utgir seg for å være departementet selv, men mottakerserveren bekrefter ikke adressen');
    reasonCodes.push('imitates-ministry');
  }
  const positiveSoFar = score > 0;
  if (positiveSoFar && input.invitedSender) add(r.invitedSender.points, 'invited-sender', 'avsender er blant de inviterte');
  // Words clearly about a commitment add to other signals, or stand on their own when nothing
  // says the mail is other business (a private person's short input in a new thread).
  const words = r.commitmentWords;
  // Taken for machine mail by its words alone ("jeg er på reise" in the text, no header said so)
  // while its own words are clearly about a commitment: a person's input that says they are away,
  // judged as a person's. If it is found relevant, review holds it (automatic-uncertain).
  const personDespiteWords = input.automaticKind !== null && input.automaticByWordsOnly === true && input.commitmentScore >= words.minScore;
  const aPerson = input.automaticKind === null || personDespiteWords;
  if ((positiveSoFar || (aPerson && !otherBusiness)) && input.commitmentScore >= words.minScore) add(words.points, 'commitment-words', 'teksten handler tydelig om en av forpliktelsene i planen');
  const steps = aloneSteps(words).filter((step) => stepCounts(step, input));
  const alonePoints = steps.reduce((sum, step) => sum + step.points, 0);
  let senderPoints = 0;
  if (aPerson && !otherBusiness && alonePoints !== 0) {
    add(alonePoints, 'commitment-words-alone', 'teksten handler om en av forpliktelsene, uten tegn til en annen sak');
    // who sent it, not what it says: an invited organisation, a sender of a named category
    senderPoints = steps.filter((step) => step.invitedSender === true || step.categories !== undefined).reduce((sum, step) => sum + step.points, 0);
  }

  let relevant = score >= r.threshold;
  // A newsletter or list mail is the consultation's only by a tie that holds for them: the sender's
  // own input reported (its lead item), the case number, the invitation's subject; one that tells of
  // the consultation as news, by its name, is not.
  // An automatic reply addressed to the consultation's own address answers mail sent from it (its
  // letter), and so does one whose subject is the letter's ("Automatisk svar: Høring – endringer i
  // plan- og bygningsloven …" with no In-Reply-To): it is the case's, as a reply in the thread is.
  // Sent lists and notices are not replies.
  const answersUs = (input.toOwnAddress === true || input.answersLetter === true) && (input.automaticKind === 'out-of-office' || input.automaticKind === 'auto-reply');
  const tied = input.automaticKind === 'list' ? tiesNewsletter : ties || answersUs;
  // Said too when the score is only close to the threshold: such mail is no close call (review.ts).
  const untied = input.automaticKind !== null && NEEDS_THREAD.has(input.automaticKind) && !input.inThread && !quotesLetter && !tied && !personDespiteWords;
  if (untied && (relevant || score >= r.threshold + r.review.relevance.from)) {
    relevant = false;
    reasons.push('automatisk utsendelse uten tilknytning til invitasjonens tråd');
    reasonCodes.push('automatic-outside-thread');
  }
  if (personDespiteWords && relevant) {
    reasons.push('tatt for et automatisk svar bare ut fra ordene, men teksten handler tydelig om en av forpliktelsene');
    reasonCodes.push('automatic-words-about-commitment');
  }
  // A person's question or request about the consultation (more time, how to take part) with
  // nothing proposed: no input, and not the consultation's to file. It stays in the inbox for the
  // ordinary handling of the ministry's mail, unreceipted, and is no close call (review.ts), whether
  // its score reached the threshold or fell just below it ("Blir innspillene publisert?"). Only
  // when its words are also clearly about a commitment (input may be put as questions) and nothing
  // says other business (a student's request, a journalist's) is it kept under the consultation,
  // held (review.ts). Nor when the person asks after their own input ("vi sendte innspill 29. april,
  // men har ikke fått kvittering"): it may mean input went missing, and a caseworker must see it.
  if (correspondence !== null && !asksAfterOwnInput && aPerson && (otherBusiness || input.commitmentScore < words.minScore)) {
    relevant = false;
    reasons.push(`en henvendelse om innspillsrunden, ikke et innspill (${correspondence}): blir liggende i innboksen til vanlig behandling`);
    reasonCodes.push('correspondence');
  }
  // Bait words alone (a credential phish about a mailbox) are ordinary spam, not ours to hold: only
  // with the consultation's words, or posing as the ministry, is it an imitation caseworkers must see.
  const suspicious = input.imitatesMinistry || input.forgesMinistry || (bait && (consultationWords > 0 || input.posesAsGovernment));
  return {
    relevant: relevant && !suspicious,
    score,
    reasons,
    reasonCodes,
    suspicious,
    ...(correspondence !== null ? { correspondence } : {}),
    ...(senderPoints !== 0 ? { senderPoints } : {}),
    ...(otherBusiness ? { otherBusiness } : {}),
  };
}
