// `innspill demo` (npm run demo): the main job on its embedded default. The configured Maildir
// (default var/mailbox) is seeded with the labeled fixture messages, the daemon makes one pass
// into the configured store (default var/data; receipts to the outbox folder), and a summary
// table is printed. Because the demo uses the same settings as every other command, `list`,
// `show`, `digest` and `export` show its submissions afterwards with nothing more to set.
//
// It starts over each time, and only ever removes what an earlier demo made: it refuses when the
// store holds a record that did not come from one of its own message files, when the Maildir
// holds a file it did not put there, or when IMAP is set up (then the store is a real one).
import { copyFile, mkdir, readdir, rm, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config.js';
import type { Rules } from '../rules/types.js';
import type { Logger } from '../log.js';
import { Daemon } from '../daemon.js';
import { Store } from '../store/json-store.js';
import { listCommand } from './list.js';
import { consultationOfRecord } from '../store/record.js';
import { reviewHoldsMessage } from '../intake/review.js';

const fixtures = fileURLToPath(new URL('../../fixtures/messages/', import.meta.url));

/** Every message file the demo puts in the Maildir has this in its name (the host part). */
const DEMO_MARK = '.demo,';

function bar(n: number, max: number, width = 24): string {
  return '█'.repeat(max === 0 ? 0 : Math.round((n / max) * width));
}

/** Every file below a folder (none if it does not exist). */
async function filesBelow(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return [];
    throw err;
  });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** Why the demo must not start over in these folders, or null when it may. */
async function whyNot(config: Config): Promise<string | null> {
  if (config.imap) {
    return `INNSPILL_IMAP_HOST er satt, så ${config.dataDir} er et ekte arkiv. Demoen legger eksempelmeldinger i arkivet og skal ikke kjøres der; kjør den i en egen kopi av innspill uten INNSPILL_IMAP_HOST.`;
  }
  const foreignMail = (await filesBelow(config.maildir)).filter((f) => !f.includes(DEMO_MARK));
  if (foreignMail.length > 0) {
    return `e-postmappen ${config.maildir} har ${foreignMail.length} meldinger som demoen ikke la der (f.eks. ${foreignMail[0]}). Demoen begynner på nytt hver gang og ville slettet dem; flytt dem, eller sett INNSPILL_MAILDIR til en annen mappe.`;
  }
  // Taking the lock refuses a daemon that runs on this store (StoreLockedError: exit status 2).
  const store = await Store.open(config.dataDir, { lock: true });
  const records = await store.readAll();
  await store.close();
  const foreign = records.filter((r) => r.source.kind !== 'maildir' || !r.source.file.includes(DEMO_MARK));
  if (foreign.length > 0) {
    return `arkivet ${config.dataDir} har ${foreign.length} innspill som ikke kom fra demoen (f.eks. ${foreign[0]!.id}). Demoen begynner på nytt hver gang og ville slettet dem; sett INNSPILL_DATA_DIR til en annen mappe for demoen.`;
  }
  return null;
}

/** Puts the fixture messages in the Maildir's new/ folder; returns how many. */
async function seed(maildir: string): Promise<number> {
  await mkdir(join(maildir, 'new'), { recursive: true });
  const names = (await readdir(fixtures)).filter((n) => n.endsWith('.eml')).sort();
  // Maildir names start with the delivery time, and the file's time is when it arrived: keep
  // the fixtures' order, a few minutes apart from 3 May 2021 on.
  let t = 1_620_000_000;
  for (const n of names) {
    const path = join(maildir, 'new', `${t}.M1P1${DEMO_MARK}S=${n.replace(/[^a-z0-9.-]/gi, '_')}`);
    await copyFile(join(fixtures, n), path);
    await utimes(path, t, t);
    t += 300;
  }
  return names.length;
}

export async function demoCommand(base: Config, rules: Rules, log: Logger, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const config: Config = { ...base, imap: null, smtp: null, digest: { ...base.digest, to: [] } };
  const refusal = await whyNot(base);
  if (refusal) {
    err.write(`innspill demo: ${refusal}\n`);
    return 2;
  }
  for (const dir of [config.dataDir, config.maildir, config.outboxDir]) await rm(dir, { recursive: true, force: true });
  const seeded = await seed(config.maildir);

  const daemon = new Daemon(config, rules, log);
  await daemon.open();
  try {
    await daemon.runOnce(false);
  } finally {
    await daemon.close();
  }

  const store = await Store.open(config.dataDir, { lock: false });
  const records = await store.readAll();
  await store.close();
  const left = (await readdir(join(config.maildir, 'new'))).length + (await readdir(join(config.maildir, 'cur'))).length;
  const submissions = records.filter((r) => r.relevant && !r.automatic && r.readable);
  const receipts = records.filter((r) => r.receipt.status === 'sent').length;
  const line = (s = '') => out.write(`${s}\n`);
  line(`innspill demo — ${seeded} meldinger lagt i ${config.maildir}, arkivert i ${config.dataDir}`);
  line();
  // Each filed message counted once. One held for a caseworker, and one that could not be read, is
  // filed and also left in the inbox untouched: taken from what the inbox still has.
  const heldHere = (r: (typeof records)[number]) => r.readable && reviewHoldsMessage(r.review);
  const held = records.filter(heldHere).length;
  const rest = records.filter((r) => !heldHere(r));
  const input = rest.filter((r) => r.relevant && !r.automatic && r.readable).length;
  const automatic = rest.filter((r) => r.automatic).length;
  const unreadable = rest.filter((r) => !r.readable && !r.automatic).length;
  const stillInInbox = held + unreadable;
  const row = (label: string, n: number | string) => line(`  ${label.padEnd(45)} ${n}`);
  row('Arkivert i alt', records.length);
  row('  innspill', input);
  row('  til vurdering (også i innboksen)', held);
  row('  automatiske (fravær, bounce …)', automatic);
  row('  uleselige, arkivert rått (også i innboksen)', unreadable);
  row('  annet (etterligninger o.l.)', records.length - input - held - automatic - unreadable);
  row('Ikke del av noen høring (urørt)', Math.max(0, left - stillInInbox));
  row('Etter fristen', submissions.filter((r) => r.late).length);
  row('Kvitteringer skrevet', `${receipts}  (${config.outboxDir})`);
  for (const view of rules.consultations) {
    const own = submissions.filter((r) => consultationOfRecord(r, rules.consultation.id) === view.consultation.id);
    line();
    line(`Innspill per forpliktelse — ${view.consultation.title} (${own.length})`);
    const rows = [...view.consultation.commitments, ...view.consultation.topics].map((c) => ({
      title: c.title,
      n: own.filter((r) => r.commitments.some((m) => m.id === c.id)).length,
    }));
    rows.push({ title: 'Uklassifisert', n: own.filter((r) => r.commitments.length === 0).length });
    const max = Math.max(...rows.map((r) => r.n));
    for (const r of rows) line(`  ${r.title.slice(0, 44).padEnd(45)} ${bar(r.n, max)} ${r.n}`);
  }
  line();
  line('Innspill per avsenderkategori');
  const cats = rules.consultation.senderCategories.map((c) => ({ title: c.title, n: submissions.filter((r) => r.sender.category === c.id).length }));
  const cmax = Math.max(...cats.map((c) => c.n));
  for (const c of cats) line(`  ${c.title.padEnd(45)} ${bar(c.n, cmax)} ${c.n}`);
  line();
  await listCommand(config.dataDir, rules, {}, out);
  line();
  line('Videre:  npx innspill show <ID>   npx innspill digest   npx innspill export --format csv --out innspill.csv');
  return 0;
}
