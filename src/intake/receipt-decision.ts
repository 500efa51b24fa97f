// Stage 15 (the receipt decision): may we acknowledge this message automatically? Only a person's
// mail that belongs to the consultation gets a receipt; never a machine, never unrelated mail, never
// ourselves; and none while the message is held for review.
import type { Rules } from '../rules/types.js';
import type { AutomaticFinding } from './automatic.js';
import type { IntakeContext } from './context.js';
import { heldReceipt } from './review.js';
import { activeConsultations } from '../rules/views.js';
import type { Address, ReceiptDecision } from './types.js';
import { isMailAddress } from '../text/address.js';

export function decideReceipt(c: Pick<IntakeContext, 'message' | 'relevance' | 'automatic' | 'review' | 'rules'>): ReceiptDecision {
  return heldReceipt(c.review, receiptFor(c.message.isMail, c.relevance.relevant, c.automatic, c.message.from, c.rules));
}

/** What unrelated mail is not part of: the one consultation, or every open one. */
function unrelatedWords(rules: Rules): string {
  const active = activeConsultations(rules);
  if (active.length <= 1) return `meldingen gjelder ikke innspillsrunden til ${rules.consultation.shortTitle}`;
  return `meldingen gjelder ingen av innspillsrundene (${active.map((v) => v.consultation.shortTitle).join(', ')})`;
}

function receiptFor(
  isMail: boolean,
  relevant: boolean,
  automatic: AutomaticFinding,
  from: Address | null,
  rules: Rules,
): ReceiptDecision {
  if (!isMail) return { send: false, code: 'not-mail', reason: 'ingen kvittering: filen er ikke en e-postmelding' };
  if (automatic.kind !== null) return { send: false, code: 'automatic', reason: `ingen kvittering: ${automatic.reason}` };
  if (!relevant) return { send: false, code: 'unrelated', reason: `ingen kvittering: ${unrelatedWords(rules)}` };
  if (!from || !isMailAddress(from.address)) return { send: false, code: 'no-address', reason: 'ingen kvittering: meldingen har ingen gyldig avsenderadresse' };
  if (rules.consultation.ownAddresses.some((a) => a.toLowerCase() === from.address)) {
    return { send: false, code: 'own-address', reason: 'ingen kvittering: avsender er departementets egen postmottak-adresse' };
  }
  return { send: true, code: 'send', reason: `kvittering sendes til ${from.address}` };
}
