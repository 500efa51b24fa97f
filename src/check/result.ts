// One line of `innspill config check`: what was checked, and what came of it.
export type CheckStatus = 'ok' | 'FAIL' | 'skipped';

export interface CheckResult {
  status: CheckStatus;
  /** what was checked, e.g. "IMAP", "rules" */
  what: string;
  /** the finding in words */
  detail: string;
}

export const ok = (what: string, detail: string): CheckResult => ({ status: 'ok', what, detail });
export const failed = (what: string, detail: string): CheckResult => ({ status: 'FAIL', what, detail });
export const skipped = (what: string, detail: string): CheckResult => ({ status: 'skipped', what, detail });
