// Stage 9: does the reply only say that the sender has no comments ("ingen merknader")? Such a
// reply is still input (it gets a receipt) but is sorted under no commitment. A short text that
// says so, with no attachment of any length (or only a short letter that says so too), none of
// the words that make it a real comment, and no commitment found in its words.
import type { IntakeContext } from './context.js';
import type { FoldedText } from '../text/folded-text.js';

/** An attachment with this many words or more is a comment in itself. */
const ATTACHMENT_WORDS = 20;

export function saysNoComments(c: Pick<IntakeContext, 'texts' | 'rules' | 'commitments'>): boolean {
  // Words on a commitment beside "no comments on the rest" are a comment (the sentence that says
  // "no comments" is not counted for any commitment: commitments.ts).
  if (c.commitments.length > 0) return false;
  const [mail, ...attachments] = c.texts.segments;
  const nc = c.rules.commitments.noComments;
  const own = mail!.text;
  const short = (t: FoldedText) => t.wordCount <= nc.maxWords && nc.unless.find(t).length === 0;
  const says = (t: FoldedText) => short(t) && nc.matcher.find(t).length > 0;
  // A letter attached that itself only says "ingen merknader" is no comment either.
  const letters = attachments.filter((s) => s.text.wordCount >= ATTACHMENT_WORDS);
  if (!letters.every((s) => says(s.text))) return false;
  return says(own) || (letters.length > 0 && short(own));
}
