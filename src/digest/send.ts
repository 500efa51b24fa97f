// Sends one digest to the caseworkers: everything filed since the last digest that was sent,
// as text + HTML mail. The store's digest state moves on only after the mail was accepted, so a
// failed send is simply covered by the next one and nothing is skipped. (Only a crash between
// the server's "accepted" and the state write would send the same submissions again.)
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Config } from '../config.js';
import { buildMessage, newMessageId, senderOf } from '../mail/compose.js';
import { createSender } from '../mail/transport.js';
import type { Rules } from '../rules/types.js';
import type { Store } from '../store/json-store.js';
import { buildDigest, type DigestModel } from './build.js';
import { describedCampaigns } from '../store/campaigns.js';
import { digestLinksFor } from './links.js';
import { renderHtml } from './render-html.js';
import { digestTemplateFor } from '../rules/digest-template.js';
import { renderText } from './render-text.js';
import { digestStateName, readDigestState, recordDigestSent } from './state.js';
import { consultationsWithDigest } from './which.js';
import { consultationOfRecord } from '../store/record.js';

export interface SendDigestInput {
  config: Config;
  rules: Rules;
  store: Store;
  now: Date;
}

export interface SendDigestResult {
  sent: boolean;
  /** New submissions in the digest. */
  count: number;
  messageId: string | null;
  /** "smtp" or the .eml file written to the outbox folder. */
  deliveredTo: string | null;
  /** What was sent; null when nothing was. */
  model: DigestModel | null;
}

/** Who gets a consultation's digest: its digestTo, else INNSPILL_DIGEST_TO. */
export function digestRecipients(config: Config, rules: Rules): string[] {
  return rules.consultation.digestTo.length > 0 ? rules.consultation.digestTo : config.digest.to;
}

/** Every open consultation's digest, each to its own recipients (those with none are left out). */
export async function sendDigests(input: SendDigestInput): Promise<Array<SendDigestResult & { consultation: string }>> {
  const views = consultationsWithDigest(input.rules, await input.store.readAllCopies()).filter((v) => digestRecipients(input.config, v).length > 0);
  if (views.length === 0) throw new Error('Ingen mottakere av oversikten er satt opp (INNSPILL_DIGEST_TO er tom).');
  const out: Array<SendDigestResult & { consultation: string }> = [];
  for (const view of views) out.push({ ...(await sendDigest({ ...input, rules: view })), consultation: view.consultation.id });
  return out;
}

/** One consultation's digest (`rules` is its view): what was filed for it since its last digest. */
export async function sendDigest({ config, rules, store, now }: SendDigestInput): Promise<SendDigestResult> {
  const to = digestRecipients(config, rules);
  if (to.length === 0) throw new Error('Ingen mottakere av oversikten er satt opp (INNSPILL_DIGEST_TO er tom).');
  const stateName = digestStateName(rules);
  const state = await readDigestState(store, stateName);
  const records = await store.readAllCopies();
  const fresh = records.filter((r) => r.seq > state.lastSeq && consultationOfRecord(r, rules.routing.default) === rules.consultation.id);
  if (fresh.length === 0 && !config.digest.sendEmpty) return { sent: false, count: 0, messageId: null, deliveredTo: null, model: null };

  const model = buildDigest(records, rules, { since: state.lastSentAt ? new Date(state.lastSentAt) : null, now, seqAfter: state.lastSeq, links: await digestLinksFor(store.dir, rules), campaigns: await describedCampaigns(store, records, rules) });
  const messageId = newMessageId('oversikt', config.from, randomBytes(8).toString('hex'));
  const raw = await buildMessage({
    from: senderOf(config, rules),
    to,
    subject: model.subject,
    text: renderText(model),
    html: renderHtml(model, digestTemplateFor(rules)),
    messageId,
    date: now,
    headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' },
  });
  // Without an SMTP server, digests are written as .eml files beside the receipts' outbox.
  const sender = createSender(config, join(config.outboxDir, 'digests'));
  let deliveredTo: string;
  try {
    // The null sender: a digest that cannot be delivered must not bounce into postmottak.
    ({ deliveredTo } = await sender.send({ envelopeFrom: '', to, raw, messageId }));
  } finally {
    sender.close();
  }
  const count = model.totals.submissions.inPeriod;
  await recordDigestSent(store, state, {
    sentAt: now.toISOString(),
    firstSeq: model.period.firstSeq ?? state.lastSeq + 1,
    lastSeq: model.period.lastSeq ?? state.lastSeq,
    count,
    messageId,
  }, stateName);
  return { sent: true, count, messageId, deliveredTo, model };
}
