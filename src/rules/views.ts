// Picking one consultation's rules (a view of the shared rules and that consultation's own).
import type { Rules } from './types.js';

/** The default consultation's view (rules/routing.yaml `default`). */
export function defaultRules(rules: Rules): Rules {
  return rules.consultations.find((v) => v.consultation.id === rules.routing.default) ?? rules;
}

/** One consultation's view; the default one for null, undefined (records filed before several) or an id no longer in rules/. */
export function rulesFor(rules: Rules, id: string | null | undefined): Rules {
  if (id === null || id === undefined) return defaultRules(rules);
  return rules.consultations.find((v) => v.consultation.id === id) ?? defaultRules(rules);
}

/** The consultations that are switched on (not archived), in folder order. */
export function activeConsultations(rules: Rules): Rules[] {
  return rules.consultations.filter((v) => !v.consultation.archived);
}

/** A consultation id the rules know, or an error in words for the operator. */
export function knownConsultation(rules: Rules, id: string): Rules | null {
  return rules.consultations.find((v) => v.consultation.id === id) ?? null;
}
