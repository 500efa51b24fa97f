// Writes rules/consultation.yaml and rules/senders.yaml from the ministry's consultation.json.
// Run once when a consultation is set up (or when the ministry sends a new recipient list):
//   npx tsx scripts/rules-from-consultation.ts ../shared/ogp/consultation.json
// Afterwards the YAML files are the maintained data; caseworkers edit them directly.
import { readFileSync, writeFileSync } from 'node:fs';
import { stringify } from 'yaml';

interface Source {
  consultation: Record<string, string>;
  commitments: Array<{ id: string; title: string; ministry: string; change: string; summary: string }>;
  topics: Array<{ id: string; title: string; summary: string }>;
  unclassifiedId: string;
  senderCategories: Array<{ id: string; title: string }>;
  recipients: Array<{ name: string; shortName?: string; category: string; domains: string[]; note?: string }>;
}

const path = process.argv[2];
if (!path) {
  process.stderr.write('usage: npx tsx scripts/rules-from-consultation.ts PATH/TO/consultation.json\n');
  process.exit(2);
}
const src = JSON.parse(readFileSync(path, 'utf8')) as Source;
const c = src.consultation;

const consultation = {
  title: c['title'],
  caseNumber: c['caseNumber'],
  letterReference: c['letterReference'],
  letterDate: c['letterDate'],
  deadline: `${c['deadline']}T23:59:59`,
  timezone: c['timezone'],
  mailbox: c['mailbox'],
  ministry: c['ministry'],
  ownAddresses: [c['mailbox']],
  invitationMessageIds: [],
  contact: 'Tom Arne Nygaard, tom-arne.nygaard@kmd.dep.no, 22 24 49 71',
  commitments: src.commitments.map(({ id, title, ministry }) => ({ id, title, ministry })),
  topics: src.topics.map(({ id, title }) => ({ id, title })),
  unclassifiedId: src.unclassifiedId,
  senderCategories: src.senderCategories,
};

const senders = {
  organisations: src.recipients.map((r) => ({
    name: r.name,
    ...(r.shortName ? { shortName: r.shortName } : {}),
    category: r.category,
    domains: r.domains,
    invited: true,
  })),
};

const header = (what: string) =>
  `# ${what}\n# Generated from consultation.json by scripts/rules-from-consultation.ts, then maintained by hand.\n`;
writeFileSync('rules/consultation.yaml', header('The consultation this intake serves.') + stringify(consultation, { lineWidth: 0 }));
writeFileSync(
  'rules/senders.yaml',
  header('Sender register: organisations by mail domain (a subdomain matches too: post.ks.no is ks.no).') +
    '# invited: true = on the invitation letter\'s list of recipients (shown as "not replied yet" in digests).\n' +
    stringify(senders, { lineWidth: 0 }),
);
process.stdout.write('wrote rules/consultation.yaml and rules/senders.yaml\n');
