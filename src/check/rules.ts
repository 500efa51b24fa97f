// The rules folder loads without a mistake (the same load `innspill run` does).
import { loadRules } from '../rules/load.js';
import { failed, ok, type CheckResult } from './result.js';

export function checkRules(dir: string): CheckResult {
  try {
    const rules = loadRules(dir);
    const c = rules.consultation;
    return ok(
      'rules',
      `${dir}: ${c.commitments.length} commitments, ${c.topics.length} topics, ${rules.organisations.length} organisations, receipt templates ${Object.keys(rules.templates).join('/')}`,
    );
  } catch (err) {
    return failed('rules', (err as Error).message);
  }
}
