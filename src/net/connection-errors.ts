// Network and TLS failures of a mail connection (IMAP or SMTP) in words an operator can act on:
// which setting to look at, and what to try. Used by `innspill config check` and in the log.
export interface Endpoint {
  service: 'IMAP' | 'SMTP';
  /** "INNSPILL_IMAP" or "INNSPILL_SMTP": the prefix of the settings named in the advice */
  prefix: string;
  host: string;
  port: number;
  tls: 'true' | 'starttls' | 'false';
  /** the connection/greeting time limit, for the words */
  timeoutSeconds: number;
}

interface NetError {
  code?: string;
  message?: string;
  reason?: string;
  command?: string;
}

const CERT_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
]);

const TLS_PORTS = { IMAP: 993, SMTP: 465 } as const;
const PLAIN_PORTS = { IMAP: '143', SMTP: '587 (STARTTLS) or 25' } as const;

/** Words for a connection-level failure, or null when the error is not one (e.g. a refused login). */
export function explainConnectionError(err: unknown, at: Endpoint): string | null {
  const e = (err ?? {}) as NetError;
  const message = e.message ?? String(err);
  const code = e.code ?? '';
  const has = (re: RegExp) => re.test(code) || re.test(message);
  const where = `${at.host}:${at.port}`;

  if (has(/ECONNREFUSED/)) {
    return `connection refused: nothing listens on ${where}; check ${at.prefix}_PORT (${at.service} uses ${TLS_PORTS[at.service]} with TLS, ${PLAIN_PORTS[at.service]} without)`;
  }
  if (has(/ENOTFOUND|EAI_AGAIN|EAI_NONAME/)) return `the host name "${at.host}" cannot be resolved (DNS); check ${at.prefix}_HOST`;
  if (has(/EHOSTUNREACH|ENETUNREACH/)) return `no route to ${where} (network unreachable); check ${at.prefix}_HOST and the firewall`;
  if (has(/ERR_SSL_WRONG_VERSION_NUMBER|wrong version number|packet length too long|unknown protocol|ERR_SSL_PACKET_LENGTH_TOO_LONG/)) {
    return at.tls === 'true'
      ? `TLS mismatch: the server did not answer TLS on this port; try ${at.prefix}_TLS=starttls or false (or port ${TLS_PORTS[at.service]} for implicit TLS)`
      : `TLS mismatch: the TLS handshake failed on ${where} (${e.reason ?? message.trim()})`;
  }
  if (code === 'GREETING_TIMEOUT' || /Greeting never received|receive greeting/i.test(message)) {
    return at.tls === 'true'
      ? `the server sent no ${at.service} greeting within ${at.timeoutSeconds} s on ${where}`
      : `TLS mismatch: the server sent no ${at.service} greeting within ${at.timeoutSeconds} s; this looks like a TLS port, try ${at.prefix}_TLS=true`;
  }
  if (/does not support STARTTLS/i.test(message) || (code === 'ETLS' && (e.command === 'STARTTLS' || /STARTTLS/.test(message)))) {
    return `TLS mismatch: the server does not offer STARTTLS on this port; use ${at.prefix}_TLS=true if this is an implicit-TLS port (${TLS_PORTS[at.service]}), or ${at.prefix}_TLS=false only on a trusted network`;
  }
  if (CERT_CODES.has(code) || /self[- ]signed certificate|unable to verify|certificate has expired/i.test(message)) {
    const ca = at.service === 'IMAP' ? `set ${at.prefix}_CA to the PEM file of the CA that signed it` : 'make its CA trusted (NODE_EXTRA_CA_CERTS=/path/to/ca.pem in the environment)';
    return `the server's TLS certificate is not trusted (${code || message.trim()}): ${ca}`;
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID' || /Hostname\/IP does not match/i.test(message)) {
    return `the server's TLS certificate is for another name than "${at.host}": set ${at.prefix}_HOST to the name on the certificate`;
  }
  if (has(/ETIMEDOUT|CONNECT_TIMEOUT|ETIMEOUT|timed? ?out/i)) {
    return `no answer from ${where} within ${at.timeoutSeconds} s (a firewall, or the wrong host or port)`;
  }
  if (has(/ECONNRESET|EPIPE|socket hang up|closed unexpectedly|Connection closed/i)) {
    return `the server closed the connection on ${where} before the login (${message.trim()}); check ${at.prefix}_PORT and ${at.prefix}_TLS`;
  }
  return null;
}
