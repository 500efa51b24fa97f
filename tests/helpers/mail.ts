// Builds small RFC 822 messages for unit tests of the intake core.
export interface TestMail {
  from?: string;
  to?: string;
  subject?: string;
  date?: string;
  received?: string[];
  messageId?: string | null;
  headers?: Record<string, string>;
  body?: string;
  contentType?: string;
  attachments?: Array<{ filename: string; contentType: string; content: Buffer; disposition?: string; cid?: string }>;
}

export function mail(m: TestMail): Buffer {
  const lines: string[] = [];
  for (const r of m.received ?? ['from mx.example.org by mx01.dep.no; Mon, 10 May 2021 10:00:00 +0200']) lines.push(`Received: ${r}`);
  lines.push(`From: ${m.from ?? 'Kari Nordmann <kari@ks.no>'}`);
  lines.push(`To: ${m.to ?? 'postmottak@kmd.dep.no'}`);
  lines.push(`Subject: ${m.subject ?? 'Innspill til handlingsplan 4B'}`);
  lines.push(`Date: ${m.date ?? 'Mon, 10 May 2021 09:59:00 +0200'}`);
  if (m.messageId !== null) lines.push(`Message-ID: ${m.messageId ?? `<${Math.random().toString(36).slice(2)}@test.example>`}`);
  for (const [k, v] of Object.entries(m.headers ?? {})) lines.push(`${k}: ${v}`);
  lines.push('MIME-Version: 1.0');
  const body = m.body ?? 'Hei,\n\nVi har innspill til OGP handlingsplan 4B.\n';
  if (!m.attachments || m.attachments.length === 0) {
    lines.push(`Content-Type: ${m.contentType ?? 'text/plain; charset=utf-8'}`, 'Content-Transfer-Encoding: 8bit', '', body);
    return Buffer.from(lines.join('\r\n').replace(/\r?\n/g, '\r\n'), 'utf8');
  }
  const b = 'BOUNDARY-test-1';
  lines.push(`Content-Type: multipart/mixed; boundary="${b}"`, '', `--${b}`, `Content-Type: ${m.contentType ?? 'text/plain; charset=utf-8'}`, 'Content-Transfer-Encoding: 8bit', '', body);
  for (const a of m.attachments) {
    lines.push(`--${b}`, `Content-Type: ${a.contentType}; name="${a.filename}"`, `Content-Disposition: ${a.disposition ?? 'attachment'}; filename="${a.filename}"`);
    if (a.cid) lines.push(`Content-ID: <${a.cid}>`);
    lines.push('Content-Transfer-Encoding: base64', '', (a.content.toString('base64').match(/.{1,76}/g) ?? ['']).join('\r\n'));
  }
  lines.push(`--${b}--`, '');
  return Buffer.from(lines.join('\r\n').replace(/\r?\n/g, '\r\n'), 'utf8');
}
