// What a sender wrote, made short and tidy for the digest. Escaping for HTML or Markdown is the
// renderers' job; this only shortens and removes what would break a line.

/**
 * What oneLine() would change: a control or direction-override character, whitespace other than a
 * space, two spaces in a row, or a space at either end.
 */
// eslint-disable-next-line no-control-regex
const UNTIDY = /[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]|[^\S ]| {2}|^ | $/;

/** One line of sender text: line breaks, control and direction-override characters gone. */
export function oneLine(text: string): string {
  // Most values (names, ids, dates, short subjects) are one tidy line already: returned as they are.
  if (!UNTIDY.test(text)) return text;
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]+/g, ' ').replace(/\s+/g, ' ').trim();
}

const SENTENCE_END = /(?<=[.!?…]["»”')\]]*)\s+(?=[\p{Lu}\p{N}«"“(])/u;
const EXCERPT_CHARS = 400;
const EXCERPT_SENTENCES = 3;

/**
 * Two or three sentences of the sender's own words (already without the quoted letter,
 * signatures and disclaimers), on one line, at most EXCERPT_CHARS.
 */
export function excerptOf(ownWords: string): string {
  // Only the start is ever shown: collapse what can be shown (with room for whitespace), not a whole document.
  const text = oneLine(ownWords.slice(0, EXCERPT_CHARS * 8));
  if (text.length === 0) return '';
  const sentences = text.split(SENTENCE_END);
  let excerpt = sentences[0]!;
  if (excerpt.length > EXCERPT_CHARS) return cutAtWord(excerpt, EXCERPT_CHARS);
  for (const next of sentences.slice(1, EXCERPT_SENTENCES)) {
    if (excerpt.length + 1 + next.length > EXCERPT_CHARS) break;
    excerpt = `${excerpt} ${next}`;
  }
  return excerpt;
}

/** One line and, when longer than maxChars, cut at a word with "…". */
export function clip(text: string, maxChars: number): string {
  const collapsed = oneLine(text.slice(0, maxChars * 8));
  return collapsed.length > maxChars ? cutAtWord(collapsed, maxChars) : collapsed;
}

function cutAtWord(text: string, maxChars: number): string {
  const room = text.slice(0, maxChars - 1);
  const lastSpace = room.lastIndexOf(' ');
  return `${(lastSpace > maxChars / 2 ? room.slice(0, lastSpace) : room).trimEnd()}…`;
}
