// The parsed message's own texts (its subject, body, report, forwarded messages and file names), each folded
// once per message for every stage that looks in it: automatic mail, routing, relevance and review
// all ask about the subject, and routing judges the message against several consultations. One
// FoldedText per text means its folding, word index and each term's matches (terms.ts keeps them
// by text) are made once, however many stages and consultations ask.
import { FoldedText } from '../text/folded-text.js';
import type { ParsedMessage } from './parse.js';

const subjects = new WeakMap<ParsedMessage, FoldedText>();
const parts = new WeakMap<ParsedMessage, FoldedText[]>();
const fileNames = new WeakMap<ParsedMessage, FoldedText[]>();

/** The subject, folded. */
export function subjectText(msg: ParsedMessage): FoldedText {
  let f = subjects.get(msg);
  if (!f) subjects.set(msg, (f = new FoldedText(msg.subject)));
  return f;
}

/** The body with its quotes, the report parts, then each forwarded message (its subject and text), folded. */
export function bodyTexts(msg: ParsedMessage): FoldedText[] {
  let f = parts.get(msg);
  if (!f) parts.set(msg, (f = [new FoldedText(msg.text), new FoldedText(msg.reportText), ...msg.forwarded.map((x) => new FoldedText(`${x.subject}\n${x.text}`))]));
  return f;
}

/** The names of the message's own files (not those inside a forwarded message), folded: routing asks whether one names a consultation. */
export function fileNameTexts(msg: ParsedMessage): FoldedText[] {
  let f = fileNames.get(msg);
  if (!f) fileNames.set(msg, (f = msg.parts.filter((p) => !p.nested && p.filename !== '').map((p) => new FoldedText(p.filename))));
  return f;
}
