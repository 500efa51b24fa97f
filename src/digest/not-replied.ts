// The invited organisations that have not replied yet, by sender category; an invitation that
// bounced is marked.
import type { Organisation, Rules } from '../rules/types.js';
import type { SubmissionRecord } from '../store/record.js';
import type { NotRepliedOrganisation } from './model.js';
import { collator, invitationBounceRecords, organisationOf } from './records.js';

/** Invited organisations, less the consulting ministry itself (its own addresses receive the replies). */
export function awaitedOrganisations(rules: Rules): Organisation[] {
  const own = new Set(rules.consultation.ownAddresses.map((a) => organisationOf(a, rules)?.name));
  return rules.organisations.filter((o) => o.invited && !own.has(o.name));
}

export function notReplied(records: SubmissionRecord[], rules: Rules): NotRepliedOrganisation[] {
  // Who wrote is the sender decision made at intake (a forged From that DMARC rejected is no one's).
  const replied = new Set(records.filter((r) => r.relevant && !r.automatic && r.sender.organisation !== null).map((r) => r.sender.organisation));
  const bounced = new Set(invitationBounceRecords(records).flatMap((r) => r.bouncedRecipients.map((a) => organisationOf(a, rules)?.name)));
  const categories = rules.consultation.senderCategories;
  const rank = (id: string) => categories.findIndex((k) => k.id === id);
  return awaitedOrganisations(rules)
    .filter((o) => !replied.has(o.name))
    .sort((a, b) => rank(a.category) - rank(b.category) || collator.compare(a.name, b.name))
    .map((o) => ({
      name: o.name,
      shortName: o.shortName ?? null,
      categoryTitle: categories.find((k) => k.id === o.category)?.title ?? o.category,
      invitationBounced: bounced.has(o.name),
    }));
}
