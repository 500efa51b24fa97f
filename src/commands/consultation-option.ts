// `--consultation ID` of list, show, digest and export: which consultation a caseworker means.
// Without it a command covers every consultation (with one, that one: everything as before).
import type { Rules } from '../rules/types.js';
import { rulesFor } from '../rules/views.js';
import { consultationOfRecord } from '../store/record.js';
import { UsageError } from './usage.js';

/** The consultation named by --consultation (its view), null for all; an unknown id is a usage error in bokmål. */
export function chosenConsultation(rules: Rules, id: string | undefined): Rules | null {
  if (id === undefined) return null;
  const view = rules.consultations.find((v) => v.consultation.id === id);
  if (!view) throw new UsageError(`ukjent innspillsrunde «${id}»; disse finnes: ${rules.consultations.map((v) => v.consultation.id).join(', ')}`);
  return view;
}

/** The records of one consultation, or all of them. */
export function recordsOf<R extends { consultation?: { id: string } | null }>(records: R[], rules: Rules, view: Rules | null): R[] {
  if (!view) return records;
  return records.filter((r) => consultationOfRecord(r, rules.routing.default) === view.consultation.id);
}

/** The rules a record is shown and exported with: its consultation's. */
export function viewOfRecord(rules: Rules, r: { consultation?: { id: string } | null }): Rules {
  return rulesFor(rules, r.consultation?.id);
}
