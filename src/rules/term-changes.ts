// What changed between two versions of the checked rule data, when it is only commitments' terms
// (a caseworker added "lobbyregister" to one commitment, moved a term from medium to strong): the
// terms added, removed or moved, in any consultation. A term can change a message's commitments,
// relevance or routing only through the places in its words where it is found, so a message where
// none of these terms is found is classified exactly as before (reclassify then leaves it).
// Anything else that differs — scoring, exclusions, needs, context, signals, registers, letters —
// gives null: then every message may change.
import type { RuleData } from './types.js';

const TIERS = ['strong', 'medium', 'weak'] as const;

/** The data with every commitment's term lists emptied: equal for two versions that differ only there. */
function withoutTerms(data: RuleData): RuleData {
  return {
    ...data,
    consultations: data.consultations.map((c) => ({
      ...c,
      commitments: { ...c.commitments, commitments: c.commitments.commitments.map((x) => ({ ...x, strong: [], medium: [], weak: [] })) },
    })),
  };
}

/** The terms that differ between `before` and `after` (none when they are the same), or null when anything but commitments' terms differs. */
export function changedCommitmentTerms(before: RuleData, after: RuleData): string[] | null {
  if (JSON.stringify(withoutTerms(before)) !== JSON.stringify(withoutTerms(after))) return null;
  const changed = new Set<string>();
  before.consultations.forEach((c, i) => {
    c.commitments.commitments.forEach((x, k) => {
      const y = after.consultations[i]!.commitments.commitments[k]!;
      for (const tier of TIERS) {
        if (JSON.stringify(x[tier]) === JSON.stringify(y[tier])) continue;
        const was = new Set(x[tier]);
        const is = new Set(y[tier]);
        const differ = [...[...was].filter((t) => !is.has(t)), ...[...is].filter((t) => !was.has(t))];
        // The same terms in another order: which of two terms covering the same words is named can
        // follow the order, so all of them count as changed.
        for (const term of differ.length > 0 ? differ : is) changed.add(term);
      }
    });
  });
  return [...changed];
}
