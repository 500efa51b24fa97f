// Every Message-ID a message's header could name, found without parsing the message: what the
// daemon looks up in its thread index before a worker reads the message (the worker cannot ask the
// store). A superset is fine (an id named elsewhere in the header is looked up for nothing); the
// worker reports any id intake asked about that is not in this list, and the daemon then reads the
// message itself (see pipeline.ts).

/**
 * Where a raw message's header block ends: at its first empty line (CRLF or LF), or at `limit`
 * (default: the whole message) when there is none before it.
 */
export function headerEnd(raw: Buffer, limit = raw.length): number {
  const ends = [raw.indexOf('\r\n\r\n'), raw.indexOf('\n\n')].filter((i) => i >= 0 && i < limit);
  return ends.length > 0 ? Math.min(...ends) : limit;
}

/**
 * Up to this size the whole message is searched too: a bounce quotes the headers of the message it
 * returns (text/rfc822-headers, message/rfc822), and intake looks those ids up as well.
 */
export const SEARCH_BODY_BYTES = 512 * 1024;

/**
 * Every <…> token in the header, In-Reply-To's and References' values as written when they have no
 * angle brackets, and (in a message up to SEARCH_BODY_BYTES) every <…@…> token of the rest.
 */
export function headerMessageIds(raw: Buffer): string[] {
  const header = raw.subarray(0, headerEnd(raw)).toString('latin1');
  const ids = new Set<string>();
  for (const m of header.matchAll(/<[^<>\s]+>/g)) ids.add(m[0]);
  if (raw.length <= SEARCH_BODY_BYTES) for (const m of raw.toString('latin1').matchAll(/<[^<>\s@]+@[^<>\s]+>/g)) ids.add(m[0]);
  // Unfolded, a header without brackets (In-Reply-To: abc@x) is taken whole, as the parser does.
  for (const m of header.replace(/\r?\n[ \t]+/g, ' ').matchAll(/^(?:in-reply-to|references):[ \t]*(.*)$/gim)) {
    const value = m[1]!.trim();
    if (value) ids.add(value);
  }
  return [...ids];
}
