// Writes a consultation's consultation.yaml and senders.yaml (rules/consultations/<id>/) from the
// ministry's consultation.json. Run once when a consultation is set up (or when the ministry sends
// a new recipient list); `innspill consultation new` then fills in the rest of the folder:
//   npx tsx scripts/rules-from-consultation.ts ../shared/ogp/consultation.json ogp-4b
// Recipients already in the shared register (rules/senders.yaml) are listed as invited by name;
// the others are written as this consultation's own organisations.
// Afterwards the YAML files are the maintained data; caseworkers edit them directly.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';

interface Source {
  consultation: Record<string, string>;
  commitments: Array<{ id: string; title: string; ministry: string; change: string; summary: string }>;
  topics: Array<{ id: string; title: string; summary: string }>;
  unclassifiedId: string;
  senderCategories: Array<{ id: string; title: string }>;
  recipients: Array<{ name: string; shortName?: string; category: string; domains: string[]; note?: string }>;
}

const path = process.argv[2];
const id = process.argv[3];
if (!path || !id || !/^[a-z0-9-]+$/.test(id)) {
  process.stderr.write('usage: npx tsx scripts/rules-from-consultation.ts PATH/TO/consultation.json CONSULTATION-ID\n');
  process.exit(2);
}
const src = JSON.parse(readFileSync(path, 'utf8')) as Source;
const c = src.consultation;

const consultation = {
  title: c['title'],
  caseNumber: c['caseNumber'],
  idPrefix: '',
  letterReference: c['letterReference'],
  letterDate: c['letterDate'],
  deadline: `${c['deadline']}T23:59:59`,
  timezone: c['timezone'],
  mailbox: c['mailbox'],
  ministry: c['ministry'],
  ownAddresses: [c['mailbox']],
  addresses: [],
  digestTo: [],
  invitationMessageIds: [],
  contact: 'Tom Arne Nygaard, tom-arne.nygaard@kmd.dep.no, 22 24 49 71',
  commitments: src.commitments.map(({ id, title, ministry }) => ({ id, title, ministry })),
  topics: src.topics.map(({ id, title }) => ({ id, title })),
  unclassifiedId: src.unclassifiedId,
};

const shared = new Set((parse(readFileSync('rules/senders.yaml', 'utf8')) as { organisations: Array<{ name: string }> }).organisations.map((o) => o.name));
const senders = {
  invited: src.recipients.map((r) => r.name),
  organisations: src.recipients
    .filter((r) => !shared.has(r.name))
    .map((r) => ({ name: r.name, ...(r.shortName ? { shortName: r.shortName } : {}), category: r.category, domains: r.domains })),
};

const header = (what: string) =>
  `# ${what}\n# Generated from consultation.json by scripts/rules-from-consultation.ts, then maintained by hand.\n`;
const folder = `rules/consultations/${id}`;
mkdirSync(folder, { recursive: true });
writeFileSync(`${folder}/consultation.yaml`, header(`One consultation innspill runs (its folder name, ${id}, is its id).`) + stringify(consultation, { lineWidth: 0 }));
writeFileSync(`${folder}/senders.yaml`, header('Whom this consultation invited; organisations only it hears from.') + stringify(senders, { lineWidth: 0 }));
process.stdout.write(`wrote ${folder}/consultation.yaml and ${folder}/senders.yaml\n`);
