// `innspill reclassify`: the current rules over every record already filed (after a caseworker
// changed keywords or the sender register). Attachments are not read again: their stored text
// is used. Ids, filing order, where a message came from and receipt state never change.
import { readFile } from 'node:fs/promises';
import PQueue from 'p-queue';
import { intake } from '../intake/index.js';
import type { Extractor } from '../intake/extract/index.js';
import { DEFAULT_LIMITS } from '../intake/extract/index.js';
import { createHash } from 'node:crypto';
import type { Rules } from '../rules/types.js';
import { Store } from '../store/json-store.js';
import type { SubmissionRecord } from '../store/record.js';
import { Progress } from '../progress.js';

export interface ReclassifySummary {
  records: number;
  changed: number;
  commitmentsChanged: number;
  senderChanged: number;
  relevanceChanged: number;
}

/** An extractor that answers from the text stored beside each attachment. */
function storedTextExtractor(store: Store, record: SubmissionRecord): Extractor {
  const known = new Map(record.attachments.map((a) => [a.sha256, a]));
  return async (input) => {
    const sha = createHash('sha256').update(input.bytes).digest('hex');
    const a = known.get(sha);
    if (!a) return { text: '', problem: 'vedlegget ble ikke funnet blant de lagrede vedleggene' };
    return { text: a.textFile ? await readFile(store.path(a.textFile), 'utf8').catch(() => '') : '', problem: a.problem };
  };
}

export async function reclassify(store: Store, rules: Rules, now: Date, onProgress?: (n: number) => void): Promise<ReclassifySummary> {
  const summary: ReclassifySummary = { records: 0, changed: 0, commitmentsChanged: 0, senderChanged: 0, relevanceChanged: 0 };
  const queue = new PQueue({ concurrency: 4 });
  for (const id of store.ids()) {
    void queue.add(async () => {
      const record = await store.get(id);
      if (!record) return;
      summary.records++;
      const raw = await readFile(store.path(record.raw));
      const s = await intake(raw, rules, { extractor: storedTextExtractor(store, record), limits: { ...DEFAULT_LIMITS, maxBytes: Number.MAX_SAFE_INTEGER }, knownThreadIds: store.threadIds });
      const ids = (r: { commitments: Array<{ id: string }> }) => r.commitments.map((c) => c.id).sort().join(',');
      const changes = {
        commitments: ids(record) !== ids(s),
        sender: record.sender.organisation !== s.sender.organisation || record.sender.category !== s.sender.category,
        relevance: record.relevant !== s.relevant || record.automaticKind !== s.automaticKind,
        other: record.late !== s.late || record.language !== s.language,
      };
      if (changes.commitments) summary.commitmentsChanged++;
      if (changes.sender) summary.senderChanged++;
      if (changes.relevance) summary.relevanceChanged++;
      if (Object.values(changes).some(Boolean)) summary.changed++;
      const updated: SubmissionRecord = {
        ...record,
        relevant: s.relevant,
        relevance: s.relevance,
        automatic: s.automatic,
        automaticKind: s.automaticKind,
        bouncedRecipients: s.bouncedRecipients,
        sender: s.sender,
        commitments: s.commitments,
        language: s.language,
        late: s.late,
        receivedAt: s.receivedAt,
        receivedFrom: s.receivedFrom,
        ownWords: s.ownWords,
        classifiedAt: now.toISOString(),
      };
      // The folder is synced once at the end, not after each of thousands of records.
      await store.update(updated, { syncDir: false });
      onProgress?.(1);
    });
  }
  await queue.onIdle();
  await store.syncRecords();
  return summary;
}

export async function reclassifyCommand(dataDir: string, rules: Rules, out: NodeJS.WritableStream): Promise<number> {
  const store = await Store.open(dataDir, { lock: true });
  try {
    const progress = new Progress('Klassifiserer på nytt', store.size);
    const s = await reclassify(store, rules, new Date(), (n) => progress.add(n));
    progress.stop();
    out.write(
      `${s.records} innspill klassifisert på nytt: ${s.changed} endret ` +
        `(forpliktelser ${s.commitmentsChanged}, avsender ${s.senderChanged}, relevans/automatisk ${s.relevanceChanged})\n`,
    );
    return 0;
  } finally {
    await store.close();
  }
}
