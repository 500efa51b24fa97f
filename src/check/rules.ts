// The rules folder loads without a mistake (the same load `innspill run` does): the shared files
// and every consultation's folder, each named with what it holds.
import { loadRules } from '../rules/load.js';
import { failed, ok, type CheckResult } from './result.js';

export function checkRules(dir: string): CheckResult {
  try {
    const rules = loadRules(dir);
    const each = rules.consultations.map((v) => {
      const c = v.consultation;
      const state = c.archived ? 'archived' : 'open';
      return `${c.id} (${c.caseNumber}, ${state}): ${c.commitments.length} commitments, ${c.topics.length} topics, ${v.organisations.filter((o) => o.invited).length} invited, receipt templates ${Object.keys(v.templates).join('/')}`;
    });
    return ok('rules', `${dir}: ${rules.register.length} organisations; ${rules.consultations.length === 1 ? 'consultation' : `${rules.consultations.length} consultations`} ${each.join('; ')}`);
  } catch (err) {
    return failed('rules', (err as Error).message);
  }
}
