// INNSPILL_DIGEST_CRON is a schedule node-cron accepts, and when it fires next.
import { validateDetailed } from 'node-cron';
import type { Config } from '../config.js';
import { nextDigestRun } from '../status/next-digest.js';
import { failed, ok, type CheckResult } from './result.js';

export function checkDigestSchedule(config: Config): CheckResult {
  const { cron, to } = config.digest;
  const v = validateDetailed(cron);
  if (!v.valid) {
    const why = v.errors.map((e) => e.message).join('; ');
    return failed('digest schedule', `INNSPILL_DIGEST_CRON "${cron}" is not a valid cron expression: ${why} (5 or 6 fields, e.g. "0 8 * * 1-5" = weekdays at 08:00)`);
  }
  const next = nextDigestRun(cron, config.timezone);
  const when = next ? `next ${next.toLocaleString('sv-SE', { timeZone: config.timezone }).slice(0, 16)} ${config.timezone}` : 'never fires';
  const who = to.length > 0 ? `to ${to.join(', ')}` : 'no recipients (INNSPILL_DIGEST_TO), so no digest is mailed';
  return ok('digest schedule', `"${cron}", ${when}; ${who}`);
}
