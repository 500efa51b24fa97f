// What the digest asks of a record: is it a submission, which commitments and sections it is
// under, its sender as the caseworker sees it, and counting records in the period and in total.
import { domainOf, organisationForDomain } from '../intake/sender.js';
import type { Organisation, Rules } from '../rules/types.js';
import type { SubmissionRecord } from '../store/record.js';
import type { PeriodCount, SenderView } from './model.js';
import { LABELS } from './words.js';

/** Whether a record is new in this digest. */
export type IsNew = (r: SubmissionRecord) => boolean;

export const collator = new Intl.Collator('nb');

/** The section of replies that say only "ingen merknader": a finding, not a failure to classify. */
export const NO_COMMENTS_SECTION = 'ingen-merknader';

/** A submission: relevant mail from a person, readable. Automatic and unreadable mail is shown apart. */
export function isSubmission(r: Pick<SubmissionRecord, 'relevant' | 'automatic' | 'readable'>): boolean {
  return r.relevant && !r.automatic && r.readable;
}

/** The commitments and topics a submission is about, in the plan's order (unknown ids left out). */
export function classesOf(r: SubmissionRecord, rules: Rules): string[] {
  // Searched in place: a record has a few commitments, and this is asked of every record several
  // times a digest (a Set and an array made each time showed in its profile).
  const found = r.commitments;
  return rules.consultation.classIds.filter((id) => {
    for (let i = 0; i < found.length; i++) if (found[i]!.id === id) return true;
    return false;
  });
}

export function sectionIdsOf(r: SubmissionRecord, rules: Rules): string[] {
  const ids = classesOf(r, rules);
  if (ids.length > 0) return ids;
  return [r.noComments === true ? NO_COMMENTS_SECTION : rules.consultation.unclassifiedId];
}

export function count(records: SubmissionRecord[], isNew: IsNew, test: (r: SubmissionRecord) => boolean): PeriodCount {
  const matching = records.filter(test);
  return { inPeriod: matching.filter(isNew).length, total: matching.length };
}

export function categoryOf(r: SubmissionRecord, rules: Rules): string {
  return rules.consultation.senderCategories.some((k) => k.id === r.sender.category) ? r.sender.category : 'ukjent';
}

export function subjectOf(r: SubmissionRecord): string {
  return r.subject.trim() || LABELS.noSubject;
}

export function organisationOf(address: string, rules: Rules): Organisation | null {
  const domain = domainOf(address);
  return domain ? (organisationForDomain(domain, rules.organisations)?.organisation ?? null) : null;
}

/** Bounces that are not in the thread of a filed submission come from the invitation itself. */
export function invitationBounceRecords(records: SubmissionRecord[]): SubmissionRecord[] {
  return records.filter((r) => r.automaticKind === 'bounce' && r.followUpOf === null);
}

export function senderView(r: SubmissionRecord, rules: Rules): SenderView {
  const categoryId = categoryOf(r, rules);
  return {
    organisation: r.sender.organisation,
    shortName: rules.organisations.find((o) => o.name === r.sender.organisation)?.shortName ?? null,
    name: r.from?.name ?? '',
    address: r.from?.address ?? null,
    categoryId,
    categoryTitle: rules.consultation.senderCategories.find((k) => k.id === categoryId)!.title,
  };
}
