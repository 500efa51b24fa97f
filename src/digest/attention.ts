// The digest's "needs attention" list: what a person should look at (review, unclassified,
// unknown senders, unread attachments and messages, receipts not delivered, invitations that
// bounced), each group for the period or for the whole consultation.
import { reviewHoldsMessage, reviewHoldsReceipt } from '../intake/review.js';
import { isAwaitingDecision } from '../decisions/change.js';
import { decidedFields } from '../decisions/marks.js';
import type { Rules } from '../rules/types.js';
import type { SubmissionRecord } from '../store/record.js';
import { showDateTime } from '../time/local-time.js';
import type { AttentionGroup, AttentionKind } from './model.js';
import { classesOf, collator, invitationBounceRecords, isSubmission, organisationOf, senderView, subjectOf, type IsNew } from './records.js';
import { ATTENTION_TITLES, LABELS, senderLabel } from './words.js';

interface Finding {
  record: SubmissionRecord;
  who: string;
  detail: string;
}

function finding(record: SubmissionRecord, rules: Rules, detail: string): Finding {
  return { record, who: senderLabel(senderView(record, rules)), detail };
}

function attentionGroup(kind: AttentionKind, scope: AttentionGroup['scope'], found: Finding[], isNew: IsNew): AttentionGroup {
  const items = found.map((f) => ({ recordId: f.record.id, who: f.who, detail: f.detail, isNew: isNew(f.record) }));
  const fresh = items.filter((i) => i.isNew);
  return { kind, title: ATTENTION_TITLES[kind], scope, items: scope === 'periode' ? fresh : items, inPeriod: fresh.length, total: items.length };
}

export function needsAttention(records: SubmissionRecord[], isNew: IsNew, rules: Rules): AttentionGroup[] {
  const submissions = records.filter(isSubmission);
  return [
    attentionGroup(
      'review',
      'totalt',
      // Not the held ones waiting for a decision (they are under "Til vurdering"), nor what a person decided.
      records.filter((r) => r.review?.needed === true && !isAwaitingDecision(r) && decidedFields(r).length === 0).map((r) => finding(r, rules, reviewDetail(r))),
      isNew,
    ),
    attentionGroup(
      'unclassified',
      'periode',
      submissions.filter((r) => classesOf(r, rules).length === 0 && r.noComments !== true).map((r) => finding(r, rules, `«${subjectOf(r)}»`)),
      isNew,
    ),
    attentionGroup(
      'unknownSender',
      'periode',
      submissions.filter((r) => r.sender.organisation === null).map((r) => finding(r, rules, `«${subjectOf(r)}»`)),
      isNew,
    ),
    attentionGroup(
      'unreadableAttachment',
      'periode',
      submissions.flatMap((r) =>
        r.attachments.filter((a) => a.problem !== null).map((a) => finding(r, rules, `«${a.filename || 'vedlegg uten navn'}»: ${a.problem}`)),
      ),
      isNew,
    ),
    attentionGroup('receiptNotDelivered', 'totalt', receiptProblems(records, rules), isNew),
    attentionGroup(
      'unreadableMessage',
      'periode',
      records.filter((r) => !r.readable).map((r) => finding(r, rules, r.problems.join('; ') || 'meldingen kunne ikke leses som e-post')),
      isNew,
    ),
    attentionGroup('invitationBounce', 'totalt', invitationBounces(records, rules), isNew),
  ];
}

/** Why a person should look at it, and whether it waits in the inbox (with its receipt held, or sent). */
function reviewDetail(r: SubmissionRecord): string {
  const why = r.review!.notes.map((n) => n.text).join('; ');
  const held = reviewHoldsReceipt(r.review) ? ` – ${LABELS.heldForReview}` : reviewHoldsMessage(r.review) ? ` – ${LABELS.waitsForConsultation}` : '';
  return `«${subjectOf(r)}»: ${why}${held}`;
}

function receiptProblems(records: SubmissionRecord[], rules: Rules): Finding[] {
  const tz = rules.consultation.timezone;
  const found: Finding[] = [];
  for (const r of records) {
    const receipt = r.receipt;
    const to = r.from?.address ?? 'ukjent adresse';
    const error = receipt.error ? `: ${receipt.error}` : '';
    if (receipt.status === 'failed') {
      found.push(finding(r, rules, `kvitteringen til ${to} kunne ikke sendes (${receipt.attempts} forsøk)${error}`));
    } else if (receipt.status === 'pending' && receipt.attempts > 0) {
      const next = receipt.nextAttemptAt ? `, prøver igjen ${showDateTime(new Date(receipt.nextAttemptAt), tz)}` : '';
      found.push(finding(r, rules, `kvitteringen til ${to} er ikke levert ennå (${receipt.attempts} forsøk${next})${error}`));
    }
  }
  // A bounce in the thread of a filed submission is its receipt coming back.
  const ids = new Map(records.map((r) => [r.id, r]));
  for (const bounce of records.filter((r) => r.automaticKind === 'bounce' && r.followUpOf !== null)) {
    const original = ids.get(bounce.followUpOf!);
    const to = bounce.bouncedRecipients.join(', ') || original?.from?.address || 'ukjent adresse';
    found.push({ record: bounce, who: original ? senderLabel(senderView(original, rules)) : to, detail: `kvitteringen til ${to} kom i retur (${bounce.id}, gjelder ${bounce.followUpOf})` });
  }
  return found;
}

function invitationBounces(records: SubmissionRecord[], rules: Rules): Finding[] {
  const byAddress = new Map<string, Finding>();
  for (const r of invitationBounceRecords(records)) {
    for (const address of r.bouncedRecipients) {
      const organisation = organisationOf(address, rules);
      byAddress.set(address.toLowerCase(), {
        record: r,
        who: organisation?.name ?? address,
        detail: `${organisation ? address : 'adressen er ikke i avsenderregisteret'} (returmelding ${r.id})`,
      });
    }
  }
  return [...byAddress.values()].sort((a, b) => collator.compare(a.who, b.who));
}
