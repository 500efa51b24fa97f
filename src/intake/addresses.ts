// The addresses a message was sent to, and a consultation's own addresses: routing sends mail to
// a consultation's own address to it, and relevance counts it.
import type { Rules } from '../rules/types.js';

const EMAIL = /[^\s<>,;:"'()[\]]+@[^\s<>,;:"'()[\]]+\.[a-z]{2,}/gi;

/** The addresses a message was sent to (To, Cc and the delivery headers), lower-cased. */
export function recipients(headers: Map<string, string[]>): string[] {
  const out: string[] = [];
  for (const h of ['to', 'cc', 'delivered-to', 'x-original-to']) for (const v of headers.get(h) ?? []) out.push(...(v.toLowerCase().match(EMAIL) ?? []));
  return out;
}

/** A consultation's own addresses, and its mailbox with "+<id>" or "+<idPrefix>" (plus addressing). */
export function addressesOf(view: Rules): string[] {
  const c = view.consultation;
  const [local, domain] = c.mailbox.toLowerCase().split('@') as [string, string];
  const tags = [c.id, c.idPrefix].filter((t) => t.length > 0);
  return [...c.addresses.map((a) => a.toLowerCase()), ...tags.map((t) => `${local}+${t}@${domain}`)];
}

/** Sent to one of the consultation's own addresses. */
export function sentToOwnAddress(headers: Map<string, string[]>, view: Rules): boolean {
  const own = addressesOf(view);
  return own.length > 0 && recipients(headers).some((a) => own.includes(a));
}
