// Builds a complete outgoing message (headers and a text + HTML body) as bytes, with
// nodemailer's MailComposer. Every header value that came from a sender (subject, names) is
// cleaned of line breaks first, so nothing a sender writes can add a header.
import MailComposer from 'nodemailer/lib/mail-composer';
import { cleanHeaderText } from '../intake/parse.js';
import type { Config } from '../config.js';
import type { Rules } from '../rules/types.js';

/** A sender with the display name people see in their mail program. */
export interface NamedAddress {
  name: string;
  address: string;
}

/** Who receipts and digests come from: INNSPILL_FROM, named INNSPILL_FROM_NAME or else the ministry (rules/consultation.yaml). */
export function senderOf(config: Pick<Config, 'from' | 'fromName'>, rules: Pick<Rules, 'consultation'>): NamedAddress {
  return { name: config.fromName ?? rules.consultation.ministry, address: config.from };
}

export interface ComposeInput {
  from: string | NamedAddress;
  to: string[];
  subject: string;
  text: string;
  html: string;
  messageId: string;
  date: Date;
  inReplyTo?: string | null;
  references?: string[];
  headers?: Record<string, string>;
}

/** A fresh Message-ID on the given domain: <tag.random@domain>. */
export function newMessageId(tag: string, fromAddress: string, random: string): string {
  const domain = fromAddress.split('@')[1] ?? 'innspill.invalid';
  return `<${tag.replace(/[^A-Za-z0-9.-]/g, '-')}.${random}@${domain}>`;
}

export async function buildMessage(input: ComposeInput): Promise<Buffer> {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(input.headers ?? {})) headers[k] = cleanHeaderText(v);
  const composer = new MailComposer({
    // nodemailer encodes the name (RFC 2047) and quotes it, so "(KMD)" stays part of the name.
    from: typeof input.from === 'string' ? input.from : { name: cleanHeaderText(input.from.name), address: input.from.address },
    to: input.to,
    subject: cleanHeaderText(input.subject).slice(0, 400),
    text: input.text,
    html: input.html,
    messageId: input.messageId,
    date: input.date,
    ...(input.inReplyTo ? { inReplyTo: input.inReplyTo } : {}),
    ...(input.references && input.references.length > 0 ? { references: input.references } : {}),
    headers,
  });
  return composer.compile().build();
}
