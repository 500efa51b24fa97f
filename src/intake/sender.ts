// Stage 6 (sender): who sent it. The organisation is decided by the From address's domain alone (or a
// subdomain of a registered domain, at a label boundary); display name, Reply-To and signature
// are kept as hints. A From address that the receiving server found forged (DMARC fail) is
// never taken for a listed organisation: the organisation it claims is kept as a hint.
import type { Organisation, Rules } from '../rules/types.js';
import type { IntakeContext } from './context.js';
import { problem, type Problem } from './problems.js';
import type { Address, SenderFinding } from './types.js';

export interface SenderResult {
  sender: SenderFinding;
  problems: Problem[];
}

export function decideSender(c: Pick<IntakeContext, 'message' | 'own' | 'rules'>): SenderResult {
  const m = c.message;
  return identifySender(m.from, m.replyTo, c.own.signature, c.own.forwardedFrom, m.headers, c.rules);
}

export function domainOf(address: string): string | null {
  const at = address.lastIndexOf('@');
  if (at < 1) return null;
  const domain = address.slice(at + 1).trim().toLowerCase().replace(/\.$/, '');
  return domain.includes('.') ? domain : null;
}

/** The register entry whose domain is the address's domain or a parent of it; the longest wins. */
export function organisationForDomain(domain: string, organisations: Organisation[]): { organisation: Organisation; domain: string } | null {
  let best: { organisation: Organisation; domain: string } | null = null;
  for (const organisation of organisations) {
    for (const d of organisation.domains) {
      if ((domain === d || domain.endsWith(`.${d}`)) && (!best || d.length > best.domain.length)) best = { organisation, domain: d };
    }
  }
  return best;
}

/** The receiving server's verdict on the From domain, from the topmost Authentication-Results header. */
export function dmarcFailed(headers: Map<string, string[]>): boolean {
  const topmost = headers.get('authentication-results')?.[0];
  return topmost !== undefined && /\bdmarc\s*=\s*fail\b/i.test(topmost);
}

/**
 * The receiving server says the From address is forged: DMARC failed, or SPF failed with no
 * passing DKIM signature. Only the topmost Authentication-Results counts: it is the one our own
 * server added (anything below it came with the message). The verdict in words, or null.
 */
export function forgedSender(headers: Map<string, string[]>): string | null {
  const topmost = headers.get('authentication-results')?.[0];
  if (topmost === undefined) return null;
  const result = (method: string) => new RegExp(`\\b${method}\\s*=\\s*([a-z]+)`, 'i').exec(topmost)?.[1]?.toLowerCase() ?? null;
  if (result('dmarc') === 'fail') return 'DMARC feilet for avsenderdomenet';
  if (result('spf') === 'fail' && !/\bdkim\s*=\s*pass\b/i.test(topmost)) return 'SPF feilet, og meldingen har ingen gyldig DKIM-signatur';
  return null;
}

/** The spam filter's flag (SpamAssassin, Exchange Online Protection), in words, or null. */
export function spamFlag(headers: Map<string, string[]>): string | null {
  const first = (name: string) => headers.get(name)?.[0]?.trim() ?? null;
  if (/^yes\b/i.test(first('x-spam-flag') ?? '')) return 'X-Spam-Flag: YES';
  if (/^yes\b/i.test(first('x-spam-status') ?? '')) return 'X-Spam-Status: Yes';
  const scl = Number(first('x-ms-exchange-organization-scl') ?? 'NaN');
  if (scl >= 5 && scl <= 9) return `spam-nivå (SCL) ${scl}`;
  if (/\bSFV:SPM\b/.test(first('x-forefront-antispam-report') ?? '')) return 'Exchange Online Protection: SFV:SPM';
  return null;
}

export function identifySender(
  from: Address | null,
  replyTo: Address | null,
  signature: string | null,
  forwardedFrom: string | null,
  headers: Map<string, string[]>,
  rules: Rules,
): SenderResult {
  const problems: Problem[] = [];
  const hints = {
    displayName: from?.name ?? '',
    replyTo: replyTo && replyTo.address !== from?.address ? replyTo.address : null,
    signature,
    forwardedFrom,
  };
  const unknown: SenderFinding = { organisation: null, category: 'ukjent', domain: null, hints };
  const domain = from ? domainOf(from.address) : null;
  if (!domain) return { sender: unknown, problems };
  const match = organisationForDomain(domain, rules.register);
  if (!match) return { sender: unknown, problems };
  if (dmarcFailed(headers)) {
    problems.push(problem('sender-unconfirmed', `avsenderadressen ${from!.address} er ikke bekreftet av mottakerserveren (DMARC feilet) – ikke registrert som ${match.organisation.name}`));
    const unconfirmed = { organisation: match.organisation.name, category: match.organisation.category, domain: match.domain };
    return { sender: { ...unknown, hints: { ...hints, unconfirmed } }, problems };
  }
  return {
    sender: { organisation: match.organisation.name, category: match.organisation.category, domain: match.domain, hints },
    problems,
  };
}
