// Messages the decision tests share: a reply held for review (a forged sender) and a genuine one.
import { existsSync, readdirSync } from 'node:fs';
import { mail } from './mail.js';

export const INVITATION_ID = '<5d6b1f8e2a3c4e7f9b0a1c2d3e4f5a6b@EXCH-MBX01.dss.dep.no>';
export const SUBJECT = 'SV: OGP - Open Government Partnership - Interessentforumet - Invitasjon til innspill til Handlingsplan 4 B';
/** A reply the receiving server found forged (DMARC fail): held for review. */
export function forgedReply(from = 'Kari Nordmann <kari@ks.no>', body = 'Vi viser til invitasjonen og mener eInnsyn bør vise alle dokumenter i fulltekst, også vedleggene.\n\nHilsen Kari'): Buffer {
  return mail({
    from,
    subject: SUBJECT,
    headers: {
      'Authentication-Results': 'mx01.dep.no; spf=fail smtp.mailfrom=ks.no; dkim=none; dmarc=fail (p=none) header.from=ks.no',
      'In-Reply-To': INVITATION_ID,
    },
    body,
  });
}
export const genuineReply = (from = 'Ola Nordmann <ola@ks.no>') =>
  mail({
    from,
    subject: SUBJECT,
    headers: { 'Authentication-Results': 'mx01.dep.no; spf=pass smtp.mailfrom=ks.no; dkim=pass header.d=ks.no; dmarc=pass header.from=ks.no', 'In-Reply-To': INVITATION_ID },
    body: 'Vi viser til invitasjonen og mener eInnsyn bør vise alle dokumenter i fulltekst, også vedleggene.\n\nHilsen Ola',
  });

export const outboxFiles = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.eml')) : []);

