// The short answer to a caseworker's command mail (bokmål): what changed, or what was not done and
// why. One per command mail, never with the command lines themselves (a reply to it is no command).
// The words are the template rules/templates/command-reply.yaml; the answer's code picks its entry.
import { randomBytes } from 'node:crypto';
import Mustache from 'mustache';
import type { Config } from '../config.js';
import { escapeHtml } from '../digest/render-html.js';
import { buildMessage, newMessageId, senderOf } from '../mail/compose.js';
import { replyTemplatesFor, type ReplyCode } from '../rules/reply-template.js';
import type { Rules } from '../rules/types.js';
import type { CommandMail } from './command-mail.js';
import type { ChangeResult } from './types.js';

/** What the answer says: its code and the lines it lists. */
export interface ReplyContent {
  code: ReplyCode;
  changed: string[];
  unchanged: string[];
  reasons: string[];
}

export interface ComposedReply {
  to: string;
  messageId: string;
  raw: Buffer;
}

/** What changed (applied and unchanged lines); one line per command. */
export function confirmation(results: ChangeResult[]): ReplyContent {
  const changed = results.filter((r) => r.outcome === 'ok').map((r) => r.text);
  const unchanged = results.filter((r) => r.outcome === 'unchanged').map((r) => r.text);
  return { code: changed.length > 0 ? 'applied' : 'unchanged', changed, unchanged, reasons: [] };
}

/** Nothing was done: why, line by line. */
export function refusal(reasons: string[]): ReplyContent {
  return { code: 'refused', changed: [], unchanged: [], reasons };
}

/** The answer's subject and text from the rules' template (plain text: values are not escaped). */
export function replyText(rules: Pick<Rules, 'dir'>, mail: Pick<CommandMail, 'subject'>, content: ReplyContent): { subject: string; text: string } {
  const template = replyTemplatesFor(rules)[content.code];
  const items = (list: string[]) => list.map((text) => ({ text }));
  const view = {
    subject: mail.subject.replace(/[\r\n]+/g, ' ').trim(),
    changed: items(content.changed),
    changedCount: content.changed.length,
    unchanged: items(content.unchanged),
    unchangedCount: content.unchanged.length,
    reasons: items(content.reasons),
  };
  const plain = { escape: (s: unknown) => String(s) };
  return { subject: Mustache.render(template.subject, view, {}, plain).trim(), text: Mustache.render(template.text, view, {}, plain) };
}

/** The answer as a message to the caseworker, ready for the reply outbox. */
export async function composeReply(config: Config, rules: Rules, to: string, mail: CommandMail, content: ReplyContent, now: Date): Promise<ComposedReply> {
  const { subject, text } = replyText(rules, mail, content);
  const messageId = newMessageId('beslutning', config.from, randomBytes(8).toString('hex'));
  const raw = await buildMessage({
    from: senderOf(config, rules),
    to: [to],
    subject,
    text,
    html: `<!DOCTYPE html><html lang="nb"><body><pre style="font-family:Arial,Helvetica,sans-serif;white-space:pre-wrap;">${escapeHtml(text)}</pre></body></html>`,
    messageId,
    date: now,
    inReplyTo: mail.messageId,
    references: mail.messageId ? [mail.messageId] : [],
    headers: { 'Auto-Submitted': 'auto-replied', 'X-Auto-Response-Suppress': 'All' },
  });
  return { to, messageId, raw };
}
