// `innspill demo` (npm run demo): the main job on its embedded default. A fresh Maildir is
// seeded with the labeled fixture messages, the daemon makes one pass (filing, receipts to the
// outbox folder), and a summary table is printed.
import { copyFile, mkdir, readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config.js';
import type { Rules } from '../rules/types.js';
import type { Logger } from '../log.js';
import { Daemon } from '../daemon.js';
import { Store } from '../store/json-store.js';
import { listCommand } from './list.js';

const fixtures = fileURLToPath(new URL('../../fixtures/messages/', import.meta.url));

function bar(n: number, max: number, width = 24): string {
  return '█'.repeat(max === 0 ? 0 : Math.round((n / max) * width));
}

export async function demoCommand(base: Config, rules: Rules, log: Logger, dir: string, out: NodeJS.WritableStream): Promise<number> {
  const root = resolve(dir);
  await rm(root, { recursive: true, force: true });
  const maildir = join(root, 'mailbox');
  await mkdir(join(maildir, 'new'), { recursive: true });
  const names = (await readdir(fixtures)).filter((n) => n.endsWith('.eml')).sort();
  // Maildir names start with the delivery time; keep the fixtures' order.
  let t = 1_620_000_000;
  for (const n of names) await copyFile(join(fixtures, n), join(maildir, 'new', `${t++}.M1P1.demo,S=${n.replace(/[^a-z0-9.-]/gi, '_')}`));
  const config: Config = { ...base, dataDir: join(root, 'data'), maildir, outboxDir: join(root, 'outbox'), imap: null, smtp: null, digest: { ...base.digest, to: [] } };

  const daemon = new Daemon(config, rules, log);
  await daemon.open();
  try {
    await daemon.runOnce(false);
  } finally {
    await daemon.close();
  }

  const store = await Store.open(config.dataDir, { lock: false });
  const records = await store.readAll();
  const left = (await readdir(join(maildir, 'new'))).length + (await readdir(join(maildir, 'cur'))).length;
  const submissions = records.filter((r) => r.relevant && !r.automatic && r.readable);
  const receipts = records.filter((r) => r.receipt.status === 'sent').length;
  const line = (s = '') => out.write(`${s}\n`);
  line(`innspill demo — ${names.length} meldinger lagt i ${maildir}`);
  line();
  line(`  Arkivert som innspill          ${submissions.length}`);
  line(`  Automatiske (fravær, bounce …) ${records.filter((r) => r.automatic).length}`);
  line(`  Uleselige, arkivert rått       ${records.filter((r) => !r.readable).length}`);
  line(`  Ikke del av høringen (urørt)   ${left}`);
  line(`  Etter fristen                  ${submissions.filter((r) => r.late).length}`);
  line(`  Kvitteringer skrevet           ${receipts}  (${config.outboxDir})`);
  line();
  line('Innspill per forpliktelse');
  const rows = [...rules.consultation.commitments, ...rules.consultation.topics].map((c) => ({
    title: c.title,
    n: submissions.filter((r) => r.commitments.some((m) => m.id === c.id)).length,
  }));
  rows.push({ title: 'Uklassifisert', n: submissions.filter((r) => r.commitments.length === 0).length });
  const max = Math.max(...rows.map((r) => r.n));
  for (const r of rows) line(`  ${r.title.slice(0, 44).padEnd(45)} ${bar(r.n, max)} ${r.n}`);
  line();
  line('Innspill per avsenderkategori');
  const cats = rules.consultation.senderCategories.map((c) => ({ title: c.title, n: submissions.filter((r) => r.sender.category === c.id).length }));
  const cmax = Math.max(...cats.map((c) => c.n));
  for (const c of cats) line(`  ${c.title.padEnd(45)} ${bar(c.n, cmax)} ${c.n}`);
  line();
  await listCommand(config.dataDir, rules, {}, out);
  line();
  line(`Se ett innspill:  npx innspill show <ID>   (med INNSPILL_DATA_DIR=${config.dataDir})`);
  return 0;
}
