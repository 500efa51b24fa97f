// Which consultations get a digest: each open one that has mail filed for it (a consultation
// nothing was filed for yet has nothing to say), and the default one always, so that a store of
// one consultation gets exactly the digest it always got.
import type { Rules } from '../rules/types.js';
import { activeConsultations } from '../rules/views.js';
import { consultationOfRecord } from '../store/record.js';

export function consultationsWithDigest(rules: Rules, records: ReadonlyArray<{ consultation?: { id: string } | null }>): Rules[] {
  const filed = new Set(records.map((r) => consultationOfRecord(r, rules.routing.default)));
  return activeConsultations(rules).filter((v) => v.consultation.id === rules.routing.default || filed.has(v.consultation.id));
}
