// Stage 3 (own words): the sender's own words. Replies quote the whole invitation letter, which names every
// commitment; quoted mail, signatures, disclaimers and phone footers must not drive classification.
// Forwarded input (someone passing on an organisation's comments) does count.
import type { Rules } from '../rules/types.js';
import { foldText } from '../text/fold.js';
import type { IntakeContext } from './context.js';

export interface OwnWords {
  /** The sender's own words, forwarded input included. */
  text: string;
  /** Lines of an invitation letter found anywhere in the body (quoted or not). */
  letterLines: number;
  /** The same, for each consultation's letter (by its id). */
  letterLinesBy: Record<string, number>;
  /**
   * A letter's sentence quoted inside a line of the sender's own ("I brevet står det: «Det er viktig
   * at så mange som mulig …»"), counted for each consultation's letter (by its id; absent: none).
   */
  letterQuotesBy: Record<string, number>;
  /** The first signature block cut off, as a hint for caseworkers. */
  signature: string | null;
  /** The original sender named in a forwarded block, if the message forwards someone's input. */
  forwardedFrom: string | null;
}

type LineState = 'own' | 'forwarded' | 'quoted' | 'meta';

/** Lower-case, without leading quote marks, bullets or markdown stars. */
function prepare(line: string): string {
  return foldText(line).replace(/^[\s>*_|]+/, '').replace(/\*+/g, '').trim();
}

const FIELD_INLINE = /\s(sendt|sent|dato|date|til|to|emne|subject)\s*:/;
const FORWARD_FIELD = /^(fra|frå|from|dato|date|sendt|sent|til|to|emne|subject|kopi|cc|reply-to|svar til|svar-til)\s*:/;
/** A header field line of a quoted or forwarded mail ("Fra: …", "> Emne: …", "Sent: …"). */
export function isHeaderFieldLine(line: string): boolean {
  return FORWARD_FIELD.test(prepare(line));
}
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
/** A header field line at least this long may have been wrapped by the sender's mail program. */
const WRAPPED_FIELD = 60;

interface Segmenter {
  rules: Rules['ownWords'];
  lines: string[];
  prepared: string[];
}

function isHeaderBlock(s: Segmenter, i: number): boolean {
  const first = s.prepared[i]!;
  if (!s.rules.headerFrom.test(first)) return false;
  if (FIELD_INLINE.test(first)) return true;
  let found = 0;
  for (let k = i + 1; k < s.lines.length && k <= i + s.rules.headerWindow; k++) {
    if (s.rules.headerOthers.some((r) => r.test(s.prepared[k]!))) found++;
  }
  return found >= 1;
}

function isAttribution(s: Segmenter, i: number): boolean {
  const line = s.prepared[i]!;
  if (line.length === 0 || line.length > 300) return false;
  if (s.rules.attribution.some((r) => r.test(line))) return true;
  // Gmail wraps long attributions over two lines.
  const next = s.prepared[i + 1];
  return next !== undefined && next.length > 0 && s.rules.attribution.some((r) => r.test(`${line} ${next}`));
}

function nextNonEmpty(lines: string[], i: number): string | undefined {
  for (let k = i; k < lines.length; k++) if (lines[k]!.trim().length > 0) return lines[k];
  return undefined;
}

/** Marks every line of a body as own words, forwarded input, quoted mail or header lines. */
function segment(text: string, subject: string, rules: Rules): { lines: string[]; states: LineState[]; forwardedFrom: string | null; letterOnTop: boolean } {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const s: Segmenter = { rules: rules.ownWords, lines, prepared: lines.map(prepare) };
  const states: LineState[] = new Array<LineState>(lines.length).fill('own');
  const forwardSubject = rules.ownWords.forwardSubject.test(foldText(subject));
  let state: 'own' | 'forwarded' | 'quoted' = 'own';
  let forwardedFrom: string | null = null;
  let sawOwnText = false;
  // The sender said the answers stand inline in the quoted mail; `interleaved`: the first quote below read so.
  let announced = false;
  let interleaved = false;
  // The first thing in the body is a header block of the ministry's own letter (see below).
  let letterOnTop = false;

  const skipHeaderFields = (start: number): number => {
    let k = start;
    let wrapped = false;
    while (k < lines.length) {
      const p = s.prepared[k]!;
      if (p.length === 0 && k > start) break;
      const field = FORWARD_FIELD.test(p) || (k === start && (rules.ownWords.forwardSeparators.some((r) => r.test(p)) || rules.ownWords.replySeparators.some((r) => r.test(p))));
      // A long field wrapped onto a second line ("Emne: Høring – forslag til endringer i … (digital"
      // / "planbehandling, byggesaksfrister og dispensasjoner)"): the block goes on to a blank line.
      const continuation: boolean = !field && !wrapped && p.length > 0 && k > start && states[k - 1] === 'meta' && lines[k - 1]!.length >= WRAPPED_FIELD && !/^\s*>/.test(lines[k]!) && (s.prepared[k + 1] ?? '').length === 0;
      if (p.length > 0 && !field && !continuation) break;
      wrapped = continuation;
      if (/^(fra|frå|from)\s*:/.test(p) && forwardedFrom === null) forwardedFrom = EMAIL.exec(p)?.[0] ?? p.replace(/^(fra|frå|from)\s*:\s*/, '');
      states[k] = 'meta';
      k++;
    }
    return k;
  };

  // A header block from line i on is the ministry's own letter: our address in its fields, or
  // two of the letter's lines in what follows.
  const quotesOurLetter = (i: number): boolean => {
    const block = lines.slice(i, i + rules.ownWords.headerWindow + 1).join(' ').toLowerCase();
    return rules.ownAddresses.some((a) => block.includes(a.toLowerCase())) || lines.slice(i, i + 80).filter((l) => rules.letters.contains(l, true)).length >= 2;
  };

  for (let i = 0; i < lines.length; i++) {
    if (state === 'quoted') {
      states[i] = 'quoted';
      continue;
    }
    const raw = lines[i]!;
    const p = s.prepared[i]!;
    if (/^\s*>/.test(raw)) {
      states[i] = 'quoted';
      continue;
    }
    const forwardMark = rules.ownWords.forwardSeparators.some((r) => r.test(p));
    const replyMark = rules.ownWords.replySeparators.some((r) => r.test(p));
    const header = !forwardMark && !replyMark && isHeaderBlock(s, i);
    if (forwardMark || ((replyMark || header) && forwardSubject && state === 'own')) {
      // Forwarded input follows: its header fields are not words, its text is.
      const after = skipHeaderFields(forwardMark || replyMark ? i + 1 : i);
      if (forwardMark || replyMark) states[i] = 'meta';
      for (let k = i + 1; k < after; k++) states[k] = 'meta';
      state = 'forwarded';
      i = after - 1;
      continue;
    }
    if (header && !sawOwnText && state === 'own') {
      // Field lines just above (a memo heading may start with Til:) belong to the same block.
      while (i > 0 && FORWARD_FIELD.test(s.prepared[i - 1]!)) i--;
      // A block of Fra:/Til:/Emne: at the very top is a memo heading, not a quote — unless it is
      // the ministry's own letter (an empty reply with only attachments).
      if (!quotesOurLetter(i)) {
        const after = skipHeaderFields(i);
        i = after - 1;
        continue;
      }
      // The ministry's letter quoted at the very top, the answer written below it without marks:
      // read on line by line, the letter's own lines dropped (cleanRun), as when answers stand inline.
      letterOnTop = true;
    }
    if (replyMark || header) {
      // Answers written inline: the quoted mail under the separator and its header fields comes with
      // "> " marks, the sender's answers between them without. The quoted lines are marked one by
      // one (above); the rest stays the sender's own.
      const after = skipHeaderFields(replyMark ? i + 1 : i);
      const next = nextNonEmpty(lines, after);
      const marked = next !== undefined && /^\s*>/.test(next);
      // The ministry's letter under a separator at the very top ("-----Opprinnelig melding-----",
      // then the letter, then "Hei, vi har følgende innspill"): the answer is written below it,
      // read on as when the letter's header block stands at the top (letterOnTop).
      if (replyMark && !sawOwnText && state === 'own' && !letterOnTop) letterOnTop = quotesOurLetter(i);
      // Without "> " marks, when the sender said the answers stand inline ("våre kommentarer står
      // inne i teksten"): the first quote's lines are read as the sender's, and the invitation
      // letter's lines among them are dropped as everywhere (cleanRun).
      if (marked || ((announced || letterOnTop) && !interleaved && state === 'own')) {
        for (let k = i; k < after; k++) states[k] = 'quoted';
        interleaved ||= !marked;
        i = after - 1;
        continue;
      }
      state = 'quoted';
      states[i] = 'quoted';
      continue;
    }
    if (isAttribution(s, i)) {
      const twoLines = !s.rules.attribution.some((r) => r.test(p));
      states[i] = 'quoted';
      if (twoLines) states[i + 1] = 'quoted';
      // The quoted mail's header fields may stand between the attribution and its "> " lines
      // ("Den 15.04.2021 skrev Postmottak KMD:", "Fra: …", "Emne: …", then "> …"): they are the quote's.
      let k = i + (twoLines ? 2 : 1);
      while (k < lines.length && (s.prepared[k]!.length === 0 || FORWARD_FIELD.test(s.prepared[k]!))) k++;
      const next = lines[k];
      if (next === undefined || !/^\s*>/.test(next)) state = 'quoted';
      else {
        // Marked lines follow: the quote is read line by line, and what stands below it unmarked is the sender's.
        for (let j = i + 1; j < k; j++) states[j] = 'quoted';
        i = k - 1;
      }
      continue;
    }
    states[i] = state;
    if (p.length > 0 && !(state === 'own' && !sawOwnText && FORWARD_FIELD.test(p))) sawOwnText = true;
    if (state === 'own' && !interleaved && rules.ownWords.inlineAnswers.some((r) => r.test(p))) announced = true;
  }
  return { lines, states, forwardedFrom, letterOnTop };
}

function isClosing(rules: Rules['ownWords'], p: string): boolean {
  return rules.closings.some((r) => r.test(p));
}

function disclaimerScore(paragraph: string, terms: string[]): boolean {
  const folded = foldText(paragraph);
  let hits = 0;
  for (const t of terms) {
    if (folded.includes(t)) {
      if (t.length >= 15) return true;
      hits++;
    }
  }
  return hits >= 2;
}

/** A quotation inside a line («…», "…", “…”) long enough to be a sentence of a letter. */
const INLINE_QUOTE = /[«"“„]([^«»"“”„\n]{30,})[»"”“]/g;

/** A quotation wrapped by the sender's mail program is followed over at most this many lines. */
const QUOTE_WRAP_LINES = 3;
const OPENING_QUOTES = /[«“„]/g;
const CLOSING_QUOTES = /[»”]/g;

/**
 * How many of the lines after line `i` a quotation opened in it and closed later runs into
 * (Invitasjonen sier at «Det overordnede målet med OGP er å bidra til økt⏎velstand for
 * befolkningen.»): 0 when it opens no quotation, closes it on the same line, or is not closed
 * within QUOTE_WRAP_LINES lines (or before a blank line). Straight quotes (") open and close
 * alike and are not followed.
 */
function quoteWrappedFrom(lines: string[], i: number): number {
  const open = (l: string) => (l.match(OPENING_QUOTES)?.length ?? 0) - (l.match(CLOSING_QUOTES)?.length ?? 0);
  let depth = open(lines[i]!);
  if (depth <= 0) return 0;
  for (let k = 1; k <= QUOTE_WRAP_LINES && i + k < lines.length; k++) {
    const next = lines[i + k]!;
    if (next.trim() === '') return 0;
    depth += open(next);
    if (depth <= 0) return k;
  }
  return 0;
}

/**
 * A line with the letter quoted inside it ("I brevet står det: «Vi ber nå Interessentforumet …»"):
 * the quotation is the letter's words, not the sender's, and is left out («…»); the rest stays.
 */
function withoutLetterQuotes(line: string, rules: Rules, quotesBy: Record<string, number>): string {
  if (!/[«"“„]/.test(line)) return line;
  return line.replace(INLINE_QUOTE, (quote, inner: string) => {
    const ids = rules.letters.piecesOf(inner);
    for (const id of ids) quotesBy[id] = (quotesBy[id] ?? 0) + 1;
    return ids.length > 0 ? '«…»' : quote;
  });
}

/** How many lines after a closing are taken for the signature ("Med vennlig hilsen", name, title, …). */
const SIGNATURE_LINES = 6;

const signOffNames = new WeakMap<Rules, Set<string>>();

/**
 * The names the ministry signs its letters with, folded: each consultation's `ministry` in its
 * parts ("Kommunal- og moderniseringsdepartementet (KMD), Avdeling for IT- og forvaltningspolitikk"
 * gives the ministry, KMD and the department).
 */
function ministryNames(rules: Rules): Set<string> {
  let names = signOffNames.get(rules);
  if (!names) {
    const all = [rules, ...rules.consultations].map((r) => r.consultation.ministry);
    names = new Set(all.flatMap((m) => m.split(/[(),]/).map((part) => foldText(part).trim()).filter((part) => part.length > 0)));
    signOffNames.set(rules, names);
  }
  return names;
}

/**
 * How many lines from a closing at `i` are the ministry's own sign-off: down to the last line, in
 * the block before the next blank line, that names the ministry or one of its mailboxes (what
 * follows it may be the sender's answer, written without a blank line); 0 when the block is
 * somebody else's.
 */
function ministrySignOff(lines: string[], i: number, rules: Rules): number {
  const names = ministryNames(rules);
  let last = 0;
  for (let k = i + 1; k < lines.length && k < i + SIGNATURE_LINES && lines[k]!.trim().length > 0; k++) {
    const line = lines[k]!.toLowerCase();
    if (names.has(prepare(line)) || rules.ownAddresses.some((a) => line.includes(a.toLowerCase()))) last = k;
  }
  return last > 0 ? last - i + 1 : 0;
}

/** A numbered heading of the letter ("3. Dispensasjoner"), short enough to be one. */
const NUMBERED_HEADING = /^\s*\d{1,2}[.)]\s+\S.{0,58}$/;

/**
 * A letter's numbered heading the sender writes their own text under, on the very next line ("3.
 * Dispensasjoner", then "Vi er bekymret for at skjerpede vilkår …"): their heading, which says what
 * the point is about, not a quotation. Under it the letter's own paragraph (the letter pasted in),
 * or an empty line (the end of a letter quoted above the answer), leaves it the letter's.
 */
function ownHeading(lines: string[], i: number, rules: Rules): boolean {
  const next = lines[i + 1];
  return NUMBERED_HEADING.test(lines[i]!) && next !== undefined && next.trim().length > 0 && !NUMBERED_HEADING.test(next) && !rules.letters.contains(next);
}

/**
 * Own lines of one contiguous run: closing and signature cut, footers and disclaimers dropped.
 * `letterAbove`: the run begins with the ministry's letter quoted without marks at the top of the
 * body; that letter's closing and sign-off (the first closing, when it names the ministry) are
 * skipped, and the sender's answer below them is kept.
 */
function cleanRun(lines: string[], rules: Rules, signatures: string[], quotesBy: Record<string, number>, letterAbove = false): string[] {
  const ow = rules.ownWords;
  const kept: string[] = [];
  let letterClosing = letterAbove;
  for (let i = 0; i < lines.length; i++) {
    const p = prepare(lines[i]!);
    if (isClosing(ow, p)) {
      const skip = letterClosing ? ministrySignOff(lines, i, rules) : 0;
      letterClosing = false;
      if (skip > 0) {
        i += skip - 1;
        continue;
      }
      // From the closing on, the rest of this run is the signature.
      signatures.push(lines.slice(i, i + SIGNATURE_LINES).map((l) => l.trim()).filter(Boolean).join('\n'));
      break;
    }
    if (ow.deviceLines.some((r) => r.test(p))) continue;
    if (rules.letters.contains(lines[i]!) && !ownHeading(lines, i, rules)) continue;
    // A quotation of the letter wrapped over lines is taken out as one; any other quotation keeps
    // the sender's line breaks.
    const wrapped = quoteWrappedFrom(lines, i);
    if (wrapped > 0) {
      const joined = lines.slice(i, i + wrapped + 1).join(' ');
      const cleaned = withoutLetterQuotes(joined, rules, quotesBy);
      if (cleaned !== joined) {
        kept.push(cleaned);
        i += wrapped;
        continue;
      }
    }
    kept.push(withoutLetterQuotes(lines[i]!, rules, quotesBy));
  }
  // Disclaimers: whole paragraphs.
  const paragraphs = kept.join('\n').split(/\n\s*\n/);
  return paragraphs.filter((para) => !disclaimerScore(para, ow.disclaimers)).join('\n\n').split('\n');
}

interface BodyWords {
  text: string;
  letterLines: number;
  letterLinesBy: Record<string, number>;
  letterQuotesBy: Record<string, number>;
  forwardedFrom: string | null;
}

function ownWordsOfBody(text: string, subject: string, rules: Rules, signatures: string[]): BodyWords {
  const { lines, states, forwardedFrom, letterOnTop } = segment(text, subject, rules);
  const runs: string[][] = [];
  let current: string[] = [];
  let currentState: LineState | null = null;
  for (let i = 0; i < lines.length; i++) {
    const st = states[i]!;
    if (st === 'own' || st === 'forwarded') {
      if (currentState !== st && current.length > 0) {
        runs.push(current);
        current = [];
      }
      currentState = st;
      current.push(lines[i]!);
    } else if (current.length > 0) {
      // A quote or a header block ends a run: a closing above it ("Beste hilsen", then the quoted
      // mail with answers written inline) cuts only its own run, not the answers below.
      runs.push(current);
      current = [];
      currentState = null;
    }
  }
  if (current.length > 0) runs.push(current);
  const letterQuotesBy: Record<string, number> = {};
  // (only the first run can begin with the letter quoted at the top)
  const own = runs.map((run, k) => cleanRun(run, rules, signatures, letterQuotesBy, letterOnTop && k === 0).join('\n').trim()).filter((t) => t.length > 0);
  const letterLines = lines.filter((l) => rules.letters.contains(l, true)).length;
  return { text: own.join('\n\n'), letterLines, letterLinesBy: letterLines > 0 ? rules.letters.count(lines) : {}, letterQuotesBy, forwardedFrom };
}

export function findOwnWords(c: Pick<IntakeContext, 'message' | 'rules'>): OwnWords {
  return ownWordsOf(c.message.text, c.message.subject, c.message.forwarded, c.rules);
}

/** The own words of a body, with its subject and the messages it forwards. */
export function ownWordsOf(
  body: string,
  subject: string,
  forwarded: Array<{ from: { address: string } | null; subject: string; text: string }>,
  rules: Rules,
): OwnWords {
  const signatures: string[] = [];
  const main = ownWordsOfBody(body, subject, rules, signatures);
  const parts = [main.text];
  let letterLines = main.letterLines;
  const letterLinesBy = { ...main.letterLinesBy };
  const letterQuotesBy = { ...main.letterQuotesBy };
  let forwardedFrom = main.forwardedFrom;
  for (const f of forwarded) {
    // An attached message is forwarded input: its own words count, its own quotes do not.
    const inner = ownWordsOfBody(f.text, '', rules, []);
    letterLines += inner.letterLines;
    for (const [id, n] of Object.entries(inner.letterLinesBy)) letterLinesBy[id] = (letterLinesBy[id] ?? 0) + n;
    for (const [id, n] of Object.entries(inner.letterQuotesBy)) letterQuotesBy[id] = (letterQuotesBy[id] ?? 0) + n;
    if (inner.text.length > 0) {
      parts.push(inner.text);
      forwardedFrom ??= f.from?.address ?? null;
    }
  }
  return {
    text: parts.filter((p) => p.length > 0).join('\n\n'),
    letterLines,
    letterLinesBy,
    letterQuotesBy,
    signature: signatures[0] ?? null,
    forwardedFrom,
  };
}
