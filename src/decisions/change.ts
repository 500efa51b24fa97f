// What a person's change does to one record, worked out without side effects: the new record (or
// none when nothing changes), whether the message must leave the inbox, and the result in words.
// Checks come first; a change that makes no sense changes nothing and says why (bokmål).
import type { Rules } from '../rules/types.js';
import type { SubmissionRecord } from '../store/record.js';
import { applyOverride, currentValues, findOrganisation } from './overrides.js';
import type { ChangeRequest, ChangeResult, Override, OverrideBase } from './types.js';
import { latestOverride } from './types.js';
import { knownConsultation } from '../rules/views.js';

export interface ChangeInput {
  /** null: no record with that id. */
  record: SubmissionRecord | null;
  request: ChangeRequest;
  /** The rules of the record's consultation. */
  rules: Rules;
  who: Omit<OverrideBase, 'at'>;
  now: Date;
  /** The receipts' loop guard (24-hour limit per address); counts the receipt when it says yes. */
  receiptAllowed: (address: string) => boolean;
}

export interface ChangePlan {
  result: ChangeResult;
  /** The record to write; null when nothing changes. */
  record: SubmissionRecord | null;
  /** A held message decided to be input: it leaves the inbox, its receipt is queued (unless it went already). */
  releasesHeld: boolean;
  /** The receipt was held until this decision (it now counts as what it became). */
  receiptWasHeld?: boolean;
}

const refused = (id: string, code: string, text: string): ChangePlan => ({ result: { id, outcome: 'refused', code, text }, record: null, releasesHeld: false });
const unchanged = (id: string, code: string, text: string): ChangePlan => ({ result: { id, outcome: 'unchanged', code, text }, record: null, releasesHeld: false });

/**
 * Waiting for a person, not decided yet: held for review (its receipt held), or input whose
 * receipt went while a person chooses which consultation it is filed under (it waits in the inbox).
 */
export function isAwaitingDecision(r: SubmissionRecord): boolean {
  const waits = r.receipt.status === 'held' || (r.readable && r.review?.reasons.includes('consultation-uncertain') === true);
  return waits && latestOverride(r.overrides, 'decision') === null;
}

const DECISION_WORDS = { input: 'innspill', 'not-input': 'ikke innspill' } as const;
const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Commitment ids in the plan's order, or the first id the consultation does not know. */
function commitmentIds(ids: string[], rules: Rules): { ids: string[] } | { unknown: string } {
  const known = rules.consultation.classIds;
  const wanted = [...new Set(ids.map((x) => x.trim().toLowerCase()).filter(Boolean))];
  const unknown = wanted.find((x) => !known.includes(x));
  return unknown !== undefined ? { unknown } : { ids: known.filter((k) => wanted.includes(k)) };
}

export function planChange(input: ChangeInput): ChangePlan {
  const { record, request, now } = input;
  let rules = input.rules;
  const id = request.id;
  if (!record) return refused(id, 'unknown-id', `${id} finnes ikke i arkivet`);
  const base: OverrideBase = { ...input.who, at: now.toISOString() };
  const overrides: Override[] = [];
  let next = record;
  const add = (o: Override) => {
    overrides.push(o);
    next = applyOverride(next, o, rules);
  };
  const said = currentValues(record);

  let releasesHeld = false;
  if (request.kind === 'decide') {
    const earlier = latestOverride(record.overrides, 'decision');
    if (earlier) {
      if (earlier.value === request.decision) return unchanged(id, 'already-decided', `${id} er allerede vurdert som ${DECISION_WORDS[earlier.value]} (${earlier.by})`);
      return refused(id, 'decided-otherwise', `${id} er allerede vurdert som ${DECISION_WORDS[earlier.value]} av ${earlier.by}; bruk «Rett opp» for å endre merkingen`);
    }
    if (!isAwaitingDecision(record)) return refused(id, 'not-held', `${id} venter ikke på vurdering; bruk «Rett opp» for å endre merkingen`);
    add({ ...base, field: 'decision', value: request.decision, rules: { relevant: said.relevant, automatic: said.automatic } });
    if (request.consultation !== undefined) {
      const chosen = knownConsultation(rules, request.consultation.trim().toLowerCase());
      const known = rules.consultations.map((v) => v.consultation.id).join(', ');
      if (!chosen) return refused(id, 'unknown-consultation', `«${request.consultation}» er ikke en innspillsrunde (kjente: ${known})`);
      if (request.decision !== 'input') return refused(id, 'consultation-needs-input', `${id}: en innspillsrunde kan bare velges når meldingen er innspill`);
      // From here on the record is judged as the chosen consultation's: its commitments and its receipt.
      rules = chosen;
      add({ ...base, field: 'consultation', value: chosen.consultation.id, rules: record.consultation?.id ?? null });
    }
    releasesHeld = request.decision === 'input';
  } else {
    if (request.relevant !== undefined && isAwaitingDecision(record)) {
      return refused(id, 'held-use-decide', `${id} venter på vurdering; avgjør først om den er innspill («Er innspill» / «Er ikke innspill»)`);
    }
    if (request.relevant !== undefined && request.relevant !== record.relevant) add({ ...base, field: 'relevant', value: request.relevant, rules: said.relevant });
    if (request.automatic !== undefined && request.automatic !== record.automatic) add({ ...base, field: 'automatic', value: request.automatic, rules: said.automatic });
    if (request.organisation !== undefined) {
      const org = request.organisation === null ? null : findOrganisation(request.organisation, rules.register);
      if (request.organisation !== null && !org) return refused(id, 'unknown-organisation', `«${request.organisation}» er ikke i avsenderregisteret`);
      const name = org?.name ?? null;
      if (name !== record.sender.organisation) add({ ...base, field: 'organisation', value: name, rules: said.organisation });
    }
    if (request.personalData !== undefined && request.personalData !== said.personalData) add({ ...base, field: 'personalData', value: request.personalData, rules: said.personalData });
  }
  if (request.commitments !== undefined) {
    const c = commitmentIds(request.commitments, rules);
    if ('unknown' in c) return refused(id, 'unknown-commitment', `«${c.unknown}» er ikke en forpliktelse eller et tema i ${rules.consultation.label} (kjente: ${rules.consultation.classIds.join(', ')})`);
    if (!sameList(c.ids, next.commitments.map((m) => m.id))) add({ ...base, field: 'commitments', value: c.ids, rules: said.commitments });
  }
  const note = request.note?.trim();
  if (note && !(record.overrides ?? []).some((o) => o.field === 'note' && o.value === note)) add({ ...base, field: 'note', value: note, rules: null });

  if (overrides.length === 0) {
    if (request.kind === 'correct' && request.relevant === undefined && request.automatic === undefined && request.organisation === undefined && request.personalData === undefined && request.commitments === undefined && !note) {
      return refused(id, 'nothing-to-change', `ingen endring er oppgitt for ${id}`);
    }
    return unchanged(id, 'unchanged', `${id} er allerede slik; ingenting endret`);
  }
  const updated: SubmissionRecord = { ...next, overrides: [...(record.overrides ?? []), ...overrides] };
  if (request.kind === 'decide') updated.receipt = decidedReceipt(updated, request.decision, input.receiptAllowed);
  if (releasesHeld) updated.inboxMove = { status: 'pending', at: null, error: null };
  const receiptWasHeld = record.receipt.status === 'held';
  return { result: { id, outcome: 'ok', code: 'applied', text: describe(overrides, id, rules, receiptWasHeld) }, record: updated, releasesHeld, receiptWasHeld: request.kind === 'decide' && receiptWasHeld };
}

/**
 * The held receipt once a person decided: queued for input from a person, else not sent. A
 * receipt that was not held (it went while the consultation was being chosen) stays as it is:
 * a receipt is sent once.
 */
function decidedReceipt(r: SubmissionRecord, decision: 'input' | 'not-input', allowed: (address: string) => boolean): SubmissionRecord['receipt'] {
  if (r.receipt.status !== 'held') return r.receipt;
  const skip = (reason: string) => ({ ...r.receipt, send: false, status: 'skipped' as const, reason });
  if (decision === 'not-input') return skip('ingen kvittering: en saksbehandler har vurdert at meldingen ikke er innspill');
  const to = r.from?.address;
  if (!to) return skip('ingen kvittering: meldingen har ingen avsenderadresse');
  if (!allowed(to)) return skip(`ingen kvittering: grensen for kvitteringer til ${to} i løpet av et døgn er nådd`);
  return { ...r.receipt, send: true, status: 'pending', reason: 'kvittering sendes: en saksbehandler har vurdert meldingen som innspill', nextAttemptAt: null, error: null };
}

/** What changed, in one sentence for the caseworker. */
export function describe(overrides: Override[], id: string, rules: Rules, receiptWasHeld = true): string {
  const titles = new Map([...rules.consultation.commitments, ...rules.consultation.topics].map((x) => [x.id, x.title]));
  const parts = overrides.map((o) => {
    switch (o.field) {
      case 'decision':
        if (o.value === 'not-input') return 'vurdert som ikke innspill (blir liggende i innboksen)';
        return receiptWasHeld ? 'vurdert som innspill (arkiveres, flyttes ut av innboksen, kvittering sendes)' : 'vurdert som innspill (arkiveres, flyttes ut av innboksen; kvitteringen er alt sendt)';
      case 'relevant':
        return o.value ? 'merket som innspill' : 'merket som ikke innspill';
      case 'automatic':
        return o.value ? 'merket som automatisk svar' : 'merket som skrevet av en person';
      case 'commitments':
        return `forpliktelser: ${o.value.map((x) => titles.get(x) ?? x).join(', ') || 'ingen'}`;
      case 'organisation':
        return `organisasjon: ${o.value ?? 'ukjent'}`;
      case 'note':
        return `notat: «${o.value}»`;
      case 'personalData':
        return o.value ? 'merket som innspill med personopplysninger (skjermes i arkivet)' : 'merket som innspill uten personopplysninger';
      case 'consultation':
        return `innspill til ${rules.consultations.find((v) => v.consultation.id === o.value)?.consultation.label ?? o.value}`;
    }
  });
  return `${id}: ${parts.join('; ')}`;
}
