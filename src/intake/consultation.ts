// Stage 8 (consultation routing): which of the consultations innspill runs does the message belong
// to? In the order of certainty: the thread (a reply to a consultation's invitation or to one of its
// submissions), its case number in the subject and then in the text, its invitation letter quoted,
// the To/Cc address when a consultation has addresses of its own, and only then the content
// against each consultation's relevance and commitment terms. A step that names exactly one
// decides; one that names several narrows the choice for the next. A message that could still be
// two is judged under the likelier one and held for review (`consultation-uncertain`): it is never
// filed twice. Archived consultations are not routed to; a closed one (past its deadline and grace
// days when the message came) is still routed to by the certain steps, and by content alone when
// no open one would have the message.
import type { Rules } from '../rules/types.js';
import type { FoldedText } from '../text/folded-text.js';
import { activeConsultations, rulesFor } from '../rules/views.js';
import type { IntakeContext } from './context.js';
import { placesOf, scoreCommitments, type HitPlace } from './commitments.js';
import { findReceivedTime } from './deadline.js';
import { RETURNING, returnedMessageIds } from './follow-up.js';
import { judgeRelevance, type RelevanceFinding, aloneSteps } from './relevance.js';
import { fileNameTexts, subjectText } from './message-texts.js';
import { addressesOf, recipients } from './addresses.js';
import type { CommitmentMatch, ConsultationChoice, OtherConsultation, RouteCode } from './types.js';
import type { OwnTexts } from './attachment-own-words.js';
import { textsByHeading } from './sections.js';

export interface RouteFinding {
  /** The rules the message is judged by from here on: the chosen consultation's, else the likeliest one's. */
  rules: Rules;
  /** The consultation and why; null when no step named one (the content then decides relevance). */
  choice: ConsultationChoice | null;
  /** The consultations it could belong to when no step could tell them apart (held for review). */
  uncertain: string[] | null;
  /** Held between consultations: each other one in question, with the commitments its words address there. */
  others?: OtherConsultation[];
  /** Commitments and relevance under `rules`, when content was compared (the next stages reuse them). */
  judged: { commitments: CommitmentMatch[]; relevance: RelevanceFinding } | null;
  /** No consultation is switched on: nothing belongs anywhere. */
  none: boolean;
  /**
   * Input in parts headed for each consultation: the sender's own texts with the other
   * consultations' parts blanked, for the commitments under `rules` (sections.ts). Absent: all of them.
   */
  texts?: OwnTexts;
}

type Context = Pick<IntakeContext, 'message' | 'own' | 'texts' | 'automatic' | 'sender' | 'thread' | 'rules' | 'options'> & {
  /** Input in parts headed for each consultation: each one's own texts, the others' parts blanked (sections.ts). */
  parts?: Map<Rules, OwnTexts> | null;
};

const patterns = new WeakMap<Rules, RegExp>();

/** The case number as people write it: 17/1886, 2017/1886, 17/01886, 17 / 1886, 17/1886-108. */
export function caseNumberPattern(view: Rules): RegExp {
  let p = patterns.get(view);
  if (!p) {
    const [year, seq] = view.consultation.caseNumber.split('/') as [string, string];
    const yy = year.slice(-2);
    p = new RegExp(`(?<![\\d/])(?:20)?${yy} ?/ ?0*${Number(seq)}(?!\\d)`);
    patterns.set(view, p);
  }
  return p;
}

const choice = (id: string, code: RouteCode, text: string): ConsultationChoice => ({ id, reason: { code, text } });

export function routeConsultation(context: Context): RouteFinding {
  const active = activeConsultations(context.rules);
  if (active.length === 0 || !context.message.isMail) {
    return { rules: active[0] ?? rulesFor(context.rules, null), choice: null, uncertain: null, judged: null, none: active.length === 0 };
  }
  const parts = textsByHeading(context.texts, active, namesInHeading);
  const found = routeAmong({ ...context, parts }, active);
  const texts = parts?.get(found.rules);
  return texts ? { ...found, texts } : found;
}

function routeAmong(c: Context, active: Rules[]): RouteFinding {
  const decided = (view: Rules, code: RouteCode, text: string): RouteFinding => ({ rules: view, choice: choice(view.consultation.id, code, text), uncertain: null, judged: null, none: false });
  // 0. A person's choice (a caseworker's decision): certain, whatever the message says.
  const person = c.options.consultation === undefined ? undefined : c.rules.consultations.find((v) => v.consultation.id === c.options.consultation);
  if (person) return decided(person, 'person', `valgt av saksbehandler: ${person.consultation.shortTitle}`);
  let candidates = active;
  const narrow = (found: Rules[]): Rules | null => {
    if (found.length === 1) return found[0]!;
    if (found.length > 1) candidates = found;
    return null;
  };

  // 1. The thread: the invitation's, or that of a record or receipt of one consultation.
  const thread = c.thread.consultation === '' ? c.rules.routing.default : c.thread.consultation;
  const byThread = candidates.find((v) => v.consultation.id === thread);
  if (byThread) return decided(byThread, 'thread', `svar i tråden til invitasjonen eller et innspill i ${byThread.consultation.shortTitle}`);

  // 1b. The sender's own words name two consultations (their case, law or plan by name): input to
  // both in one message, whatever its address or case number says. A person decides; filed once.
  const named = candidates.filter((v) => namedInOwnWords(c, v));
  if (named.length > 1) {
    const both = namingBoth(c, named);
    if (both) return both;
  }

  // 1c. The sender says the mail answers several consultations ("Vi svarer på begge invitasjonene i
  // én e-post"), or its subject names several ("Innspill til OGP 4B og PBL-høringen"): held between
  // those its words address, when they are more than one — whatever its address says, and even
  // where one consultation's words are much the longer.
  const says = c.rules.answersSeveral.size > 0 && c.rules.answersSeveral.first(c.texts.segments.map((s) => s.text)) !== null;
  if (says || candidates.filter((v) => namedIn([subjectText(c.message)], v)).length > 1) {
    const addressed = candidates.map((v) => judgeContent(c, v)).filter((j) => j.commitments.length > 0);
    const why = says ? 'svarer på flere innspillsrunder i samme e-post' : 'emnefeltet nevner flere innspillsrunder';
    const several = addressed.length > 1 ? holdBetween(addressed, why) : null;
    if (several) return several;
  }

  // 2. The case number: in the subject, then anywhere in the text (quoted letter and attachments too).
  const subjectHits = candidates.filter((v) => caseNumberPattern(v).test(c.message.subject));
  const one = narrow(subjectHits);
  if (one) return decided(one, 'case-number', `saksnummeret ${one.consultation.caseNumber} står i emnefeltet`);
  // Two case numbers in the subject name two consultations as plainly as their names in the text
  // do: held between them when the content is input to one of them, never decided by content.
  if (subjectHits.length > 1) {
    const both = namingBoth(c, subjectHits);
    if (both) return both;
  }
  if (subjectHits.length === 0) {
    const texts = [c.message.text, c.message.reportText, ...c.message.forwarded.map((f) => `${f.subject}\n${f.text}`), ...c.texts.whole.map((t) => t.original)];
    const textHits = candidates.filter((v) => texts.some((t) => caseNumberPattern(v).test(t)));
    const inText = narrow(textHits);
    if (inText) return decided(inText, 'case-number', `saksnummeret ${inText.consultation.caseNumber} står i teksten`);
  }

  // 3. The invitation letter quoted.
  const quoting = candidates.filter((v) => (c.own.letterLinesBy[v.consultation.id] ?? 0) >= v.relevance.quotedLetter.minLines);
  const byLetter = narrow(quoting);
  if (byLetter) return decided(byLetter, 'quoted-letter', `siterer invitasjonsbrevet til ${byLetter.consultation.shortTitle}`);

  // 4. An address of the consultation's own.
  const to = recipients(c.message.headers);
  const byAddress = narrow(candidates.filter((v) => addressesOf(v).some((a) => to.includes(a))));
  if (byAddress) return decided(byAddress, 'address', `sendt til adressen for ${byAddress.consultation.shortTitle}`);

  // A delivery report returning a message that is none of ours (no invitation, record or receipt:
  // step 1 would have found it) bounced another letter of the ministry's, whatever it names.
  if (c.thread.consultation === null && RETURNING.has(c.automatic.kind ?? '') && returnedMessageIds(c.message).length > 0) {
    const text = 'en leveringsrapport for en annen melding enn invitasjonen, et innspill eller en kvittering';
    const relevance: RelevanceFinding = { relevant: false, score: 0, reasons: [text], reasonCodes: ['returned-other-letter'], suspicious: false };
    return { rules: candidates[0]!, choice: null, uncertain: null, judged: { commitments: [], relevance }, none: false };
  }

  // 5. The content, against each consultation still in question.
  if (candidates.length === 1) {
    const only = candidates[0]!;
    return { rules: only, choice: choice(only.consultation.id, 'content', `den eneste åpne innspillsrunden: ${only.consultation.shortTitle}`), uncertain: null, judged: null, none: false };
  }
  return byContent(c, candidates);
}

/** Whether a heading of input in parts names the consultation: its case number, or its case, law or plan by name (sections.ts). */
export const namesInHeading = (heading: FoldedText, view: Rules): boolean => caseNumberPattern(view).test(heading.original) || namedIn([heading], view);

/** Whether one of the texts names the consultation (its `names: true` signals: its case, law or plan by name). */
function namedIn(texts: FoldedText[], view: Rules): boolean {
  return view.relevance.signals.some((s) => s.names && s.matcher.first(texts) !== null && !(s.unless.size > 0 && s.unless.first(texts)));
}

/**
 * The consultation named in the sender's own words by one of its `names` signals — not only
 * inside what the reply refers to (its commitments' `context` phrases: "KS har sendt eget
 * høringssvar om plan- og bygningsloven" names another submission, not input to this one). A
 * signal for the subject names a consultation in a subject (a heading, a file's name), not in the
 * words: "Innspill til lovendring" names the law hearing, "en lovendring" in a text on the plan's
 * register does not.
 */
function namedInOwnWords(c: Context, view: Rules): boolean {
  const own = c.texts.segments.map((s) => s.text);
  if (own.length === 0) return false;
  const context = view.commitments.context;
  return view.relevance.signals.some((s) => {
    if (!s.names || s.where === 'subject' || s.matcher.first(own) === null || (s.unless.size > 0 && s.unless.first(own))) return false;
    if (context.size === 0) return true;
    return own.some((text) => {
      const refers = context.find(text);
      return s.matcher.find(text).some((h) => !refers.some((r) => r.start <= h.start && h.end <= r.end));
    });
  });
}

/**
 * A message whose own words name several consultations is held between them when its content
 * makes it input to at least one of them (judged under the likeliest); naming alone, in mail that
 * is no one's input, decides nothing.
 */
function namingBoth(c: Context, named: Rules[]): RouteFinding | null {
  return holdBetween(named.map((view) => judgeContent(c, view)), 'nevner flere innspillsrunder ved navn');
}

/** Held between the consultations judged, under the likeliest, when it is input to at least one of them. */
function holdBetween(candidates: Judged[], why: string): RouteFinding | null {
  const judged = [...candidates].sort((a, b) => b.relevance.score - a.relevance.score);
  const first = judged[0]!;
  if (!judged.some((j) => j.relevance.relevant) || first.bound) return null;
  return {
    rules: first.view,
    choice: choice(first.view.consultation.id, 'uncertain', `${why} (${judged.map(inWords).join('; ')})`),
    uncertain: judged.map((j) => j.view.consultation.id),
    others: judged.slice(1).map(other),
    judged: { commitments: first.commitments, relevance: first.relevance },
    none: false,
  };
}

type Judged = ReturnType<typeof judgeContent>;

/** A consultation in question and what the message's words address there, for the caseworker who decides. */
const inWords = (j: Judged): string => `${j.view.consultation.shortTitle}: ${j.commitments.length > 0 ? j.commitments.map((m) => m.id).join(', ') : 'ingen forpliktelse funnet'}`;

/** Another consultation in question, with the commitments its words address there (none where content could not make it that one's). */
const other = (j: Judged): OtherConsultation => ({ id: j.view.consultation.id, commitments: j.bound ? [] : j.commitments });

/** The highest commitment score a text can have: relevance with it is the most a consultation can give. */
const ANY_COMMITMENT = [{ id: '', score: Number.POSITIVE_INFINITY, evidence: [] }];

/**
 * One consultation's relevance for the message. The commitments (the costly part) are scored only
 * when the consultation could reach its uncertain band even with the strongest commitment words:
 * relevance only grows with the commitment score, so below that the message is not its in any case.
 */
function judgeContent(c: Context, view: Rules): { view: Rules; commitments: CommitmentMatch[]; relevance: RelevanceFinding; bound: boolean } {
  const r = view.relevance;
  const most = judgeRelevance({ ...c, commitments: ANY_COMMITMENT, rules: view });
  // `bound`: the commitments were not scored (the stages judge it afresh if it is chosen). Its
  // relevance is the score without them, what the rest of the message gives: compared with another
  // consultation's real score, the most it could be would put it first for words it may not have.
  if (most.score < r.threshold + Math.min(0, r.review.relevance.from)) {
    return { view, commitments: [], relevance: { ...judgeRelevance({ ...c, commitments: [], rules: view }), relevant: false }, bound: true };
  }
  const commitments = scoreCommitments({ texts: c.parts?.get(view) ?? c.texts, rules: view });
  // Relevance counts the commitment score only against its thresholds (and whether one is found at
  // all): when the real score reaches every one the strongest did, the relevance is the one already judged.
  const top = commitments[0]?.score ?? 0;
  const words = r.commitmentWords;
  if (top > 0 && top >= words.minScore && aloneSteps(words).every((step) => top >= step.minScore)) return { view, commitments, relevance: most, bound: false };
  return { view, commitments, relevance: judgeRelevance({ ...c, commitments, rules: view }), bound: false };
}

/** The relevance reasons that come from the commitments' words alone (no signal, thread, address or letter of its own). */
const FROM_COMMITMENT_WORDS: ReadonlySet<string> = new Set(['commitment-words', 'commitment-words-alone']);

const overlaps = (a: HitPlace, b: HitPlace) => a.segment === b.segment && a.start < b.end && b.start < a.end;

/**
 * Of consultations whose content scores are too close to tell apart, the one the words decide:
 * every other one is relevant by its commitments' words alone, and each of those words stands
 * where a word of this one's commitments stands too ("plan- og byggesaksprosesser" is both a
 * building case and a planning process); this one has words of its own besides ("eInnsyn").
 * Words both claim say nothing about which one the sender wrote to. Null when that is not so.
 */
function ownWordsDecide<J extends { commitments: CommitmentMatch[]; relevance: RelevanceFinding }>(close: J[]): J | null {
  if (close.length < 2) return null;
  const places = close.map((j) => j.commitments.flatMap(placesOf));
  const own = places.map((mine, i) => mine.filter((p) => !places.some((theirs, k) => k !== i && theirs.some((q) => overlaps(p, q)))));
  const withOwn = close.flatMap((_, i) => (own[i]!.length > 0 ? [i] : []));
  if (withOwn.length !== 1) return null;
  const decides = withOwn[0]!;
  const othersByWordsAlone = close.every(
    (j, i) => i === decides || (places[i]!.length > 0 && j.relevance.reasonCodes.every((code) => FROM_COMMITMENT_WORDS.has(code))),
  );
  return othersByWordsAlone ? close[decides]! : null;
}

function byContent(c: Context, candidates: Rules[]): RouteFinding {
  // A consultation closed when the message came gives way to an open one; when no open one takes
  // it, the closed ones are judged too (a late reply to a closed consultation is filed, as late).
  const received = findReceivedTime({ message: c.message, options: c.options, rules: candidates[0]! }).receivedAt;
  const open = received === null ? candidates : candidates.filter((v) => received.getTime() <= v.consultation.closesAt.getTime());
  // Compared by what the words say: points for who sent it (an invited organisation) would make
  // an organisation invited to one consultation outweigh its words on another.
  const content = (j: { relevance: RelevanceFinding }) => j.relevance.score - (j.relevance.senderPoints ?? 0);
  // Equal scores (most often 0: a short note whose document could not be read, held for a person)
  // go to the consultation whose commitments the words touch at all, then to the one the subject
  // or a file's name names ("Unio innspill OGP.doc"), then to the one still collecting input when
  // it came, the sooner deadline first (input comes before a deadline): the caseworker who looks
  // sees it under the consultation it is most likely for, not under whichever is listed first.
  const named = new Map<Rules, boolean>();
  const namesIt = (view: Rules) => {
    if (!named.has(view)) named.set(view, namedIn([subjectText(c.message), ...fileNameTexts(c.message)], view));
    return named.get(view)! ? 1 : 0;
  };
  const top = (j: Judged) => j.commitments[0]?.score ?? 0;
  // Before its deadline: the deadline's time (sooner first); after it: after every open one.
  const collecting = (view: Rules) => {
    const deadline = view.consultation.deadlineAt.getTime();
    return received === null || received.getTime() <= deadline ? deadline : Number.MAX_SAFE_INTEGER;
  };
  const judge = (views: Rules[]) =>
    views
      .map((view) => judgeContent(c, view))
      .sort((a, b) => content(b) - content(a) || top(b) - top(a) || namesIt(b.view) - namesIt(a.view) || collecting(a.view) - collecting(b.view));
  let judged = judge(open.length > 0 ? open : candidates);
  if (open.length > 0 && open.length < candidates.length && !judged.some((j) => j.relevance.relevant)) {
    const closed = judge(candidates.filter((v) => !open.includes(v)));
    if (closed.some((j) => j.relevance.relevant)) judged = closed;
  }
  const relevant = judged.filter((j) => j.relevance.relevant);
  const best = judged[0]!;
  const keep = best.bound ? null : { commitments: best.commitments, relevance: best.relevance };
  if (relevant.length === 0) return { rules: best.view, choice: null, uncertain: null, judged: keep, none: false };
  const [first, second] = relevant as [typeof best, typeof best | undefined];
  if (second === undefined || content(first) - content(second) >= c.rules.routing.contentMargin) {
    const runnerUp = second ? ` (${second.view.consultation.shortTitle}: ${second.relevance.score})` : '';
    return {
      rules: first.view,
      choice: choice(first.view.consultation.id, 'content', `innholdet: ${first.relevance.score} poeng for ${first.view.consultation.shortTitle}${runnerUp}`),
      uncertain: null,
      judged: { commitments: first.commitments, relevance: first.relevance },
      none: false,
    };
  }
  const close = relevant.filter((j) => content(first) - content(j) < c.rules.routing.contentMargin);
  // Of consultations too close to tell apart by content, the one the subject names ("Høyring plan-
  // og bygningslova" over a text on children's say that OGP's youth panel also speaks of).
  const inSubject = close.filter((j) => namedIn([subjectText(c.message)], j.view));
  if (inSubject.length === 1) {
    const named = inSubject[0]!;
    return {
      rules: named.view,
      choice: choice(named.view.consultation.id, 'content', `innholdet: ${named.relevance.score} poeng for ${named.view.consultation.shortTitle}, som emnefeltet nevner`),
      uncertain: null,
      judged: { commitments: named.commitments, relevance: named.relevance },
      none: false,
    };
  }
  const byOwnWords = ownWordsDecide(close);
  if (byOwnWords) {
    const rest = close.filter((j) => j !== byOwnWords);
    return {
      rules: byOwnWords.view,
      choice: choice(
        byOwnWords.view.consultation.id,
        'content',
        `innholdet: ${byOwnWords.relevance.score} poeng for ${byOwnWords.view.consultation.shortTitle}; ordene som taler for ${rest.map((j) => j.view.consultation.shortTitle).join(', ')}, taler like mye for den`,
      ),
      uncertain: null,
      judged: { commitments: byOwnWords.commitments, relevance: byOwnWords.relevance },
      none: false,
    };
  }
  return {
    rules: first.view,
    choice: choice(
      first.view.consultation.id,
      'uncertain',
      `kan høre til flere innspillsrunder (${close.map((j) => `${inWords(j)}, ${j.relevance.score} poeng`).join('; ')})`,
    ),
    uncertain: close.map((j) => j.view.consultation.id),
    others: close.slice(1).map(other),
    judged: { commitments: first.commitments, relevance: first.relevance },
    none: false,
  };
}
