// The campaign part of `npm run bench`, runnable alone:
//
//   npx tsx scripts/bench/campaigns.ts [--members 5000] [--others 1000]
//
// A campaign of 5,000 members (one template, each with a greeting, a name and often a line of their
// own, from 5,000 addresses) and 1,000 other submissions (copies of the consultation replies), filed
// in-process in the daemon's batches of 20 through the same pipeline (intake, store, campaign index).
// Reported: the time the campaign tracking took against the whole filing (target ≤ 10 %), and how
// long `innspill campaigns` and `innspill digest` take over the result (target < 2 s each), wall and
// CPU: the first `campaigns` after filing (it describes and keeps the campaigns), both again over the
// unchanged store, and both after one more daemon batch of 20 members (with --keep, run again, that
// batch is already filed: the store is then unchanged).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../src/config.js';
import { loadRules } from '../../src/rules/load.js';
import { ExtractorPool } from '../../src/extract-pool/pool.js';
import { createLogger } from '../../src/log.js';
import { limitsFrom } from '../../src/limits.js';
import { Store } from '../../src/store/json-store.js';
import { fileBatch, readBatch, type PipelineDeps } from '../../src/pipeline.js';
import type { Incoming } from '../../src/mailbox/types.js';
import { campaignTrackingMs, refreshCampaignIndex } from '../../src/store/campaign-tracker.js';
import { campaignsCommand } from '../../src/commands/campaigns.js';
import { digestCommand } from '../../src/commands/digest.js';
import { copyOf, isReply } from '../../tests/helpers/generate.ts';
import { mail } from '../../tests/helpers/mail.ts';
import { rng } from './prng.ts';

const { values: args } = parseArgs({
  options: {
    members: { type: 'string', default: '5000' },
    others: { type: 'string', default: '1000' },
    seed: { type: 'string', default: 'kampanje' },
    /** Keep the store in this folder; when it holds one already, only the commands are timed again. */
    keep: { type: 'string' },
  },
});
const MEMBERS = Number(args.members);
const OTHERS = Number(args.others);
const BATCH = 20;

const TEMPLATE = [
  'Jeg sender dette innspillet til Norges OGP-handlingsplan 4B fordi åpne postlister betyr mye for meg som innbygger.',
  'Alle kommuner og fylkeskommuner bør publisere postjournalen sin i eInnsyn, slik at vi kan se hvilke saker kommunen arbeider med. I dag er det for mange kommuner som ikke gjør dette, eller som legger ut journalen som tunge PDF-filer ingen kan søke i.',
  'Jeg ber derfor departementet om å skrive inn i forpliktelsen om eInnsyn en frist for når alle kommuner skal være med, og at staten dekker kostnadene for de minste kommunene.',
  'Åpenhet i lokaldemokratiet er en forutsetning for tillit.',
];
const GREETINGS = ['Hei,', 'God dag,', 'Til departementet.', 'Hei!', ''];
const PLACES = ['Vinje', 'Ål', 'Gran', 'Hyllestad', 'Finnsnes', 'Bodø', 'Lyngen', 'Vågå', 'Hitra', 'Sauda'];

function members(count: number, seed: string, first = 0): Buffer[] {
  const r = rng(seed);
  const rnd = () => r.next();
  return Array.from({ length: count }, (_, i) => {
    const n = first + i;
    const place = PLACES[Math.floor(rnd() * PLACES.length)]!;
    const personal = rnd() < 0.6 ? `Jeg bor i ${place}, og kommunen min har ${rnd() < 0.5 ? 'ingen postliste på nettet' : `en postliste som oppdateres hver ${Math.ceil(rnd() * 8)}. uke`}.` : '';
    const body = [GREETINGS[Math.floor(rnd() * GREETINGS.length)]!, ...TEMPLATE.slice(0, rnd() < 0.1 ? 3 : 4), personal].filter(Boolean).join('\n\n');
    return mail({ from: `Innbygger ${n} <innbygger${n}@example.org>`, subject: 'Innspill til OGP-handlingsplan 4B: åpne postlister', messageId: `<kampanje-${n}@example.org>`, body: `${body}\n\nMed vennlig hilsen\nInnbygger ${n}\n` });
  });
}

/** Members and other submissions interleaved, as a campaign arrives among other mail. */
function mailbox(): Incoming[] {
  const campaign = members(MEMBERS, args.seed!);
  const others = Array.from({ length: OTHERS }, (_, i) => copyOf(i, isReply).raw);
  const all: Buffer[] = [];
  const every = Math.max(1, Math.round(MEMBERS / Math.max(1, OTHERS)));
  let o = 0;
  campaign.forEach((m, i) => {
    all.push(m);
    if (i % every === 0 && o < others.length) all.push(others[o++]!);
  });
  all.push(...others.slice(o));
  return all.map((raw, i) => ({ raw, source: { kind: 'file', path: `bench-${i}.eml` }, mailboxDate: new Date(Date.UTC(2021, 4, 3) + i * 60_000) }));
}

const devNull = () => new Writable({ write: (_c, _e, cb) => cb() });

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await fn();
  return [result, performance.now() - started];
}

/** A command's wall time and the CPU time (user + system) this process spent meanwhile. */
interface Timing {
  wall: number;
  cpu: number;
}
async function timedCommand(fn: () => Promise<unknown>): Promise<[unknown, Timing]> {
  const cpu0 = process.cpuUsage();
  const [result, wall] = await timed(fn);
  const c = process.cpuUsage(cpu0);
  return [result, { wall, cpu: (c.user + c.system) / 1000 }];
}

async function main(): Promise<void> {
  const work = args.keep ?? mkdtempSync(join(tmpdir(), 'innspill-bench-campaigns-'));
  const again = args.keep !== undefined && existsSync(join(work, 'data', 'records'));
  const config = loadConfig({ INNSPILL_DATA_DIR: join(work, 'data'), INNSPILL_MAILDIR: join(work, 'mailbox'), INNSPILL_OUTBOX_DIR: join(work, 'outbox'), INNSPILL_LOG_LEVEL: 'silent' }, work);
  const rules = loadRules(config.rulesDir);
  const pool = new ExtractorPool(config.workers);
  const store = await Store.open(config.dataDir, { lock: true });
  const items = again ? [] : mailbox();
  process.stderr.write(`filing ${items.length} messages (${MEMBERS} campaign members, ${OTHERS} others) in batches of ${BATCH} …\n`);
  const deps: PipelineDeps = {
    rules: () => rules,
    store,
    extractor: pool.extractor,
    limits: limitsFrom(config),
    log: createLogger({ level: 'silent', secrets: [] }),
    receiptAllowed: () => true,
    now: () => new Date(),
    concurrency: Math.max(4, config.workers * 2),
  };
  const [, filingMs] = await timed(async () => {
    for (let i = 0; i < (again ? 0 : items.length); i += BATCH) {
      const batch = items.slice(i, i + BATCH);
      await fileBatch(batch, await readBatch(batch, deps), deps);
    }
  });
  const trackingMs = campaignTrackingMs();
  // A kept store from an earlier run: its index as the daemon would leave it (written anew if it lacks anything).
  if (again) await refreshCampaignIndex(store, rules);
  await store.close();
  await pool.close();

  // The first `campaigns` after filing describes the campaigns and keeps them (state/campaign-described.json);
  // the next ones, and the digest, read them back while the store is unchanged. Then 20 more
  // members are filed (one daemon batch) and the commands are timed again: the kept descriptions
  // are brought up to date reading only the new records.
  const [, campaignsFirst] = await timedCommand(() => campaignsCommand(config.dataDir, rules, {}, devNull()));
  const [, campaignsMs] = await timedCommand(() => campaignsCommand(config.dataDir, rules, {}, devNull()));
  const [, digestMs] = await timedCommand(() => digestCommand({ config, rules, stdout: devNull(), stderr: devNull(), now: () => new Date('2021-05-19T06:00:00Z') }));
  const late = await Store.open(config.dataDir, { lock: true });
  const latePool = new ExtractorPool(config.workers);
  const lateBatch = members(BATCH, `${args.seed}-late`, MEMBERS).map((raw, i): Incoming => ({ raw, source: { kind: 'file', path: `late-${i}.eml` }, mailboxDate: new Date(Date.UTC(2021, 4, 12) + i * 60_000) }));
  const lateDeps = { ...deps, store: late, extractor: latePool.extractor };
  await fileBatch(lateBatch, await readBatch(lateBatch, lateDeps), lateDeps);
  await late.close();
  await latePool.close();
  const [, campaignsAfter] = await timedCommand(() => campaignsCommand(config.dataDir, rules, {}, devNull()));
  const [, digestAfter] = await timedCommand(() => digestCommand({ config, rules, stdout: devNull(), stderr: devNull(), now: () => new Date('2021-05-19T06:00:00Z') }));
  const out = new Writable({ write: (c, _e, cb) => { lines.push(String(c)); cb(); } });
  const lines: string[] = [];
  await campaignsCommand(config.dataDir, rules, {}, out);

  const share = trackingMs / filingMs;
  const row = (what: string, value: string, target: string, ok: boolean) => `${what.padEnd(44)} ${value.padStart(10)}  ${target.padEnd(8)} ${ok ? 'ok' : 'OVER'}`;
  const cpu = (t: Timing) => `${'  CPU (user + system)'.padEnd(44)} ${`${(t.cpu / 1000).toFixed(2)} s`.padStart(10)}`;
  process.stdout.write(
    [
      `campaign bench: ${MEMBERS} members + ${OTHERS} other submissions`,
      lines.join('').trim(),
      '',
      `${'measure'.padEnd(44)} ${'value'.padStart(10)}  target`,
      row('filing, all batches (intake + store + index)', `${(filingMs / 1000).toFixed(1)} s`, '', true),
      row('  of which campaign tracking', `${(trackingMs / 1000).toFixed(2)} s`, '', true),
      row('campaign tracking / filing', `${(share * 100).toFixed(1)} %`, '≤ 10 %', share <= 0.1),
      row('innspill campaigns, first after filing', `${(campaignsFirst.wall / 1000).toFixed(2)} s`, '< 2 s', campaignsFirst.wall < 2000),
      cpu(campaignsFirst),
      row('innspill campaigns, store unchanged', `${(campaignsMs.wall / 1000).toFixed(2)} s`, '< 2 s', campaignsMs.wall < 2000),
      cpu(campaignsMs),
      row('innspill digest (text), store unchanged', `${(digestMs.wall / 1000).toFixed(2)} s`, '< 2 s', digestMs.wall < 2000),
      cpu(digestMs),
      row(`innspill campaigns, after ${BATCH} more members`, `${(campaignsAfter.wall / 1000).toFixed(2)} s`, '< 2 s', campaignsAfter.wall < 2000),
      cpu(campaignsAfter),
      row(`innspill digest (text), after ${BATCH} more`, `${(digestAfter.wall / 1000).toFixed(2)} s`, '< 2 s', digestAfter.wall < 2000),
      cpu(digestAfter),
      '',
    ].join('\n'),
  );
  if (!args.keep) rmSync(work, { recursive: true, force: true });
}

await main();
