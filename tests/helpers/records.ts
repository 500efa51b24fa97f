/**
 * Filed records for tests, written as the store keeps them (records/<id>.json), without going
 * through intake: a test says what matters (sender, commitments, lateness, receipt) and gets a
 * realistic SubmissionRecord with sensible defaults for the rest.
 *
 *   const records = consultationFixture();
 *   const dir = fixtureStore(records);            // a temp data folder
 *   const store = await Store.open(dir, { lock: false });
 *
 * The sender's organisation and category come from the project's sender register (rules/), by
 * the address's domain, the way intake finds them.
 */
import { mkdirSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { domainOf, organisationForDomain } from '../../src/intake/sender.js';
import type { AutomaticKind, Evidence } from '../../src/intake/types.js';
import type { ReceiptState, StoredAttachment, SubmissionRecord } from '../../src/store/record.js';
import { projectRules } from './rules.js';

export interface RecordSpec {
  seq: number;
  /** Sender address; null for a message without a readable From. */
  from?: string | null;
  name?: string;
  subject?: string;
  ownWords?: string;
  /** Commitment or topic ids; evidence is made up from the id unless given. */
  commitments?: Array<string | { id: string; evidence: Evidence[] }>;
  receivedAt?: string | null;
  /** Default: two minutes after receivedAt. */
  filedAt?: string;
  /** Default: received after the consultation's deadline. */
  late?: boolean;
  relevant?: boolean;
  readable?: boolean;
  automaticKind?: AutomaticKind | null;
  bouncedRecipients?: string[];
  attachments?: Array<{ filename: string; problem?: string | null; detectedType?: string; size?: number }>;
  receipt?: Partial<ReceiptState>;
  followUpOf?: string | null;
  problems?: string[];
  language?: 'nb' | 'nn' | 'en';
  date?: string | null;
}

export const recordId = (seq: number): string => `2021-${String(seq).padStart(4, '0')}`;

function evidenceFor(id: string): Evidence[] {
  const word = id.replace(/-/g, ' ');
  return [{ term: word, where: 'e-posten', snippet: `… vi mener at ${word} bør prioriteres i planen …` }];
}

function attachment(a: NonNullable<RecordSpec['attachments']>[number], i: number, seq: number): StoredAttachment {
  // Each record's own bytes: the same sha256 in two records would be the same document (a campaign).
  const sha = `${String(seq).padStart(4, '0')}${String(i).padStart(2, '0')}${'ab'.repeat(29)}`;
  const problem = a.problem ?? null;
  return {
    filename: a.filename,
    contentType: 'application/pdf',
    detectedType: a.detectedType ?? 'pdf',
    size: a.size ?? 48_213,
    sha256: sha,
    problem,
    nested: false,
    file: `attachments/${sha.slice(0, 2)}/${sha}`,
    textFile: problem ? null : `attachments/${sha.slice(0, 2)}/${sha}.txt`,
    textLength: problem ? 0 : 2_400,
  };
}

export function makeRecord(spec: RecordSpec): SubmissionRecord {
  const r = projectRules();
  const id = recordId(spec.seq);
  const address = spec.from === undefined ? 'postmottak@ks.no' : spec.from;
  const domain = address ? domainOf(address) : null;
  const match = domain ? organisationForDomain(domain, r.organisations) : null;
  const receivedAt = spec.receivedAt === undefined ? new Date(Date.UTC(2021, 4, 10, 8, spec.seq)).toISOString() : spec.receivedAt;
  const filedAt = spec.filedAt ?? new Date(Date.parse(receivedAt ?? '2021-05-10T08:00:00Z') + 120_000).toISOString();
  const automaticKind = spec.automaticKind ?? null;
  const commitments = (spec.commitments ?? []).map((c, i) =>
    typeof c === 'string' ? { id: c, score: 10 - i, evidence: evidenceFor(c) } : { id: c.id, score: 10 - i, evidence: c.evidence },
  );
  const receiptSent = automaticKind === null && spec.readable !== false;
  return {
    id,
    seq: spec.seq,
    filedAt,
    classifiedAt: filedAt,
    source: { kind: 'maildir', file: `cur/${id}.eml` },
    raw: `raw/${id}.eml`,
    rawSha256: `${String(spec.seq).padStart(4, '0')}${'cd'.repeat(30)}`,
    size: 5_120,
    fingerprint: `fp-${id}`,
    followUpOf: spec.followUpOf ?? null,
    sharesMessageIdWith: [],
    readable: spec.readable ?? true,
    messageId: `<${id}@test.innspill>`,
    receivedAt,
    receivedFrom: receivedAt ? 'received' : null,
    date: spec.date === undefined ? receivedAt : spec.date,
    from: address ? { address, name: spec.name ?? '' } : null,
    replyTo: null,
    to: [{ address: 'postmottak@kmd.dep.no', name: '' }],
    subject: spec.subject ?? 'Innspill til handlingsplan 4B',
    inReplyTo: null,
    references: [],
    relevant: spec.relevant ?? true,
    relevance: { score: 8, reasons: ['nevner handlingsplanen (+5)'] },
    automatic: automaticKind !== null,
    automaticKind,
    bouncedRecipients: spec.bouncedRecipients ?? [],
    sender: {
      organisation: match?.organisation.name ?? null,
      category: match?.organisation.category ?? 'ukjent',
      domain: match?.domain ?? null,
      hints: { displayName: spec.name ?? '', replyTo: null, signature: null, forwardedFrom: null },
    },
    commitments,
    language: spec.language ?? 'nb',
    late: spec.late ?? (receivedAt !== null && Date.parse(receivedAt) > r.consultation.deadlineAt.getTime()),
    attachments: (spec.attachments ?? []).map((a, i) => attachment(a, i, spec.seq)),
    ownWords: spec.ownWords ?? 'Vi takker for invitasjonen. Vi har følgende innspill til handlingsplanen. Se vedlegget for detaljer.',
    headers: {},
    problems: spec.problems ?? [],
    receipt: {
      send: receiptSent,
      reason: receiptSent ? 'kvittering sendes' : 'ingen kvittering: automatisk melding',
      status: receiptSent ? 'sent' : 'skipped',
      attempts: receiptSent ? 1 : 0,
      nextAttemptAt: null,
      messageId: receiptSent ? `<kvittering.${id}@kmd.dep.no>` : null,
      sentAt: receiptSent ? filedAt : null,
      error: null,
      deliveredTo: receiptSent ? 'smtp' : null,
      ...spec.receipt,
    },
  };
}

/**
 * Writes records into <dir>/records/ as the store does: each file appears whole (temp file, then
 * rename), so a digest running at the same time never reads half a record.
 */
export function writeRecords(dir: string, records: SubmissionRecord[]): void {
  mkdirSync(join(dir, 'records'), { recursive: true });
  for (const r of records) {
    const path = join(dir, 'records', `${r.id}.json`);
    writeFileSync(`${path}.tmp`, `${JSON.stringify(r, null, 2)}\n`);
    renameSync(`${path}.tmp`, path);
  }
}

/** A new temp data folder holding these records. */
export function fixtureStore(records: SubmissionRecord[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'innspill-digest-'));
  writeRecords(dir, records);
  return dir;
}

export const HOSTILE = {
  script: '<script>alert(1)</script>',
  img: '"><img src=x onerror=alert(1)>',
  /** Tries to leave a mark that the browser test looks for. */
  pwn: '<img src=x onerror="window.__pwned=1;document.title=\'pwned\';alert(1)">',
  svg: '<svg onload="window.__pwned=1"></svg>',
};

/**
 * A small consultation: several commitments, submissions about more than one, unknown senders,
 * a late one, an unreadable attachment, a failed and a pending receipt, a follow-up, a bounce of
 * the invitation, an out-of-office reply, an unreadable message, and hostile strings in subject,
 * display name, own words and file names.
 */
export function consultationFixture(): SubmissionRecord[] {
  return [
    makeRecord({
      seq: 1,
      from: 'postmottak@ks.no',
      name: 'Kari Nordmann',
      subject: 'Innspill fra KS til handlingsplan 4B',
      ownWords:
        'KS støtter arbeidet med eInnsyn. Kommunene trenger bedre veiledning om journalføring.   Vi foreslår at\n\nKS deltar i arbeidsgruppen. Dette er en fjerde setning som ikke skal med i utdraget.',
      commitments: ['einnsyn', 'journalforing'],
      attachments: [{ filename: 'Høringssvar KS – æøå.pdf' }],
    }),
    makeRecord({
      seq: 2,
      from: 'post@transparency.no',
      name: 'Guro Slettemark',
      subject: 'Høringsinnspill: korrupsjon og reelle rettighetshavere',
      commitments: ['antikorrupsjon', 'reelle-rettighetshavere', 'ny-forpliktelse'],
    }),
    makeRecord({ seq: 3, from: 'postmottak@fin.dep.no', name: 'Finansdepartementet', subject: 'Register over reelle rettighetshavere – status', commitments: ['reelle-rettighetshavere'] }),
    makeRecord({
      seq: 4,
      from: 'hacker@gmail.com',
      name: HOSTILE.img,
      subject: `${HOSTILE.script} Innspill om eInnsyn ${HOSTILE.pwn}`,
      ownWords: `Hei! ${HOSTILE.pwn} ${HOSTILE.svg} eInnsyn må bli bedre. <b>Fet</b> & "sitert" 'enkel'.`,
      commitments: [{ id: 'einnsyn', evidence: [{ term: 'einnsyn', where: `${HOSTILE.script}.pdf`, snippet: `${HOSTILE.img} einnsyn` }] }],
      attachments: [{ filename: `${HOSTILE.pwn}.pdf`, problem: 'filen er kryptert og kunne ikke leses' }],
    }),
    makeRecord({
      seq: 5,
      from: 'post@wikimedia.no',
      name: 'Wikimedia Norge',
      subject: 'Innspill om åpne kulturdata',
      receivedAt: '2021-05-19T08:30:00.000Z',
      commitments: ['kulturdata'],
    }),
    makeRecord({
      seq: 6,
      from: 'firmapost@abelia.no',
      name: 'Abelia',
      subject: 'Kommentarer til planen',
      commitments: [],
      receipt: { status: 'failed', attempts: 3, error: 'SMTP-serveren avviste meldingen permanent: 550 mailbox unavailable', sentAt: null, deliveredTo: null },
    }),
    makeRecord({ seq: 7, from: 'ole.hansen@nho.no', name: 'Ole Hansen', subject: 'Fraværsmelding: Invitasjon til innspill', automaticKind: 'out-of-office', ownWords: 'Jeg er på ferie til 24. mai.' }),
    makeRecord({
      seq: 8,
      from: 'mailer-daemon@kmd.dep.no',
      name: 'Mail Delivery System',
      subject: 'Undeliverable: Invitasjon til innspill til Handlingsplan 4 B',
      automaticKind: 'bounce',
      bouncedRecipients: ['post@lla.no', 'redaksjon@post.fagpressen.no', 'ukjent@example.org'],
    }),
    makeRecord({
      seq: 9,
      from: 'kari.nordmann@ks.no',
      name: 'Kari Nordmann',
      subject: 'SV: Innspill fra KS til handlingsplan 4B',
      commitments: ['einnsyn'],
      followUpOf: recordId(1),
      receivedAt: '2021-05-12T07:00:00.000Z',
    }),
    makeRecord({
      seq: 10,
      from: null,
      subject: '',
      readable: false,
      relevant: false,
      receivedAt: null,
      filedAt: '2021-05-12T08:00:00.000Z',
      ownWords: '',
      problems: ['filen er ikke en e-postmelding (ingen e-posthoder funnet)'],
    }),
    makeRecord({ seq: 11, from: 'info@amnesty.no', name: 'Amnesty International Norge', subject: 'Om samskapingsprosessen', commitments: ['samskaping'] }),
    makeRecord({
      seq: 12,
      from: 'ungdom@lo.no',
      name: 'LO Ungdom',
      subject: 'Ungdomspanel – innspill',
      commitments: ['ungdomspanel'],
      receipt: { status: 'pending', attempts: 2, nextAttemptAt: '2021-05-12T10:00:00.000Z', error: 'SMTP-serveren kunne ikke nås: ECONNREFUSED', sentAt: null, deliveredTo: null },
    }),
    makeRecord({ seq: 13, from: 'aase.berg@gmail.com', name: 'Åse Berg', subject: 'eInnsyn for innbyggere', commitments: ['einnsyn'] }),
    makeRecord({ seq: 14, from: 'ola@online.no', name: 'ola nordmann', subject: 'Innsyn', commitments: ['einnsyn'] }),
    makeRecord({ seq: 15, from: 'post@nored.no', name: 'Norsk Redaktørforening', subject: 'Innspill om eInnsyn fra NR', commitments: ['einnsyn'] }),
    makeRecord({ seq: 16, from: 'kollega@kmd.dep.no', name: 'Kollega i KMD', subject: 'Internt innspill om eInnsyn', commitments: ['einnsyn'] }),
  ];
}
