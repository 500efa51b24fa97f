// The public title (offentligTittel) of a submission: the title as the sender wrote it, with a
// private person's name, e-mail address and postal address screened, as the archive law expects
// of a public journal. An organisation's name stays. One function for every export that shows a
// public title (the journal listing and the arkivmelding), so they can never disagree.
//
// A sender is an organisation when intake decided one (src/intake/sender.ts: the From domain is
// in the register and was not forged); every other sender is a private person.
import { oneLine } from '../digest/sender-text.js';
import type { SubmissionRecord } from '../store/record.js';

/** The title a submission is registered under: its subject on one line, never empty. */
export function titleOf(r: SubmissionRecord): string {
  return oneLine(r.subject) || 'Innspill uten emne';
}

export function isPrivateSender(r: SubmissionRecord): boolean {
  return r.sender.organisation === null;
}

/** Stands for one screened stretch while the title is worked on (removed from the input first). */
const MARK = '\uE000';

const EMAIL = /[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
/** A street address: a street name ending like Norwegian street names do, a house number, maybe a post code and place. */
const STREET =
  /(?:\p{Lu}[\p{L}'.-]*\s+){0,2}[\p{L}'.-]*(?:gata|gaten|gate|veien|vegen|vei|veg|allé|alle|plassen|plass|stien|sti|bakken|svingen|tunet|brygge|kaia|kroken|ringen|lia|haugen|tun)\s+\d{1,4}\s?[A-Za-z]?(?![\p{L}\p{N}])(?:\s*,?\s*\d{4}\s+\p{Lu}[\p{L}-]+)?/gu;
const POST_BOX = /\bpostboks\s+\d+(?:\s*,?\s*\d{4}\s+\p{Lu}[\p{L}-]+)?/giu;
/** A post code and place after a comma ("…, 0155 Oslo"): the tail of an address. */
const POST_CODE = /(?<=,\s*)\d{4}\s+\p{Lu}[\p{L}-]+/gu;

/** The words that name a private sender: from the display name and the address's local part. */
export function personWords(r: SubmissionRecord): string[] {
  const words = new Set<string>();
  const add = (text: string) => {
    for (const w of text.normalize('NFC').split(/[^\p{L}]+/u)) if (w.length >= 2) words.add(w.toLocaleLowerCase('nb'));
  };
  add(r.from?.name ?? '');
  add(r.sender.hints.displayName ?? '');
  const local = r.from?.address.split('@')[0] ?? '';
  // "kari.nordmann", "kari_nordmann": name parts; "kn1970" says nothing.
  for (const part of local.split(/[._+-]+/)) if (/^\p{L}{2,}$/u.test(part)) add(part);
  return [...words].sort((a, b) => b.length - a.length);
}

/**
 * Text with what identifies a private person replaced by `mask`: their name's words, e-mail
 * addresses and postal addresses. For an organisation's submission only e-mail addresses go (an
 * address in a title is a person's as often as not); the organisation's and people's names stay.
 */
export function screenText(text: string, r: SubmissionRecord, mask: string): string {
  let s = oneLine(text.normalize('NFC').replaceAll(MARK, ''));
  s = s.replace(EMAIL, MARK);
  if (isPrivateSender(r)) {
    s = s.replace(STREET, MARK).replace(POST_BOX, MARK).replace(POST_CODE, MARK);
    const words = new Set(personWords(r));
    if (words.size > 0) {
      s = s.replace(/\p{L}+/gu, (w) => (words.has(w.toLocaleLowerCase('nb')) ? MARK : w));
    }
  }
  // "Kari Nordmann" is one screened stretch, not two.
  return s.replace(new RegExp(`${MARK}(?:[\\s,.-]*${MARK})*`, 'gu'), mask);
}

/** Text with every e-mail address replaced by `mask` (for listings that may be read by anyone). */
export function withoutEmailAddresses(text: string, mask: string): string {
  return text.replace(EMAIL, mask);
}

/** offentligTittel: the title with a private person's name and address screened. */
export function publicTitle(r: SubmissionRecord, mask: string): string {
  return screenText(titleOf(r), r, mask);
}
