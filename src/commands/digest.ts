// `innspill digest [--since DATE|TIME|last] [--format text|html|md] [--out FILE] [--send]`
// Without --send it only reads: the digest is written to the file or stdout, the store is not
// touched. With --send it mails the digest exactly as the schedule would (everything since the
// last digest sent) and records it, so the schedule carries on after it.
import { writeFile } from 'node:fs/promises';
import type { Config } from '../config.js';
import { digestLinksFor } from '../digest/links.js';
import { buildDigest, type DigestModel } from '../digest/build.js';
import { describedCampaigns } from '../store/campaigns.js';
import { renderHtml } from '../digest/render-html.js';
import { digestTemplateFor } from '../rules/digest-template.js';
import { renderMarkdown } from '../digest/render-md.js';
import { renderText } from '../digest/render-text.js';
import { consultationsWithDigest } from '../digest/which.js';
import { chosenConsultation } from './consultation-option.js';
import { digestStateName, readDigestState } from '../digest/state.js';
import type { Rules } from '../rules/types.js';
import { Store } from '../store/json-store.js';
import type { SubmissionRecord } from '../store/record.js';
import { StoreLockedError } from '../store/lock.js';
import { checkOutFile, outFileError } from './out-file.js';
import { parseLocalTime } from './since.js';
import { UsageError } from './usage.js';

export interface DigestCommandOptions {
  since?: string;
  format?: string;
  out?: string;
  send?: boolean;
  /** Only this consultation's digest (its id); unset: each open consultation's. */
  consultation?: string;
  config: Config;
  rules: Rules;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  now?: () => Date;
}

const RENDERERS: Record<string, (m: DigestModel, rules: Rules) => string> = {
  text: renderText,
  html: (m, rules) => renderHtml(m, digestTemplateFor(rules)),
  md: renderMarkdown,
};

/** Between the digests of several consultations in one text or Markdown output. */
const SEPARATOR = '\n\n' + '='.repeat(72) + '\n\n';

type Since = { kind: 'all' } | { kind: 'last' } | { kind: 'time'; at: Date };

function parseSince(value: string | undefined, timeZone: string): Since | null {
  if (value === undefined) return { kind: 'all' };
  if (value === 'last') return { kind: 'last' };
  const at = parseLocalTime(value, timeZone);
  return at ? { kind: 'time', at } : null;
}

async function writeOut(path: string, text: string): Promise<void> {
  await writeFile(path, text, 'utf8').catch((err: unknown) => {
    throw outFileError(err, path);
  });
}

export async function digestCommand(o: DigestCommandOptions): Promise<number> {
  try {
    return await digest(o);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    o.stderr.write(`innspill digest: ${err.message}\n`);
    return 2;
  }
}

/** The consultations a digest without --consultation covers. */
async function withDigest(o: DigestCommandOptions, records: SubmissionRecord[] | null) {
  if (records) return consultationsWithDigest(o.rules, records);
  const store = await Store.open(o.config.dataDir, { lock: false });
  try {
    return consultationsWithDigest(o.rules, await store.readAllCopies());
  } finally {
    await store.close();
  }
}

async function digest(o: DigestCommandOptions): Promise<number> {
  const fail = (message: string, code = 2) => {
    o.stderr.write(`innspill digest: ${message}\n`);
    return code;
  };
  const render = RENDERERS[o.format ?? 'text'];
  if (!render) return fail(`--format må være text, html eller md (fikk «${o.format}»)`);
  const since = parseSince(o.since, o.rules.consultation.timezone);
  if (!since) return fail(`--since må være en dato eller et tidspunkt i norsk tid (f.eks. 2021-05-18 eller 2021-05-18T08:00), et tidspunkt med tidssone (2021-05-18T08:00+02:00), eller «last» (fikk «${o.since}»)`);
  if (o.out) await checkOutFile(o.out);
  const now = (o.now ?? (() => new Date()))();
  // One digest per consultation: the one asked for, or each open one with mail (see digest/which.ts).
  const chosen = chosenConsultation(o.rules, o.consultation);
  // Without --send the store is opened once and its records read once, for choosing and for the digests.
  const reader = o.send ? null : await Store.open(o.config.dataDir, { lock: false });
  try {
    return await digestWith(o, { render, since, now, chosen, reader, read: reader ? await reader.readAllCopies() : null, fail });
  } finally {
    await reader?.close();
  }
}

async function digestWith(
  o: DigestCommandOptions,
  c: { render: (m: DigestModel, rules: Rules) => string; since: Since; now: Date; chosen: Rules | null; reader: Store | null; read: SubmissionRecord[] | null; fail: (message: string, code?: number) => number },
): Promise<number> {
  const { render, since, now, chosen, fail } = c;
  const views = chosen ? [chosen] : await withDigest(o, c.read);
  if (views.length === 0) return fail('ingen innspillsrunde er åpen (alle er arkivert); velg en med --consultation');
  if (views.length > 1 && o.format === 'html') return fail(`oversikten i HTML gjelder én innspillsrunde: velg en med --consultation (${views.map((v) => v.consultation.id).join(', ')})`);

  if (o.send) {
    // Sending (nodemailer, and the mail parser the composer uses) is loaded only to send.
    const { digestRecipients, sendDigest } = await import('../digest/send.js');
    if (since.kind === 'time') return fail('--send sender alltid det som er nytt siden forrige sendte oversikt; bruk --since last eller ingen --since');
    if (views.every((v) => digestRecipients(o.config, v).length === 0)) return fail('ingen mottakere av oversikten: sett INNSPILL_DIGEST_TO');
    let store: Store;
    try {
      store = await Store.open(o.config.dataDir, { lock: true });
    } catch (err) {
      if (err instanceof StoreLockedError) return fail(`en annen innspill-prosess bruker arkivet i ${o.config.dataDir}; innspill run sender oversiktene selv når den kjører`);
      throw err;
    }
    try {
      const rendered: string[] = [];
      for (const view of views.filter((v) => digestRecipients(o.config, v).length > 0)) {
        const result = await sendDigest({ config: o.config, rules: view, store, now });
        const about = views.length > 1 ? ` (${view.consultation.label})` : '';
        if (!result.model) {
          o.stderr.write(`Ingenting nytt siden forrige oversikt${about}; ingen e-post sendt.\n`);
          continue;
        }
        rendered.push(render(result.model, view));
        o.stderr.write(`Oversikten${about} er sendt til ${digestRecipients(o.config, view).join(', ')} (${result.count} nye innspill; ${result.deliveredTo}).\n`);
      }
      if (o.out && rendered.length > 0) await writeOut(o.out, rendered.join(SEPARATOR));
      return 0;
    } finally {
      await store.close();
    }
  }

  const store = c.reader!;
  const records = c.read!;
  // Found once for every consultation: each digest shows its own.
  const campaigns = await describedCampaigns(store, records, o.rules);
  const outputs: string[] = [];
  for (const view of views) {
    let model: DigestModel;
    if (since.kind === 'last') {
      const state = await readDigestState(store, digestStateName(view));
      model = buildDigest(records, view, { since: state.lastSentAt ? new Date(state.lastSentAt) : null, now, seqAfter: state.lastSeq, links: await digestLinksFor(o.config.dataDir, view, { create: false }), campaigns });
    } else {
      model = buildDigest(records, view, { since: since.kind === 'time' ? since.at : null, now, links: await digestLinksFor(o.config.dataDir, view, { create: false }), campaigns });
    }
    outputs.push(render(model, view));
  }
  const output = outputs.join(SEPARATOR);
  if (o.out) await writeOut(o.out, output);
  else o.stdout.write(output);
  return 0;
}
