// The short answer to a caseworker's command mail (bokmål): what changed, or what was not done and
// why. One per command mail, never with the command lines themselves (a reply to it is no command).
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Config } from '../config.js';
import { escapeHtml } from '../digest/render-html.js';
import { buildMessage, newMessageId, senderOf } from '../mail/compose.js';
import { createSender } from '../mail/transport.js';
import type { Rules } from '../rules/types.js';
import type { CommandMail } from './command-mail.js';
import type { ChangeResult } from './types.js';

export interface ReplyContent {
  subject: string;
  text: string;
}

const FOOTER = 'Denne e-posten er sendt automatisk av innspill.';

/** What changed (applied and unchanged lines); one line per command. */
export function confirmation(mail: CommandMail, results: ChangeResult[]): ReplyContent {
  const changed = results.filter((r) => r.outcome === 'ok');
  const same = results.filter((r) => r.outcome === 'unchanged');
  const lines = [
    changed.length > 0 ? `Utført (${changed.length}):` : 'Ingenting er endret.',
    ...changed.map((r) => `- ${r.text}`),
    ...(same.length > 0 ? ['', `Allerede gjort, ikke endret på nytt (${same.length}):`, ...same.map((r) => `- ${r.text}`)] : []),
  ];
  return { subject: `Utført: ${mail.subject || 'beslutninger i innspill'}`, text: `${lines.join('\n')}\n\n${FOOTER}\n` };
}

/** Nothing was done: why, line by line. */
export function refusal(mail: CommandMail, reasons: string[]): ReplyContent {
  const lines = [
    'Ingenting er endret: e-posten ble ikke fulgt, fordi',
    ...reasons.map((r) => `- ${r}`),
    '',
    'Bruk lenkene i den siste oversikten fra innspill, og send e-posten den lager uten å endre kontrollkodene (#…).',
  ];
  return { subject: `Ikke utført: ${mail.subject || 'beslutninger i innspill'}`, text: `${lines.join('\n')}\n\n${FOOTER}\n` };
}

/** Sends it to the caseworker (SMTP, or a .eml file under the outbox folder's decisions/). */
export async function sendReply(config: Config, rules: Rules, to: string, mail: CommandMail, content: ReplyContent, now: Date): Promise<string> {
  const messageId = newMessageId('beslutning', config.from, randomBytes(8).toString('hex'));
  const raw = await buildMessage({
    from: senderOf(config, rules),
    to: [to],
    subject: content.subject,
    text: content.text,
    html: `<!DOCTYPE html><html lang="nb"><body><pre style="font-family:Arial,Helvetica,sans-serif;white-space:pre-wrap;">${escapeHtml(content.text)}</pre></body></html>`,
    messageId,
    date: now,
    inReplyTo: mail.messageId,
    references: mail.messageId ? [mail.messageId] : [],
    headers: { 'Auto-Submitted': 'auto-replied', 'X-Auto-Response-Suppress': 'All' },
  });
  const sender = createSender(config, join(config.outboxDir, 'decisions'));
  try {
    // The null sender: an answer that cannot be delivered must not bounce into postmottak.
    return (await sender.send({ envelopeFrom: '', to: [to], raw, messageId })).deliveredTo;
  } finally {
    sender.close();
  }
}
