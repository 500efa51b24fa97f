// Routing to a consultation, scored: how many messages went to the consultation their label says
// (the default one for labels from before several consultations: relevant mail belongs to it,
// other mail, imitations included, to none), and how many were filed under two consultations (must be 0: a message
// that could be two is held for a person, under one).
import type { Submission } from '../intake/types.js';
import { reviewHoldsMessage } from '../intake/review.js';
import type { Label, Tally } from './labels.js';

export interface RoutingScores extends Tally {
  /** Messages filed under more than one consultation. */
  filedTwice: number;
  /** Messages held because they could belong to two (consultation-uncertain). */
  uncertain: number;
}

export interface Routed {
  /** The consultation it is filed under (relevant or held), or null. */
  consultation: string | null;
  /** Held because it could be two. */
  uncertain: boolean;
  /** How many consultations it is filed under. */
  filedUnder: number;
}

export function routedOf(s: Submission): Routed {
  // An imitation (phishing with a consultation's words, a look-alike sender) is held as one,
  // whichever consultation's words it uses or whose thread it forges: it is no consultation's input.
  if (s.suspicious === true && !s.relevant) return { consultation: null, uncertain: false, filedUnder: 0 };
  const filed = s.relevant || reviewHoldsMessage(s.review);
  const consultation = filed ? (s.consultation?.id ?? null) : null;
  return { consultation, uncertain: s.review?.reasons.includes('consultation-uncertain') === true, filedUnder: consultation === null ? 0 : 1 };
}

/**
 * The consultation a label expects: its own `consultation`, else (a label from before several)
 * the default one for what is filed there — relevant mail, and input whose receipt is held — and
 * none for the rest. An imitation that is not input belongs to none (see routedOf).
 */
export function expectedConsultation(label: Label, defaultId: string): string | null {
  if (label.consultation !== undefined) return label.consultation;
  return label.relevant || label.receiptHeld === true ? defaultId : null;
}

export function scoreRouting(pairs: Array<{ label: Label; routed: Routed }>, defaultId: string, misses?: Array<{ file: string; field: string; expected: unknown; found: unknown }>): RoutingScores {
  const out: RoutingScores = { ok: 0, n: 0, filedTwice: 0, uncertain: 0 };
  for (const { label, routed } of pairs) {
    if (label.notMail) continue;
    out.n++;
    if (routed.filedUnder > 1) out.filedTwice++;
    if (routed.uncertain) out.uncertain++;
    const want = label.consultationUncertain === true ? 'held: could be two' : expectedConsultation(label, defaultId);
    const got = routed.uncertain ? 'held: could be two' : routed.consultation;
    if (want === got) out.ok++;
    else misses?.push({ file: label.file, field: 'consultation', expected: want, found: got });
  }
  return out;
}
