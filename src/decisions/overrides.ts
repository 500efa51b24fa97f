// Applying a person's decisions to a record: pure, no clock or files. The record's fields take the
// decided values; the overrides stay beside them. reclassify calls applyOverrides() after the rules
// ran again, so whatever the rules say now, a person's decision stands.
import type { CommitmentMatch } from '../intake/types.js';
import type { Organisation, Rules } from '../rules/types.js';
import type { SubmissionRecord } from '../store/record.js';
import type { Override } from './types.js';

/** The values of the decidable fields as the record holds them now (what the rules said, before any override). */
export function currentValues(r: Pick<SubmissionRecord, 'relevant' | 'automatic' | 'commitments' | 'sender' | 'personalData'>) {
  return {
    personalData: r.personalData === true,
    relevant: r.relevant,
    automatic: r.automatic,
    commitments: r.commitments.map((c) => c.id),
    organisation: r.sender.organisation,
  };
}

/** Commitments by id, keeping the rules' score and evidence where the rules found them too. */
function commitmentsOf(ids: string[], found: CommitmentMatch[]): CommitmentMatch[] {
  return ids.map((id) => found.find((c) => c.id === id) ?? { id, score: 0, evidence: [] });
}

/** An organisation by its exact name, its short name, or its name in any case. */
export function findOrganisation(name: string, register: Organisation[]): Organisation | null {
  const wanted = name.trim().toLocaleLowerCase('nb');
  return (
    register.find((o) => o.name === name.trim()) ??
    register.find((o) => o.name.toLocaleLowerCase('nb') === wanted || o.shortName?.toLocaleLowerCase('nb') === wanted) ??
    null
  );
}

type OverrideRules = Pick<Rules, 'register'> & { consultation?: Pick<Rules['consultation'], 'id' | 'classIds' | 'deadlineAt'> };

/**
 * Late is said of input (intake/submission.ts): a person who decides a message is input makes it
 * late when it arrived after its consultation's deadline; deciding it is not input makes it late
 * for nothing. Without its consultation's rules, the record's own value stays.
 */
function lateAsInput(r: SubmissionRecord, input: boolean, rules: OverrideRules): boolean {
  if (!input) return false;
  if (!rules.consultation || r.receivedAt === null) return r.late;
  return Date.parse(r.receivedAt) > rules.consultation.deadlineAt.getTime();
}

/** One override on a copy of the record. */
export function applyOverride(record: SubmissionRecord, o: Override, rules: OverrideRules): SubmissionRecord {
  const r: SubmissionRecord = { ...record, sender: { ...record.sender } };
  switch (o.field) {
    case 'decision':
      if (o.value === 'input') {
        r.relevant = true;
        r.automatic = false;
        r.automaticKind = null;
      } else {
        r.relevant = false;
      }
      r.late = lateAsInput(r, o.value === 'input', rules);
      break;
    case 'relevant':
      r.relevant = o.value;
      r.late = lateAsInput(r, o.value, rules);
      break;
    case 'automatic':
      r.automatic = o.value;
      if (!o.value) r.automaticKind = null;
      break;
    case 'commitments':
      r.commitments = commitmentsOf(o.value, record.commitments);
      break;
    case 'organisation': {
      const found = o.value === null ? null : findOrganisation(o.value, rules.register);
      r.sender.organisation = found?.name ?? null;
      r.sender.category = found?.category ?? 'ukjent';
      r.sender.domain = found ? r.sender.domain : null;
      break;
    }
    case 'personalData':
      r.personalData = o.value;
      break;
    case 'note':
      break;
    case 'consultation':
      r.consultation = { id: o.value, reason: { code: 'person', text: `valgt av saksbehandler (${o.by})` } };
      // Only the chosen consultation's commitments and topics stay (`rules` is its view).
      if (rules.consultation?.id === o.value) r.commitments = r.commitments.filter((c) => rules.consultation!.classIds.includes(c.id));
      break;
  }
  return r;
}

/** Every override of the record, oldest first, over the values the rules gave it. */
export function applyOverrides(record: SubmissionRecord, rules: Parameters<typeof applyOverride>[2]): SubmissionRecord {
  return (record.overrides ?? []).reduce((r, o) => applyOverride(r, o, rules), record);
}

/** The notes caseworkers wrote, oldest first. */
export function notesOf(record: Pick<SubmissionRecord, 'overrides'>): Array<{ text: string; by: string; at: string }> {
  return (record.overrides ?? []).flatMap((o) => (o.field === 'note' ? [{ text: o.value, by: o.by, at: o.at }] : []));
}
